import { Client } from 'pg';
import { migrate } from '@referloop/database';

export const DEFAULT_DEMO_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/referloop_demo';

/** The database named in a PostgreSQL URL. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/**
 * Refuses a database the demo must not drop: it drops and re-creates its database on every
 * run, so a mistyped URL must never reach the development database or any other.
 */
export function assertDemoDatabase(url: string, developmentUrl: string | undefined): void {
  const name = databaseName(url);
  if (!/demo/.test(name)) {
    throw new Error(`The demo drops and re-creates its database; "${name}" does not look like a demo database (its name must contain "demo")`);
  }
  if (developmentUrl && databaseName(developmentUrl) === name && new URL(developmentUrl).host === new URL(url).host) {
    throw new Error(`The demo database "${name}" is the one DATABASE_URL names; give the demo its own (DEMO_DATABASE_URL)`);
  }
}

/** Drops the demo database if it exists, then creates and migrates it afresh. Returns how many migrations ran. */
export async function recreateDemoDatabase(url: string): Promise<number> {
  await dropDemoDatabase(url);
  return migrate(url);
}

export async function dropDemoDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot reach PostgreSQL at ${admin.host} (${(error as Error).message}). Start it (for example \`pg_ctlcluster 15 main start\`) or point DEMO_DATABASE_URL at a running server.`);
  }
  try {
    // FORCE: a demo interrupted earlier may have left connections open.
    await client.query(`DROP DATABASE IF EXISTS "${databaseName(url).replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
