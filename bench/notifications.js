#!/usr/bin/env node
'use strict';
/* global performance -- a Node 20 global the shared lint config does not list */
/**
 * `npm run bench:notifications`: how fast the real worker turns committed notifications into
 * emails an SMTP server has accepted. See the "Notification throughput" section of BENCHMARKS.md.
 *
 *  1. build if needed; a fresh database (product migrations), a fresh QUEUE_PREFIX on the local
 *     Redis, an SMTP sink in this process, the built gateway as a child process.
 *  2. seed: BENCH_REFERRALS createReferral(send: true) over HTTP, with the notification queue
 *     paused, so the product writes its own rows (two emails each: provider and patient) and
 *     enqueues them, and the queue holds the whole backlog.
 *  3. baseline: a bare BullMQ Worker with a no-op processor drains as many jobs (own prefix).
 *  4. phase A: the real worker (from dist, in its own process, as `npm start` runs it) starts; the queue is
 *     resumed; emails/s from then until the sink has accepted every seeded notification.
 *  5. phase B: with the worker running, createReferral at a fixed rate (BENCH_RATE emails/s)
 *     for BENCH_RATE_SECONDS; latency from notifications.created_at to the sink's acceptance
 *     of that Message-ID (<notificationId@domain>).
 *  6. print a summary (and BENCH_OUT JSON); always stop everything, drop the database and
 *     delete the Redis keys. Exit 0 when measured (targets are reported, not asserted).
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const db = require('./lib/db');
const ops = require('./lib/operations');
const { Gateway, killAllSync: killGateways, benchAdmin, gatewayEnv } = require('./lib/gateway');
const { seedThroughApi } = require('./lib/seed');
const { SmtpSink } = require('./lib/smtp-sink');
const { WorkerProcess } = require('./lib/worker');
const { runHarness } = require('./lib/harness');
const { runNoopBaseline, deleteKeys, redisOptions, QUEUE } = require('./lib/queue-baseline');
const { ensureBuilt, loadBeforeRun, gitInfo, machineInfo, envKnobs } = require('./lib/run-info');
const { commitLabel, reportHeader } = require('./lib/report');
const { procStat, processIds } = require('./lib/proc-stat');
const { HarnessError, intEnv, strEnv, boolEnv, sleep, freePort, latencyStats, fmt, log } = require('./lib/util');

const TARGET_EMAILS_PER_SECOND = 1000;
const TARGET_P99_MS = 500;
/** The fixed rate at which the p99 target applies. */
const TARGET_RATE = 300;
/** createReferral's own p99 while phase B produces at TARGET_RATE. */
const TARGET_CREATE_P99_MS = 50;
/** Phase B never has more createReferral requests than this in flight; beyond it the producer falls behind. */
const MAX_IN_FLIGHT = 256;

function readConfig() {
  return {
    serverUrl: strEnv('BENCH_PG_URL', 'postgres://postgres@127.0.0.1:5432/postgres'),
    redisUrl: strEnv('BENCH_REDIS_URL', 'redis://127.0.0.1:6379'),
    referrals: intEnv('BENCH_REFERRALS', 5000, 1, 1_000_000),
    // Unset: the product's defaults (NOTIFICATION_CONCURRENCY, SMTP_MAX_CONNECTIONS, DATABASE_POOL_SIZE).
    concurrency: intEnv('BENCH_CONCURRENCY', null, 1, 500),
    smtpConnections: intEnv('BENCH_SMTP_MAX_CONNECTIONS', null, 1, 100),
    workerPoolSize: intEnv('BENCH_WORKER_POOL_SIZE', null, 1, 200),
    seedConcurrency: intEnv('BENCH_SEED_CONCURRENCY', 16, 1, 256),
    rate: intEnv('BENCH_RATE', TARGET_RATE, 1, 100_000),
    rateSeconds: intEnv('BENCH_RATE_SECONDS', 20, 1, 3600),
    timeoutSeconds: intEnv('BENCH_TIMEOUT', 300, 10, 7200),
    out: strEnv('BENCH_OUT', ''),
    workerProfileDir: strEnv('BENCH_WORKER_PROFILE_DIR', ''),
    keepDatabase: boolEnv('BENCH_KEEP_DB'),
  };
}

/** The built product, loaded only after the build check (and with @referloop/* resolved into dist). */
function loadProduct() {
  require('../scripts/register-aliases');
  return {
    migrate: require('../dist/libs/database/src/migrate').migrate,
    loadConfig: require('../dist/libs/core/src/config/app-config').loadConfig,
  };
}

// ---------------------------------------------------------------------------------------------
// Cleanup: one idempotent routine for the normal path, errors and signals alike.

const state = { worker: null, gateway: null, sink: null, control: null, redisUrl: null, prefixes: [], logDir: null, failed: false };
const benchDb = new db.BenchDatabase();
let cleanupPromise = null;

function cleanup() {
  cleanupPromise ??= (async () => {
    // The worker first: it closes its SMTP pool, so the sink then stops without waiting.
    if (state.worker) await state.worker.stop().catch((error) => log(`stopping the worker: ${error.message}`));
    state.worker = null;
    await state.control?.close().catch(() => undefined);
    if (state.gateway) await state.gateway.stop().catch((error) => log(`stopping the gateway: ${error.message}`));
    await state.sink?.stop().catch(() => undefined);
    await benchDb.closeClients();
    for (const prefix of state.prefixes) {
      await deleteKeys(state.redisUrl, prefix)
        .then((count) => log(`deleted ${count} Redis keys under ${prefix}:`))
        .catch((error) => log(`could not delete Redis keys under ${prefix}: ${error.message}`));
    }
    await benchDb.release();
    if (state.logDir) {
      if (state.failed) log(`gateway log kept in ${state.logDir}`);
      else fs.rmSync(state.logDir, { recursive: true, force: true });
    }
  })();
  return cleanupPromise;
}

// ---------------------------------------------------------------------------------------------

/** Runs `task(i)` for i in [0, count) with at most `concurrency` at once. */
async function boundedAll(count, concurrency, task) {
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next;
      next += 1;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(count, concurrency) }, lane));
}

/**
 * Statuses of `ids` once none is PENDING any more (the worker marks a row SENT just after the
 * sink's 250), or as they are after 10 s.
 */
async function settledStatuses(client, ids) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const rows = (await client.query(`SELECT status, count(*)::int AS n FROM notifications WHERE id = ANY($1::uuid[]) GROUP BY status`, [ids])).rows;
    if (!rows.some((row) => row.status === 'PENDING') || Date.now() > deadline) return rows;
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------
// CPU time per process over a phase (Linux /proc; empty elsewhere): which process the drain is
// bound on. PostgreSQL backends are told apart by the database name in their title.

/** { pid → { name, cpuMs } } for every process readable in /proc (utime + stime). */
function cpuSnapshot(database) {
  const out = new Map();
  for (const pid of processIds()) {
    const stat = procStat(pid);
    if (!stat) continue; // it ended between the listing and the read
    let name = stat.comm;
    if (name.startsWith('postgres')) {
      let title = '';
      try {
        title = fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      } catch {
        // gone meanwhile: counted as another database's
      }
      name = title.includes(` ${database} `) ? 'postgres (bench database)' : 'postgres (other)';
    }
    out.set(pid, { name, cpuMs: stat.cpuSeconds * 1000 });
  }
  return out;
}

/** CPU ms per labelled process between two snapshots; `labels` names pids of our own children. */
function cpuDelta(before, after, labels) {
  const totals = new Map();
  for (const [pid, { name, cpuMs }] of after) {
    const used = cpuMs - (before.get(pid)?.cpuMs ?? 0);
    if (used <= 0) continue;
    const label = labels.get(pid) ?? name;
    totals.set(label, (totals.get(label) ?? 0) + used);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).map(([name, cpuMs]) => ({ name, cpuMs }));
}

/** The notification id inside a Message-ID `<id@domain>` as the sink records it (`id@domain`). */
const messageKey = (notificationId, domain) => `${notificationId}@${domain}`;

async function main() {
  const config = readConfig();
  const startedAt = new Date();
  const loadBefore = loadBeforeRun();
  ensureBuilt();
  const product = loadProduct();
  const runId = crypto.randomBytes(4).toString('hex');
  const timeoutMs = config.timeoutSeconds * 1000;

  // --- database, Redis prefixes, SMTP sink, gateway ------------------------------------------------
  state.redisUrl = config.redisUrl;
  const database = `referloop_bench_notif_${runId}`;
  const dbUrl = await benchDb.create({ serverUrl: config.serverUrl, name: database, keep: config.keepDatabase });
  const migrations = await product.migrate(dbUrl);
  log(`created database ${database}, applied ${migrations} migrations`);

  const queuePrefix = `rlbench-notif-${runId}`;
  const noopPrefix = `rlbench-noop-${runId}`;
  state.prefixes.push(queuePrefix, noopPrefix);

  const sink = new SmtpSink();
  state.sink = sink;
  await sink.start();
  log(`SMTP sink on ${sink.url}`);

  const { Queue } = require('bullmq');
  // Pauses the product's notification queue while it fills, and resumes it once the worker is up.
  const control = new Queue(QUEUE, { connection: { ...redisOptions(config.redisUrl), maxRetriesPerRequest: null }, prefix: queuePrefix });
  state.control = control;
  await control.waitUntilReady();
  await control.pause();

  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const linkSecret = crypto.randomBytes(32).toString('hex');
  const admin = benchAdmin();
  state.logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'referloop-bench-notifications-'));
  const gateway = new Gateway({
    port,
    logFile: path.join(state.logDir, 'gateway.log'),
    env: gatewayEnv(admin, {
      DATABASE_URL: dbUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: queuePrefix,
      LINK_SECRET: linkSecret,
      PUBLIC_URL: publicUrl,
    }),
  });
  state.gateway = gateway;
  await gateway.start();
  log(`gateway up at ${gateway.url}`);

  const seed = await seedThroughApi(gateway, admin);
  const createReferral = async (key) => {
    const input = ops.referralInput({ patientId: seed.patientId, toProviderId: seed.providerId, idempotencyKey: key });
    const created = (await gateway.request(ops.CREATE_REFERRAL, { input }, seed.tokens.coordinatorA)).createReferral;
    if (created.status !== 'SENT') throw new HarnessError(`createReferral answered status ${created.status}, expected SENT`);
    return created.id;
  };

  const client = await benchDb.openClient();

  // --- seed the backlog through the product's write path --------------------------------------------
  log(`seeding ${config.referrals} referrals (createReferral, send: true; ${config.seedConcurrency} at a time) with the queue paused`);
  const seedStarted = performance.now();
  await boundedAll(config.referrals, config.seedConcurrency, (i) => createReferral(`bench-notif-${runId}-seed-${i}`));
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const seededRows = (await client.query(`SELECT id, status FROM notifications`)).rows;
  const backlog = seededRows.filter((row) => row.status === 'PENDING').map((row) => row.id);
  if (backlog.length === 0) throw new HarnessError('seeding wrote no PENDING notification');
  const emailsPerReferral = backlog.length / config.referrals;
  const queuedJobs = await control.getJobCountByTypes('waiting', 'paused', 'prioritized');
  log(
    `seeded in ${seedSeconds.toFixed(1)} s: ${seededRows.length} notifications, ${backlog.length} PENDING ` +
      `(${fmt(emailsPerReferral, 2)} per referral); ${queuedJobs} jobs queued`,
  );
  if (queuedJobs !== backlog.length) log(`warning: ${backlog.length} PENDING notifications but ${queuedJobs} queued jobs (the relay will enqueue the rest)`);

  // --- baseline: a bare BullMQ worker with a no-op processor ------------------------------------------
  const workerEnv = {
    DATABASE_URL: dbUrl,
    ...(config.workerPoolSize === null ? {} : { DATABASE_POOL_SIZE: String(config.workerPoolSize) }),
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: queuePrefix,
    SMTP_URL: sink.url,
    ...(config.smtpConnections === null ? {} : { SMTP_MAX_CONNECTIONS: String(config.smtpConnections) }),
    ...(config.concurrency === null ? {} : { NOTIFICATION_CONCURRENCY: String(config.concurrency) }),
    WORKER_PORT: '0',
    HOST: '127.0.0.1',
    LINK_SECRET: linkSecret,
    PUBLIC_URL: publicUrl,
  };
  const workerSettings = product.loadConfig(workerEnv);
  // What the worker runs with, defaults included: reported, and the baseline's concurrency.
  config.concurrency = workerSettings.mail.concurrency;
  config.smtpConnections = workerSettings.mail.maxConnections;
  config.workerPoolSize = workerSettings.databasePoolSize;
  const domain = /@([^>\s]+)>?\s*$/.exec(workerSettings.mail.from)?.[1] ?? 'referloop.localhost';

  log(`no-op baseline: ${backlog.length} jobs, concurrency ${config.concurrency}`);
  const baseline = await runNoopBaseline({
    redisUrl: config.redisUrl,
    prefix: noopPrefix,
    jobs: backlog.length,
    concurrency: config.concurrency,
    attempts: workerSettings.worker.attempts,
    backoffMs: workerSettings.worker.backoffMs,
    timeoutMs,
  });
  log(`no-op baseline: ${fmt(baseline.jobsPerSecond)} jobs/s`);

  // --- phase A: drain the backlog -----------------------------------------------------------------------
  const bootStarted = performance.now();
  // Its own process, as in production: the sink's work stays out of the worker's event loop.
  state.worker = new WorkerProcess({
    env: workerEnv,
    logFile: path.join(os.tmpdir(), `referloop-bench-worker-${runId}.log`),
    // A V8 CPU profile of the worker, written when it exits.
    nodeArgs: config.workerProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${config.workerProfileDir}`] : [],
  });
  await state.worker.start();
  const workerStartSeconds = (performance.now() - bootStarted) / 1000;
  log(`worker started in ${workerStartSeconds.toFixed(2)} s (concurrency ${config.concurrency}, ${config.smtpConnections} SMTP connections); resuming the queue`);
  const drainKeys = backlog.map((id) => messageKey(id, domain));
  const drained = sink.waitForAll(drainKeys, timeoutMs, 'phase A');
  drained.catch(() => undefined); // awaited below; a rejection must not count as unhandled meanwhile
  const cpuLabels = new Map([
    [String(state.worker.pid), 'worker'],
    [String(gateway.child?.pid), 'gateway'],
    [String(process.pid), 'bench (SMTP sink)'],
  ]);
  const cpuBefore = cpuSnapshot(database);
  const resumedAt = Date.now();
  await control.resume();
  const lastAcceptedAt = await drained;
  const cpuAfter = cpuSnapshot(database);
  const drainSeconds = Math.max(0.001, (lastAcceptedAt - resumedAt) / 1000);
  let firstAcceptedAt = Infinity;
  for (const key of drainKeys) firstAcceptedAt = Math.min(firstAcceptedAt, sink.acceptedAt.get(key));
  const drainStatuses = await settledStatuses(client, backlog);
  const phaseA = {
    emails: backlog.length,
    seconds: drainSeconds,
    emailsPerSecond: backlog.length / drainSeconds,
    firstEmailAfterMs: firstAcceptedAt - resumedAt,
    workerStartSeconds,
    statuses: Object.fromEntries(drainStatuses.map((row) => [row.status, row.n])),
    // Busy share of one core per process over the drain, and CPU per email.
    cpu: cpuDelta(cpuBefore, cpuAfter, cpuLabels).map(({ name, cpuMs }) => ({
      name,
      cpuMs,
      coreShare: cpuMs / ((lastAcceptedAt - resumedAt) || 1),
      msPerEmail: cpuMs / backlog.length,
    })),
  };
  log(`phase A: ${phaseA.emails} emails in ${drainSeconds.toFixed(2)} s = ${fmt(phaseA.emailsPerSecond)} emails/s`);

  // --- phase B: latency at a fixed rate --------------------------------------------------------------------
  const referralRate = config.rate / emailsPerReferral;
  const planned = Math.max(1, Math.round(referralRate * config.rateSeconds));
  const intervalMs = 1000 / referralRate;
  log(`phase B: ${planned} referrals at ${fmt(referralRate)} referrals/s (${config.rate} emails/s) for ${config.rateSeconds} s`);
  const produced = await produceAtRate({ count: planned, intervalMs, create: (i) => createReferral(`bench-notif-${runId}-rate-${i}`) });
  const rateRows = (
    await client.query(
      `SELECT n.id, (extract(epoch FROM n.created_at) * 1000)::float8 AS created_ms
         FROM notifications n
        WHERE n.referral_id = ANY($1::uuid[]) AND n.status NOT IN ('SUPPRESSED', 'SKIPPED')`,
      [produced.referralIds],
    )
  ).rows;
  const rateKeys = rateRows.map((row) => messageKey(row.id, domain));
  let missing = 0;
  try {
    await sink.waitForAll(rateKeys, Math.min(timeoutMs, 60_000), 'phase B');
  } catch (error) {
    if (!(error instanceof HarnessError) || error.missing === undefined) throw error;
    missing = error.missing;
    log(`warning: ${error.message}; they count as infinitely late`);
  }
  const latencies = rateRows.map((row) => {
    const accepted = sink.acceptedAt.get(messageKey(row.id, domain));
    return accepted === undefined ? Infinity : accepted - row.created_ms;
  });
  const phaseB = {
    offeredEmailsPerSecond: config.rate,
    referralsPerSecond: referralRate,
    seconds: config.rateSeconds,
    referralsPlanned: planned,
    referralsCreated: produced.referralIds.length,
    createFailures: produced.failures,
    createErrors: produced.errors,
    producerSeconds: produced.seconds,
    maxBehindScheduleMs: produced.maxBehindMs,
    emails: rateRows.length,
    achievedEmailsPerSecond: rateRows.length / produced.seconds,
    missing,
    latencyMs: latencyStats(latencies),
    createReferralLatencyMs: latencyStats(produced.requestLatencies),
  };
  log(`phase B: createReferral p50 ${fmt(phaseB.createReferralLatencyMs.p50)} ms, p99 ${fmt(phaseB.createReferralLatencyMs.p99)} ms`);
  log(`phase B: p50 ${fmt(phaseB.latencyMs.p50)} ms, p99 ${fmt(phaseB.latencyMs.p99)} ms over ${rateRows.length} emails`);

  // --- results ---------------------------------------------------------------------------------------------------
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    command: 'npm run build && npm run bench:notifications',
    environment: envKnobs(),
    config: { ...config, serverUrl: undefined, out: undefined },
    machine: machineInfo(loadBefore),
    git: gitInfo(),
    seed: { referrals: config.referrals, seconds: seedSeconds, notifications: seededRows.length, pending: backlog.length, emailsPerReferral, queuedJobs },
    baseline,
    phaseA,
    phaseB,
    ratio: phaseA.emailsPerSecond / baseline.jobsPerSecond,
    sink: { accepted: sink.accepted, distinctMessageIds: sink.acceptedAt.size, duplicates: sink.duplicates, withoutMessageId: sink.withoutMessageId },
    targets: {
      emailsPerSecond: { target: TARGET_EMAILS_PER_SECOND, met: phaseA.emailsPerSecond >= TARGET_EMAILS_PER_SECOND },
      p99Ms: { target: TARGET_P99_MS, atEmailsPerSecond: TARGET_RATE, measuredAt: config.rate, met: phaseB.latencyMs.p99 !== null && phaseB.latencyMs.p99 < TARGET_P99_MS },
      createReferralP99Ms: {
        target: TARGET_CREATE_P99_MS,
        atEmailsPerSecond: TARGET_RATE,
        measuredAt: config.rate,
        met: phaseB.createReferralLatencyMs.p99 !== null && phaseB.createReferralLatencyMs.p99 < TARGET_CREATE_P99_MS,
      },
    },
  };
  printSummary(results, config);
  if (config.out) {
    fs.writeFileSync(path.resolve(config.out), `${JSON.stringify(results, (_key, value) => (value === Infinity ? 'Infinity' : value), 2)}\n`);
    log(`wrote ${path.resolve(config.out)}`);
  }
}

/**
 * Open loop: request i is sent at start + i·interval whether or not earlier ones have answered
 * (up to MAX_IN_FLIGHT at once), so a slow gateway shows up as lateness, not as a lower rate
 * that hides it.
 */
async function produceAtRate({ count, intervalMs, create }) {
  const referralIds = [];
  const requestLatencies = [];
  const errors = new Map();
  let failures = 0;
  let maxBehindMs = 0;
  const inFlight = new Set();
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    const due = started + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    maxBehindMs = Math.max(maxBehindMs, performance.now() - due);
    const sent = performance.now();
    const request = create(i).then(
      (id) => {
        referralIds.push(id);
        requestLatencies.push(performance.now() - sent);
      },
      (error) => {
        failures += 1;
        errors.set(error.message, (errors.get(error.message) ?? 0) + 1);
      },
    );
    inFlight.add(request);
    request.finally(() => inFlight.delete(request));
  }
  await Promise.all(inFlight);
  return {
    referralIds,
    requestLatencies,
    failures,
    errors: [...errors].map(([message, n]) => ({ message, count: n })),
    maxBehindMs,
    // The whole production window: from the first request to the last answer.
    seconds: (performance.now() - started) / 1000,
  };
}

function printSummary(r, config) {
  const mark = (met) => (met ? 'met' : 'MISSED');
  const ms = (value) => (value === Infinity ? '>timeout' : fmt(value));
  const lat = r.phaseB.latencyMs;
  const out = [
    '',
    ...reportHeader('notification benchmark', r, `worker concurrency ${config.concurrency}, ${config.smtpConnections} SMTP connections, pool ${config.workerPoolSize}`),
    `seed: ${r.seed.referrals} referrals -> ${r.seed.pending} PENDING emails (${fmt(r.seed.emailsPerReferral, 2)} each) in ${fmt(r.seed.seconds)} s`,
    '',
    `phase A  backlog drain      ${fmt(r.phaseA.emailsPerSecond)} emails/s  (${r.phaseA.emails} emails in ${fmt(r.phaseA.seconds, 2)} s; first after ${fmt(r.phaseA.firstEmailAfterMs, 0)} ms; worker start ${fmt(r.phaseA.workerStartSeconds, 2)} s)`,
    `         rows afterwards    ${Object.entries(r.phaseA.statuses).map(([status, n]) => `${status} ${n}`).join(', ')}`,
    `         CPU over the drain ${r.phaseA.cpu.slice(0, 6).map((p) => `${p.name} ${fmt(p.coreShare * 100, 0)} % (${fmt(p.msPerEmail, 3)} ms/email)`).join(', ') || 'n/a'}`,
    `baseline BullMQ no-op       ${fmt(r.baseline.jobsPerSecond)} jobs/s  (${r.baseline.completed} jobs in ${fmt(r.baseline.seconds, 2)} s)`,
    `         ratio              ${fmt(r.ratio * 100)} % of the no-op rate`,
    '',
    `phase B  ${r.phaseB.offeredEmailsPerSecond} emails/s offered (${fmt(r.phaseB.referralsPerSecond)} referrals/s) for ${r.phaseB.seconds} s: ` +
      `${r.phaseB.emails} emails, ${fmt(r.phaseB.achievedEmailsPerSecond)} emails/s over the production window; producer at most ${fmt(r.phaseB.maxBehindScheduleMs, 0)} ms behind schedule`,
    `         commit -> accepted  p50 ${ms(lat.p50)} ms  p90 ${ms(lat.p90)} ms  p99 ${ms(lat.p99)} ms  max ${ms(lat.max)} ms` +
      (r.phaseB.missing ? `  (${r.phaseB.missing} never accepted)` : ''),
    `         createReferral     p50 ${fmt(r.phaseB.createReferralLatencyMs.p50)} ms  p90 ${fmt(r.phaseB.createReferralLatencyMs.p90)} ms  p99 ${fmt(r.phaseB.createReferralLatencyMs.p99)} ms` +
      (r.phaseB.createFailures ? `  (${r.phaseB.createFailures} failed: ${r.phaseB.createErrors[0].message})` : ''),
    '',
    `sink: ${r.sink.accepted} accepted, ${r.sink.distinctMessageIds} distinct Message-IDs, ${r.sink.duplicates} duplicates, ${r.sink.withoutMessageId} without Message-ID`,
    `target >= ${TARGET_EMAILS_PER_SECOND} emails/s: ${mark(r.targets.emailsPerSecond.met)}; ` +
      `target p99 < ${TARGET_P99_MS} ms at ${TARGET_RATE} emails/s: ${mark(r.targets.p99Ms.met)}; ` +
      `createReferral p99 < ${TARGET_CREATE_P99_MS} ms meanwhile: ${mark(r.targets.createReferralP99Ms.met)}` +
      (config.rate === TARGET_RATE ? '' : ` (measured at ${config.rate} emails/s)`),
  ];
  const row = [
    r.startedAt.slice(0, 16).replace('T', ' '),
    commitLabel(r.git),
    `${r.seed.referrals.toLocaleString('en-US')} (${r.phaseA.emails.toLocaleString('en-US')})`,
    `${config.concurrency} / ${config.smtpConnections}`,
    fmt(r.baseline.jobsPerSecond),
    fmt(r.phaseA.emailsPerSecond),
    `${fmt(r.ratio * 100)} %`,
    `${r.phaseB.offeredEmailsPerSecond} emails/s`,
    ...[lat.p50, lat.p90, lat.p99, lat.max].map((value) => `${ms(value)} ms`),
  ];
  out.push('', `row for BENCHMARKS.md (the current run) and docs/performance-history.md: | ${row.join(' | ')} |`);
  process.stdout.write(`${out.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------

runHarness({
  main,
  cleanup,
  onError: () => {
    state.failed = true;
  },
  onExit: () => killGateways(),
});
