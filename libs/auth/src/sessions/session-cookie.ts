import { Inject, Injectable } from '@nestjs/common';
import { GRAPHQL_PATH } from '@referloop/common';
import { APP_CONFIG, AppConfig, clearedCookie, serializeCookie } from '@referloop/core';
import { formatCredential, parseCredential, SessionCredential } from './session-credential';

export const SESSION_COOKIE = 'referloop_session';

/**
 * The cookie that holds a browser's session credential: HttpOnly, so no script (the web app's
 * own included) can read it; SameSite=Strict, so no other site's page makes the browser send it;
 * for /graphql only, where refreshSession and signOut read it; Secure in production. It lasts
 * as long as the session would unrefreshed, and is renewed with each refresh.
 */
@Injectable()
export class SessionCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The Set-Cookie value that hands the browser `credential` until `expiresAt`. */
  issued(credential: SessionCredential, expiresAt: Date): string {
    const maxAgeSeconds = (expiresAt.getTime() - Date.now()) / 1000;
    return serializeCookie(SESSION_COOKIE, formatCredential(credential), { path: GRAPHQL_PATH, maxAgeSeconds, secure: this.config.production });
  }

  /** The Set-Cookie value that makes the browser drop it. */
  cleared(): string {
    return clearedCookie(SESSION_COOKIE, { path: GRAPHQL_PATH, secure: this.config.production });
  }

  /** The credential among the request's cookies; null when there is none, or none we could have issued. */
  read(cookies: ReadonlyMap<string, string>): SessionCredential | null {
    return parseCredential(cookies.get(SESSION_COOKIE));
  }
}
