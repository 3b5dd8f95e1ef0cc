import { Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { TokenService, UserRepository } from '@referloop/auth';
import { isPlatformAdmin } from '@referloop/common';
import { APP_CONFIG, AppConfig, clearedCookie, clientAddress, parseCookies, serializeCookie } from '@referloop/core';

/** The cookie that carries a platform admin's access token to the queue dashboard (a browser page cannot send a bearer header). */
export const ADMIN_COOKIE = 'referloop_admin';
/** Where the cookie goes: the admin pages only, never the API. */
export const ADMIN_PATH = '/admin';

export type AdminAccess = 'admin' | 'not-signed-in' | 'not-an-admin';

/**
 * Who may open the admin pages: an active platform admin, by the same access token as the API —
 * sent as a bearer header, or as the HttpOnly cookie the admin sign-in page sets. Checked on
 * every request, so a disabled admin or an expired token is shut out at once.
 */
@Injectable()
export class AdminSession {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
  ) {}

  /** The access token in the admin cookie, if any. */
  tokenIn(headers: IncomingHttpHeaders): string | undefined {
    return parseCookies(headers.cookie).get(ADMIN_COOKIE);
  }

  async access(headers: IncomingHttpHeaders, ip: string | undefined): Promise<AdminAccess> {
    const token = this.tokenIn(headers);
    const claims = this.tokens.bearerClaims(headers.authorization) ?? (token ? this.tokens.bearerClaims(`Bearer ${token}`) : null);
    if (!claims) return 'not-signed-in';
    const actor = await this.users.findActiveActor(claims, clientAddress(ip));
    if (!actor || actor.needsSecondFactor) return 'not-signed-in';
    return isPlatformAdmin(actor) ? 'admin' : 'not-an-admin';
  }

  /** The Set-Cookie value that signs a browser in until the token expires. */
  cookieFor(accessToken: string, expiresAt: Date): string {
    const maxAgeSeconds = (expiresAt.getTime() - Date.now()) / 1000;
    return serializeCookie(ADMIN_COOKIE, accessToken, { path: ADMIN_PATH, maxAgeSeconds, secure: this.config.production });
  }

  /** The Set-Cookie value that signs it out. */
  clearedCookie(): string {
    return clearedCookie(ADMIN_COOKIE, { path: ADMIN_PATH, secure: this.config.production });
  }
}
