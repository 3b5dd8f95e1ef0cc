import type { FastifyRequest } from 'fastify';

/** A browser navigating (a page load) asks for HTML; scripts' fetches and API clients do not. */
export const wantsHtml = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html');
