import './register-lib-aliases';
import { assertRedisReachable } from '../../libs/jobs/src/redis-reachable';
import { migrate } from '../../libs/database/src/migrate';
import {
  RUN_ID_ENV,
  TEMPLATE_DB_ENV,
  databaseUrl,
  dropDatabase,
  newRunId,
  templateName,
  withAdminClient,
} from './test-database';

/**
 * Once per run: creates and migrates a template database. Every test file then clones it
 * (cheap, file-level copy) instead of migrating its own. The names travel to the workers
 * through process.env, which Jest workers inherit.
 */
export default async function globalSetup(): Promise<void> {
  // Tests that kill and restart the worker run it as a real process, from the build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('../../scripts/ensure-built') as { ensureBuilt: () => void }).ensureBuilt();
  // ...on the Node.js `npm start` runs the apps on, fetched if need be.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('../../scripts/runtime') as { ensureAppNode: () => string }).ensureAppNode();
  // The machine runs on UTC, which hides time-zone bugs; CI sets TZ=America/Chicago and so do
  // local runs unless told otherwise. Workers inherit it.
  if (!process.env.TZ) process.env.TZ = 'America/Chicago';
  // Most tests need Redis: one line saying so beats hundreds of failures.
  await assertRedisReachable(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').catch((error: Error) => {
    throw oneLine(error.message);
  });
  const runId = newRunId();
  const template = templateName(runId);
  process.env[RUN_ID_ENV] = runId;
  process.env[TEMPLATE_DB_ENV] = template;
  try {
    await migrate(databaseUrl(template));
  } catch (error) {
    // globalTeardown does not run when globalSetup fails: clean up here.
    await withAdminClient((client) => dropDatabase(client, template)).catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw oneLine(`e2e setup could not create the template database (set TEST_DATABASE_ADMIN_URL to reach another server): ${reason}`);
  }
}

/** An error jest prints as its message alone: a missing service is explained, not traced. */
function oneLine(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}
