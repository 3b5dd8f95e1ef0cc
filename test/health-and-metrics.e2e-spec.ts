import { QueueName } from '@referloop/jobs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { RunningWorker } from '../apps/worker/src/bootstrap';
import { expectGraphqlError } from './support/expectations';
import { createPatient, Referral, referralInput, runReferralMutation, uniqueEmail, USER_PASSWORD } from './support/fixtures';
import { counterOf, health, Sample, samplesOf, Scrape, scrape, valueOf } from './support/health-metrics-scrape';
import { settledNotifications } from './support/notification-rows';
import { UPDATE_PATIENT } from './support/operations';
import { usePipeline } from './support/file-setup';
import { pollUntil, withDeadline } from './support/poll-until';
import { RedisServer } from './support/redis-server';
import { inParallel, sendReferral } from './support/sent-referrals';
import { SmtpSink } from './support/smtp-sink';
import { teardownAll } from './support/teardown';
import { startTestApp, TestApp } from './support/test-app';
import { dropDatabase, withAdminClient } from './support/test-database';
import { startTestWorker } from './support/test-worker';
import { referralIn, startWorldApp, World } from './support/world';

const REQUEST_DURATION_COUNT = 'referloop_graphql_request_duration_seconds_count';
const GRAPHQL_ERRORS = 'referloop_graphql_errors_total';
const TRANSITIONS = 'referloop_referral_transitions_total';
const EMAILS = 'referloop_emails_total';
const JOB_DURATION_COUNT = 'referloop_job_duration_seconds_count';
const QUEUE_JOBS = 'referloop_queue_jobs';
const OLDEST_PENDING = 'referloop_oldest_pending_notification_age_seconds';
const PERIODIC_RUNS = 'referloop_periodic_task_runs_total';
/** Every periodic task the worker runs: each runs once at start. */
const PERIODIC_TASKS = ['OutboxRelay', 'WebhookRelay', 'ClockSweep', 'OutcomeReminders', 'ProviderStatsDue', 'ProviderStats', 'AccountHousekeeping'];

const QUEUES = ['notifications', 'response-clock'];
const JOB_STATES = ['waiting', 'active', 'failed', 'delayed'];
/** The label cap of the gateway's operation names. */
const MAX_OPERATION_LABELS = 200;
/** How long a dependency's loss or return may take to show in readiness (ping and pool timeouts are about a second). */
const HEALTH_CHANGE_MS = 15_000;
/** Bounds every worker start and stop, so a hang fails the test instead of stalling the run. */
const WORKER_DEADLINE_MS = 20_000;

const INBOX = 'query HealthMetricsInbox { referrals(first: 1) { totalCount } }';

/** `after - before` of one counter series (absent counting as zero). */
const delta = (before: Scrape, after: Scrape, name: string, labels: Record<string, string> = {}) =>
  counterOf(after.samples, name, labels) - counterOf(before.samples, name, labels);

/** Every series of `name` whose value differs between the scrapes, as `labels=difference`. */
function changedSeries(before: Scrape, after: Scrape, name: string): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const sample of after.samples.filter((s) => s.name === name)) {
    const difference = sample.value - counterOf(before.samples, name, sample.labels);
    if (difference !== 0) changed[JSON.stringify(sample.labels)] = difference;
  }
  return changed;
}

const operationLabels = (samples: readonly Sample[]) =>
  new Set(samples.filter((sample) => sample.name === REQUEST_DURATION_COUNT).map((sample) => sample.labels.operation));

const PROMETHEUS_TEXT = /^text\/plain; version=0\.0\.4(;|$)/;

/** Every queue of the catalogue, as a ready worker reports it. */
const EVERY_QUEUE_CONSUMING = Object.fromEntries(Object.values(QueueName).map((name) => [name, 'consuming']));

describe('health and metrics', () => {
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    ({ app, world } = await startWorldApp());
  }, 60_000);

  afterAll(() => app?.close());

  describe('gateway health', () => {
    let doomed: TestApp | undefined;

    afterAll(() => doomed?.close());

    it('live answers 200 ok and checks nothing', async () => {
      expect(await health(app.baseUrl, 'live')).toEqual({ status: 200, body: { status: 'ok', info: {}, error: {}, details: {} } });
    });

    it('ready answers 200 with the database up and Redis connected (not required to serve)', async () => {
      const ready = await health(app.baseUrl, 'ready');
      expect(ready).toEqual({
        status: 200,
        body: {
          status: 'ok',
          info: { database: { status: 'up' }, redis: { status: 'up', connected: true, requiredToServe: false } },
          error: {},
          details: { database: { status: 'up' }, redis: { status: 'up', connected: true, requiredToServe: false } },
        },
      });
    });

    it('a gateway whose database disappears answers ready 503 naming the database, and stays live', async () => {
      doomed = await startTestApp();
      const gateway = doomed;
      expect((await health(gateway.baseUrl, 'ready')).status).toBe(200);

      await withAdminClient((admin) => dropDatabase(admin, gateway.databaseName));

      const unready = await pollUntil(() => health(gateway.baseUrl, 'ready'), (answer) => answer.status !== 200, {
        timeoutMs: HEALTH_CHANGE_MS,
        what: 'readiness to fail once the database is gone',
      });
      expect(unready.status).toBe(503);
      // Alive all the same: restarting the process would not bring the database back.
      expect(await health(gateway.baseUrl, 'live')).toMatchObject({ status: 200, body: { status: 'ok' } });
      // Metrics need no database either.
      expect((await scrape(gateway.baseUrl)).status).toBe(200);
      // The 503 says why, in terminus's format, as the 200 does: the database, and only it.
      expect(unready.body).toMatchObject({
        status: 'error',
        error: { database: { status: 'down' } },
        details: { database: { status: 'down' }, redis: { status: 'up', connected: true } },
      });
      expect(Object.keys(unready.body.error ?? {})).toEqual(['database']);

      doomed = undefined;
      await gateway.close();
    }, 60_000);

    it('the other gateway was not affected', async () => {
      expect((await health(app.baseUrl, 'ready')).status).toBe(200);
    });
  });

  describe('worker health', () => {
    let worker: RunningWorker | undefined;
    let redis: RedisServer | undefined;
    let isolated: RunningWorker | undefined;

    const workerUrl = (running: RunningWorker) => `http://127.0.0.1:${running.healthPort}`;

    beforeAll(async () => {
      worker = await withDeadline(startTestWorker(app.config), WORKER_DEADLINE_MS, 'worker start');
    }, 30_000);

    afterAll(async () => {
      await teardownAll([
        // A worker closes its queues more readily with its Redis there.
        () => (redis && !redis.running ? redis.restart() : undefined),
        () => (isolated ? withDeadline(isolated.stop(), WORKER_DEADLINE_MS, 'isolated worker stop') : undefined),
        () => (worker ? withDeadline(worker.stop(), WORKER_DEADLINE_MS, 'worker stop') : undefined),
        () => redis?.kill(),
      ]);
    }, 60_000);

    it('live answers 200 ok', async () => {
      expect(await health(workerUrl(worker as RunningWorker), 'live')).toEqual({ status: 200, body: { status: 'ok', info: {}, error: {}, details: {} } });
    });

    it('ready answers 200 with the database, Redis and every queue consuming', async () => {
      const expected = { database: { status: 'up' }, redis: { status: 'up' }, queues: { status: 'up', ...EVERY_QUEUE_CONSUMING } };
      expect(await health(workerUrl(worker as RunningWorker), 'ready')).toEqual({
        status: 200,
        body: { status: 'ok', info: expected, error: {}, details: expected },
      });
    });

    it('a worker whose Redis dies answers ready 503 naming Redis, keeps serving metrics, and recovers when Redis is back', async () => {
      redis = await RedisServer.start();
      const privateRedis = redis;
      // The same database, its own Redis: killing that one touches nobody else's queues.
      isolated = await withDeadline(startTestWorker({ ...app.config, redisUrl: privateRedis.url }), WORKER_DEADLINE_MS, 'isolated worker start');
      const url = workerUrl(isolated);
      expect((await health(url, 'ready')).status).toBe(200);

      await privateRedis.kill();
      const unready = await pollUntil(() => health(url, 'ready'), (answer) => answer.status !== 200, {
        timeoutMs: HEALTH_CHANGE_MS,
        what: 'worker readiness to fail once its Redis is gone',
      });
      expect(unready).toMatchObject({
        status: 503,
        body: { status: 'error', error: { redis: { status: 'down' } }, details: { database: { status: 'up' }, redis: { status: 'down' } } },
      });
      expect(await health(url, 'live')).toMatchObject({ status: 200, body: { status: 'ok' } });

      // A scrape still answers: the queue counts it cannot read are left out, the outbox age is there.
      const blind = await scrape(url);
      expect(blind.status).toBe(200);
      expect(blind.samples.filter((sample) => sample.name === QUEUE_JOBS)).toEqual([]);
      expect(valueOf(blind.samples, OLDEST_PENDING)).toEqual(expect.any(Number));

      await privateRedis.restart();
      const back = await pollUntil(() => health(url, 'ready'), (answer) => answer.status === 200, {
        timeoutMs: HEALTH_CHANGE_MS,
        what: 'worker readiness to recover once its Redis is back',
      });
      expect(back.body).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, redis: { status: 'up' }, queues: { status: 'up', ...EVERY_QUEUE_CONSUMING } },
      });
      const seeing = await pollUntil(() => scrape(url), (again) => samplesOf(again.samples, QUEUE_JOBS, { queue: 'notifications', state: 'waiting' }).length === 1, {
        timeoutMs: HEALTH_CHANGE_MS,
        what: 'queue gauges to come back with Redis',
      });
      expect(valueOf(seeing.samples, QUEUE_JOBS, { queue: 'notifications', state: 'waiting' })).toBe(0);
    }, 60_000);
  });

  describe('gateway metrics', () => {
    const metrics = () => scrape(app.baseUrl);
    const coordinator = () => world.coordinatorA.client;

    it('answers GET /metrics with Prometheus text, without signing in', async () => {
      const answer = await metrics();
      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(PROMETHEUS_TEXT);
      expect(answer.text).toContain('# TYPE referloop_graphql_request_duration_seconds histogram');
      expect(answer.text).toContain(`# TYPE ${GRAPHQL_ERRORS} counter`);
      expect(answer.text).toContain(`# TYPE ${TRANSITIONS} counter`);
    });

    it('times each request under its operation name and result', async () => {
      const requests = 3;
      const before = await metrics();
      for (let index = 0; index < requests; index += 1) {
        const data = await coordinator().ok<{ referrals: { totalCount: number } }>(INBOX);
        expect(data.referrals.totalCount).toEqual(expect.any(Number));
      }
      const after = await metrics();

      const series = { operation: 'HealthMetricsInbox', result: 'ok' };
      expect(delta(before, after, REQUEST_DURATION_COUNT, series)).toBe(requests);
      expect(delta(before, after, 'referloop_graphql_request_duration_seconds_bucket', { ...series, le: '+Inf' })).toBe(requests);
      expect(delta(before, after, REQUEST_DURATION_COUNT, { operation: 'HealthMetricsInbox', result: 'error' })).toBe(0);
      // Nothing else was asked in between.
      expect(changedSeries(before, after, REQUEST_DURATION_COUNT)).toEqual({ [JSON.stringify(series)]: requests });
      expect(changedSeries(before, after, GRAPHQL_ERRORS)).toEqual({});
    });

    it('labels an operation without a name "anonymous"', async () => {
      const before = await metrics();
      await coordinator().ok('{ me { id } }');
      const after = await metrics();
      expect(changedSeries(before, after, REQUEST_DURATION_COUNT)).toEqual({ [JSON.stringify({ operation: 'anonymous', result: 'ok' })]: 1 });
    });

    it('counts errors by code: UNAUTHENTICATED and FORBIDDEN once each, under their operations with result error', async () => {
      const before = await metrics();
      expectGraphqlError(await app.anonymous.request('query HealthMetricsSignedOut { me { id } }'), 'UNAUTHENTICATED');
      expectGraphqlError(
        await coordinator().request('mutation HealthMetricsForbidden($input: CreateUserInput!) { createUser(input: $input) { id } }', {
          input: { email: uniqueEmail('metrics'), password: USER_PASSWORD, displayName: 'Not allowed', role: 'COORDINATOR', clinicId: world.clinicA.id },
        }),
        'FORBIDDEN',
      );
      const after = await metrics();

      expect(changedSeries(before, after, GRAPHQL_ERRORS)).toEqual({
        [JSON.stringify({ code: 'UNAUTHENTICATED' })]: 1,
        [JSON.stringify({ code: 'FORBIDDEN' })]: 1,
      });
      expect(changedSeries(before, after, REQUEST_DURATION_COUNT)).toEqual({
        [JSON.stringify({ operation: 'HealthMetricsSignedOut', result: 'error' })]: 1,
        [JSON.stringify({ operation: 'HealthMetricsForbidden', result: 'error' })]: 1,
      });
    });

    it('counts a request refused before execution (unparseable) by its code', async () => {
      const before = await metrics();
      const broken = await coordinator().request('query HealthMetricsBroken { referrals(first: 1) {');
      expect(broken.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      const after = await metrics();
      expect(changedSeries(before, after, GRAPHQL_ERRORS)).toEqual({ [JSON.stringify({ code: 'GRAPHQL_PARSE_FAILED' })]: 1 });
      // The name is in text that did not parse: there is none to label it with.
      expect(changedSeries(before, after, REQUEST_DURATION_COUNT)).toEqual({ [JSON.stringify({ operation: 'anonymous', result: 'error' })]: 1 });
    });

    it('counts CREATE, SEND and ACCEPT exactly once each for one referral created, sent and accepted', async () => {
      const before = await metrics();
      const accepted = await referralIn(world, 'ACCEPTED');
      expect(accepted.status).toBe('ACCEPTED');
      const after = await metrics();
      expect(changedSeries(before, after, TRANSITIONS)).toEqual({
        [JSON.stringify({ action: 'CREATE' })]: 1,
        [JSON.stringify({ action: 'SEND' })]: 1,
        [JSON.stringify({ action: 'ACCEPT' })]: 1,
      });
    });

    it('a refused move counts nothing', async () => {
      const sent = await referralIn(world, 'SENT');
      const before = await metrics();
      // The referrer may not accept its own referral: visible, but the other side's action.
      expectGraphqlError(await coordinator().request('mutation HealthMetricsWrongSide($input: AcceptReferralInput!) { acceptReferral(input: $input) { id } }', {
        input: { id: sent.id },
      }), 'FORBIDDEN');
      const after = await metrics();
      expect(changedSeries(before, after, TRANSITIONS)).toEqual({});
    });

    it('an idempotent retry of createReferral, sequential or concurrent, does not count another CREATE', async () => {
      const create = (idempotencyKey: string) =>
        runReferralMutation(coordinator(), 'createReferral', { ...referralInput(world.patient.id, world.targetProvider.providerId), idempotencyKey });

      const key = randomUUID();
      const before = await metrics();
      const first = await create(key);
      const afterFirst = await metrics();
      expect(changedSeries(before, afterFirst, TRANSITIONS)).toEqual({ [JSON.stringify({ action: 'CREATE' })]: 1 });

      const retried: Referral[] = [await create(key), ...(await Promise.all([create(key), create(key), create(key)]))];
      expect(retried.map((referral) => referral.id)).toEqual(Array(4).fill(first.id));
      expect(changedSeries(afterFirst, await metrics(), TRANSITIONS)).toEqual({});

      // A new key first sent by several requests at once: one referral, one CREATE.
      const racedKey = randomUUID();
      const beforeRace = await metrics();
      const raced = await inParallel(4, 4, () => create(racedKey));
      expect(new Set(raced.map((referral) => referral.id)).size).toBe(1);
      expect(changedSeries(beforeRace, await metrics(), TRANSITIONS)).toEqual({ [JSON.stringify({ action: 'CREATE' })]: 1 });
    });

    // Last of this gateway's tests: once the cap is reached, new names count as "other".
    it(`keeps at most ${MAX_OPERATION_LABELS} operation names as labels, counting the rest (and odd names) as "other"`, async () => {
      const flood = 250;
      const floodName = (index: number) => `HealthMetricsFlood${String(index).padStart(3, '0')}`;
      const tooLong = `HealthMetrics${'X'.repeat(100)}`;

      // A name seen before the cap is reached (whatever ran earlier on this gateway).
      await coordinator().ok(INBOX);
      const beforeOdd = await metrics();
      await coordinator().ok(`query ${tooLong} { __typename }`);
      const afterOdd = await metrics();
      expect(changedSeries(beforeOdd, afterOdd, REQUEST_DURATION_COUNT)).toEqual({ [JSON.stringify({ operation: 'other', result: 'ok' })]: 1 });

      const namedBefore = [...operationLabels(afterOdd.samples)].filter((label) => label !== 'other' && label !== 'anonymous');
      expect(namedBefore.length).toBeLessThan(MAX_OPERATION_LABELS);
      await inParallel(flood, 10, (index) => coordinator().ok(`query ${floodName(index)} { __typename }`));
      const afterFlood = await metrics();

      const named = [...operationLabels(afterFlood.samples)].filter((label) => label !== 'other' && label !== 'anonymous');
      expect(named).toHaveLength(MAX_OPERATION_LABELS);
      expect(named).not.toContain(tooLong);
      const labelled = MAX_OPERATION_LABELS - namedBefore.length;
      expect(named.filter((label) => label.startsWith('HealthMetricsFlood'))).toHaveLength(labelled);
      expect(delta(afterOdd, afterFlood, REQUEST_DURATION_COUNT, { operation: 'other', result: 'ok' })).toBe(flood - labelled);

      // A name labelled before the cap keeps its label; a new one is "other".
      const beforeLate = await metrics();
      await coordinator().ok(INBOX);
      await coordinator().ok('query HealthMetricsLateComer { __typename }');
      expect(changedSeries(beforeLate, await metrics(), REQUEST_DURATION_COUNT)).toEqual({
        [JSON.stringify({ operation: 'HealthMetricsInbox', result: 'ok' })]: 1,
        [JSON.stringify({ operation: 'other', result: 'ok' })]: 1,
      });
    }, 60_000);
  });
});

describe('worker metrics', () => {
  const pipeline = usePipeline({ timeout: 60_000 });
  const { db } = pipeline;

  const workerMetrics = () => scrape(`http://127.0.0.1:${pipeline.worker.healthPort}`);
  const pendingRows = async (database: Client) =>
    (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE status = 'PENDING'`)).rows[0].n;


  it('answers GET /metrics with Prometheus text holding every queue gauge', async () => {
    const answer = await workerMetrics();
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(PROMETHEUS_TEXT);
    for (const queue of QUEUES) {
      for (const state of JOB_STATES) expect({ queue, state, value: valueOf(answer.samples, QUEUE_JOBS, { queue, state }) }).toEqual({ queue, state, value: expect.any(Number) });
    }
    expect(valueOf(answer.samples, OLDEST_PENDING)).toEqual(expect.any(Number));
  });

  it('counts the runs of every periodic task, each of which ran at start without failing', async () => {
    const answer = await pollUntil(
      workerMetrics,
      (now) => PERIODIC_TASKS.every((task) => (valueOf(now.samples, PERIODIC_RUNS, { task, outcome: 'ok' }) ?? 0) >= 1),
      { timeoutMs: WORKER_DEADLINE_MS, what: 'every periodic task to have run once' },
    );
    for (const task of PERIODIC_TASKS) expect({ task, failed: valueOf(answer.samples, PERIODIC_RUNS, { task, outcome: 'failed' }) ?? 0 }).toEqual({ task, failed: 0 });
  });

  it('counts every email the SMTP server received as sent, and times each send job', async () => {
    const { smtp, world } = pipeline;
    const before = await workerMetrics();
    const referral = await sendReferral(world.coordinatorA.client, world.patient.id, world.targetProvider.providerId);
    await smtp.waitForCount(2);
    const rows = await settledNotifications(world.coordinatorA.client, [referral.id]);
    expect(rows.map((row) => row.status)).toEqual(['SENT', 'SENT']);

    const after = await pollUntil(
      workerMetrics,
      (now) =>
        delta(before, now, EMAILS, { outcome: 'sent' }) === smtp.received.length &&
        delta(before, now, JOB_DURATION_COUNT, { queue: 'notifications', job: 'send-notification', outcome: 'completed' }) >= smtp.received.length,
      { timeoutMs: 10_000, what: 'the worker to count the emails sent and their jobs' },
    );
    expect(smtp.received).toHaveLength(2);
    expect(changedSeries(before, after, EMAILS)).toEqual({ [JSON.stringify({ outcome: 'sent' })]: 2 });
    expect(valueOf(after.samples, QUEUE_JOBS, { queue: 'notifications', state: 'waiting' })).toEqual(expect.any(Number));
    expect(valueOf(after.samples, QUEUE_JOBS, { queue: 'notifications', state: 'failed' })).toBe(0);

    expect(await pendingRows(db)).toBe(0);
    expect(valueOf((await workerMetrics()).samples, OLDEST_PENDING)).toBe(0);
  });

  it('shows the oldest PENDING notification and the job in flight while an email is on its way, and 0 once none is', async () => {
    const { smtp, world } = pipeline;
    smtp.clear();
    smtp.hold();
    let referralId: string | undefined;
    try {
      referralId = (await sendReferral(world.coordinatorA.client, world.patient.id, world.targetProvider.providerId)).id;
      await smtp.waitForHeld(1);
      const inFlight = await workerMetrics();
      expect(valueOf(inFlight.samples, OLDEST_PENDING)).toBeGreaterThan(0);
      expect(valueOf(inFlight.samples, QUEUE_JOBS, { queue: 'notifications', state: 'active' })).toBeGreaterThanOrEqual(1);
    } finally {
      smtp.release();
    }
    await smtp.waitForCount(2);
    await settledNotifications(world.coordinatorA.client, [referralId]);
    expect(await pendingRows(db)).toBe(0);
    expect(valueOf((await workerMetrics()).samples, OLDEST_PENDING)).toBe(0);
  });

  it('a patient without email consent counts one suppressed email, on the gateway that wrote it; the worker counts the one it sent', async () => {
    const { smtp, world } = pipeline;
    const gatewayMetrics = () => scrape(pipeline.app.baseUrl);
    const patient = await createPatient(world.coordinatorA.client, world.clinicA.id, { emailConsent: false });
    const before = await workerMetrics();
    const gatewayBefore = await gatewayMetrics();
    const referral = await sendReferral(world.coordinatorA.client, patient.id, world.targetProvider.providerId);
    const rows = await settledNotifications(world.coordinatorA.client, [referral.id]);
    expect(rows.map((row) => `${row.recipientKind} ${row.status}`).sort()).toEqual(['PATIENT SUPPRESSED', 'PROVIDER SENT']);
    const after = await pollUntil(workerMetrics, (now) => delta(before, now, EMAILS, { outcome: 'sent' }) === 1, {
      timeoutMs: 10_000,
      what: "the worker to count the provider's email",
    });
    expect(smtp.to(patient.email)).toEqual([]);
    expect(changedSeries(before, after, EMAILS)).toEqual({ [JSON.stringify({ outcome: 'sent' })]: 1 });
    expect(changedSeries(gatewayBefore, await gatewayMetrics(), EMAILS)).toEqual({ [JSON.stringify({ outcome: 'suppressed' })]: 1 });
  });
});

/**
 * Emails whose turn comes after the situation changed: consent withdrawn after the email was
 * written, a question answered before it went out. The gateway writes them while no worker runs,
 * so the worker, started afterwards, is the one that finds them no longer to be sent.
 */
describe('worker metrics: suppressed and skipped at delivery', () => {
  let gateway: TestApp | undefined;
  let smtp: SmtpSink | undefined;
  let worker: RunningWorker | undefined;

  afterAll(() =>
    teardownAll([
      () => (worker ? withDeadline(worker.stop(), WORKER_DEADLINE_MS, 'worker stop') : undefined),
      () => gateway?.close(),
      () => smtp?.close(),
    ]),
  );

  it('counts one suppressed (consent withdrawn) and one skipped (no longer due), and the rest as sent', async () => {
    smtp = await SmtpSink.start();
    const started = await startWorldApp();
    gateway = started.app;
    const { world } = started;
    const referrer = world.coordinatorA.client;
    const patient = await createPatient(referrer, world.clinicA.id, { emailConsent: true });

    const sent = await sendReferral(referrer, patient.id, world.targetProvider.providerId);
    await runReferralMutation(world.targetProvider.client, 'requestReferralInfo', { id: sent.id, question: 'Any imaging?' });
    await runReferralMutation(referrer, 'provideReferralInfo', { id: sent.id, answer: 'None taken.' });
    await referrer.ok(UPDATE_PATIENT, { input: { id: patient.id, emailConsent: false } });

    worker = await withDeadline(startTestWorker(gateway.config, { SMTP_URL: smtp.url }), WORKER_DEADLINE_MS, 'worker start');
    const rows = await settledNotifications(referrer, [sent.id]);
    const statusOf = (recipientKind: string, template: string) => rows.filter((row) => row.recipientKind === recipientKind && row.template === template).map((row) => row.status);
    expect(statusOf('PATIENT', 'REFERRAL_SENT')).toEqual(['SUPPRESSED']);
    expect(statusOf('REFERRER', 'INFO_REQUESTED')).toEqual(['SKIPPED']);
    const sentRows = rows.filter((row) => row.status === 'SENT').length;
    expect(rows.filter((row) => row.status === 'FAILED')).toEqual([]);

    const url = `http://127.0.0.1:${worker.healthPort}`;
    const after = await pollUntil(
      () => scrape(url),
      (now) => counterOf(now.samples, EMAILS, { outcome: 'sent' }) === sentRows && counterOf(now.samples, EMAILS, { outcome: 'suppressed' }) >= 1,
      { timeoutMs: 10_000, what: 'the worker to count every delivery outcome' },
    );
    expect(smtp.received).toHaveLength(sentRows);
    expect(Object.fromEntries(after.samples.filter((sample) => sample.name === EMAILS).map((sample) => [sample.labels.outcome, sample.value]))).toEqual({
      sent: sentRows,
      suppressed: 1,
      skipped: 1,
    });
  }, 90_000);
});
