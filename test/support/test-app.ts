import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '@referloop/core';
import { deleteQueueKeys } from './queue-keys';
import { createGatewayApp } from '../../apps/gateway/src/bootstrap';
import type { GatewayOptions } from '../../apps/gateway/src/gateway.module';
import { GraphqlClient } from './graphql-client';
import { cloneTemplateDatabase, databaseUrl, dropTestDatabase, Template } from './test-database';

export const ADMIN_EMAIL = 'admin@referloop.test';
export const ADMIN_PASSWORD = 'admin-password-123';
/** Known to tests so they can craft tokens (expired ones, say). */
export const JWT_SECRET = 'e2e-secret-that-is-long-enough-0123456789';

export interface TestApp {
  app: NestFastifyApplication;
  databaseName: string;
  /** The gateway's configuration: a worker started for this app reuses it (same database, queues, secrets). */
  config: AppConfig;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** Unauthenticated client; `.as(token)` for a signed-in one. */
  anonymous: GraphqlClient;
  close(): Promise<void>;
}

export interface StartOptions {
  /** The template its database copies: 'world' for a database that already holds the usual cast (see world.ts). */
  template?: Template;
  /** The name its database gets (from newDatabaseName), for a test that connects to it before the gateway starts. */
  databaseName?: string;
  /** Receives the gateway's JSON log lines (standard output otherwise). */
  logStream?: GatewayOptions['logStream'];
}

/**
 * Boots the real gateway over real HTTP on its own database (a clone of a template). One per
 * test file: call in beforeAll and `close()` in afterAll (file-setup.ts does both).
 */
export async function startTestApp(env: Record<string, string> = {}, { template, databaseName, logStream }: StartOptions = {}): Promise<TestApp> {
  const database = await cloneTemplateDatabase({ template, name: databaseName });
  return openTestApp(database.name, env, () => dropTestDatabase(database.name), { logStream });
}

/**
 * Boots the gateway on an existing database; `release` runs after it closed (dropping the
 * database, for a clone). Whatever happens, `release` runs once the gateway is down.
 */
export async function openTestApp(
  databaseName: string,
  env: Record<string, string>,
  release: () => Promise<void>,
  options: Pick<GatewayOptions, 'logStream'> = {},
): Promise<TestApp> {
  let app: NestFastifyApplication | undefined;
  try {
    const config = loadConfig({
      DATABASE_URL: databaseUrl(databaseName),
      // Queues of their own per test file, on whichever Redis REDIS_URL names (the shared one by default).
      QUEUE_PREFIX: databaseName,
      MAIL_DIR: join(tmpdir(), `${databaseName}-mail`),
      LINK_SECRET: 'e2e-link-secret-that-is-long-enough-0123456789',
      DATABASE_POOL_SIZE: '4',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      JWT_SECRET,
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    });
    app = await createGatewayApp(config, options);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as AddressInfo;
    const started = app;
    const baseUrl = `http://127.0.0.1:${port}`;
    return {
      app: started,
      databaseName,
      config: { ...config, links: { ...config.links, publicUrl: baseUrl } },
      baseUrl,
      anonymous: new GraphqlClient(`${baseUrl}/graphql`),
      async close() {
        try {
          await started.close();
        } finally {
          await Promise.all([release(), deleteQueueKeys(config.redisUrl, config.queuePrefix)]);
        }
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await release();
    throw error;
  }
}
