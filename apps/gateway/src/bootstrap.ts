import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@referloop/common';
import { GatewayModule, GatewayOptions } from './gateway.module';

/** Builds the gateway (initialised, not yet listening); shared by main, tests and the schema emitter. */
export async function createGatewayApp(config: AppConfig, options: GatewayOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ trustProxy: config.trustProxy, bodyLimit: 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(config, options), adapter, {
    logger: loggerLevels(config.logLevel),
    bufferLogs: false,
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
}

function loggerLevels(level: AppConfig['logLevel']): ('error' | 'warn' | 'log' | 'debug')[] {
  const order = ['error', 'warn', 'log', 'debug'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}
