import { createDataSource } from '../libs/database/src/data-source';

/**
 * Prints the SQL TypeORM would run to make the database match the entities. Empty output
 * after all migrations ran means entities and migrations agree (CI checks this).
 */
async function main(): Promise<void> {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) throw new Error('usage: print-schema-diff <database-url>');
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    for (const query of sql.upQueries) console.log(`${query.query};`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
