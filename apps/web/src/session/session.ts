import { requestAcceptInvitation, requestRefresh, requestSignIn, requestSignInCode, requestSignOut, requestSignOutEverywhere, ServiceUnreachable, SessionRefused } from './session-api';
import { currentAccessToken, sessionState, setSessionState } from './session-store';
import type { AuthPayloadFieldsFragment } from '../gql/graphql';

/**
 * Signing in, renewing and signing out, for every tab of the browser at once.
 *
 * - The refresh credential lives in an HttpOnly cookie this code cannot read; renewing rotates it,
 *   so two tabs must not renew with the same one (the gateway takes a reused credential for a
 *   stolen one and ends the session). A Web Lock makes the tabs take turns.
 * - Signing in or out in one tab tells the others over a BroadcastChannel, so a shared
 *   computer never shows one tab signed in after another signed out.
 */

const CHANNEL = 'referloop-session';
const REFRESH_LOCK = 'referloop-session-refresh';
/** Renew this long before the access token expires, so requests never race its expiry. */
const RENEW_BEFORE_MS = 60_000;

type TabMessage = 'signed-in' | 'signed-out';

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
let renewTimer: ReturnType<typeof setTimeout> | undefined;
let renewing: Promise<string | null> | null = null;

function signedIn(payload: AuthPayloadFieldsFragment): string {
  // Only a sign-in still waiting for its code has no token; that never reaches here.
  if (!payload.accessToken || !payload.expiresAt) throw new ServiceUnreachable('ReferLoop gave no access token. Try signing in again.');
  const expiresAt = Date.parse(payload.expiresAt);
  setSessionState({ status: 'signed-in', user: payload.user, accessToken: payload.accessToken, expiresAt, mustEnrolTwoFactor: payload.mustEnrolTwoFactor });
  clearTimeout(renewTimer);
  renewTimer = setTimeout(() => void renewAccessToken(), Math.max(5_000, expiresAt - Date.now() - RENEW_BEFORE_MS));
  return payload.accessToken;
}

function signedOut(notice?: string): void {
  clearTimeout(renewTimer);
  setSessionState({ status: 'signed-out', notice });
}

/** Runs `work` while no other tab of this browser renews the session. */
async function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return work();
  return navigator.locks.request(REFRESH_LOCK, work);
}

/**
 * A fresh access token through the session cookie, or null when there is no session any more
 * (then the app shows the sign-in page). Concurrent callers in one tab share one renewal.
 */
export function renewAccessToken(): Promise<string | null> {
  renewing ??= oneTabAtATime(async () => {
    try {
      return signedIn(await requestRefresh());
    } catch (error) {
      if (error instanceof SessionRefused) {
        const wasSignedIn = sessionState().status === 'signed-in';
        signedOut(wasSignedIn ? 'Your session has ended. Sign in again to carry on.' : undefined);
        return null;
      }
      // Unreachable: keep what we have; the next request says so in words and retries.
      if (sessionState().status === 'starting') signedOut();
      throw error;
    }
  }).finally(() => {
    renewing = null;
  });
  return renewing;
}

/**
 * The access token for a connection about to open (the live updates' WebSocket), renewed first
 * when it has expired or is about to: a connection holds on to the token it opened with.
 */
export async function accessTokenForConnection(): Promise<string | null> {
  const state = sessionState();
  if (state.status === 'signed-in' && state.expiresAt - Date.now() > RENEW_BEFORE_MS / 2) return state.accessToken;
  return renewAccessToken();
}

/** On page load: a session cookie left by an earlier visit signs this tab in. */
export async function resumeSession(): Promise<void> {
  try {
    await renewAccessToken();
  } catch (error) {
    if (!(error instanceof ServiceUnreachable)) throw error;
    setSessionState({ status: 'signed-out', notice: error.message });
  }
}

/** The step after a correct password, for an account with two-factor sign-in on. */
export interface CodeStep {
  token: string;
  expiresAt: string;
}

/** Signs in, or answers the code step when the account has two-factor sign-in on. */
export async function signIn(email: string, password: string): Promise<CodeStep | null> {
  const payload = await requestSignIn(email, password);
  if (payload.twoFactorChallenge) return payload.twoFactorChallenge;
  startedSession(payload);
  return null;
}

/** The code (or a recovery code) that completes a sign-in's code step. */
export async function signInWithCode(step: CodeStep, code: string): Promise<void> {
  startedSession(await requestSignInCode(step.token, code));
}

/** The session that could only enrol may do everything now: the same session, enrolled. */
export function enrolledTwoFactor(): void {
  const state = sessionState();
  if (state.status === 'signed-in') setSessionState({ ...state, mustEnrolTwoFactor: false });
}

/**
 * The gateway refused a request because this account must now use two-factor sign-in (its
 * clinic has just required it): the app gives way to enrolling, as after a fresh sign-in.
 */
export function mustEnrolTwoFactor(): void {
  const state = sessionState();
  if (state.status === 'signed-in' && !state.mustEnrolTwoFactor) setSessionState({ ...state, mustEnrolTwoFactor: true });
}

/** Accepts an invitation with the password chosen: the gateway signs this browser in as it does. */
export async function acceptInvitation(token: string, password: string): Promise<void> {
  startedSession(await requestAcceptInvitation(token, password));
}

function startedSession(payload: AuthPayloadFieldsFragment): void {
  signedIn(payload);
  channel?.postMessage('signed-in' satisfies TabMessage);
}

/**
 * Ends this browser's session (every tab of it), or with `everywhere` every session of the user
 * on every device (a lost tablet, a shared computer left signed in).
 */
export async function signOut(everywhere = false): Promise<void> {
  const token = currentAccessToken();
  try {
    await (everywhere ? requestSignOutEverywhere(token) : requestSignOut(token));
  } finally {
    // Signed out here even when the call failed: the page must not stay signed in on a shared computer.
    signedOut(everywhere ? 'You have signed out on every device.' : 'You have signed out.');
    channel?.postMessage('signed-out' satisfies TabMessage);
  }
}

channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => {
  if (event.data === 'signed-out' && sessionState().status === 'signed-in') {
    signedOut('You signed out in another tab.');
  } else if (event.data === 'signed-in' && sessionState().status !== 'signed-in') {
    void resumeSession();
  }
});
