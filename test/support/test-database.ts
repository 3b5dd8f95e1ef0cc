import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Names and SQL for the databases a test run creates. One run = one template database (migrated
 * once in globalSetup), a copy of it holding the usual cast (made by the first test file that
 * asks for it, see world.ts) and one clone per test file, all named after the run id so
 * globalTeardown can find and drop every one of them.
 */
export const RUN_ID_ENV = 'REFERLOOP_E2E_RUN_ID';
export const TEMPLATE_DB_ENV = 'REFERLOOP_E2E_TEMPLATE_DB';

/** Which template a clone copies: the migrated schema alone, or with the usual cast in it. */
export type Template = 'migrated' | 'world';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Serialises template clones across Jest workers (Postgres refuses a busy template). */
const CLONE_LOCK_KEY = 7_314_002;
const CLONE_ATTEMPTS = 20;

export function adminDatabaseUrl(): string {
  const fromEnv = process.env.TEST_DATABASE_ADMIN_URL;
  return fromEnv && fromEnv.trim() !== '' ? fromEnv.trim() : DEFAULT_ADMIN_URL;
}

/** The URL of database `name` on the same server as the admin URL. */
export function databaseUrl(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function newRunId(): string {
  return `referloop_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export function templateName(runId: string): string {
  return `${runId}_tpl`;
}

export function worldTemplateName(runId: string): string {
  return `${runId}_world`;
}

export function quoteIdent(name: string): string {
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`Refusing unexpected database name "${name}"`);
  return `"${name}"`;
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminDatabaseUrl(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(client: Client, name: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

/** Every database of this run: the template and the per-file clones. */
export async function databasesOfRun(client: Client, runId: string): Promise<string[]> {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1 ESCAPE '\\'`,
    [`${runId.replace(/_/g, '\\_')}\\_%`],
  );
  return rows.map((row) => row.datname);
}

function runContext(): { runId: string; templates: Record<Template, string> } {
  const runId = process.env[RUN_ID_ENV];
  const template = process.env[TEMPLATE_DB_ENV];
  if (!runId || !template) {
    throw new Error(`${RUN_ID_ENV}/${TEMPLATE_DB_ENV} are not set: run the tests through jest (globalSetup creates them)`);
  }
  return { runId, templates: { migrated: template, world: worldTemplateName(runId) } };
}

/** The name of this run's template `which`. */
export function templateOfRun(which: Template): string {
  return runContext().templates[which];
}

/** A fresh name for a test file's database (not created yet: see cloneTemplateDatabase). */
export function newDatabaseName(): string {
  return `${runContext().runId}_w${randomBytes(4).toString('hex')}`;
}

const TEMPLATE_BUSY = '55006';

/**
 * Creates a fresh database for one test file as a copy of a template (`name`, when given, comes
 * from newDatabaseName). Clones are serialised with an advisory lock; should Postgres still
 * report the template busy (a connection from elsewhere lingering), the clone is retried a
 * bounded number of times.
 */
export async function cloneTemplateDatabase(
  { template: which = 'migrated', name = newDatabaseName() }: { template?: Template; name?: string } = {},
): Promise<{ name: string; url: string }> {
  const template = runContext().templates[which];
  await copyDatabase(template, name);
  return { name, url: databaseUrl(name) };
}

/** CREATE DATABASE `name` TEMPLATE `template`, under the clone lock. */
export async function copyDatabase(template: string, name: string): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [CLONE_LOCK_KEY]);
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== TEMPLATE_BUSY || attempt >= CLONE_ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [CLONE_LOCK_KEY]);
    }
  });
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdminClient((client) => dropDatabase(client, name));
}
