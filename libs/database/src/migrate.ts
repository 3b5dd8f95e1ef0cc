import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { ensureDatabase } from './ensure-database';

/** Creates the database if needed and applies pending migrations; returns how many ran. */
export async function migrate(databaseUrl: string): Promise<number> {
  await ensureDatabase(databaseUrl);
  const dataSource: DataSource = createDataSource({ url: databaseUrl, poolSize: 1, applicationName: 'referloop-migrate' });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.length;
  } finally {
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
