import type { FastifyInstance } from 'fastify';

/**
 * Every answer that does not say how it may be cached says `cache-control: no-store`. The
 * gateway's answers carry patients' details (GraphQL, FHIR, the patients' pages), and no browser,
 * proxy or CDN may keep one; the few answers that may be cached (the web app's files) say so
 * themselves. Deciding it here, once, covers every route and every refusal, including those
 * answered before a route runs (CSRF, limits, not found).
 *
 * Apollo's cache-control plugin, which would otherwise compute this header for GraphQL, is
 * switched off (gateway.module.ts): it wraps every field's resolver on every request to arrive
 * at `no-store` for a schema without cache hints, a few percent of the gateway's CPU on a list.
 */
export function noStoreByDefault(instance: FastifyInstance): void {
  instance.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
