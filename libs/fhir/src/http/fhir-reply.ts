import type { FastifyReply } from 'fastify';

/** FHIR's JSON media type (R4 §3.1.0.1.5). */
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/**
 * Sends a resource as FHIR JSON. Never stored by a cache on the way (it may hold a patient's
 * data); the gateway's security headers apply as to every answer.
 */
export async function sendFhir(reply: FastifyReply, status: number, body: unknown): Promise<void> {
  await reply.status(status).header('content-type', FHIR_JSON).header('cache-control', 'no-store').send(JSON.stringify(body));
}
