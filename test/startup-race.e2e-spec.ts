import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureDatabase } from '../libs/database/src/ensure-database';
import { BusyCpus, keepCpusBusy } from './support/busy-cpus';
import { AppExit, LaunchedApp } from './support/launched-app';
import { deleteQueueKeys } from './support/queue-keys';
import { teardownAll } from './support/teardown';
import { RUN_ID_ENV, databaseUrl, dropDatabase, withAdminClient } from './support/test-database';

/**
 * `npm start` launches the gateway and the worker together, and each prepares the database as
 * it starts (creates it when missing, migrates it). Doing so at the same instant on a database
 * that does not exist yet must not make either fail: in issue 12 the loser of CREATE DATABASE
 * exited 1, and with it the whole `npm start`.
 */

const REDIS_URL = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';

/** A name of this run (globalTeardown drops what a crashed run leaves) that nothing has created yet. */
function freshDatabaseName(label: string): string {
  const runId = process.env[RUN_ID_ENV];
  if (!runId) throw new Error(`${RUN_ID_ENV} is not set: run this file through jest (globalSetup sets it)`);
  return `${runId}_${label}_${randomBytes(4).toString('hex')}`;
}

const dropAll = (names: readonly string[]) =>
  withAdminClient(async (client) => {
    for (const name of names) await dropDatabase(client, name);
  });

/** The first line of an error, and the first error line its process wrote: enough to tell one failure from another. */
const firstLine = (reason: unknown) => (reason instanceof Error ? reason.message : String(reason)).split('\n')[0].replace(/ Output:$/, '');
const firstErrorLine = (log: string) => log.split('\n').find((line) => /error/i.test(line)) ?? '(no error line)';

describe('creating the database', () => {
  const CALLERS = 20;
  const ROUNDS = 5;
  const created: string[] = [];

  afterAll(() => dropAll(created), 30_000);

  it(`${CALLERS} callers at once, on each of ${ROUNDS} fresh names: every call succeeds and the database exists once`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const name = freshDatabaseName('ensure');
      created.push(name);
      // Each call opens a connection of its own, as the gateway's and the worker's do.
      const results = await Promise.allSettled(Array.from({ length: CALLERS }, () => ensureDatabase(databaseUrl(name))));
      const failures = results.flatMap((result) => (result.status === 'rejected' ? [firstLine(result.reason)] : []));
      expect({ name, failures }).toEqual({ name, failures: [] });
      const copies = await withAdminClient(async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
      expect(copies).toBe(1);
    }
  }, 60_000);
});

describe('npm start on a database that does not exist yet', () => {
  /**
   * One pair at a time: a starting pair already keeps both CPUs busy, so two at once took as
   * long, and made the race rarer (the gateway, which loads more code, falls further behind).
   */
  const PAIRS = Number(process.env.STARTUP_RACE_PAIRS ?? 20); // more (or fewer) with STARTUP_RACE_PAIRS
  /** A cold start on a loaded 2-CPU machine: Nest, TypeORM, BullMQ, CREATE DATABASE, every migration. */
  const START_TIMEOUT_MS = 60_000;
  const STOP_TIMEOUT_MS = 20_000;
  /** The longest the test may take: every pair at its slowest. A bound, not an expectation (about 2 s a pair). */
  const TEST_TIMEOUT_MS = PAIRS * (START_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS);
  /** The spinners last as long as the test may, and stop by themselves should afterAll never run. */
  const BUSY_LIMIT_MS = TEST_TIMEOUT_MS;

  const names: string[] = [];
  const launched: LaunchedApp[] = [];
  let busy: BusyCpus | undefined;

  const mailDir = (name: string) => join(tmpdir(), `${name}-mail`);

  afterAll(
    () =>
      teardownAll([
        ...launched.map((app) => () => app.kill()),
        () => busy?.stop(),
        () => dropAll(names),
        ...names.map((name) => () => deleteQueueKeys(REDIS_URL, name)),
        ...names.map((name) => () => rm(mailDir(name), { recursive: true, force: true })),
      ]),
    60_000,
  );

  /** What both apps read, as an operator would write it: their own database, queues and mail folder. */
  const sharedEnv = (name: string): Record<string, string> => ({
    PATH: process.env.PATH ?? '',
    TZ: process.env.TZ ?? 'UTC',
    NO_COLOR: '1',
    DATABASE_URL: databaseUrl(name),
    DATABASE_POOL_SIZE: '2',
    REDIS_URL,
    QUEUE_PREFIX: name,
    MAIL_DIR: mailDir(name),
    HOST: '127.0.0.1',
    // Both ready lines are written at this level.
    LOG_LEVEL: 'log',
    // What races here is making the database; the demo data's own lock is tested in demo-data.e2e-spec.ts.
    DEMO_DATA: 'off',
    JWT_SECRET: 'startup-race-jwt-secret-long-enough-0123456789',
    LINK_SECRET: 'startup-race-link-secret-long-enough-0123456789',
  });

  /**
   * The worker exits 0 on SIGTERM. The gateway closes through Nest's shutdown hooks, which then
   * raise the signal again: a gateway that stopped cleanly dies of SIGTERM after its shutdown line.
   */
  const stoppedCleanly = (app: LaunchedApp, exit: AppExit) =>
    exit.code === 0 || (app.name.startsWith('gateway') && exit.signal === 'SIGTERM' && /Shutting down/.test(app.log()));

  const platformAdmins = async (name: string) => {
    const client = new Client({ connectionString: databaseUrl(name), connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return (await client.query(`SELECT 1 FROM users WHERE role = 'PLATFORM_ADMIN'`)).rowCount;
    } finally {
      await client.end();
    }
  };

  /** Launches one pair at the same instant, waits until both are up, stops both; returns what went wrong. */
  const startAndStopPair = async (pair: number): Promise<string[]> => {
    const name = freshDatabaseName(`start${pair}`);
    names.push(name);
    const gateway = new LaunchedApp(`gateway #${pair}`, 'gateway', {
      ...sharedEnv(name),
      PORT: '0',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@startup-race.test',
      BOOTSTRAP_ADMIN_PASSWORD: 'startup-race-admin-password',
    });
    const worker = new LaunchedApp(`worker #${pair}`, 'worker', { ...sharedEnv(name), WORKER_PORT: '0' });
    launched.push(gateway, worker);
    // Both are spawned before either is awaited.
    const gatewayUp = gateway.start(/GraphQL ready at/, START_TIMEOUT_MS);
    // SIGTERM follows the ready line at once: the worker must already stop cleanly then.
    const workerUp = worker.start(/Consuming .*health on :\d+/, START_TIMEOUT_MS);
    const starts = await Promise.allSettled([gatewayUp, workerUp]);
    const exits = await Promise.all([gateway.stop(STOP_TIMEOUT_MS), worker.stop(STOP_TIMEOUT_MS)]);
    const problems: string[] = [];
    for (const [app, start, exit] of [
      [gateway, starts[0], exits[0]],
      [worker, starts[1], exits[1]],
    ] as const) {
      if (start.status === 'rejected') problems.push(`${firstLine(start.reason)} — ${firstErrorLine(app.log())}`);
      else if (!stoppedCleanly(app, exit)) problems.push(`${app.name} ended with code ${exit.code}, signal ${exit.signal} — ${firstErrorLine(app.log())}`);
    }
    if (starts[0].status === 'fulfilled') {
      const admins = await platformAdmins(name);
      if (admins !== 1) problems.push(`${gateway.name} left ${admins} platform admins, not 1`);
    }
    return problems;
  };

  it(`launches the gateway and the worker at the same instant, ${PAIRS} times, the CPUs kept busy: every start succeeds`, async () => {
    busy = keepCpusBusy(BUSY_LIMIT_MS);
    const problems: string[] = [];
    for (let pair = 0; pair < PAIRS; pair += 1) problems.push(...(await startAndStopPair(pair)));
    expect(problems).toEqual([]);
  }, TEST_TIMEOUT_MS);
});
