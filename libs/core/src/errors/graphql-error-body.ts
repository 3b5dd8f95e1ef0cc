/**
 * The body of a GraphQL answer carrying one error and no data, for the requests refused before
 * Apollo sees them (unreadable bodies, over-nested documents): a client reads every error of
 * the GraphQL endpoint the same way, from `errors[0].extensions.code`.
 */
export function graphqlErrorBody(message: string, code: string): { errors: Array<{ message: string; extensions: { code: string } }> } {
  return { errors: [{ message, extensions: { code } }] };
}
