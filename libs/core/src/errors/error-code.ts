/** The closed list of error codes clients may branch on; exposed as GraphQL `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The request's computed cost is over GRAPHQL_MAX_COST; `extensions.cost` and `maxCost` say by how much. */
  QUERY_TOO_EXPENSIVE = 'QUERY_TOO_EXPENSIVE',
  INTERNAL = 'INTERNAL_SERVER_ERROR',
}
