import { ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hasExited, killOnExit, waitForExit } from './child-processes';
import { deleteQueueKeys } from './queue-keys';
import { cloneTemplateDatabase, dropTestDatabase } from './test-database';

// The Node.js and arguments `npm start` runs each app with (globalSetup has built dist/ and fetched that Node.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { appCommand } = require('../../scripts/apps') as { appCommand: (app: string) => { command: string; args: string[] } };

const ROOT = resolve(__dirname, '..', '..');
/** A cold start loads Nest, TypeORM and BullMQ and checks migrations; the machine may be busy. */
const START_TIMEOUT_MS = 40_000;

/** A port nothing listens on right now (the gateway prints no port when given 0). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** One line a process wrote, with where it came from (for failure messages). */
export interface CapturedLine {
  process: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

/**
 * A built app run as a real child process, with EVERYTHING it writes kept, unlike the bounded
 * tails other tests keep: the redaction test searches the whole output. A real process, because
 * Nest keeps one logger per process (the last app's `useLogger`) — two apps in the test process
 * would share it.
 */
export class CapturedProcess {
  private child?: ChildProcess;
  private readonly text: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
  private waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];

  constructor(
    readonly name: string,
    private readonly app: 'gateway' | 'worker',
    private readonly env: Record<string, string>,
  ) {}

  /** Starts it; resolves once it writes a line matching `ready` (rejects, with its output, if it exits or takes too long). */
  async start(ready: RegExp): Promise<void> {
    const { command, args } = appCommand(this.app);
    const child = spawn(command, args, { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    killOnExit(child);
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream]?.setEncoding('utf8');
      child[stream]?.on('data', (chunk: string) => {
        this.text[stream] += chunk;
        for (const waiter of this.waiters.filter((w) => w.pattern.test(this.text.stdout + this.text.stderr))) waiter.resolve();
      });
    }
    await new Promise<void>((done, fail) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        child.off('exit', onExit);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        if (error) fail(error);
        else done();
      };
      const waiter = { pattern: ready, resolve: () => finish() };
      const onExit = (code: number | null, signal: string | null) =>
        finish(new Error(`${this.name} exited (code ${code}, signal ${signal}) before printing ${ready}:\n${this.output()}`));
      const timer = setTimeout(() => finish(new Error(`${this.name} printed no ${ready} within ${START_TIMEOUT_MS} ms:\n${this.output()}`)), START_TIMEOUT_MS);
      this.waiters.push(waiter);
      child.once('exit', onExit);
      if (ready.test(this.output())) finish();
    });
  }

  get running(): boolean {
    return this.child !== undefined && !hasExited(this.child);
  }

  /** Everything written so far, stdout then stderr. */
  output(): string {
    return `${this.text.stdout}${this.text.stderr ? `\n${this.text.stderr}` : ''}`;
  }

  /** Every complete or partial line written so far, empty ones dropped. */
  lines(): CapturedLine[] {
    return (['stdout', 'stderr'] as const).flatMap((stream) =>
      this.text[stream]
        .split('\n')
        .filter((text) => text.trim() !== '')
        .map((text) => ({ process: this.name, stream, text })),
    );
  }

  /** SIGTERM (the apps shut down gracefully and flush), SIGKILL if it overstays `graceMs`. */
  async stop(graceMs = 20_000): Promise<void> {
    const child = this.child;
    if (!child || hasExited(child)) return;
    child.kill('SIGTERM');
    try {
      await waitForExit(child, graceMs, this.name);
    } catch (error) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000, this.name);
      throw error;
    }
  }

  /** For afterAll: whatever state it is in, it is gone afterwards. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || hasExited(child)) return;
    child.kill('SIGKILL');
    await waitForExit(child, 5_000, this.name);
  }
}

export interface LoggedStack {
  gateway: CapturedProcess;
  worker: CapturedProcess;
  baseUrl: string;
  databaseUrl: string;
  /** Kills whatever still runs, drops the database, the queue keys and the mail folder. */
  release(): Promise<void>;
}

/**
 * The built gateway and worker as child processes on a fresh database and queue prefix of
 * their own, both at the most verbose log level, the worker delivering to `smtpUrl`.
 * `secrets` are the values the test later looks for in the output.
 */
export async function startLoggedStack(options: {
  smtpUrl: string;
  secrets: { jwtSecret: string; linkSecret: string; adminEmail: string; adminPassword: string };
  env?: Record<string, string>;
}): Promise<LoggedStack> {
  const database = await cloneTemplateDatabase();
  const mailDir = join(tmpdir(), `${database.name}-mail`);
  const redisUrl = process.env.REDIS_URL && process.env.REDIS_URL.trim() !== '' ? process.env.REDIS_URL : 'redis://127.0.0.1:6379';
  const port = await unusedPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const shared: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    TZ: process.env.TZ ?? 'UTC',
    NO_COLOR: '1',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: database.name,
    MAIL_DIR: mailDir,
    LINK_SECRET: options.secrets.linkSecret,
    JWT_SECRET: options.secrets.jwtSecret,
    PUBLIC_URL: baseUrl,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    // Every request line must be one of the test's own requests; loading the demo data makes a hundred more.
    DEMO_DATA: 'off',
    ...options.env,
  };
  const gateway = new CapturedProcess('gateway', 'gateway', {
    ...shared,
    PORT: String(port),
    BOOTSTRAP_ADMIN_EMAIL: options.secrets.adminEmail,
    BOOTSTRAP_ADMIN_PASSWORD: options.secrets.adminPassword,
  });
  const worker = new CapturedProcess('worker', 'worker', {
    ...shared,
    SMTP_URL: options.smtpUrl,
    WORKER_PORT: '0',
    OUTBOX_RELAY_AFTER_MS: '1000',
    OUTBOX_RELAY_INTERVAL_MS: '300',
    WORKER_SHUTDOWN_GRACE_MS: '2000',
  });
  const release = async () => {
    const failures: unknown[] = [];
    for (const step of [
      () => gateway.kill(),
      () => worker.kill(),
      () => dropTestDatabase(database.name),
      () => deleteQueueKeys(redisUrl, database.name),
      () => rm(mailDir, { recursive: true, force: true }),
    ]) {
      await step().catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw failures[0];
  };
  try {
    await gateway.start(/GraphQL ready at/);
    await worker.start(/Consuming /);
  } catch (error) {
    await release().catch(() => undefined);
    throw error;
  }
  return { gateway, worker, baseUrl, databaseUrl: database.url, release };
}
