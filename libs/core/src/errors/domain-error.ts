import { ErrorCode } from './error-code';
import { BadInputReason, ConflictReason, ErrorReason, ForbiddenReason, TransitionReason, UnauthenticatedReason } from './error-reason';

/**
 * The one exception type the domain throws. Its message is written for the person using the
 * API and is shown verbatim; anything else that escapes is masked as INTERNAL_SERVER_ERROR.
 * `reason` (error-reason.ts) is for programs: it says why, where the code alone does not.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    readonly reason?: ErrorReason,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string, reason?: BadInputReason) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, { field }, reason);

export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);

export const forbidden = (message = 'You are not allowed to do this', reason?: ForbiddenReason) =>
  new DomainError(ErrorCode.FORBIDDEN, message, {}, reason);

export const unauthenticated = (message = 'Sign in first', reason?: UnauthenticatedReason) =>
  new DomainError(ErrorCode.UNAUTHENTICATED, message, {}, reason);

export const conflict = (message: string, extensions: Record<string, unknown> = {}, reason?: ConflictReason) =>
  new DomainError(ErrorCode.CONFLICT, message, extensions, reason);

export const invalidTransition = (message: string, reason?: TransitionReason) =>
  new DomainError(ErrorCode.INVALID_TRANSITION, message, {}, reason);
