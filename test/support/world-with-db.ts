import { Client } from 'pg';
import { startTestApp, TestApp } from './test-app';
import { buildWorld, World } from './world';

/** The usual cast, on a gateway of its own, with a direct connection to its database for checks. */
export interface WorldWithDb {
  app: TestApp;
  world: World;
  db: Client;
}

export async function startWorldWithDb(env: Record<string, string> = {}, options: Parameters<typeof startTestApp>[1] = {}): Promise<WorldWithDb> {
  const app = await startTestApp(env, options);
  try {
    const world = await buildWorld(app.anonymous);
    const db = new Client({ connectionString: app.config.databaseUrl });
    await db.connect();
    return { app, world, db };
  } catch (error) {
    // Nothing would close the gateway otherwise, and the test run would never exit.
    await app.close();
    throw error;
  }
}

/** Closes what `startWorldWithDb` opened, as far as it got. */
export async function closeWorldWithDb(started: Partial<WorldWithDb> | undefined): Promise<void> {
  await started?.db?.end();
  await started?.app?.close();
}
