import { join } from 'node:path';
import { loadConfig } from '@referloop/core';
import { migrate } from '@referloop/database';
import { createGatewayApp } from './bootstrap';

/** Regenerates schema.graphql at the repository root from the code-first types. */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'error' });
  await migrate(config.databaseUrl);
  const schemaFile = join(__dirname, '..', '..', '..', '..', 'schema.graphql');
  const app = await createGatewayApp(config, { schemaFile: process.env.SCHEMA_FILE || schemaFile });
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
