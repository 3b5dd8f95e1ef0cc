import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditTrail, Loaders, RequestContext } from '@referloop/common';
import { clientAddress, parseCookies } from '@referloop/core';

/**
 * The GraphQL context of an HTTP request: what it carries (credentials, cookies, the client's
 * address and user agent) and the one thing a resolver may do to the answer besides its body,
 * setting a cookie. The reply itself stays here.
 */
export function httpContext(request: FastifyRequest, reply: FastifyReply): RequestContext {
  return {
    authorization: request.headers.authorization,
    ipAddress: clientAddress(request.ip),
    userAgent: request.headers['user-agent'],
    cookies: parseCookies(request.headers.cookie),
    setCookie: (cookie) => {
      // Fastify adds each Set-Cookie as a header of its own rather than replacing the last.
      void reply.header('set-cookie', cookie);
    },
    audit: new AuditTrail(),
    loaders: new Loaders(),
  };
}
