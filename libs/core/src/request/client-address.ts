import { isIP } from 'node:net';

/**
 * The client address as recorded for throttling and audit: a well-formed IPv4/IPv6 address or
 * null. With a trusted proxy the address comes from X-Forwarded-For, which a client can fill
 * with anything; garbage must not reach a varchar column or split a throttle bucket.
 */
export function clientAddress(ip: string | undefined): string | null {
  if (!ip) return null;
  const address = ip.trim();
  return isIP(address) !== 0 ? address : null;
}
