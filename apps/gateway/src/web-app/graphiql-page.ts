import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { GRAPHQL_PATH } from '@referloop/common';
import { REVALIDATE } from './cache-policy';
import { GRAPHIQL_FILES } from './gateway-paths';
import { NOT_BUILT_STATUS, notBuiltPage } from './not-built-page';
import { WebAppFiles } from './web-app-files';
import { GRAPHIQL_HEADERS } from './web-app-policy';
import { wantsHtml } from './wants-html';

const GRAPHIQL_PAGE = `${GRAPHIQL_FILES}/index.html`;

/**
 * Development only: a browser opening /graphql gets GraphiQL, built from the `graphiql` package
 * into the web app's build (nothing from a CDN). Every other request to /graphql, a browser's
 * POST included, reaches the API as before.
 */
export function serveGraphiqlPage(fastify: FastifyInstance, files: WebAppFiles): void {
  fastify.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== GRAPHQL_PATH || request.method !== 'GET' || !wantsHtml(request)) return;
    reply.headers(GRAPHIQL_HEADERS).type('text/html; charset=utf-8');
    if (!(await files.built(GRAPHIQL_PAGE))) return reply.code(NOT_BUILT_STATUS).header('cache-control', 'no-store').send(notBuiltPage('GraphiQL'));
    return reply.header('cache-control', REVALIDATE).send(await readFile(join(files.root, GRAPHIQL_PAGE)));
  });
}
