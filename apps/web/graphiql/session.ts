/**
 * The web app's session, borrowed: the session cookie (HttpOnly, sent to /graphql only) is
 * traded for an access token with refreshSession, as the web app does on page load. Each
 * refresh replaces the cookie, and the gateway ends a session whose replaced cookie comes back,
 * so refreshes never overlap: one at a time in this page, and one at a time across the
 * browser's tabs under the web app's own Web Lock.
 */

const REFRESH_LOCK = 'referloop-session-refresh';
/** Where the web app tells its other tabs that someone signed in or out. */
const SESSION_CHANNEL = 'referloop-session';
const REFRESH_SESSION = 'mutation refreshSession { refreshSession { accessToken expiresAt } }';

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

interface RefreshAnswer {
  data?: { refreshSession?: { accessToken: string; expiresAt: string } | null } | null;
  errors?: Array<{ message: string }>;
}

let accessToken: string | null = null;
let status: SessionStatus = 'unknown';
let refreshing: Promise<string | null> | null = null;
const listeners = new Set<(status: SessionStatus) => void>();

function setStatus(next: SessionStatus): void {
  status = next;
  for (const listener of listeners) listener(next);
}

/** Calls `listener` with every change of the session's status, and once now; returns the unsubscribe. */
export function watchSession(listener: (status: SessionStatus) => void): () => void {
  listeners.add(listener);
  listener(status);
  return () => listeners.delete(listener);
}

/** The access token to send, refreshing once when there is none yet; null without a session. */
export async function currentToken(): Promise<string | null> {
  return accessToken ?? (status === 'signed-out' ? null : refreshToken());
}

/**
 * A fresh access token, or null when there is no session to borrow (not signed in to the web
 * app, or refreshSession not offered by this gateway). Concurrent callers share one refresh.
 */
export function refreshToken(): Promise<string | null> {
  refreshing ??= oneTabAtATime(requestRefresh).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return work();
  return navigator.locks.request(REFRESH_LOCK, work);
}

async function requestRefresh(): Promise<string | null> {
  // content-type: application/json is what the gateway's CSRF prevention asks of a cookie-carrying call.
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: REFRESH_SESSION, operationName: 'refreshSession' }),
  });
  const answer = (await response.json()) as RefreshAnswer;
  accessToken = answer.data?.refreshSession?.accessToken ?? null;
  setStatus(accessToken ? 'signed-in' : 'signed-out');
  return accessToken;
}

// Signing in or out in the web app, in another tab, changes what this page may borrow.
if (typeof BroadcastChannel !== 'undefined') {
  new BroadcastChannel(SESSION_CHANNEL).addEventListener('message', (event: MessageEvent<unknown>) => {
    accessToken = null;
    if (event.data === 'signed-in') void refreshToken();
    else setStatus('signed-out');
  });
}
