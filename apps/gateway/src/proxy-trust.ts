import proxyAddr from '@fastify/proxy-addr';
import type { AppConfig } from '@referloop/core';

/** Whether the address `hop` steps back from the gateway is a proxy whose X-Forwarded-For is believed. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY as one function, given to Fastify for HTTP requests and used by the live
 * connections for WebSocket upgrades, so both read a client's address alike. A hop count
 * trusts that many proxies in front of the gateway whatever their addresses (Express's
 * convention); Fastify since 5.12 trusts no one when given a bare number, so the count is
 * passed as this function instead. It believes whoever connects directly, so it suits a
 * gateway only its load balancer can reach; a list of the proxies' addresses does not need that.
 */
export function proxyTrust(trust: AppConfig['trustProxy']): ProxyTrust {
  if (trust === true) return () => true;
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyAddr.compile(trust.split(','));
}
