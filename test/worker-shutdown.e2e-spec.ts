import Redis from 'ioredis';
import { notificationsOf, settledNotifications } from './support/notification-rows';
import { sendReferral } from './support/sent-referrals';
import { teardownAll } from './support/teardown';
import { WorkerProcess, workerEnv } from './support/worker-process';
import { useWorld } from './support/file-setup';

/**
 * The worker as its operator runs it, a real process: SIGTERM lets running jobs finish, within
 * WORKER_SHUTDOWN_GRACE_MS; and it warns at start when Redis may evict its keys. Its own Redis,
 * so the eviction policy can be changed without touching the shared server.
 */
/** The messages of the worker's JSON log lines at warn level (pino's 40); other output is not log lines. */
function warnings(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string })
    .filter((entry) => entry.level === 40)
    .map((entry) => entry.msg);
}

describe('worker process: graceful shutdown and the eviction warning', () => {
  const workers: WorkerProcess[] = [];
  afterAll(() => teardownAll(workers.map((worker) => () => worker.kill())), 60_000);
  const { app, world, smtp, redis } = useWorld({ ownRedis: true, smtp: true, timeout: 60_000 });

  const newWorker = (overrides: Record<string, string> = {}) => {
    const worker = new WorkerProcess(
      workerEnv(app.config, { SMTP_URL: smtp.url, WORKER_LOCK_DURATION_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000', ...overrides }),
    );
    workers.push(worker);
    return worker;
  };

  afterEach(() => smtp.release());

  it('on SIGTERM lets the emails being sent finish, records them SENT, and exits 0', async () => {
    const worker = newWorker({ WORKER_SHUTDOWN_GRACE_MS: '20000' });
    await worker.start();
    smtp.hold();
    const referral = await sendReferral(world.coordinatorA.client, world.patient.id, world.targetProvider.providerId);
    await smtp.waitForHeld(2);

    worker.terminate();
    await worker.waitForLine(/SIGTERM: finishing running jobs/, 10_000);
    // Both sends are mid-transaction with the SMTP server; the process must wait for them.
    expect(worker.running).toBe(true);
    smtp.release();
    expect(await worker.exited(20_000)).toBe(0);

    const rows = await notificationsOf(world.coordinatorA.client, referral.id);
    expect(rows.map((row) => `${row.recipientKind}:${row.status}`).sort()).toEqual(['PATIENT:SENT', 'PROVIDER:SENT']);
  }, 60_000);

  it('waits no longer than WORKER_SHUTDOWN_GRACE_MS; the cut-off emails stay PENDING and the next worker sends them', async () => {
    const worker = newWorker({ WORKER_SHUTDOWN_GRACE_MS: '300' });
    await worker.start();
    smtp.hold();
    const sentBefore = smtp.received.length;
    const referral = await sendReferral(world.coordinatorA.client, world.patient.id, world.targetProvider.providerId);
    await smtp.waitForHeld(2);

    worker.terminate();
    await worker.waitForLine(/Jobs still running after 300 ms; closing anyway/, 10_000);
    expect(await worker.exited(10_000)).toBe(0);
    expect((await notificationsOf(world.coordinatorA.client, referral.id)).map((row) => row.status)).toEqual(['PENDING', 'PENDING']);

    // The held transactions die with the process: nothing was accepted.
    smtp.release();
    const next = newWorker();
    await next.start();
    const rows = await settledNotifications(world.coordinatorA.client, [referral.id], 30_000);
    expect(rows.map((row) => row.status)).toEqual(['SENT', 'SENT']);
    const delivered = smtp.received.slice(sentBefore).map((mail) => mail.messageId);
    for (const row of rows) expect(delivered).toContain(`<${row.id}@referloop.localhost>`);
    await next.stop();
  }, 90_000);

  it('warns at start when Redis may evict keys, and not when its policy is noeviction', async () => {
    const admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    try {
      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      const evicting = newWorker();
      // The check runs before the worker consumes, so the warning precedes the line start() waits for.
      await evicting.start();
      expect(warnings(evicting.log())).toEqual([expect.stringMatching(/maxmemory-policy is "allkeys-lru", not "noeviction"/)]);
      await evicting.stop();

      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      const safe = newWorker();
      await safe.start();
      await safe.stop();
      expect(warnings(safe.log()).filter((message) => /maxmemory-policy/.test(message))).toEqual([]);
    } finally {
      admin.disconnect();
    }
  }, 90_000);
});
