import type { FastifyInstance } from 'fastify';
import { GRAPHQL_PATH } from '@referloop/common';
import type { GraphqlTransport } from '../graphql-client';

/**
 * GraphQL requests handed to a gateway in this process, through its whole HTTP pipeline (hooks,
 * CSRF prevention, request limits, guards, validation, the request log) without a socket: the
 * gateway need not listen yet, nor on an address this process can reach.
 */
export function inProcess(fastify: FastifyInstance): GraphqlTransport {
  return async (body, headers) => {
    const response = await fastify.inject({ method: 'POST', url: GRAPHQL_PATH, headers, payload: body });
    return { status: response.statusCode, text: response.body };
  };
}
