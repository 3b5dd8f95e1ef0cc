import { Client } from 'pg';
import { migrate } from '../migrate';
import { generateRowTypes, ROWS_FILE } from './generate-row-types';

/**
 * `npm run db:row-types`: migrates a scratch database from nothing, writes the row types of what
 * the migrations produced, and drops it. DATABASE_URL names the server (its database is not
 * touched); CI runs this and fails when the committed file differs.
 */
async function main(): Promise<void> {
  const server = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/referloop');
  const scratch = new URL(server);
  scratch.pathname = `/referloop_row_types_${process.pid}`;
  const admin = new URL(server);
  admin.pathname = '/postgres';
  try {
    await migrate(scratch.toString());
    await generateRowTypes(scratch.toString());
    console.log(`Row types written to ${ROWS_FILE}`);
  } finally {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${scratch.pathname.slice(1)}" WITH (FORCE)`).finally(() => client.end());
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
