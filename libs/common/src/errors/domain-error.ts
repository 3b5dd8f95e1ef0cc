import { ErrorCode } from './error-code';

/**
 * The one exception type the domain throws. Its message is written for the person using the
 * API and is shown verbatim; anything else that escapes is masked as INTERNAL_SERVER_ERROR.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, { field });

export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);

export const forbidden = (message = 'You are not allowed to do this') => new DomainError(ErrorCode.FORBIDDEN, message);

export const unauthenticated = (message = 'Sign in first') => new DomainError(ErrorCode.UNAUTHENTICATED, message);

export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  new DomainError(ErrorCode.CONFLICT, message, extensions);

export const invalidTransition = (message: string) => new DomainError(ErrorCode.INVALID_TRANSITION, message);
