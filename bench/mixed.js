#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:mixed`: open-loop mixed load, the way clinics use ReferLoop, against the built
 * gateway and worker on a database filled by the project's own seeder. See the "bench:mixed"
 * section of bench/README.md.
 *
 *  1. build if needed; a fresh database referloop_bench_<random> filled by `npm run seed`'s
 *     entry point (BENCH_MIXED_REFERRALS referrals); lock waits and slow statements logged for
 *     that database only; an SMTP sink in this process; the gateway and the worker started as
 *     `npm start` starts them, on their own QUEUE_PREFIX.
 *  2. the busiest seeded clinics' coordinators and providers sign in through the API.
 *  3. for each rate of BENCH_MIXED_RATES: a warm-up, then a measured window in which requests of
 *     the mix (bench/lib/mixed-world.js) are offered at that fixed rate, open loop, latency
 *     from each request's due time; evidence of where the tail comes from gathered over the
 *     same window (bench/lib/mixed-evidence.js).
 *  4. print a table; write bench/results/<timestamp>-mixed.json and .md; always stop
 *     everything, delete the Redis keys and drop the database. Exit 0 when measured (targets
 *     are reported, not asserted), non-zero on harness errors or signals.
 */

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const db = require('./lib/db');
const capture = require('./lib/capture');
const { Gateway, killAllSync: killGateways, benchAdmin, gatewayEnv, benchNodeArgs, ROOT } = require('./lib/gateway');
const { WorkerProcess } = require('./lib/worker');
const { SmtpSink } = require('./lib/smtp-sink');
const { runHarness } = require('./lib/harness');
const { deleteKeys } = require('./lib/queue-baseline');
const { ensureBuilt, loadBeforeRun, resultsFiles, gitInfo, machineInfo, envKnobs } = require('./lib/run-info');
const { reportHeader, alignedTable, markdownSection } = require('./lib/report');
const { OpenLoop } = require('./lib/open-loop');
const { MIX, loadWorld, signIn, Mix, describeWorld } = require('./lib/mixed-world');
const evidence = require('./lib/mixed-evidence');
const { summarizeProfile, profilesSince } = require('./lib/mixed-profile');
const { HarnessError, intEnv, strEnv, boolEnv, freePort, percentile, fmt, log, sleep, withTimeout } = require('./lib/util');

/** The issue's targets at 100 requests/s, for every operation. */
const TARGET = { rate: 100, p99Ms: 50, p999Ms: 150 };
/** The worker's start-up pass over the provider statistics must end within this (it takes seconds at a million referrals). */
const STARTUP_PASS_LIMIT_MS = 600_000;
/** The highest rate reported is the highest at which every operation's p99 stays under this. */
const CAPACITY_P99_MS = 100;

function readConfig() {
  const rateList = strEnv('BENCH_MIXED_RATES', '');
  const single = strEnv('BENCH_MIXED_RATE', '');
  const rates = (single || rateList || '50,100,150,200,300,400').split(',').map((raw) => {
    const value = Number(raw.trim());
    if (!Number.isInteger(value) || value < 1 || value > 5000) throw new HarnessError(`rates must be whole numbers from 1 to 5000, got "${raw}"`);
    return value;
  });
  const duration = intEnv('BENCH_MIXED_DURATION', 30, 1, 3600);
  return {
    serverUrl: strEnv('BENCH_PG_URL', 'postgres://postgres@127.0.0.1:5432'),
    redisUrl: strEnv('BENCH_REDIS_URL', 'redis://127.0.0.1:6379'),
    referrals: intEnv('BENCH_MIXED_REFERRALS', 1_000_000, 1, 10_000_000),
    providers: intEnv('BENCH_MIXED_PROVIDERS', 2000, 3, 1_000_000),
    seededDb: strEnv('BENCH_MIXED_SEEDED_DB', ''),
    seedTimeoutSeconds: intEnv('BENCH_MIXED_SEED_TIMEOUT', 7200, 10, 86_400),
    rates,
    duration,
    warmup: intEnv('BENCH_MIXED_WARMUP', Math.min(10, duration), 0, 600),
    connections: intEnv('BENCH_MIXED_CONNECTIONS', 64, 1, 1000),
    clinics: intEnv('BENCH_MIXED_CLINICS', 10, 2, 1000),
    readSample: intEnv('BENCH_MIXED_READ_SAMPLE', 5000, 10, 1_000_000),
    timeoutMs: intEnv('BENCH_MIXED_TIMEOUT_MS', 10_000, 100, 120_000),
    lockWaitMs: intEnv('BENCH_MIXED_LOCK_WAIT_MS', 20, 1, 60_000),
    slowMs: intEnv('BENCH_MIXED_SLOW_MS', 50, 0, 60_000),
    sampleMs: intEnv('BENCH_MIXED_SAMPLE_MS', 100, 10, 10_000),
    traceGc: strEnv('BENCH_MIXED_TRACE_GC', '1') !== '0',
    allRates: boolEnv('BENCH_MIXED_ALL_RATES'),
    seed: intEnv('BENCH_SEED', 42, 0, 2 ** 31),
    poolSize: strEnv('BENCH_POOL_SIZE', ''),
    workerProfileDir: strEnv('BENCH_WORKER_PROFILE_DIR', ''),
    keepDatabase: boolEnv('BENCH_KEEP_DB'),
  };
}

// ---------------------------------------------------------------------------------------------
// Cleanup: one idempotent routine for the normal path, errors and signals alike.

const state = { loop: null, window: null, worker: null, gateway: null, sink: null, seedChild: null, redisUrl: null, prefix: null, settingsOn: null };
const benchDb = new db.BenchDatabase();
let cleanupPromise = null;

/** The logging settings this run turns on for its database, and how to take them back. */
const DATABASE_SETTINGS = ['log_lock_waits', 'deadlock_timeout', 'log_min_duration_statement'];

async function setDatabaseSettings(serverUrl, database, settings) {
  const client = await db.connect(db.databaseUrl(serverUrl, 'postgres'));
  try {
    for (const [name, value] of Object.entries(settings)) {
      await client.query(
        value === null ? `ALTER DATABASE ${db.quoteIdent(database)} RESET ${name}` : `ALTER DATABASE ${db.quoteIdent(database)} SET ${name} = '${value}'`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

function cleanup() {
  cleanupPromise ??= (async () => {
    state.loop?.close();
    state.window?.stopSampler();
    state.seedChild?.kill('SIGKILL');
    // The worker first: it closes its SMTP pool, so the sink then stops without waiting.
    if (state.worker) await state.worker.stop().catch((error) => log(`stopping the worker: ${error.message}`));
    if (state.gateway) await state.gateway.stop().catch((error) => log(`stopping the gateway: ${error.message}`));
    await state.sink?.stop().catch(() => undefined);
    await benchDb.closeClients();
    if (state.prefix) {
      await deleteKeys(state.redisUrl, state.prefix)
        .then((count) => log(`deleted ${count} Redis keys under ${state.prefix}:`))
        .catch((error) => log(`could not delete Redis keys under ${state.prefix}: ${error.message}`));
    }
    if (state.settingsOn && benchDb.keep) {
      await setDatabaseSettings(state.settingsOn.serverUrl, state.settingsOn.database, Object.fromEntries(DATABASE_SETTINGS.map((name) => [name, null]))).catch(
        (error) => log(`could not reset the logging settings of ${state.settingsOn.database}: ${error.message}`),
      );
    }
    await benchDb.release();
  })();
  return cleanupPromise;
}

// ---------------------------------------------------------------------------------------------

/** Runs the project's seeder (the entry point of `npm run seed`) into `dbUrl`; resolves with its tag and summary lines. */
function runSeeder({ dbUrl, referrals, providers, logFile, timeoutSeconds }) {
  const env = { ...process.env, DATABASE_URL: dbUrl };
  // The seeder refuses production mode; the apps get it, the seeder runs as `npm run seed` does.
  delete env.NODE_ENV;
  const child = spawn(
    process.execPath,
    ['-r', './scripts/register-aliases.js', 'dist/apps/demo/src/seed-main.js', '--referrals', String(referrals), '--providers', String(providers)],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  state.seedChild = child;
  const out = fs.openSync(logFile, 'a');
  const lines = [];
  const record = (chunk) => {
    fs.writeSync(out, chunk);
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      log(`  seed: ${line}`);
    }
  };
  child.stdout.on('data', record);
  child.stderr.on('data', record);
  const finished = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      state.seedChild = null;
      fs.closeSync(out);
      if (code === 0) resolve();
      else reject(new HarnessError(`the seeder exited (${signal ?? `code ${code}`}):\n${lines.slice(-10).join('\n')}`));
    });
  });
  return withTimeout(timeoutSeconds * 1000, 'the seeder', () => finished).then(() => ({
    tag: /run tag (\w+)/.exec(lines.join('\n'))?.[1] ?? null,
    lines,
  }));
}

/** The database: a fresh one seeded now, or BENCH_MIXED_SEEDED_DB (seeded on first use, kept). */
async function prepareDatabase(config, artifactsDir) {
  const exists = async (name) =>
    (await withAdminClient(config.serverUrl, (client) => client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]))).rowCount > 0;
  if (config.seededDb) {
    if (!/^[a-z_][a-z0-9_]*$/.test(config.seededDb)) throw new HarnessError(`BENCH_MIXED_SEEDED_DB must be a plain lower-case name, got "${config.seededDb}"`);
    if (await exists(config.seededDb)) {
      // Adopt it: kept at the end, as it was given.
      Object.assign(benchDb, { serverUrl: config.serverUrl, keep: true, name: config.seededDb, url: db.databaseUrl(config.serverUrl, config.seededDb) });
      log(`using the seeded database ${config.seededDb} (BENCH_MIXED_SEEDED_DB; not seeded again, kept)`);
      return { database: config.seededDb, dbUrl: benchDb.url, seed: { reused: true } };
    }
    const dbUrl = await benchDb.create({ serverUrl: config.serverUrl, name: config.seededDb, keep: true });
    log(`created database ${config.seededDb} (BENCH_MIXED_SEEDED_DB: kept for the next run)`);
    return { database: config.seededDb, dbUrl, seed: await seed(config, dbUrl, artifactsDir) };
  }
  const database = `referloop_bench_${crypto.randomBytes(5).toString('hex')}`;
  const dbUrl = await benchDb.create({ serverUrl: config.serverUrl, name: database, keep: config.keepDatabase });
  log(`created database ${database}`);
  return { database, dbUrl, seed: await seed(config, dbUrl, artifactsDir) };
}

async function withAdminClient(serverUrl, fn) {
  const client = await db.connect(db.databaseUrl(serverUrl, 'postgres'));
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function seed(config, dbUrl, artifactsDir) {
  log(`seeding ${config.referrals} referrals over ${config.providers} providers with the project's seeder`);
  const started = Date.now();
  const result = await runSeeder({ dbUrl, referrals: config.referrals, providers: config.providers, logFile: path.join(artifactsDir, 'seed.log'), timeoutSeconds: config.seedTimeoutSeconds });
  return { referrals: config.referrals, providers: config.providers, seconds: (Date.now() - started) / 1000, tag: result.tag, summary: result.lines.filter((l) => /^(rows|referrals by status|done)/.test(l)) };
}

// ---------------------------------------------------------------------------------------------

/** Per-operation tallies of one run of the generator. */
class Tally {
  constructor() {
    this.ops = new Map();
  }

  op(name) {
    let entry = this.ops.get(name);
    if (!entry) {
      entry = { sent: 0, good: 0, failed: 0, skipped: 0, latencies: [], serviceTimes: [], errors: new Map(), skips: new Map() };
      this.ops.set(name, entry);
    }
    return entry;
  }

  /** Judges one answer (HTTP 200, JSON, no GraphQL errors, data the plan accepts) and records it. */
  record(sample, plan) {
    const entry = this.op(sample.op);
    if (sample.skipped) {
      entry.skipped += 1;
      entry.skips.set(sample.skipped, (entry.skips.get(sample.skipped) ?? 0) + 1);
      return;
    }
    entry.sent += 1;
    // Someone waited for a failed request too: it counts at the time it failed (a timeout at
    // the timeout), so failures cannot make the percentiles look better.
    entry.latencies.push(sample.latencyMs);
    const error = judge(sample, plan);
    if (error) {
      entry.failed += 1;
      entry.errors.set(error, (entry.errors.get(error) ?? 0) + 1);
      return;
    }
    entry.good += 1;
    entry.serviceTimes.push(sample.serviceMs);
  }

  summary(seconds) {
    const out = {};
    for (const name of [...Object.keys(MIX), ...[...this.ops.keys()].filter((n) => !(n in MIX))]) {
      const entry = this.ops.get(name);
      if (!entry) continue;
      const sorted = Float64Array.from(entry.latencies).sort();
      const service = Float64Array.from(entry.serviceTimes).sort();
      const round = (value) => (value === null ? null : Math.round(value * 100) / 100);
      const at = (p) => round(percentile(sorted, p));
      out[name] = {
        sent: entry.sent,
        good: entry.good,
        failed: entry.failed,
        skipped: entry.skipped,
        perSecond: Math.round((entry.good / seconds) * 10) / 10,
        latencyMs: { p50: at(50), p90: at(90), p99: at(99), p999: at(99.9), max: sorted.length ? round(sorted[sorted.length - 1]) : null },
        serviceMs: { p50: round(percentile(service, 50)), p99: round(percentile(service, 99)) },
        errors: [...entry.errors].sort((a, b) => b[1] - a[1]).map(([message, count]) => ({ message, count })),
        skips: [...entry.skips].map(([reason, count]) => ({ reason, count })),
      };
    }
    return out;
  }
}

function judge(sample, plan) {
  if (sample.status === 0) return `transport: ${sample.error}`;
  if (sample.status !== 200) return `HTTP ${sample.status}: ${String(sample.text).slice(0, 160)}`;
  let body;
  try {
    body = JSON.parse(sample.text);
  } catch {
    return `non-JSON body: ${String(sample.text).slice(0, 160)}`;
  }
  if (body.errors?.length) return `${body.errors[0].extensions?.code ?? 'NO_CODE'}: ${String(body.errors[0].message).slice(0, 200)}`;
  if (!body.data || Object.values(body.data)[0] === null || Object.values(body.data)[0] === undefined) return `no data: ${JSON.stringify(body.data).slice(0, 160)}`;
  if (plan?.done && plan.done(body.data) === false) return `unexpected data: ${JSON.stringify(body.data).slice(0, 160)}`;
  return null;
}

/** Whether every operation met the targets (and had answers). */
function verdicts(ops) {
  const entries = Object.entries(ops).filter(([, o]) => o.sent > 0);
  return {
    p99Under50: entries.length > 0 && entries.every(([, o]) => o.latencyMs.p99 < TARGET.p99Ms),
    p999Under150: entries.length > 0 && entries.every(([, o]) => o.latencyMs.p999 < TARGET.p999Ms),
    p99Under100: entries.length > 0 && entries.every(([, o]) => o.latencyMs.p99 < CAPACITY_P99_MS),
    errorFree: Object.values(ops).every((o) => o.failed === 0),
    worst: entries.reduce((worst, [name, o]) => (worst && worst.p99 >= o.latencyMs.p99 ? worst : { op: name, p99: o.latencyMs.p99 }), null),
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const config = readConfig();
  const startedAt = new Date();
  const { artifactsDir, jsonFile, markdownFile } = resultsFiles(startedAt, '-mixed');
  const loadBefore = loadBeforeRun();
  ensureBuilt();
  const info = await db.serverInfo(config.serverUrl);
  const serverLog = capture.findServerLog(info);
  capture.checkPrefix(info.logLinePrefix);
  log(`PostgreSQL log: ${serverLog.file} (${serverLog.how})`);
  const runId = crypto.randomBytes(4).toString('hex');

  // --- database: seeded by the project's own seeder ---------------------------------------------------
  const { database, dbUrl, seed: seeded } = await prepareDatabase(config, artifactsDir);
  state.settingsOn = { serverUrl: config.serverUrl, database };
  await setDatabaseSettings(config.serverUrl, database, {
    log_lock_waits: 'on',
    deadlock_timeout: `${config.lockWaitMs}ms`,
    log_min_duration_statement: config.slowMs > 0 ? `${config.slowMs}ms` : '-1',
  });
  const client = await benchDb.openClient();
  const samplerClient = await benchDb.openClient();
  const statements = await evidence.enableStatements(client);
  log(statements ? 'pg_stat_statements: on for this run' : 'pg_stat_statements: not preloaded by this server (see bench/README.md to enable it)');
  const postmaster = await evidence.postmasterPid(client);

  // --- the apps, as `npm start` runs them ---------------------------------------------------------------
  state.redisUrl = config.redisUrl;
  state.prefix = `rlbench-mixed-${runId}`;
  const sink = new SmtpSink();
  state.sink = sink;
  await sink.start();
  const port = await freePort();
  const workerPort = await freePort();
  const admin = benchAdmin();
  const env = gatewayEnv(admin, {
    DATABASE_URL: dbUrl,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: state.prefix,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...(config.poolSize ? { DATABASE_POOL_SIZE: config.poolSize } : {}),
  });
  const gcFlags = config.traceGc ? ['--trace-gc'] : [];
  const gatewayLog = path.join(artifactsDir, 'gateway.log');
  const workerLog = path.join(artifactsDir, 'worker.log');
  const gateway = new Gateway({ port, logFile: gatewayLog, env, nodeArgs: [...gcFlags, ...benchNodeArgs()] });
  state.gateway = gateway;
  await gateway.start();
  log(`gateway up at ${gateway.url}`);
  const worker = new WorkerProcess({
    env: { ...env, SMTP_URL: sink.url, WORKER_PORT: String(workerPort), HOST: '127.0.0.1' },
    logFile: workerLog,
    nodeArgs: [...gcFlags, ...(config.workerProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(config.workerProfileDir)}`] : [])],
  });
  state.worker = worker;
  await worker.start();
  log(`worker up (metrics on :${workerPort}); emails go to the SMTP sink at ${sink.url}`);
  // Every worker start recomputes every provider's statistics (seconds of PostgreSQL's time at a
  // million referrals): a start-up cost, measured apart from the steady load.
  const passStartedAt = Date.now();
  while (evidence.periodicTaskRuns(await evidence.scrape(`http://127.0.0.1:${workerPort}/metrics`), 'ProviderStats') < 1) {
    if (Date.now() - passStartedAt > STARTUP_PASS_LIMIT_MS) throw new HarnessError(`the worker's first pass over the provider statistics took over ${STARTUP_PASS_LIMIT_MS / 1000} s`);
    await sleep(250);
  }
  log(`worker's start-up pass over every provider's statistics done in ${((Date.now() - passStartedAt) / 1000).toFixed(1)} s`);
  const apps = [
    { name: 'gateway', pid: gateway.child.pid, metricsUrl: `http://127.0.0.1:${port}/metrics`, logFile: gatewayLog },
    { name: 'worker', pid: worker.child.pid, metricsUrl: `http://127.0.0.1:${workerPort}/metrics`, logFile: workerLog },
  ];

  // --- who sends what ----------------------------------------------------------------------------------------
  const world = await loadWorld(client, { clinics: config.clinics, readSample: config.readSample });
  const tokens = await signIn(gateway, world.users, 4);
  const mix = new Mix({ world, tokens, runId, seed: config.seed });
  describeWorld(mix);

  // --- the rates -------------------------------------------------------------------------------------------------
  const loop = new OpenLoop({ url: gateway.url, connections: config.connections, timeoutMs: config.timeoutMs });
  state.loop = loop;
  const steps = [];
  for (const rate of config.rates) {
    if (config.warmup > 0) {
      const warm = new Tally();
      log(`${rate} req/s: warm-up ${config.warmup} s`);
      await loop.run({ rate, seconds: config.warmup, next: () => mix.next(), record: (sample, plan) => warm.record(sample, plan) });
      const w = Object.values(warm.summary(config.warmup));
      const firstError = w.flatMap((o) => o.errors)[0];
      log(
        `  warm-up: ${w.reduce((n, o) => n + o.good, 0)} good, ${w.reduce((n, o) => n + o.failed, 0)} failed, ${w.reduce((n, o) => n + o.skipped, 0)} skipped` +
          (firstError ? `; first error: ${firstError.message}` : ''),
      );
    }
    const tally = new Tally();
    const emailsBefore = sink.accepted;
    log(`${rate} req/s: measuring ${config.duration} s`);
    state.window = await evidence.startWindow({
      client,
      samplerClient,
      database,
      postmaster,
      apps,
      serverLogFile: serverLog.file,
      sampleIntervalMs: config.sampleMs,
      statements,
    });
    const generator = await loop.run({ rate, seconds: config.duration, next: () => mix.next(), record: (sample, plan) => tally.record(sample, plan) });
    const gathered = await state.window.finish();
    state.window = null;
    const ops = tally.summary(config.duration);
    const step = { rate, seconds: config.duration, lockWaitMs: config.lockWaitMs, slowMs: config.slowMs, generator, ops, verdicts: verdicts(ops), poolsAtEnd: mix.poolSizes(), evidence: gathered, emailsAccepted: sink.accepted - emailsBefore };
    step.suspects = suspects(step);
    steps.push(step);
    printStep(step);
    if (!step.verdicts.p99Under100 && !config.allRates && rate !== config.rates.at(-1)) {
      log(`p99 >= ${CAPACITY_P99_MS} ms at ${rate} req/s: stopping here (BENCH_MIXED_ALL_RATES=1 runs every rate)`);
      break;
    }
  }
  loop.close();

  // Stopped here rather than in the cleanup, so CPU profiles (written at exit) can be read.
  const pids = { gateway: gateway.child.pid, worker: worker.child.pid };
  await worker.stop();
  await gateway.stop();
  const profiles = {};
  for (const [name, dir] of [['gateway', process.env.BENCH_PROFILE_DIR], ['worker', config.workerProfileDir]]) {
    const file = profilesSince(dir ? path.resolve(dir) : '', startedAt.getTime()).find((f) => path.basename(f).includes(`.${pids[name]}.`));
    if (!file) continue;
    profiles[name] = summarizeProfile(file);
    log(`${name} CPU profile ${path.relative(ROOT, file)}: ${profiles[name].byPackage.slice(0, 6).map((p) => `${p.name} ${fmt(p.percentOfBusy)}%`).join(', ')}`);
  }

  // --- results ---------------------------------------------------------------------------------------------------
  const passing = steps.filter((s) => s.verdicts.p99Under100).map((s) => s.rate);
  const firstMiss = steps.find((s) => !s.verdicts.p99Under100)?.rate ?? null;
  const highest = passing.filter((r) => firstMiss === null || r < firstMiss).at(-1) ?? null;
  const atTarget = steps.find((s) => s.rate === TARGET.rate) ?? null;
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    command: 'npm run build && npm run bench:mixed',
    environment: envKnobs(),
    config: { ...config, serverUrl: undefined },
    machine: machineInfo(loadBefore, { postgres: info.version, postgresSettings: { sharedBuffers: info.sharedBuffers, synchronousCommit: info.synchronousCommit, maxConnections: info.maxConnections } }),
    git: gitInfo(),
    database,
    seed: seeded,
    mix: { perHundred: MIX, clinics: mix.clinics.length, users: tokens.size, openEpisodesAtStart: mix.seeded },
    pgStatStatements: statements,
    steps,
    summary: {
      target: { ...TARGET, measured: Boolean(atTarget), p99Met: atTarget?.verdicts.p99Under50 ?? null, p999Met: atTarget?.verdicts.p999Under150 ?? null },
      highestRateWithP99Under100Ms: highest,
      firstRateMissing: firstMiss,
    },
    profiles,
    sink: { accepted: sink.accepted, duplicates: sink.duplicates },
    logs: { gateway: path.relative(ROOT, gatewayLog), worker: path.relative(ROOT, workerLog) },
  };
  fs.writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  const table = printSummary(results);
  fs.writeFileSync(markdownFile, markdown(results, table));
  process.stdout.write(`\nresults: ${path.relative(ROOT, jsonFile)} (+ .md; logs in ${path.relative(ROOT, artifactsDir)}/)\n`);
}

// ---------------------------------------------------------------------------------------------
// Reporting

function opRows(step) {
  return Object.entries(step.ops).map(([name, o]) => [
    name,
    String(o.sent),
    String(o.failed),
    String(o.skipped),
    fmt(o.latencyMs.p50),
    fmt(o.latencyMs.p90),
    fmt(o.latencyMs.p99),
    fmt(o.latencyMs.p999),
    fmt(o.latencyMs.max),
  ]);
}
const OP_HEAD = ['operation', 'sent', 'failed', 'skipped', 'p50 ms', 'p90 ms', 'p99 ms', 'p99.9 ms', 'max ms'];

/**
 * The evidence read against the step's worst p99: each source that could account for a tail of
 * that size, largest first. A first reading, to be checked against the figures.
 */
function suspects(step) {
  const e = step.evidence;
  const worst = step.verdicts.worst?.p99 ?? 0;
  const found = [];
  const add = (weight, text) => found.push({ weight, text });
  if (e.cpu.machine.busyPercent >= 90) add(worst, `the machine's CPUs were ${fmt(e.cpu.machine.busyPercent)}% busy: requests queue for CPU`);
  const others = e.cpu.postgres['backends of other databases'];
  if (others && others.percentOfOneCore >= 10) add(worst * (others.percentOfOneCore / 200), `other databases' backends took ${fmt(others.percentOfOneCore)}% of a core (not this run's load)`);
  for (const app of ['gateway', 'worker']) {
    const eld = e.eventLoopDelayMs[app];
    if (eld && eld.p99 >= 10) add(eld.p99, `${app} event-loop delay p99 ${fmt(eld.p99)} ms, max ${fmt(eld.max)} ms`);
    const gc = e.gc[app];
    if (gc && gc.maxPauseMs >= 10) add(gc.maxPauseMs, `${app} GC pauses up to ${fmt(gc.maxPauseMs)} ms (${gc.over10ms} over 10 ms, ${fmt(gc.totalPauseMs)} ms in all)`);
  }
  const idle = (e.waits.byApplication['referloop-gateway'] ?? []).find((w) => w.what === 'idle in transaction');
  if (idle && idle.meanBackends >= 0.5) add(worst / 2, `${fmt(idle.meanBackends, 2)} gateway backends idle in transaction on average: transactions held open while the gateway's loop is busy`);
  const locks = e.serverLog?.lockWaits;
  if (locks?.waits) add(locks.acquiredAfterMsMax ?? step.lockWaitMs, `${locks.waits} lock waits over ${step.lockWaitMs} ms (granted after up to ${fmt(locks.acquiredAfterMsMax)} ms)`);
  const slow = e.serverLog?.slowStatements;
  if (slow?.count) add(slow.top[0]?.maxMs ?? 0, `${slow.count} statements over ${step.slowMs} ms, slowest ${fmt(slow.top[0]?.maxMs)} ms`);
  const walSync = Object.values(e.waits.byApplication).flat().filter((w) => /WALSync|WALWrite/.test(w.what)).reduce((n, w) => n + w.meanBackends, 0);
  if (walSync >= 0.1) add(worst / 4, `${fmt(walSync, 2)} backends waiting on WAL write/fsync on average`);
  if ((step.generator.sendLagMs.p99 ?? 0) >= 5) add(step.generator.sendLagMs.p99, `the load generator itself sent late (p99 ${fmt(step.generator.sendLagMs.p99)} ms)`);
  return found.sort((a, b) => b.weight - a.weight).map((f) => f.text);
}

/** The evidence of one step in a few lines. */
function evidenceLines(step) {
  const e = step.evidence;
  const lines = [];
  const eld = (name) => {
    const v = e.eventLoopDelayMs[name];
    return v ? `p50 ${fmt(v.p50)} / p99 ${fmt(v.p99)} / max ${fmt(v.max)} ms` : 'not exported';
  };
  lines.push(`event-loop delay: gateway ${eld('gateway')}; worker ${eld('worker')}`);
  const cpu = (c) => (c ? `${fmt(c.percentOfOneCore)}%` : '-');
  const pg = Object.entries(e.cpu.postgres).slice(0, 5).map(([kind, c]) => `${kind} ${cpu(c)}`).join(', ');
  lines.push(
    `CPU (% of one core): gateway ${cpu(e.cpu.gateway)} (${fmt(e.cpu.gateway?.kernelPercent)}% of it in the kernel), worker ${cpu(e.cpu.worker)}, load generator ${cpu(e.cpu['load generator (this process)'])}; ` +
      `PostgreSQL: ${pg || '-'}; machine busy ${fmt(e.cpu.machine.busyPercent)}% of ${os.cpus().length} CPUs, iowait ${fmt(e.cpu.machine.iowaitPercent)}%, steal ${fmt(e.cpu.machine.stealPercent)}%`,
  );
  const gc = (name) => {
    const g = e.gc[name];
    return g && g.count ? `${g.count} pauses, ${fmt(g.totalPauseMs)} ms total, max ${fmt(g.maxPauseMs)} ms, ${g.over10ms} over 10 ms` : 'none traced';
  };
  lines.push(`GC: gateway ${gc('gateway')}; worker ${gc('worker')}`);
  const sent = Object.values(step.ops).reduce((n, o) => n + o.sent, 0);
  const perRequest = (c) => (c && sent ? `${fmt((c.cpuSeconds * 1000) / sent, 2)} ms` : '-');
  lines.push(
    `CPU per request sent: gateway ${perRequest(e.cpu.gateway)}, its PostgreSQL backends ${perRequest(e.cpu.postgres['referloop-gateway backends'])}, ` +
      `worker ${perRequest(e.cpu.worker)} (so one gateway process tops out near ${e.cpu.gateway && sent ? fmt(sent / e.cpu.gateway.cpuSeconds, 0) : '-'} req/s of this mix)`,
  );
  const waits = Object.entries(e.waits.byApplication)
    .map(([app, list]) => `${app}: ${list.slice(0, 4).map((w) => `${w.what} ${fmt(w.meanBackends, 2)}`).join(', ')}`)
    .join('; ');
  lines.push(`backends busy (mean over ${e.waits.samples} samples): ${waits || 'none active'}`);
  if (e.serverLog) {
    const l = e.serverLog;
    lines.push(
      `lock waits over ${step.lockWaitMs} ms: ${l.lockWaits.waits} (acquired after median ${fmt(l.lockWaits.acquiredAfterMsMedian)} / max ${fmt(l.lockWaits.acquiredAfterMsMax)} ms), deadlocks ${l.deadlocks}; ` +
        `slow statements: ${l.slowStatements.count}; checkpoints: ${l.checkpoints.filter((c) => c.startsWith('checkpoint starting')).length}; autovacuum runs logged: ${l.autovacuum.length}`,
    );
    for (const w of l.lockWaits.top.slice(0, 3)) lines.push(`  lock wait x${w.count}: ${w.what.slice(0, 200)}`);
    for (const s of l.slowStatements.top.slice(0, 3)) lines.push(`  slow x${s.count} (max ${fmt(s.maxMs)} ms): ${s.statement.slice(0, 160)}`);
  }
  const wal = e.postgres.wal;
  const commits = e.postgres.database?.xact_commit ?? '-';
  if (wal) lines.push(`WAL (whole server): ${wal.wal_records} records, ${Math.round(wal.wal_bytes / 1024)} KiB, ${wal.wal_write} writes, ${wal.wal_sync} fsyncs; bench database: ${commits} commits; emails accepted by the sink: ${step.emailsAccepted}`);
  const reading = suspects(step);
  if (reading.length) lines.push(`tail suspects, largest first: ${reading.join('; ')}`);
  return lines;
}

function printStep(step) {
  const out = ['', `${step.rate} req/s offered for ${step.seconds} s (send lag p99 ${fmt(step.generator.sendLagMs.p99)} ms, max ${fmt(step.generator.sendLagMs.max)} ms; at most ${step.generator.maxInFlight} in flight)`];
  out.push(...alignedTable(OP_HEAD, opRows(step)));
  for (const [name, o] of Object.entries(step.ops)) for (const error of o.errors.slice(0, 3)) out.push(`  ${name} failed x${error.count}: ${error.message}`);
  for (const [name, o] of Object.entries(step.ops)) for (const skip of o.skips) out.push(`  ${name} skipped x${skip.count}: ${skip.reason}`);
  out.push(...evidenceLines(step));
  process.stderr.write(`${out.join('\n')}\n`);
}

function printSummary(results) {
  const out = [''];
  out.push(...reportHeader('mixed-load benchmark', results, `${results.seed.referrals ?? 'reused'} seeded referrals; ${results.mix.clinics} clinics, ${results.mix.users} users signed in`));
  for (const step of results.steps) {
    const v = step.verdicts;
    const mark = (met) => (met ? 'met' : 'MISSED');
    out.push('');
    out.push(
      `${step.rate} req/s: p99 < ${TARGET.p99Ms} ms ${mark(v.p99Under50)}, p99.9 < ${TARGET.p999Ms} ms ${mark(v.p999Under150)}, p99 < ${CAPACITY_P99_MS} ms ${mark(v.p99Under100)}` +
        `${v.errorFree ? '' : ', WITH FAILED REQUESTS'} (worst p99: ${v.worst?.op ?? '-'} ${fmt(v.worst?.p99)} ms)`,
    );
    out.push(...alignedTable(OP_HEAD, opRows(step)));
    for (const [name, o] of Object.entries(step.ops)) for (const error of o.errors.slice(0, 3)) out.push(`  ${name} failed x${error.count}: ${error.message}`);
    out.push(...evidenceLines(step));
  }
  for (const [name, profile] of Object.entries(results.profiles ?? {})) {
    out.push('', `${name} CPU profile (whole run, ${fmt(profile.busyMs / 1000)} s busy): by package ${profile.byPackage.slice(0, 8).map((p) => `${p.name} ${fmt(p.percentOfBusy)}%`).join(', ')}`);
    for (const f of profile.byFunction.slice(0, 8)) out.push(`  ${fmt(f.percentOfBusy)}%  ${f.name}`);
  }
  out.push('');
  const s = results.summary;
  out.push(
    `target at ${TARGET.rate} req/s: ${s.target.measured ? `p99 < ${TARGET.p99Ms} ms ${s.target.p99Met ? 'met' : 'MISSED'}, p99.9 < ${TARGET.p999Ms} ms ${s.target.p999Met ? 'met' : 'MISSED'}` : 'not measured'}; ` +
      `highest rate with every p99 < ${CAPACITY_P99_MS} ms: ${s.highestRateWithP99Under100Ms ?? 'none'} req/s${s.firstRateMissing ? ` (missed at ${s.firstRateMissing})` : ' (no rate measured missed it)'}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
  return out.join('\n');
}

function markdown(results, table) {
  const lines = [];
  for (const step of results.steps) {
    lines.push(`**${step.rate} req/s** (${step.seconds} s measured)`, '');
    lines.push(`| ${OP_HEAD.join(' | ')} |`, `| --- |${' ---: |'.repeat(OP_HEAD.length - 1)}`);
    for (const row of opRows(step)) lines.push(`| ${row.join(' | ')} |`);
    lines.push('', ...evidenceLines(step).map((line) => `- ${line.trim()}`), '');
  }
  return markdownSection({
    title: 'Mixed load',
    script: 'bench:mixed',
    results,
    setup: `${results.seed.referrals ?? 'reused'} seeded referrals; mix per 100 requests: ${Object.entries(MIX).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    lines,
    table,
  });
}

// ---------------------------------------------------------------------------------------------

runHarness({
  main,
  cleanup,
  onExit: () => {
    killGateways();
    state.seedChild?.kill('SIGKILL');
    if (state.worker?.child) {
      try {
        state.worker.child.kill('SIGKILL');
      } catch {
        /* gone */
      }
    }
  },
});
