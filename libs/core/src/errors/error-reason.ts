/**
 * Why a request was refused, finer than its code: exposed as GraphQL `extensions.reason` beside
 * `extensions.code`, so a client can branch without reading the message (which is written for
 * people and may change). The list is closed and grows only by adding members: a member is never
 * renamed, removed or given another meaning. docs/errors.md documents each one, and a test keeps
 * the two lists equal.
 *
 * Every FORBIDDEN, INVALID_TRANSITION and CONFLICT the domain raises carries a reason; other codes
 * carry one where the code and `field` alone would not tell a client what to do.
 */
export enum ErrorReason {
  // FORBIDDEN

  /** The caller's side of this referral (referrer, receiving staff, treating provider) may never take this action. */
  NOT_YOUR_SIDE = 'NOT_YOUR_SIDE',
  /** The caller's role does not allow this: a platform admin registering a patient, a coordinator onboarding a clinic, a provider changing another provider's profile. */
  NOT_YOUR_ROLE = 'NOT_YOUR_ROLE',
  /** The caller's role may do this, but only within their own clinic, and this belongs to another one. */
  NOT_YOUR_CLINIC = 'NOT_YOUR_CLINIC',
  /** The account must use two-factor sign-in and has not enrolled: this session may only enrol. */
  TWO_FACTOR_ENROLMENT_REQUIRED = 'TWO_FACTOR_ENROLMENT_REQUIRED',

  // INVALID_TRANSITION

  /** The action exists for the caller's side, but not from the current status (of the referral, or of the notification retried). */
  NOT_FROM_THIS_STATUS = 'NOT_FROM_THIS_STATUS',
  /** The referrer has already acknowledged this referral's outcome: the loop is closed. */
  ALREADY_ACKNOWLEDGED = 'ALREADY_ACKNOWLEDGED',
  /** This declined or expired referral has already been redirected; it is redirected once. */
  ALREADY_REDIRECTED = 'ALREADY_REDIRECTED',
  /** The open referral has been claimed by another provider: it is no longer open to the caller. */
  POOL_TAKEN = 'POOL_TAKEN',

  // CONFLICT

  /** The referral changed since the caller read it (`expectedVersion`); `extensions.currentVersion` has its version now. */
  STALE_VERSION = 'STALE_VERSION',
  /** The treatment plan changed since the caller read it (`expectedPlanVersion`); `extensions.currentPlanVersion` has its version now. */
  STALE_PLAN_VERSION = 'STALE_PLAN_VERSION',
  /** The change would leave a clinic without an active admin (demoting or disabling its last one). */
  LAST_ACTIVE_ADMIN = 'LAST_ACTIVE_ADMIN',

  // BAD_USER_INPUT

  /** A referral would be sent without the patient's consent to share it. */
  CONSENT_MISSING = 'CONSENT_MISSING',
  /** The request asks for more list items, over every list and alias, than one request may (GRAPHQL_MAX_ITEMS). */
  ITEMS_OVER_LIMIT = 'ITEMS_OVER_LIMIT',
  /** An invitation or password-reset link that has been used already. */
  LINK_USED = 'LINK_USED',
  /** An invitation or password-reset link past its end. */
  LINK_EXPIRED = 'LINK_EXPIRED',
  /** An invitation or password-reset link replaced by a newer one, or withdrawn. */
  LINK_REVOKED = 'LINK_REVOKED',

  // QUERY_TOO_EXPENSIVE

  /** The request would cost more than one request may (GRAPHQL_MAX_COST); `extensions.cost` and `maxCost` say by how much. */
  COST_OVER_LIMIT = 'COST_OVER_LIMIT',

  // TOO_MANY_REQUESTS

  /** Too many failed sign-ins for this account or from this address; `extensions.retryAfterSeconds` says when to try again. */
  TOO_MANY_SIGN_IN_FAILURES = 'TOO_MANY_SIGN_IN_FAILURES',
  /** Too many password resets asked for this address, or from this client; `extensions.retryAfterSeconds` says when to try again. */
  TOO_MANY_RESET_REQUESTS = 'TOO_MANY_RESET_REQUESTS',

  // UNAUTHENTICATED

  /** The browser session was ended: signed out (here or everywhere), the account disabled, or a replaced session cookie presented again. */
  SESSION_REVOKED = 'SESSION_REVOKED',
  /** The browser session went unrefreshed for longer than SESSION_IDLE_TIMEOUT_HOURS, or reached SESSION_MAX_AGE_DAYS. */
  SESSION_EXPIRED = 'SESSION_EXPIRED',
}

/** The reasons each factory of domain-error.ts accepts: a reason only ever goes with its own code. */
export type ForbiddenReason = ErrorReason.NOT_YOUR_SIDE | ErrorReason.NOT_YOUR_ROLE | ErrorReason.NOT_YOUR_CLINIC | ErrorReason.TWO_FACTOR_ENROLMENT_REQUIRED;
export type TransitionReason =
  | ErrorReason.NOT_FROM_THIS_STATUS
  | ErrorReason.ALREADY_ACKNOWLEDGED
  | ErrorReason.ALREADY_REDIRECTED
  | ErrorReason.POOL_TAKEN;
export type ConflictReason = ErrorReason.STALE_VERSION | ErrorReason.STALE_PLAN_VERSION | ErrorReason.LAST_ACTIVE_ADMIN;
export type BadInputReason =
  | ErrorReason.CONSENT_MISSING
  | ErrorReason.ITEMS_OVER_LIMIT
  | ErrorReason.LINK_USED
  | ErrorReason.LINK_EXPIRED
  | ErrorReason.LINK_REVOKED;
export type UnauthenticatedReason = ErrorReason.SESSION_REVOKED | ErrorReason.SESSION_EXPIRED;
