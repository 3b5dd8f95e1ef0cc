import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@referloop/core';
import { migrate } from '@referloop/database';
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
  await app.listen({ port: config.port, host: config.host });
  logger.log(`GraphQL ready at http://localhost:${config.port}/graphql`);
}

main().catch((error: unknown) => {
  // Configuration and connection problems are explained in one line; anything else in full.
  const message = error instanceof ConfigError || (error instanceof Error && /PostgreSQL/.test(error.message)) ? error.message : error;
  console.error(message);
  process.exit(1);
});
