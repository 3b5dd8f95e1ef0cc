import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';
import { ServiceUnreachable, SessionRefused } from '../session/session-api';

export interface DescribedError {
  message: string;
  code?: string;
  reason?: string;
  /** extensions.field: the input path that was refused, e.g. `input.appointmentAt`. */
  field?: string;
  currentVersion?: number;
  retryable: boolean;
}

/**
 * Codes GraphQL itself gives a malformed request: this app sent something the server does not
 * understand, which happens when the server was updated under an open page.
 */
const CLIENT_OUT_OF_DATE = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);
const OUT_OF_DATE = 'This page is out of date with ReferLoop. Reload the page to get the current version.';

const UNREACHABLE = 'ReferLoop cannot be reached right now. Check your connection; nothing was changed.';

/**
 * One reading of every error the app can meet, so each page words them the same way. The
 * gateway's messages are written for people (docs/errors.md) and shown as they are; anything
 * else (a network failure, a proxy's HTML page) becomes a sentence, never a stack trace.
 */
export function describeError(error: unknown): DescribedError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
    const code = typeof extensions.code === 'string' ? extensions.code : undefined;
    return {
      message: code && CLIENT_OUT_OF_DATE.has(code) ? OUT_OF_DATE : code === 'INTERNAL_SERVER_ERROR' ? 'Something went wrong on our side. Try again in a moment.' : (first?.message ?? 'The request was refused.'),
      code,
      reason: typeof extensions.reason === 'string' ? extensions.reason : undefined,
      field: typeof extensions.field === 'string' ? extensions.field : undefined,
      currentVersion: typeof extensions.currentVersion === 'number' ? extensions.currentVersion : undefined,
      retryable: code === 'INTERNAL_SERVER_ERROR' || code === 'TOO_MANY_REQUESTS' || (code !== undefined && CLIENT_OUT_OF_DATE.has(code)),
    };
  }
  if (error instanceof SessionRefused) {
    return { message: error.message, code: error.code, reason: error.reason, field: error.field, retryable: error.code === 'TOO_MANY_REQUESTS' };
  }
  if (error instanceof ServiceUnreachable) return { message: error.message, retryable: true };
  if (ServerError.is(error) || ServerParseError.is(error)) {
    return { message: 'ReferLoop answered with an error. Try again in a moment.', retryable: true };
  }
  return { message: UNREACHABLE, retryable: true };
}
