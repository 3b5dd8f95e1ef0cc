/**
 * Reading the Cookie header and writing Set-Cookie, for every cookie the gateway sets (the admin
 * pages' and the browser session's). Values are percent-encoded when written and decoded when read.
 */

export interface CookieAttributes {
  /** The only path the browser sends the cookie to. */
  path: string;
  /** Seconds until the browser drops the cookie; 0 drops it at once. */
  maxAgeSeconds: number;
  /** Sent over HTTPS only: in production (local development runs over plain HTTP). */
  secure: boolean;
}

/**
 * A Set-Cookie value. Every cookie of ours is HttpOnly (no script can read it, so an injected
 * script cannot carry it off) and SameSite=Strict (a page of another site never makes the browser
 * send it).
 */
export function serializeCookie(name: string, value: string, { path, maxAgeSeconds, secure }: CookieAttributes): string {
  const attributes = [`Path=${path}`, `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, 'HttpOnly', 'SameSite=Strict'];
  if (secure) attributes.push('Secure');
  return [`${name}=${encodeURIComponent(value)}`, ...attributes].join('; ');
}

/** The Set-Cookie value that makes the browser drop the cookie. */
export function clearedCookie(name: string, attributes: Omit<CookieAttributes, 'maxAgeSeconds'>): string {
  return serializeCookie(name, '', { ...attributes, maxAgeSeconds: 0 });
}

/**
 * The cookies of a Cookie header, by name. When a name comes twice the first is kept: browsers
 * put the cookie with the longer path first, which is ours (a cookie for `/` planted by a
 * neighbouring site comes after it). A value that is not validly percent-encoded is left out, as
 * if it had not been sent: it is nothing we set.
 */
export function parseCookies(header: string | undefined): ReadonlyMap<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    if (name === '' || cookies.has(name)) continue;
    const value = decoded(part.slice(separator + 1).trim());
    if (value !== undefined) cookies.set(name, value);
  }
  return cookies;
}

function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch (error) {
    // A malformed escape: no cookie of ours holds one.
    if (error instanceof URIError) return undefined;
    throw error;
  }
}
