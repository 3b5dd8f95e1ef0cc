import { createPatient } from './support/fixtures';
import { pollUntil, withDeadline } from './support/poll-until';
import { sendReferral } from './support/sent-referrals';
import { WorkerProcess, workerEnv } from './support/worker-process';
import { useWorld } from './support/file-setup';

const REFERRALS_DURING_OUTAGE = 6;
/** Far more than a mutation takes, far less than a client would wait: a hang fails the test. */
const MUTATION_DEADLINE_MS = 10_000;

/** The gateway's /health/ready, in terminus's format. */
interface Readiness {
  status: number;
  body: { status?: string; details?: { database?: { status: string }; redis?: { status: string; connected: boolean } } };
}

/**
 * Redis crashes and comes back empty. Meanwhile the gateway keeps answering mutations (their
 * enqueue fails fast, the notifications wait in the outbox), still ready but reporting Redis down; once
 * Redis is back the worker reconnects by itself and its relay hands every PENDING row to the
 * new, empty queue, so every email is sent exactly once.
 */
describe('notification pipeline: Redis goes down and comes back empty', () => {
  let worker: WorkerProcess;
  afterAll(() => worker?.stop());
  const { app, world, db, smtp, redis } = useWorld({ ownRedis: true, smtp: true, timeout: 60_000 });

  const readiness = async (): Promise<Readiness> => {
    const response = await fetch(`${app.baseUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) });
    return { status: response.status, body: (await response.json()) as Readiness['body'] };
  };

  const statuses = async (referralIds: readonly string[]): Promise<string[]> => {
    const { rows } = await db.query<{ status: string }>('SELECT status FROM notifications WHERE referral_id = ANY($1::uuid[])', [referralIds]);
    return rows.map((row) => row.status);
  };

  beforeAll(async () => {
    worker = new WorkerProcess(
      workerEnv(app.config, { SMTP_URL: smtp.url, OUTBOX_RELAY_AFTER_MS: '1000', OUTBOX_RELAY_INTERVAL_MS: '300', NOTIFICATION_BACKOFF_MS: '200' }),
    );
    await worker.start();
  }, 60_000);

  it('keeps answering mutations while Redis is down, then delivers every email once it is back', async () => {
    const { providerId, email: providerEmail } = world.targetProvider;
    const referrer = world.coordinatorA.client;

    // Before the outage the pipeline works end to end (a baseline for what follows).
    await sendReferral(referrer, world.patient.id, providerId);
    await smtp.waitForCount(2);
    expect(await readiness()).toMatchObject({ status: 200, body: { status: 'ok', details: { redis: { connected: true } } } });
    smtp.clear();

    // One patient per referral, so every email's recipient says which referral it is about.
    const patients = [];
    for (let index = 0; index < REFERRALS_DURING_OUTAGE; index += 1) patients.push(await createPatient(referrer, world.clinicA.id));

    await redis.kill();
    const down = await pollUntil(readiness, (ready) => ready.body.details?.redis?.connected === false, {
      timeoutMs: 10_000,
      what: 'readiness to report Redis down',
    });
    // Still ready: the gateway serves without Redis.
    expect(down).toMatchObject({ status: 200, body: { status: 'ok', details: { database: { status: 'up' }, redis: { status: 'up', connected: false } } } });

    const referralIds: string[] = [];
    for (const patient of patients) {
      const sent = await withDeadline(sendReferral(referrer, patient.id, providerId), MUTATION_DEADLINE_MS, 'createReferral while Redis is down');
      expect(sent.status).toBe('SENT');
      referralIds.push(sent.id);
    }
    // Committed with their notifications, which wait in the outbox: no queue, no email.
    expect(await statuses(referralIds)).toEqual(Array(REFERRALS_DURING_OUTAGE * 2).fill('PENDING'));
    expect(smtp.received).toHaveLength(0);
    // Still ready: the gateway serves without Redis. Its entry says Redis is away.
    expect(await readiness()).toMatchObject({ status: 200, body: { status: 'ok', details: { database: { status: 'up' }, redis: { connected: false } } } });

    await redis.restart();
    await smtp.waitForCount(REFERRALS_DURING_OUTAGE * 2, 30_000).catch((error: Error) => {
      throw new Error(`${error.message}\nWorker log:\n${worker.log()}`);
    });
    await pollUntil(() => statuses(referralIds), (all) => all.every((status) => status === 'SENT'), {
      timeoutMs: 10_000,
      what: 'every notification of the outage to be SENT',
    });

    const recipients = smtp.received.map((mail) => mail.to.join(',')).sort();
    const expected = [...Array<string>(REFERRALS_DURING_OUTAGE).fill(providerEmail), ...patients.map((patient) => patient.email)].sort();
    expect(recipients).toEqual(expected);
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(REFERRALS_DURING_OUTAGE * 2);

    const back = await pollUntil(readiness, (ready) => ready.body.details?.redis?.connected === true, { timeoutMs: 10_000, what: 'readiness to recover' });
    expect(back).toMatchObject({ status: 200, body: { status: 'ok', details: { database: { status: 'up' }, redis: { status: 'up', connected: true } } } });
    // The same worker process recovered by itself: it was never restarted.
    expect(worker.running).toBe(true);
    expect(worker.starts).toBe(1);
  }, 90_000);
});
