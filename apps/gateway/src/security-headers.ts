import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for `options`, computed once. With options that do not depend on
 * the request (no nonces, no functions), helmet sets the same headers on every answer, and
 * running its middleware per request costs more than the request's own routing: it builds its
 * chain of thirteen middlewares and parses the policy again each time, and what it allocates
 * on the way survived the young-generation collections in the gateway (docs/performance.md).
 */
export function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  // Helmet 8 throws on bad options rather than passing them to `next`.
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * Security headers on every answer, as helmet would set them with `options`; a route may set
 * a header of its own over one of them (the web app's pages set their own policy).
 */
export function addSecurityHeaders(instance: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const headers = helmetHeaders(options);
  instance.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
