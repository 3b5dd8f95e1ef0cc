import type { IncomingMessage } from 'node:http';
import type { HelmetOptions } from 'helmet';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { logEveryRequest, PinoNestLogger, requestIdFrom, ROOT_LOGGER } from '@referloop/logging';
import { AppConfig } from '@referloop/core';
import { JobQueues, REDIS_START_COMMAND, withoutPassword } from '@referloop/jobs';
import { GatewayModule, GatewayOptions } from './gateway.module';
import { HttpDrain } from './http-drain';
import { noStoreByDefault } from './no-store-by-default';
import { proxyTrust } from './proxy-trust';
import { addSecurityHeaders } from './security-headers';
import { AdminSession } from './admin/admin-session';
import { registerQueueDashboard } from './admin/queue-dashboard';
import { guardGraphqlDocuments } from './graphql/graphql-document-guard';
import { registerWebApp } from './web-app/register-web-app';

const REDIS_WAIT_MS = 2000;

/**
 * Security headers on every answer. The API answers JSON and the patients' pages are plain
 * HTML with one inline style sheet and a form posting back to the gateway: nothing else may
 * load, run or frame them. The web app's files have a policy of their own (web-app/web-app-policy.ts).
 */
const SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
  },
};

/** Builds the gateway (initialised, not yet listening); shared by main, tests and the schema emitter. */
export async function createGatewayApp(config: AppConfig, options: GatewayOptions = {}): Promise<NestFastifyApplication> {
  // Patient links carry a signed token of about 130 characters in the path (/status/:token);
  // Fastify's default limit of 100 per parameter would answer every real link 414. The
  // controller itself refuses tokens over 200 characters with its plain 404.
  const adapter = new FastifyAdapter({
    trustProxy: proxyTrust(config.trustProxy),
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 512 },
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => requestIdFrom(request.headers),
  });
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // RFC 8058 recommends multipart/form-data for one-click unsubscribe POSTs; Fastify refuses
  // types it cannot parse (415). No route reads such a body, so it is read (bounded) and dropped.
  adapter.getInstance().addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 16 * 1024 }, (_request, _body, done) =>
    done(null, {}),
  );
  guardGraphqlDocuments(adapter.getInstance(), config.graphql.maxTokens);
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(config, options), adapter, { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  if (typeof config.trustProxy === 'number') {
    NestLogger.warn(
      `TRUST_PROXY=${config.trustProxy} believes the X-Forwarded-For of whoever connects directly: safe only if nothing but the load balancer can reach the gateway. Listing the load balancer's addresses is safe either way.`,
      'Gateway',
    );
  }
  logEveryRequest(adapter.getInstance(), app.get(ROOT_LOGGER));
  noStoreByDefault(adapter.getInstance());
  const drain = app.get(HttpDrain);
  adapter.getInstance().addHook('onSend', async (_request, reply) => {
    if (drain.draining) reply.header('connection', 'close');
  });
  addSecurityHeaders(adapter.getInstance(), SECURITY_HEADERS);
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins[0] === '*' ? true : config.corsOrigins, methods: ['GET', 'POST'], maxAge: 600 });
  }
  await registerQueueDashboard(adapter.getInstance(), app.get(JobQueues), app.get(AdminSession));
  await registerWebApp(adapter.getInstance(), config);
  app.enableShutdownHooks();
  await app.init();
  // Give Redis a moment, so the first mutations enqueue directly; without it the gateway still
  // serves, and the relay delivers what could not be enqueued.
  if (!(await app.get(JobQueues).connected(REDIS_WAIT_MS))) {
    NestLogger.warn(
      `Redis is not reachable at ${withoutPassword(config.redisUrl)}: serving anyway; emails wait in the outbox until it is back. Start it with \`${REDIS_START_COMMAND}\``,
      'Gateway',
    );
  }
  return app;
}

