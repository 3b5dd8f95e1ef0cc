import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_CLINIC_ADMINS, DEMO_PASSWORD, DEMO_PLATFORM_ADMIN, SIGN_IN_AS } from '../apps/demo/src/demo-data/demo-accounts';
import { loadDemoData } from '../apps/demo/src/demo-data/load-demo-data';
import { useTestApp, useWorld } from './support/file-setup';
import { LaunchedApp } from './support/launched-app';
import { deleteQueueKeys } from './support/queue-keys';
import { openTestApp, TestApp } from './support/test-app';
import { databaseUrl, dropDatabase, RUN_ID_ENV, withAdminClient } from './support/test-database';
import { teardownAll } from './support/teardown';

/*
 * The demo data a development gateway loads into an empty database, through its own API: every
 * status of the lifecycle with the history, plans and visits that lead there; loaded once when
 * gateways start together, never twice, never into a database with data of its own; and the
 * lines a development start prints, every time, to sign in with.
 */
const EVERY_STATUS = ['DRAFT', 'SENT', 'ON_HOLD', 'ACCEPTED', 'SCHEDULED', 'IN_TREATMENT', 'COMPLETED', 'DECLINED', 'EXPIRED', 'CANCELLED'];
const LOAD_TIMEOUT_MS = 90_000;
const TABLES = ['clinics', 'users', 'providers', 'patients', 'referrals', 'referral_events', 'treatment_plans', 'visits', 'notifications', 'audit_entries'];

async function countsOf(db: Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  return counts;
}

describe('the demo data, loaded through the API into an empty database', () => {
  let second: TestApp | undefined;
  // Closed before the first gateway drops the database they share.
  afterAll(() => second?.close());
  const { app, db } = useTestApp();

  it('is loaded once when two gateways start on the database together', async () => {
    second = await openTestApp(app.databaseName, {}, async () => undefined);
    const states = await Promise.all([loadDemoData(app.app, app.config), loadDemoData(second.app, second.config)]);
    expect(states.sort()).toEqual(['already-loaded', 'loaded']);
    const { rows } = await db.query<{ email: string }>('SELECT email FROM users WHERE email = $1', [DEMO_PLATFORM_ADMIN.email]);
    expect(rows).toHaveLength(1);
  }, LOAD_TIMEOUT_MS);

  it('holds referrals in every status, each where the last entry of its history says', async () => {
    const { rows } = await db.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM referrals GROUP BY status');
    expect(rows.map((row) => row.status).sort()).toEqual([...EVERY_STATUS].sort());
    const disagreeing = await db.query(
      `SELECT r.reference FROM referrals r
        CROSS JOIN LATERAL (SELECT to_status FROM referral_events e WHERE e.referral_id = r.id ORDER BY seq DESC LIMIT 1) last
        WHERE last.to_status <> r.status`,
    );
    expect(disagreeing.rows).toEqual([]);
    // The outcome awaiting its acknowledgement, and the loop closed.
    const completed = await db.query<{ closed: boolean; outcome: boolean }>(
      `SELECT loop_closed_at IS NOT NULL AS closed, outcome ? 'finalRangeOfMotion' AS outcome FROM referrals WHERE status = 'COMPLETED' ORDER BY closed`,
    );
    expect(completed.rows).toEqual([{ closed: false, outcome: true }, { closed: true, outcome: true }]);
    // The expiry is the response clock's own move; the decline was redirected; the closed episode referred onward.
    const events = async (type: string) => (await db.query<{ actor_id: string | null }>('SELECT actor_id FROM referral_events WHERE type = $1', [type])).rows;
    expect(await events('EXPIRED')).toEqual([{ actor_id: null }]);
    expect(await events('INFO_PROVIDED')).toHaveLength(1);
    expect((await db.query(`SELECT 1 FROM referrals WHERE redirected_from_id IS NOT NULL`)).rowCount).toBe(1);
    expect((await db.query(`SELECT 1 FROM referrals WHERE onward_from_id IS NOT NULL`)).rowCount).toBe(1);
  });

  it('holds plans and visits with range of motion, and what the moves wrote besides: emails, audit entries, a progress report', async () => {
    const counts = await countsOf(db);
    expect(counts.treatment_plans).toBeGreaterThanOrEqual(4);
    const visits = await db.query<{ attended: boolean; measured: boolean }>(
      `SELECT attended, jsonb_array_length(range_of_motion) > 0 AS measured FROM visits`,
    );
    expect(visits.rows.filter((visit) => visit.attended && visit.measured).length).toBeGreaterThanOrEqual(10);
    expect(visits.rows.filter((visit) => !visit.attended)).toHaveLength(2);
    expect(counts.notifications).toBeGreaterThan(20);
    expect(counts.audit_entries).toBeGreaterThan(20);
    expect((await db.query('SELECT 1 FROM progress_reports')).rowCount).toBeGreaterThanOrEqual(2);
  });

  it('has a platform admin, clinic admins, coordinators and providers, who sign in with the one demo password', async () => {
    const { rows } = await db.query<{ clinic: string; roles: string[] }>(
      `SELECT c.name AS clinic, array_agg(DISTINCT u.role ORDER BY u.role) AS roles FROM clinics c JOIN users u ON u.clinic_id = c.id GROUP BY c.name`,
    );
    const complete = rows.filter((row) => ['CLINIC_ADMIN', 'COORDINATOR', 'PROVIDER'].every((role) => row.roles.includes(role)));
    expect(complete.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((row) => row.roles.includes('COORDINATOR') && row.roles.includes('PROVIDER'))).toBe(true);
    const accounts = [...SIGN_IN_AS.map((account) => account.email), ...Object.values(DEMO_CLINIC_ADMINS).map((account) => account?.email)];
    for (const email of accounts) {
      const { login } = await app.anonymous.ok<{ login: { user: { email: string } } }>('mutation ($input: LoginInput!) { login(input: $input) { user { email } } }', {
        input: { email, password: DEMO_PASSWORD },
      });
      expect(login.user.email).toBe(email);
    }
  });

  it('adds nothing at a later start', async () => {
    const before = await countsOf(db);
    expect(await loadDemoData(app.app, app.config)).toBe('already-loaded');
    expect(await countsOf(db)).toEqual(before);
  });
});

describe('a database with data of its own', () => {
  const { app, db } = useWorld();

  it('gets no demo data', async () => {
    const before = await countsOf(db);
    expect(await loadDemoData(app.app, app.config)).toBe('not-empty');
    expect(await countsOf(db)).toEqual(before);
  });
});

describe('the gateway as npm start runs it', () => {
  const REDIS_URL = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
  const START_TIMEOUT_MS = 90_000;
  const names: string[] = [];
  const launched: LaunchedApp[] = [];
  afterAll(
    () =>
      teardownAll([
        ...launched.map((gateway) => () => gateway.kill()),
        () =>
          withAdminClient(async (client) => {
            for (const name of names) await dropDatabase(client, name);
          }),
        ...names.map((name) => () => deleteQueueKeys(REDIS_URL, name)),
        ...names.map((name) => () => rm(join(tmpdir(), `${name}-mail`), { recursive: true, force: true })),
      ]),
    60_000,
  );

  /** A database of this run that does not exist yet: the gateway creates and migrates it, as on a fresh clone. */
  const freshDatabase = () => {
    const name = `${process.env[RUN_ID_ENV]}_start_${randomBytes(4).toString('hex')}`;
    names.push(name);
    return name;
  };

  /** The built gateway as `npm start` runs it, until it prints `last`; then stopped, and what it printed. */
  const startGateway = async (database: string, env: Record<string, string>, last: RegExp): Promise<string> => {
    const gateway = new LaunchedApp(`gateway on ${database}`, 'gateway', {
      PATH: process.env.PATH ?? '',
      TZ: process.env.TZ ?? 'UTC',
      NO_COLOR: '1',
      DATABASE_URL: databaseUrl(database),
      DATABASE_POOL_SIZE: '4',
      REDIS_URL,
      QUEUE_PREFIX: database,
      MAIL_DIR: join(tmpdir(), `${database}-mail`),
      HOST: '127.0.0.1',
      PORT: '0',
      PUBLIC_URL: 'http://localhost:3000',
      LOG_LEVEL: 'log',
      ...env,
    });
    launched.push(gateway);
    await gateway.start(last, START_TIMEOUT_MS);
    await gateway.stop(20_000);
    return gateway.log();
  };

  /** Its output is a pipe, not a terminal: the address comes as a log line, the accounts not at all. */
  const WEB_APP = 'Web app: http://localhost:3000/  ·  GraphiQL: http://localhost:3000/graphql';
  const ADDRESS_LOGGED = /"msg":"Web app: http:\/\/localhost:3000\/ /;
  const webAppLines = (log: string) => log.split('\n').filter((line) => line.includes('Web app: '));
  const usersOf = async (database: string) => {
    const client = new Client({ connectionString: databaseUrl(database) });
    await client.connect();
    try {
      return (await client.query<{ email: string }>('SELECT email FROM users ORDER BY email')).rows.map((row) => row.email);
    } finally {
      await client.end();
    }
  };

  it('loads the demo data on the first start, and says where the web app is at every start', async () => {
    const database = freshDatabase();
    const first = await startGateway(database, {}, ADDRESS_LOGGED);
    expect(first).toMatch(/Loaded the demo data into the empty database/);
    expect(webAppLines(first).map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([WEB_APP]);
    // Whom to sign in as, and the password, are for a terminal only (sign-in-lines.spec.ts, announce-sign-in.spec.ts).
    expect(first).not.toContain(DEMO_PASSWORD);
    const users = await usersOf(database);
    expect(users).toEqual(expect.arrayContaining(SIGN_IN_AS.map((account) => account.email)));

    const again = await startGateway(database, {}, ADDRESS_LOGGED);
    expect(again).not.toMatch(/Loaded the demo data/);
    expect(webAppLines(again)).toHaveLength(1);
    expect(await usersOf(database)).toEqual(users);
  }, 2 * START_TIMEOUT_MS);

  it('leaves a new database empty with DEMO_DATA=off, and says nothing of the web app in production', async () => {
    const off = freshDatabase();
    const log = await startGateway(off, { DEMO_DATA: 'off' }, ADDRESS_LOGGED);
    expect(log).not.toMatch(/Loaded the demo data/);
    expect(await usersOf(off)).toEqual([]);

    const production = freshDatabase();
    const productionLog = await startGateway(production, { NODE_ENV: 'production', JWT_SECRET: 'demo-data-production-secret-0123456789abcdef', LINK_SECRET: 'demo-data-production-link-secret-0123456789' }, /GraphQL ready at/);
    expect(webAppLines(productionLog)).toEqual([]);
    expect(await usersOf(production)).toEqual([]);
  }, 2 * START_TIMEOUT_MS);
});
