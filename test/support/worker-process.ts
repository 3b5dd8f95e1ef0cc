import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { AppConfig } from '@referloop/core';
import { hasExited, killOnExit, OutputTail, signalAndWait, waitForExit } from './child-processes';

// The Node.js and arguments `npm start` runs the worker with (globalSetup has built dist/ and fetched that Node.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { appCommand } = require('../../scripts/apps') as { appCommand: (app: string) => { command: string; args: string[] } };

const ROOT = resolve(__dirname, '..', '..');
/** A cold start loads Nest, TypeORM and BullMQ and checks migrations; the machine may be busy. */
const START_TIMEOUT_MS = 30_000;
const KILL_TIMEOUT_MS = 5_000;

/**
 * The environment of a worker serving the gateway described by `config` (same database,
 * queues, link secret, public URL, response windows), as its operator would write it.
 * `overrides` come last: SMTP_URL, WORKER_CONCURRENCY, short lock and relay timings, ...
 */
export function workerEnv(config: AppConfig, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    TZ: process.env.TZ ?? 'UTC',
    // Plain log lines: the test reads them.
    NO_COLOR: '1',
    DATABASE_URL: config.databaseUrl,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    MAIL_FROM: config.mail.from,
    MAIL_DIR: config.mail.dir,
    ...(config.mail.smtpUrl ? { SMTP_URL: config.mail.smtpUrl } : {}),
    ...(config.links.secret ? { LINK_SECRET: config.links.secret } : {}),
    PUBLIC_URL: config.links.publicUrl,
    STATUS_LINK_TTL_DAYS: String(config.links.ttlDays),
    RESPONSE_WINDOW_ROUTINE_HOURS: String(config.responseWindowHours.ROUTINE),
    RESPONSE_WINDOW_URGENT_HOURS: String(config.responseWindowHours.URGENT),
    HOST: '127.0.0.1',
    WORKER_PORT: '0',
    LOG_LEVEL: 'log',
    ...overrides,
  };
}

/**
 * The built worker (dist/apps/worker/src/main.js) as a real child process, so a test can
 * SIGKILL it mid-job — no shutdown hook, no finally block — and start another in its place.
 */
export class WorkerProcess {
  private child?: ChildProcess;
  private output = new OutputTail();
  /** How many times it was started. */
  starts = 0;

  constructor(private readonly env: Record<string, string>) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && !hasExited(this.child);
  }

  /** The last lines it wrote, for failure messages. */
  log(): string {
    return this.output.text();
  }

  /** Starts a fresh process; resolves once it logs that it consumes its queues. */
  async start(): Promise<void> {
    if (this.running) throw new Error('The worker is already running');
    this.output = new OutputTail();
    const { command, args } = appCommand('worker');
    const child = spawn(command, args, { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.starts += 1;
    killOnExit(child);
    this.output.follow(child);
    try {
      await this.output.waitForLine(child, /Consuming /, START_TIMEOUT_MS, `worker process #${this.starts}`);
    } catch (error) {
      await this.kill();
      throw error;
    }
  }

  /** Sends SIGTERM and returns at once; `exited()` tells how it ended. */
  terminate(): void {
    this.child?.kill('SIGTERM');
  }

  /** Resolves with the exit code once the process has exited (bounded). */
  async exited(timeoutMs: number): Promise<number | null> {
    if (!this.child) throw new Error('The worker was never started');
    await waitForExit(this.child, timeoutMs, 'worker process');
    return this.child.exitCode;
  }

  /** Resolves when the worker writes a line matching `pattern` from now on. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<void> {
    if (!this.child) throw new Error('The worker was never started');
    return this.output.waitForLine(this.child, pattern, timeoutMs, 'worker process');
  }

  /** SIGKILL: jobs die mid-flight and keep their locks until those expire. */
  async kill(): Promise<void> {
    if (this.child) await signalAndWait(this.child, 'SIGKILL', KILL_TIMEOUT_MS, 'worker process');
  }

  /** SIGTERM (graceful: running jobs finish), SIGKILL if it overstays `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || hasExited(child)) return;
    child.kill('SIGTERM');
    try {
      await waitForExit(child, graceMs, 'worker process');
    } catch {
      await this.kill();
    }
  }
}
