import { sorted } from './support/expectations';
import { pollUntil } from './support/poll-until';
import { inParallel, sendReferral } from './support/sent-referrals';
import { WebhookReceiver } from './support/webhook-receiver';
import { WorkerProcess, workerEnv } from './support/worker-process';
import { useWorld } from './support/file-setup';

/** Each sent referral is one `referral.sent` event for clinic A's endpoint. */
const REFERRALS = 30;
const KILLS = 4;
/** How long the receiver holds each answer: long enough that a kill lands while the worker waits on it. */
const HOLD_MS = 250;
/**
 * One attempt at a time, so a kill cuts off exactly one request: the one the receiver holds.
 * Each such request is sent again (it was never recorded), so there are at most KILLS duplicates.
 */
const CONCURRENCY = 1;
const CREATE = `mutation createWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id } } }`;

interface DeliveryRow {
  id: string;
  event_id: string;
  status: string;
  attempts: number;
  recorded: number;
}

/**
 * The worker dies the hard way (SIGKILL: no shutdown hook, the attempt cut off while the
 * receiver holds its answer) again and again while it delivers a batch of webhooks, and a fresh
 * one is started each time. The killed attempt's job stalls and runs again (or the relay queues
 * it), and the sender records each attempt once: every event reaches the receiver, verified,
 * and the only duplicates (same webhook-id twice) are requests a kill caught between the
 * receiver getting them and the worker recording the answer.
 */
describe('webhooks: the worker is SIGKILLed repeatedly mid-delivery', () => {
  let worker: WorkerProcess | undefined;
  let receiver: WebhookReceiver | undefined;
  // Declared before useWorld: runs first, while the database and Redis are still there.
  afterAll(async () => {
    await worker?.kill();
    await receiver?.close();
  });
  const { app, world, db } = useWorld({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on' }, timeout: 60_000 });
  let endpointId: string;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    receiver.holdMs = HOLD_MS;
    const { createWebhookEndpoint } = await world.adminA.client.ok<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(CREATE, {
      input: { url: receiver.url, events: ['REFERRAL_SENT'], description: 'Slow EHR' },
    });
    receiver.secrets = [createWebhookEndpoint.secret];
    endpointId = createWebhookEndpoint.endpoint.id;
    worker = new WorkerProcess(
      workerEnv(app.config, {
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on',
        WEBHOOK_TIMEOUT_MS: '5000',
        // Not expected to be used (the receiver always answers 200 in time), but short if it is.
        WEBHOOK_RETRY_DELAYS_MS: '200,200,200,200,200',
        WORKER_CONCURRENCY: String(CONCURRENCY),
        // Short locks: a killed worker's attempt counts as stalled within a second or two.
        WORKER_LOCK_DURATION_MS: '1000',
        WORKER_STALLED_INTERVAL_MS: '500',
        // A job that stalled twice is failed by BullMQ: the relay queues its attempt again.
        OUTBOX_RELAY_AFTER_MS: '1500',
        OUTBOX_RELAY_INTERVAL_MS: '300',
      }),
    );
  });

  const deliveries = async () =>
    (
      await db.query<DeliveryRow>(
        `SELECT d.id, d.event_id, d.status, d.attempts, (SELECT count(*)::int FROM webhook_attempts a WHERE a.delivery_id = d.id) AS recorded
           FROM webhook_deliveries d WHERE d.endpoint_id = $1`,
        [endpointId],
      )
    ).rows;

  it(`delivers all ${REFERRALS} events through ${KILLS} SIGKILLs mid-delivery, with at most one duplicate per kill`, async () => {
    const rx = receiver as WebhookReceiver;
    const running = worker as WorkerProcess;
    // Written (and queued) before any worker runs: every kill lands in a full queue.
    await inParallel(REFERRALS, 6, () => sendReferral(world.coordinatorA.client, world.patient.id, world.targetProvider.providerId));
    const written = await deliveries();
    expect(written).toHaveLength(REFERRALS);
    const eventIds = new Set(written.map((row) => row.event_id));
    const distinctReceived = () => new Set(rx.received.map((request) => request.id)).size;

    await running.start();
    /** Per kill: the requests the receiver held when it struck, and those it left unrecorded. */
    const kills: { held: string[]; cutOff: string[]; deliveredBefore: number }[] = [];
    let since = 0;
    for (let kill = 1; kill <= KILLS; kill += 1) {
      const target = Math.round((REFERRALS * kill) / (KILLS + 1));
      // The moment a request arrives with `target` distinct events in: the worker now waits on it.
      await rx.waitFor(() => distinctReceived() >= target && rx.inFlight > 0, 20_000, `request ${target} in flight before kill ${kill}`).catch((error: Error) => {
        throw new Error(`${error.message}\nWorker log:\n${running.log()}`);
      });
      const heldRequests = rx.received.filter((request) => request.completed === null);
      const held = heldRequests.map((request) => request.id);
      await running.kill();
      // The receiver sees the connection go (or, on a slow machine, writes its answer into it): either way it holds nothing more.
      await rx.waitFor(() => heldRequests.every((request) => request.completed !== null), 5000, `the request held at kill ${kill} to be settled`);
      // The worker is dead: no delivery row changes until the next one starts.
      const pending = new Set((await deliveries()).filter((row) => row.status === 'PENDING').map((row) => row.event_id));
      const receivedInThisLife = rx.received.slice(since).map((request) => request.id);
      since = rx.received.length;
      kills.push({ held, cutOff: [...new Set(receivedInThisLife.filter((id) => pending.has(id)))], deliveredBefore: distinctReceived() });
      await running.start();
    }

    const final = await pollUntil(deliveries, (rows) => rows.every((row) => row.status === 'SUCCEEDED'), {
      timeoutMs: 20_000,
      what: 'every delivery to succeed',
    }).catch((error: Error) => {
      throw new Error(`${error.message}\nWorker log:\n${running.log()}`);
    });

    const receivedIds = rx.received.map((request) => request.id);
    const counts = new Map<string, number>();
    for (const id of receivedIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    const duplicated = [...counts].filter(([, count]) => count > 1).map(([id]) => id);
    const duplicates = receivedIds.length - counts.size;
    const cutOff = [...new Set(kills.flatMap((k) => k.cutOff))];
    process.stdout.write(
      `\n[webhooks-worker-kill] ${KILLS} SIGKILLs (distinct events received at each: ${kills.map((k) => k.deliveredBefore).join(', ')}), ` +
        `${running.starts} worker starts: ${receivedIds.length} requests for ${REFERRALS} events, ${duplicates} duplicate(s) (bound ${KILLS}); ` +
        `cut off by the kills: ${kills.map((k) => k.cutOff.length).join(', ')}\n`,
    );

    // Each kill struck mid-delivery: the receiver held one request, which the worker never recorded.
    for (const { held, cutOff: unrecorded } of kills) {
      expect(held).toHaveLength(CONCURRENCY);
      expect(unrecorded).toEqual(held);
    }
    // And while events were still to be delivered.
    expect(kills.every((k) => k.deliveredBefore < REFERRALS)).toBe(true);

    // No event lost: each one answered 200 in full at least once, and recorded once as delivered.
    const answeredInFull = new Set(rx.received.filter((request) => request.completed === true && request.answered === 200).map((request) => request.id));
    expect(sorted([...answeredInFull])).toEqual(sorted([...eventIds]));
    expect(final.map((row) => [row.status, row.attempts, row.recorded])).toEqual(written.map(() => ['SUCCEEDED', 1, 1]));
    // Nothing arrived that is not one of the events, and every request verified.
    expect(receivedIds.filter((id) => !eventIds.has(id))).toEqual([]);
    expect(rx.received.filter((request) => !request.verified)).toEqual([]);
    // Duplicates exactly where a kill cut a request off, and no more than one per kill.
    expect(sorted(duplicated)).toEqual(sorted(cutOff));
    expect(duplicates).toBeLessThanOrEqual(KILLS);
  }, 90_000);
});
