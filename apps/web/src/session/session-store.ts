import { SessionUser } from './session-api';

/**
 * Who is signed in, held in memory only: the access token never reaches localStorage,
 * sessionStorage or a URL. A reload renews it through the HttpOnly session cookie.
 */
export type SessionState =
  | { status: 'starting' }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; user: SessionUser; accessToken: string; expiresAt: number; mustEnrolTwoFactor: boolean };

type Listener = () => void;

let state: SessionState = { status: 'starting' };
const listeners = new Set<Listener>();

export function sessionState(): SessionState {
  return state;
}

export function setSessionState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The access token for the next request, or null when nobody is signed in. */
export function currentAccessToken(): string | null {
  return state.status === 'signed-in' ? state.accessToken : null;
}
