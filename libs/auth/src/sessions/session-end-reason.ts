/** Why a browser session was ended (`user_sessions.revoked_reason`). */
export enum SessionEndReason {
  /** signOut, from this browser. */
  SIGNED_OUT = 'SIGNED_OUT',
  /** signOutEverywhere, from any of the user's browsers or API clients. */
  SIGNED_OUT_EVERYWHERE = 'SIGNED_OUT_EVERYWHERE',
  /** revokeSession: the user ended it from another of their sessions (a device they no longer use). */
  REVOKED = 'REVOKED',
  /** The user changed their password: every session but the one they changed it from. */
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  /** The password was reset with an emailed link: every session, wherever it was. */
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** An admin changed the user's role: what the sessions were signed in as no longer holds. */
  ROLE_CHANGED = 'ROLE_CHANGED',
  /** Two-factor sign-in was turned on: every other session, opened without the code. */
  SECOND_FACTOR_ENROLLED = 'SECOND_FACTOR_ENROLLED',
  /** An admin reset the user's two-factor sign-in (a lost phone): every session. */
  SECOND_FACTOR_RESET = 'SECOND_FACTOR_RESET',
  /** Two-factor sign-in was turned off on an account that must use it: the other sessions end. */
  SECOND_FACTOR_REMOVED = 'SECOND_FACTOR_REMOVED',
  /** An admin disabled the account. */
  USER_DISABLED = 'USER_DISABLED',
  /** A cookie that a refresh had already replaced was presented again: two parties held the session. */
  CREDENTIAL_REUSED = 'CREDENTIAL_REUSED',
}
