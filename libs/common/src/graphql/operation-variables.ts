import { getVariableValues, GraphQLSchema, OperationDefinitionNode } from 'graphql';

const coercedByRequest = new WeakMap<object, Readonly<Record<string, unknown>> | null>();

/**
 * The operation's variables as execution will see them: coerced to their declared types, with
 * the defaults of the operation's variable definitions and of input fields applied. Checks that
 * read variables read these, so a default (`$x: String = "…"`) is held to the same rules as a
 * value sent, and a value shaped unlike its type (an array nested a thousand deep where a string
 * belongs) is never walked. Null when they do not coerce: execution then refuses the request
 * (BAD_USER_INPUT) before anything runs. Computed once per request, however many checks ask.
 */
export function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  request: { variables?: Readonly<Record<string, unknown>> },
): Readonly<Record<string, unknown>> | null {
  if (coercedByRequest.has(request)) return coercedByRequest.get(request) ?? null;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
  const coerced = result.errors ? null : result.coerced;
  coercedByRequest.set(request, coerced);
  return coerced;
}
