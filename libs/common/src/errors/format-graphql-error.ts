import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

const logger = new Logger('GraphQL');

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
 * Last line of defence on every error leaving Apollo. Resolver errors were already mapped by
 * GraphqlExceptionFilter — except those thrown by field resolvers, which Nest runs without
 * filters (enabling them would wrap every field of every response); their DomainErrors are
 * mapped the same way here. This also keeps request-level errors (parse, validation, variable
 * coercion) with their codes, adds `field` to variable coercion errors, drops any stack trace,
 * and masks anything unexpected (serialisation failures, errors thrown in scalars).
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof DomainError) return { ...base, extensions: { ...original.extensions, code: original.code } };
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
  logger.error(original?.stack ?? formatted.message);
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL } };
}

/** `Variable "$input" got invalid value 11 at "input.assessment.rangeOfMotion[0].painScore"; …` → that path. */
function fieldFromMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message);
  if (at) return at[1].replace(/\[(\d+)\]/g, '.$1');
  const variable = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)"/.exec(message);
  return variable?.[1];
}
