import { Actor } from './actor';
import { AuditTrail } from './audit-trail';
import { Loaders } from './batch-loader';

/** The GraphQL context of one HTTP request. */
export interface RequestContext {
  authorization: string | undefined;
  ipAddress: string | null;
  /** The User-Agent header: kept with a browser session, so the user can tell their devices apart. */
  userAgent: string | undefined;
  /** The request's cookies, by name (none on a live connection). */
  cookies: ReadonlyMap<string, string>;
  /** Adds a Set-Cookie header (serializeCookie's) to the answer. */
  setCookie(cookie: string): void;
  /** Set by the auth guard once the bearer token is verified. */
  actor?: Actor;
  audit: AuditTrail;
  loaders: Loaders;
}
