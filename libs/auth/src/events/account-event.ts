import { registerEnumType } from '@nestjs/graphql';

/** Everything that happens to an account, as its audit trail names it. */
export enum AccountEventKind {
  SIGN_IN_SUCCEEDED = 'SIGN_IN_SUCCEEDED',
  /** `detail`: why, as a code (UNKNOWN_ACCOUNT, WRONG_PASSWORD, NO_PASSWORD_YET, DISABLED, THROTTLED, WRONG_CODE); never the password. */
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  INVITATION_SENT = 'INVITATION_SENT',
  INVITATION_ACCEPTED = 'INVITATION_ACCEPTED',
  INVITATION_REVOKED = 'INVITATION_REVOKED',
  PASSWORD_RESET_REQUESTED = 'PASSWORD_RESET_REQUESTED',
  PASSWORD_RESET_DONE = 'PASSWORD_RESET_DONE',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  /**
   * A signed-in user's password, asked again before something that weakens or moves the account
   * (changing it, turning two-factor sign-in on or off, an admin's reset of someone's), was wrong:
   * it counts towards the sign-in throttle like a failed sign-in. `detail`: why, as for SIGN_IN_FAILED.
   */
  PASSWORD_RECHECK_FAILED = 'PASSWORD_RECHECK_FAILED',
  /** A session ended by its user (`detail`: SIGNED_OUT_EVERYWHERE or REVOKED). */
  SESSION_REVOKED = 'SESSION_REVOKED',
  /** `detail`: `<from> -> <to>`. */
  ROLE_CHANGED = 'ROLE_CHANGED',
  USER_DISABLED = 'USER_DISABLED',
  USER_ENABLED = 'USER_ENABLED',
  TWO_FACTOR_ENROLLED = 'TWO_FACTOR_ENROLLED',
  TWO_FACTOR_REMOVED = 'TWO_FACTOR_REMOVED',
  /** An admin turned the user's two-factor sign-in off (a lost phone and lost recovery codes). */
  TWO_FACTOR_RESET = 'TWO_FACTOR_RESET',
  /** A recovery code signed the user in (the phone may be lost). */
  RECOVERY_CODE_USED = 'RECOVERY_CODE_USED',
}

registerEnumType(AccountEventKind, { name: 'AccountEventKind' });

/** One event to record. */
export interface AccountEventRecord {
  event: AccountEventKind;
  /** Who did it; null when nobody was signed in (a sign-in, a link's use). */
  actorId: string | null;
  /** Whose account; null for a sign-in at an address without one. */
  userId: string | null;
  ipAddress: string | null;
  detail?: string | null;
}
