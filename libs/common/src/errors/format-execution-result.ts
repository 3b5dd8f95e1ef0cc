import { ExecutionResult, FormattedExecutionResult, GraphQLError } from 'graphql';
import { formatGraphqlError } from './format-graphql-error';

/**
 * A result Apollo does not send, formatted as Apollo would: graphql-ws delivers live operations
 * itself, without Apollo's formatError, so each of their errors goes through formatGraphqlError
 * here — mapped, masked and (when unexpected) logged exactly as over HTTP.
 */
export function formatExecutionResult(result: ExecutionResult | FormattedExecutionResult): FormattedExecutionResult {
  const { errors, ...rest } = result;
  if (!errors || errors.length === 0) return rest;
  return { ...rest, errors: errors.map((error) => (error instanceof GraphQLError ? formatGraphqlError(error.toJSON(), error) : error)) };
}
