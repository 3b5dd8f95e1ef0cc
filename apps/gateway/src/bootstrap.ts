import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@referloop/common';
import { JobQueues } from '@referloop/jobs';
import { GatewayModule, GatewayOptions } from './gateway.module';

const REDIS_WAIT_MS = 2000;

/** A URL without its password, for logs. */
const redactUrl = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/** Builds the gateway (initialised, not yet listening); shared by main, tests and the schema emitter. */
export async function createGatewayApp(config: AppConfig, options: GatewayOptions = {}): Promise<NestFastifyApplication> {
  // Patient links carry a signed token of about 130 characters in the path (/status/:token);
  // Fastify's default limit of 100 per parameter would answer every real link 414. The
  // controller itself refuses tokens over 200 characters with its plain 404.
  const adapter = new FastifyAdapter({ trustProxy: config.trustProxy, bodyLimit: 1024 * 1024, routerOptions: { maxParamLength: 512 } });
  // RFC 8058 recommends multipart/form-data for one-click unsubscribe POSTs; Fastify refuses
  // types it cannot parse (415). No route reads such a body, so it is read (bounded) and dropped.
  adapter.getInstance().addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 16 * 1024 }, (_request, _body, done) =>
    done(null, {}),
  );
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(config, options), adapter, {
    logger: loggerLevels(config.logLevel),
    bufferLogs: false,
  });
  app.enableShutdownHooks();
  await app.init();
  // Give Redis a moment, so the first mutations enqueue directly; without it the gateway still
  // serves, and the relay delivers what could not be enqueued.
  if (!(await app.get(JobQueues).connected(REDIS_WAIT_MS))) {
    Logger.warn(`Redis is not reachable at ${redactUrl(config.redisUrl)}: serving anyway; emails wait in the outbox until it is back`, 'Gateway');
  }
  return app;
}

function loggerLevels(level: AppConfig['logLevel']): ('error' | 'warn' | 'log' | 'debug')[] {
  const order = ['error', 'warn', 'log', 'debug'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}
