import type { GraphQLResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/**
 * The errors a request was answered with, as its client reads them: formatted by
 * formatGraphqlError, which alone gives a resolver's error its code (as thrown, a DomainError
 * has none). Plugins that report codes (the request log, the metrics) read these, so they count
 * what clients were told.
 */
export function answeredErrors(response: GraphQLResponse): readonly GraphQLFormattedError[] {
  const body = response.body;
  return (body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors) ?? [];
}
