import { SESSION_COOKIE } from '@referloop/auth';
import { graphqlBody, rawRequest, SetCookie, setCookies } from './gateway-http';
import type { GraphqlResponse, Variables } from './graphql-client';

export const SIGN_IN = `mutation signIn($input: LoginInput!) {
  signIn(input: $input) { accessToken expiresAt user { id email } }
}`;
export const REFRESH_SESSION = `mutation refreshSession { refreshSession { accessToken expiresAt user { id } } }`;
export const SIGN_OUT = `mutation signOut { signOut }`;
export const SIGN_OUT_EVERYWHERE = `mutation signOutEverywhere { signOutEverywhere }`;

/** An answer, with the session cookies it set (none, a new one, or one cleared with Max-Age=0). */
export interface BrowserAnswer<TData = Record<string, any>> extends GraphqlResponse<TData> {
  sessionCookies: SetCookie[];
}

/** The access token's claims, as the gateway signed them (read, not verified). */
export function claimsOf(accessToken: string): { sub: string; sid?: string; exp: number } {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as { sub: string; sid?: string; exp: number };
}

/**
 * The web app in a browser, over real HTTP: a cookie jar holding what the gateway's Set-Cookie
 * headers put in it (the session cookie, which a browser sends to /graphql), and the access
 * token kept in memory. Each request is a JSON POST, as the app's GraphQL client sends it.
 */
export class Browser {
  /** The session cookie's value; undefined once cleared, or before signing in. */
  cookie: string | undefined;
  /** The access token of the last signIn or refreshSession that succeeded. */
  accessToken: string | undefined;

  constructor(
    readonly baseUrl: string,
    cookie?: string,
    /** Sent with every request (a User-Agent, say). */
    private readonly headers: Record<string, string> = {},
  ) {
    this.cookie = cookie;
  }

  /** Another browser holding a copy of this one's cookie (as whoever stole it would) and no access token. */
  copy(): Browser {
    return new Browser(this.baseUrl, this.cookie, this.headers);
  }

  async signIn(email: string, password: string): Promise<BrowserAnswer<{ signIn: { accessToken: string; expiresAt: string; user: { id: string; email: string } } }>> {
    const answer = await this.send<{ signIn: { accessToken: string; expiresAt: string; user: { id: string; email: string } } }>(SIGN_IN, { input: { email, password } });
    if (answer.data?.signIn) this.accessToken = answer.data.signIn.accessToken;
    return answer;
  }

  async refresh(): Promise<BrowserAnswer<{ refreshSession: { accessToken: string; expiresAt: string; user: { id: string } } }>> {
    const answer = await this.send<{ refreshSession: { accessToken: string; expiresAt: string; user: { id: string } } }>(REFRESH_SESSION);
    if (answer.data?.refreshSession) this.accessToken = answer.data.refreshSession.accessToken;
    return answer;
  }

  /** Sends the cookie (if any) and, unless `bearer` is false, the access token. */
  async send<TData = Record<string, any>>(query: string, variables: Variables = {}, { bearer = true }: { bearer?: boolean } = {}): Promise<BrowserAnswer<TData>> {
    const headers: Record<string, string> = { ...this.headers, 'content-type': 'application/json', accept: 'application/json' };
    if (this.cookie !== undefined) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    if (bearer && this.accessToken !== undefined) headers.authorization = `Bearer ${this.accessToken}`;
    const response = await rawRequest(`${this.baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const sessionCookies = setCookies(response).filter((cookie) => cookie.name === SESSION_COOKIE);
    for (const cookie of sessionCookies) this.cookie = cookie.attributes['max-age'] === '0' ? undefined : cookie.value;
    const body = graphqlBody(response);
    return { status: response.status, data: body.data as TData | null | undefined, errors: body.errors, sessionCookies };
  }
}
