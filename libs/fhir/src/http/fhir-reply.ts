import type { FastifyReply } from 'fastify';
import type { ClinicalResource } from '../model/fhir-types';

/** FHIR's JSON media type (R4 §3.1.0.1.5). */
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/**
 * Sends a resource as FHIR JSON. Never stored by a cache on the way (it may hold a patient's
 * data); the gateway's security headers apply as to every answer.
 */
export async function sendFhir(reply: FastifyReply, status: number, body: unknown): Promise<void> {
  await reply.status(status).header('content-type', FHIR_JSON).header('cache-control', 'no-store').send(JSON.stringify(body));
}

/** An answer with one resource says which version it is and when it last changed (ETag, Last-Modified), where the resource keeps them. */
export function versioned(reply: FastifyReply, resource: ClinicalResource): FastifyReply {
  const { versionId, lastUpdated } = resource.meta ?? {};
  if (versionId) reply.header('etag', etagOf(versionId));
  if (lastUpdated) reply.header('last-modified', new Date(lastUpdated).toUTCString());
  return reply;
}

/** A version as an ETag: weak, as FHIR writes it (R4 §3.1.0.5.1). */
export const etagOf = (versionId: string): string => `W/"${versionId}"`;
