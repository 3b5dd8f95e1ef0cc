import { Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { TokenService, UserRepository } from '@referloop/auth';
import { isPlatformAdmin } from '@referloop/common';
import { APP_CONFIG, AppConfig, clientAddress } from '@referloop/core';

/** The cookie that carries a platform admin's access token to the queue dashboard (a browser page cannot send a bearer header). */
export const ADMIN_COOKIE = 'referloop_admin';
/** Where the cookie goes: the admin pages only, never the API. */
export const ADMIN_PATH = '/admin';

export type AdminAccess = 'admin' | 'not-signed-in' | 'not-an-admin';

/** A cookie header's value for `name`; undefined when absent or not validly encoded (then it is no session at all). */
function cookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

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

  async access(headers: IncomingHttpHeaders, ip: string | undefined): Promise<AdminAccess> {
    const token = cookie(headers, ADMIN_COOKIE);
    const userId = this.tokens.bearerUserId(headers.authorization) ?? (token ? this.tokens.bearerUserId(`Bearer ${token}`) : null);
    if (!userId) return 'not-signed-in';
    const actor = await this.users.findActiveActor(userId, clientAddress(ip));
    if (!actor) return 'not-signed-in';
    return isPlatformAdmin(actor) ? 'admin' : 'not-an-admin';
  }

  /** The Set-Cookie value that signs a browser in until the token expires. */
  cookieFor(accessToken: string, expiresAt: Date): string {
    const seconds = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
    const secure = this.config.production ? '; Secure' : '';
    return `${ADMIN_COOKIE}=${encodeURIComponent(accessToken)}; Path=${ADMIN_PATH}; Max-Age=${seconds}; HttpOnly; SameSite=Strict${secure}`;
  }

  /** The Set-Cookie value that signs it out. */
  clearedCookie(): string {
    return `${ADMIN_COOKIE}=; Path=${ADMIN_PATH}; Max-Age=0; HttpOnly; SameSite=Strict`;
  }
}
