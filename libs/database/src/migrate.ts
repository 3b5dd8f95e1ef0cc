import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { ensureDatabase } from './ensure-database';

/** An arbitrary constant naming ReferLoop's migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK = 7_265_016_011;
/** How long a start that finds the migrations running elsewhere waits before asking again. */
const LOCK_POLL_MS = 200;

/** Creates the database if needed and applies pending migrations; returns how many ran. */
export async function migrate(databaseUrl: string): Promise<number> {
  await ensureDatabase(databaseUrl);
  // Two connections: one holds the lock, the other runs the migrations.
  const dataSource: DataSource = createDataSource({ url: databaseUrl, poolSize: 2, applicationName: 'referloop-migrate' });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    // Gateway and worker both migrate at start; the lock makes the second wait and then find
    // nothing to do. It asks again and again rather than blocking in pg_advisory_lock: a blocked
    // statement holds a snapshot, and a migration building an index CONCURRENTLY waits for every
    // older snapshot to end, so the first would wait for the second, which waits for the first.
    while (!(await lock.query('SELECT pg_try_advisory_lock($1) AS taken', [MIGRATION_LOCK]))[0].taken) await sleep(LOCK_POLL_MS);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.length;
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/referloop';
  migrate(url)
    .then((count) => console.log(`${count} migration(s) applied`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
