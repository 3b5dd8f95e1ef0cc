import { Client } from 'pg';
import type { RunningWorker } from '../../apps/worker/src/bootstrap';
import { RedisServer } from './redis-server';
import { SmtpSink } from './smtp-sink';
import { teardownAll } from './teardown';
import { startTestApp, StartOptions, TestApp } from './test-app';
import { databaseUrl, newDatabaseName } from './test-database';
import { startTestWorker } from './test-worker';
import { startWorldApp, World } from './world';

/**
 * What a test file starts before its tests and closes after them, in one call at the top of its
 * describe block. Each `use…` registers the beforeAll that starts it and the afterAll that
 * closes whatever was started (afterAll runs even when beforeAll failed half way), and returns
 * its parts at once: objects that beforeAll fills in. Destructure them where the describe block
 * is written; use them in hooks and tests, which run after beforeAll.
 *
 *   const { app, world, db } = useWorld();
 *
 * Jest runs afterAll hooks in the order they were declared: whatever a file starts on top (a
 * worker process, a second gateway) is closed by an afterAll declared before the `use…` call,
 * so it goes before the gateway, its database and its servers do.
 */
export interface FileOptions {
  /** Settings of the gateway (and of the worker, for usePipeline), as environment variables. */
  env?: Record<string, string>;
  /** How long starting may take, in ms (the Jest timeout by default). */
  timeout?: number;
  /** A redis-server of the file's own for the gateway (`redis`), for tests that kill or restart it; the shared one otherwise. */
  ownRedis?: boolean;
  /** An SMTP server in the test process (`smtp`), for a worker the test starts itself (usePipeline always has one). */
  smtp?: boolean;
  /** Receives the gateway's JSON log lines (standard output otherwise). */
  logStream?: StartOptions['logStream'];
}

/** A gateway on a freshly migrated database of its own (nobody in it but the platform admin), and a connection to that database. */
export interface AppParts {
  app: TestApp;
  db: Client;
}

/** The same, with the usual cast (world.ts) in the database and signed in to the gateway. */
export interface WorldParts extends AppParts {
  world: World;
}

/** The same, with the worker delivering email to an SMTP server in the test process. */
export interface PipelineParts extends WorldParts {
  worker: RunningWorker;
  smtp: SmtpSink;
}

/** What the `ownRedis` and `smtp` options add. */
export interface ServerParts {
  redis: RedisServer;
  smtp: SmtpSink;
}

export function useTestApp(options: FileOptions = {}): AppParts & ServerParts {
  return useParts(options, { world: false, worker: false });
}

export function useWorld(options: FileOptions = {}): WorldParts & ServerParts {
  return useParts(options, { world: true, worker: false });
}

/** `env` goes to both the gateway and the worker (retry settings are read by whoever enqueues). */
export function usePipeline(options: FileOptions = {}): PipelineParts & ServerParts {
  return useParts(options, { world: true, worker: true });
}

/** The first file of a run to ask for the cast waits while the world template is made (a gateway's start and the cast's making). */
const FIRST_WORLD_TIMEOUT_MS = 60_000;

function useParts({ env: given = {}, timeout, ownRedis = false, smtp = false, logStream }: FileOptions, needs: { world: boolean; worker: boolean }): PipelineParts & ServerParts {
  // Named now, so the connection to it can be handed out before the database exists.
  const databaseName = newDatabaseName();
  const parts: PipelineParts & ServerParts = {
    app: {} as TestApp,
    world: {} as World,
    db: new Client({ connectionString: databaseUrl(databaseName) }),
    worker: {} as RunningWorker,
    smtp: new SmtpSink(),
    redis: new RedisServer(),
  };
  beforeAll(
    async () => {
      if (ownRedis) await parts.redis.up();
      const env = ownRedis ? { ...given, REDIS_URL: parts.redis.url } : given;
      if (needs.worker || smtp) await parts.smtp.up();
      if (needs.world) {
        const { app, world } = await startWorldApp(env, databaseName, { logStream });
        Object.assign(parts.app, app);
        Object.assign(parts.world, world);
      } else {
        Object.assign(parts.app, await startTestApp(env, { databaseName, logStream }));
      }
      await parts.db.connect();
      if (needs.worker) Object.assign(parts.worker, await startTestWorker(parts.app.config, { SMTP_URL: parts.smtp.url, ...env }));
    },
    timeout ?? (needs.world ? FIRST_WORLD_TIMEOUT_MS : undefined),
  );
  // A connection never opened ends at once; so does a server that never started.
  afterAll(() =>
    teardownAll([() => parts.worker.stop?.(), () => parts.db.end(), () => parts.app.close?.(), () => parts.smtp.close(), () => parts.redis.kill()]),
  );
  return parts;
}
