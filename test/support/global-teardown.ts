import { RUN_ID_ENV, databasesOfRun, dropDatabase, withAdminClient } from './test-database';

/** Drops the template and any clone a test file failed to drop (a crashed worker, say). */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env[RUN_ID_ENV];
  if (!runId) return;
  await withAdminClient(async (client) => {
    for (const name of await databasesOfRun(client, runId)) {
      await dropDatabase(client, name);
    }
  });
}
