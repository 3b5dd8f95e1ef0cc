import type { FastifyRequest } from 'fastify';

/** The query parameters of a request, in order, as URLSearchParams reads them. */
export const queryOf = (request: FastifyRequest): URLSearchParams => new URL(request.url, 'http://fhir.invalid').searchParams;
