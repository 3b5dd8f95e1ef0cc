import { pollUntil } from './support/poll-until';
import { inParallel, sendReferral } from './support/sent-referrals';
import { WorkerProcess, workerEnv } from './support/worker-process';
import { useWorld } from './support/file-setup';

/** Each sent referral emails its provider and its patient. */
const REFERRALS = 250;
const NOTIFICATIONS = REFERRALS * 2;
const KILLS = 5;
const CONCURRENCY = 8;
/** A kill can catch at most this many emails accepted by SMTP but not yet marked SENT. */
const DUPLICATE_BOUND = KILLS * CONCURRENCY;

interface Row {
  id: string;
  status: string;
  message_id: string | null;
}

/**
 * The worker dies the hard way (SIGKILL: no shutdown hook, jobs cut off mid-send) again and
 * again while hundreds of emails are being sent, and is started afresh each time. Stalled jobs
 * come back when their locks expire, the relay re-enqueues whatever the queue gave up on, and
 * the sender skips rows already SENT: every notification ends SENT and delivered, and the only
 * duplicates are emails a kill caught between SMTP's acceptance and the row's update.
 */
describe('notification pipeline: the worker is SIGKILLed repeatedly mid-batch', () => {
  let worker: WorkerProcess;
  afterAll(() => worker?.kill());
  const { app, world, db, smtp } = useWorld({ ownRedis: true, smtp: true, timeout: 60_000 });

  beforeAll(() => {
    worker = new WorkerProcess(
      workerEnv(app.config, {
        SMTP_URL: smtp.url,
        WORKER_CONCURRENCY: String(CONCURRENCY),
        // Short locks: a killed worker's jobs count as stalled within seconds.
        WORKER_LOCK_DURATION_MS: '2000',
        WORKER_STALLED_INTERVAL_MS: '1000',
        OUTBOX_RELAY_AFTER_MS: '3000',
        OUTBOX_RELAY_INTERVAL_MS: '500',
        NOTIFICATION_BACKOFF_MS: '200',
      }),
    );
  });

  const uniqueReceived = () => new Set(smtp.received.map((mail) => mail.messageId)).size;

  it(`delivers all ${NOTIFICATIONS} notifications, each at least once, with at most ${DUPLICATE_BOUND} duplicates`, async () => {
    // The gateway writes and enqueues the whole batch before any worker runs, so each kill
    // below lands in a full queue with every slot of the worker busy.
    await inParallel(REFERRALS, 6, () => sendReferral(world.coordinatorA.client, world.patient.id, world.targetProvider.providerId));
    const { rows: written } = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM notifications WHERE status = 'PENDING'`);
    expect(written[0].count).toBe(NOTIFICATIONS);

    await worker.start();
    const deliveredAtKill: number[] = [];
    for (let kill = 1; kill <= KILLS; kill += 1) {
      const target = Math.round((NOTIFICATIONS * kill) / (KILLS + 1));
      await smtp.waitFor(() => uniqueReceived() >= target, 60_000, `${target} distinct emails before kill ${kill}`);
      await worker.kill();
      deliveredAtKill.push(uniqueReceived());
      await worker.start();
    }
    // Every kill struck while emails were still to be sent.
    expect(deliveredAtKill.every((delivered) => delivered < NOTIFICATIONS)).toBe(true);

    const rows = await pollUntil(
      async () => (await db.query<Row>('SELECT id, status, message_id FROM notifications')).rows,
      (all) => all.length === NOTIFICATIONS && all.every((row) => row.status === 'SENT'),
      { timeoutMs: 90_000, what: 'every notification to be SENT', intervalMs: 500 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nWorker log:\n${worker.log()}`);
    });

    const receivedIds = smtp.received.map((mail) => mail.messageId);
    const distinct = new Set(receivedIds);
    const duplicates = receivedIds.length - distinct.size;
    process.stdout.write(
      `\n[worker-kill] ${KILLS} SIGKILLs (distinct emails delivered at each: ${deliveredAtKill.join(', ')}), ` +
        `${worker.starts} worker starts: ${receivedIds.length} emails received for ${NOTIFICATIONS} notifications, ` +
        `${duplicates} duplicate(s) (bound ${DUPLICATE_BOUND})\n`,
    );

    const rowIds = rows.map((row) => row.message_id);
    const accounted = new Set(rowIds);
    expect(rowIds.filter((id) => id === null || !distinct.has(id))).toEqual([]);
    // Nothing arrived that no row accounts for.
    expect([...distinct].filter((id) => !accounted.has(id))).toEqual([]);
    expect(duplicates).toBeLessThanOrEqual(DUPLICATE_BOUND);
  }, 240_000);
});
