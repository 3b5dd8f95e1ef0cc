import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, LookupFunction } from 'node:net';

/**
 * Addresses a webhook may not reach unless WEBHOOK_ALLOW_PRIVATE_TARGETS is on: this machine,
 * private and carrier-grade NAT networks, link-local (with the cloud metadata service at
 * 169.254.169.254), multicast and reserved ranges, and IPv4 written as IPv6. Otherwise a clinic
 * admin could make the worker call into the network it runs in.
 */
// One list per family: a BlockList also checks an IPv4 address against its IPv6 ranges, as
// ::ffff:a.b.c.d, so with ::ffff:0:0/96 in the same list every IPv4 address would be refused.
const REFUSED_V4 = new BlockList();
const REFUSED_V6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  REFUSED_V4.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  // IPv4 inside IPv6: mapped, compatible, NAT64 (which reaches IPv4 networks on IPv6-only
  // hosts), 6to4 and Teredo. Each can carry a private IPv4 address.
  ['::ffff:0:0', 96],
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2002::', 16],
  ['2001::', 32],
  ['fc00::', 7],
  ['fec0::', 10],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  REFUSED_V6.addSubnet(network, prefix, 'ipv6');
}

/** Why a target was refused, in words for the endpoint's list and the API's error. */
export class TargetRefused extends Error {}

/** Whether the worker may connect to this IP address. */
export function addressAllowed(address: string, allowPrivate: boolean): boolean {
  if (allowPrivate) return true;
  const family = isIP(address);
  if (family === 4) return !REFUSED_V4.check(address, 'ipv4');
  return family === 6 && !REFUSED_V6.check(address, 'ipv6');
}

/** A URL's host as an IP address, when it is one (`[::1]` → `::1`); null for a name. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) === 0 ? null : host;
}

export interface TargetRules {
  production: boolean;
  allowPrivate: boolean;
}

/**
 * The URL a clinic registers, checked: https (plain http only outside production, with private
 * targets allowed, for a receiver on this machine); no user name or password in it; no refused
 * address. A name is checked again whenever a delivery resolves it (`guardedLookup`), since it
 * may point elsewhere by then.
 */
export function checkTargetUrl(raw: string, rules: TargetRules): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused('url must be an absolute URL, such as https://ehr.example.com/referloop/webhooks');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TargetRefused('url must start with https://');
  if (url.protocol === 'http:' && (rules.production || !rules.allowPrivate)) throw new TargetRefused('url must start with https://: webhooks carry signed events');
  if (url.username || url.password) throw new TargetRefused('url may not hold a user name or password: the signature is what proves the sender');
  const literal = literalAddress(url);
  // A trailing dot names the same host (`localhost.`).
  const name = url.hostname.replace(/\.$/, '');
  const localName = name === 'localhost' || name.endsWith('.localhost');
  if ((literal !== null && !addressAllowed(literal, rules.allowPrivate)) || (localName && !rules.allowPrivate)) {
    throw new TargetRefused('url points to a private, loopback or link-local address, which webhooks may not reach');
  }
  return url;
}

/**
 * A DNS lookup for a delivery's connection that refuses a name resolving to any refused address,
 * so the check holds for the address actually connected to: a name cannot pass the registration
 * check and later resolve to 127.0.0.1.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((entry) => !addressAllowed(entry.address, allowPrivate));
      if (refused) {
        // Not which address: the attempts list is read by clinic admins, who need not learn the worker's network.
        return callback(new TargetRefused(`${hostname} resolves to a private, loopback or link-local address`), '', 0);
      }
      // Node asks for every address when it tries several families (autoSelectFamily).
      if (options.all) return (callback as unknown as (error: null, all: typeof addresses) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
