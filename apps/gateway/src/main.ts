import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, ConfigError, loadConfig } from '@referloop/core';
import { migrate } from '@referloop/database';
import { DemoDataState, loadDemoData } from '../../demo/src/demo-data/load-demo-data';
import { signInLines } from '../../demo/src/demo-data/sign-in-lines';
import { announceSignIn } from './announce-sign-in';
import { createGatewayApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const applied = await migrate(config.databaseUrl);
  const logger = new Logger('Gateway');
  if (applied > 0) logger.log(`Applied ${applied} migration(s)`);
  if (config.jwtSecretGenerated) {
    logger.warn('JWT_SECRET is not set: using a random secret, so tokens end with this process and work on no other replica');
  }
  const app = await createGatewayApp(config);
  // Before listening, so nobody signs in to half of it; a second gateway waits for the first.
  const demoData = config.demoData ? await loadDemoDataInto(app, config, logger) : 'off';
  await app.listen({ port: config.port, host: config.host });
  logger.log(`GraphQL ready at http://localhost:${config.port}/graphql`);
  // For the person who started it, every time: where to go and whom to sign in as.
  if (!config.production) announceSignIn(signInLines(config.links.publicUrl, demoData), process.stdout, (message) => logger.log(message));
}

/** The demo data, in development, into an empty database; what it found, for the sign-in lines. */
async function loadDemoDataInto(app: NestFastifyApplication, config: AppConfig, logger: Logger): Promise<DemoDataState> {
  const started = Date.now();
  try {
    const state = await loadDemoData(app, config);
    if (state === 'loaded') logger.log(`Loaded the demo data into the empty database in ${((Date.now() - started) / 1000).toFixed(1)} s (DEMO_DATA=off keeps a new database empty)`);
    return state;
  } catch (error) {
    const database = new URL(config.databaseUrl).pathname.slice(1);
    throw new Error(`The demo data could not be loaded, and part of it may be in the database: drop it (dropdb ${database}) and start again, or start with DEMO_DATA=off`, { cause: error });
  }
}

main().catch((error: unknown) => {
  // Configuration and connection problems are explained in one line; anything else in full.
  const message = error instanceof ConfigError || (error instanceof Error && /PostgreSQL/.test(error.message)) ? error.message : error;
  console.error(message);
  process.exit(1);
});
