import { Client } from 'pg';
import { postgresStartCommand } from './postgres-start-command';

/** An arbitrary constant naming "creating a database" among the server's advisory locks; the database's name is the second key. */
const CREATE_DATABASE_LOCK = 726_501_602;

/** Creating a database takes well under a second; the other app is given far longer. */
const LOCK_WAIT_SECONDS = 60;

/** "Already exists" (42P04), or the unique violation of a creator whose row was not yet committed when ours went in (23505). */
const CREATED_ELSEWHERE = new Set(['42P04', '23505']);

/**
 * Creates the database named in the URL when it does not exist yet, connecting to the
 * server's `postgres` database to do so. Lets `npm start` work on a fresh machine.
 *
 * The gateway and the worker both call this as they start, at the same instant under `npm
 * start`: checking and then creating let both try, and the second failed (issue 12). They take
 * turns under a session advisory lock keyed on the name (CREATE DATABASE cannot run in a
 * transaction, so a transaction lock is no option); ending the connection releases it.
 */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot reach PostgreSQL at ${target.host} (${reason}). Start it with \`${postgresStartCommand()}\`, or point DATABASE_URL at a running server.`);
  }
  try {
    // A holder that never lets go (a stuck process) fails this start with a message, not a hang.
    await client.query(`SET lock_timeout = '${LOCK_WAIT_SECONDS}s'`);
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [CREATE_DATABASE_LOCK, name]);
    if (await exists(client, name)) return;
    try {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } catch (error) {
      // A program that does not take the lock (psql, an older release) may have created it meanwhile.
      if (!CREATED_ELSEWHERE.has((error as { code?: string }).code ?? '') || !(await exists(client, name))) throw error;
    }
  } finally {
    await client.end();
  }
}

async function exists(client: Client, name: string): Promise<boolean> {
  const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return result.rowCount !== 0;
}
