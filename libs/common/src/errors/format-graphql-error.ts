import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError } from '@referloop/core';
import { ErrorCode } from '@referloop/core';
import { logUnexpectedError } from '@referloop/core';

/** Codes Apollo itself produces for malformed requests; their messages are safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * The one place an error leaving Apollo takes the shape a client sees, and the one place an
 * unexpected one is logged. It has to be here rather than in GraphqlExceptionFilter: field
 * resolvers run without Nest's filters (enabling them would wrap every field of every response),
 * so only this sees every error — root and field resolvers', plugins', scalars' — and the filter
 * hands resolver errors on untouched. A DomainError keeps its message and becomes `code` (plus
 * `reason` when it has one, and its own extensions such as `field`). Request-level errors (parse,
 * validation, variable coercion) keep their codes, variable coercion errors gain `field`, stack
 * traces are dropped, and anything unexpected (a bug, a database failure, a serialisation error)
 * is logged with its stack and masked as "Internal server error".
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof DomainError) return { ...base, extensions: domainErrorExtensions(original) };
  const unexpected = original !== undefined && !(original instanceof GraphQLError);

  if (code && KNOWN_CODES.has(code) && !unexpected && code !== ErrorCode.INTERNAL) {
    const extensions: Record<string, unknown> = { ...formatted.extensions };
    delete extensions.stacktrace;
    if (code === ErrorCode.BAD_USER_INPUT && extensions.field === undefined) {
      const field = fieldFromMessage(formatted.message);
      if (field) extensions.field = field;
    }
    return { ...base, extensions };
  }
  if (code && REQUEST_ERROR_CODES.has(code) && !unexpected) return { ...base, extensions: { code } };
  if (code === ErrorCode.INTERNAL && original === undefined) return { ...base, extensions: { code } };
  logUnexpectedError(original ?? formatted.message);
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL } };
}

/** What a client reads of a DomainError besides its message: `code`, `reason` when it has one, and its own extensions. */
function domainErrorExtensions(error: DomainError): Record<string, unknown> {
  return { ...error.extensions, code: error.code, ...(error.reason === undefined ? {} : { reason: error.reason }) };
}

/** `Variable "$input" got invalid value 11 at "input.assessment.rangeOfMotion[0].painScore"; …` → that path. */
function fieldFromMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message);
  if (at) return at[1].replace(/\[(\d+)\]/g, '.$1');
  const variable = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)"/.exec(message);
  return variable?.[1];
}
