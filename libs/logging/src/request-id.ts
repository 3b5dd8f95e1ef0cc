import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** What a caller's x-request-id may look like to be kept: it goes into every log line of the request. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: the caller's `x-request-id` when it is a plausible one (a load balancer or
 * client tracing a call through several services), else a new one. The HTTP server assigns it
 * (and answers it back in the same header, so a client can quote it); the request's log line
 * carries it.
 */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
}
