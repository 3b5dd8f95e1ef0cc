import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '@referloop/core';
import { serveGraphiqlPage } from './graphiql-page';
import { serveWebApp } from './serve-web-app';
import { WebAppFiles } from './web-app-files';

/**
 * The web app at `/` and, outside production, GraphiQL at a browser's GET /graphql. A gateway
 * without a build still starts (the API needs none) and says once how to make one; until then
 * its pages answer 503 saying the same.
 */
export async function registerWebApp(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  const files = new WebAppFiles(config.webDistDir);
  if (!(await files.built())) {
    new Logger('WebApp').warn(`web app not built: run npm run web:build (no index.html in ${config.webDistDir})`);
  }
  await serveWebApp(fastify, files, { serveGraphiql: !config.production });
  if (!config.production) serveGraphiqlPage(fastify, files);
}
