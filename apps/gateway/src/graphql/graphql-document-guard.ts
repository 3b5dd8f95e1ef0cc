import type { FastifyInstance } from 'fastify';
import { documentNestingError, GRAPHQL_PATH } from '@referloop/common';
import { graphqlErrorBody } from '@referloop/core';

/**
 * Holds every document sent to the GraphQL endpoint over HTTP to the nesting limit before
 * Apollo parses it (see documentNestingError): the parser would otherwise overflow its stack on
 * a document nested a few thousand deep, and answer with that.
 */
export function guardGraphqlDocuments(fastify: FastifyInstance, maxTokens: number): void {
  fastify.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== GRAPHQL_PATH) return;
    // POST carries the document in the body, GET in the query string.
    const source = request.method === 'GET' ? request.query : request.body;
    const query = typeof source === 'object' && source !== null ? (source as { query?: unknown }).query : undefined;
    const error = typeof query === 'string' ? documentNestingError(query, maxTokens) : undefined;
    if (error) return reply.code(400).send(graphqlErrorBody(error.message, String(error.extensions.code)));
  });
}
