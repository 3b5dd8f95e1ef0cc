#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: one reproducible benchmark run of the ReferLoop gateway. See bench/README.md.
 *
 *  1. build if needed; create a fresh database referloop_bench_<random>; start the gateway on a
 *     free port of 127.0.0.1; seed actors through the API and N referrals with SQL; ANALYZE.
 *  2. capture, from the PostgreSQL log, exactly the statements one createReferral and one inbox
 *     query execute, and turn them into pgbench scripts (the baseline).
 *  3. load A: createReferral (send: true, unique idempotency keys); load B: the inbox query.
 *  4. pgbench on the captured scripts with the same clients and duration; ratio = req/s ÷ TPS.
 *  5. print a table, write bench/results/<timestamp>.json; always stop the gateway and drop
 *     the database. Exit 0 when measured (targets met or not), non-zero on harness errors.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const db = require('./lib/db');
const capture = require('./lib/capture');
const ops = require('./lib/operations');
const { Gateway, killAllSync: killGateways, benchAdmin, gatewayEnv, benchNodeArgs, ROOT } = require('./lib/gateway');
const { runLoad, stopCurrent: stopLoad, failedCount, reportWarmup } = require('./lib/load');
const { runPgbench, pgbenchVersion, killAllSync: killPgbench } = require('./lib/pgbench');
const { seedThroughApi, bulkSeed } = require('./lib/seed');
const { createMinimalTables, minimalWriteScript } = require('./lib/minimal-write');
const { runHarness } = require('./lib/harness');
const { ensureBuilt, loadBeforeRun, resultsFiles, gitInfo, machineInfo, envKnobs } = require('./lib/run-info');
const { reportHeader, alignedTable, markdownSection } = require('./lib/report');
const { HarnessError, intEnv, strEnv, boolEnv, freePort, fmt, log } = require('./lib/util');

const TARGET_RATIO = 0.2;
const TARGET_P99_MS = 100;
/** Issue 17: the referral write's replay within 2× of the minimal transaction of the same shape. */
const TARGET_WRITE_COST = 2;
/**
 * pgbench runs tell their generated ids and references apart by a run digit (0-9, see
 * capture.js) and a per-client counter. Every digit is taken, so the replay of the writes alone
 * reuses the createReferral replay's digits with its counter started far beyond theirs.
 */
const WRITES_SEQ = 5_000_000;

function readConfig() {
  const duration = intEnv('BENCH_DURATION', 20, 1, 3600);
  const connections = intEnv('BENCH_CONNECTIONS', 32, 1, 89);
  return {
    serverUrl: strEnv('BENCH_PG_URL', 'postgres://postgres@127.0.0.1:5432'),
    duration,
    warmup: intEnv('BENCH_WARMUP', Math.min(5, duration), 0, 600),
    connections,
    pgbenchJobs: intEnv('BENCH_PGBENCH_JOBS', 2, 1, connections),
    seedReferrals: intEnv('BENCH_SEED_REFERRALS', 100_000, 0, 50_000_000),
    poolSize: intEnv('BENCH_POOL_SIZE', 20, 1, 200),
    keepDatabase: boolEnv('BENCH_KEEP_DB'),
  };
}

// ---------------------------------------------------------------------------------------------
// Cleanup: one idempotent routine for the normal path, errors and signals alike.

const state = { gateway: null };
const benchDb = new db.BenchDatabase();
let cleanupPromise = null;

function cleanup() {
  cleanupPromise ??= (async () => {
    stopLoad();
    killPgbench();
    await benchDb.closeClients();
    if (state.gateway) {
      await state.gateway.stop().catch((error) => log(`stopping the gateway: ${error.message}`));
    }
    await benchDb.release();
  })();
  return cleanupPromise;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const config = readConfig();
  const startedAt = new Date();
  const { artifactsDir, jsonFile: resultsFile, markdownFile } = resultsFiles(startedAt);
  const loadBefore = loadBeforeRun();

  ensureBuilt();
  const pgbench = pgbenchVersion();
  const info = await db.serverInfo(config.serverUrl);
  const serverLog = capture.findServerLog(info);
  capture.checkPrefix(info.logLinePrefix);
  log(`PostgreSQL log: ${serverLog.file} (${serverLog.how})`);
  if (config.connections + config.poolSize + 10 > info.maxConnections) {
    throw new HarnessError(`max_connections=${info.maxConnections} is too low for ${config.connections} pgbench clients plus a pool of ${config.poolSize}`);
  }

  // --- database and gateway -------------------------------------------------------------------
  const database = `referloop_bench_${crypto.randomBytes(5).toString('hex')}`;
  const dbUrl = await benchDb.create({ serverUrl: config.serverUrl, name: database, keep: config.keepDatabase });
  log(`created database ${database}`);

  const admin = benchAdmin();
  const gateway = new Gateway({
    port: await freePort(),
    logFile: path.join(artifactsDir, 'gateway.log'),
    env: gatewayEnv(admin, { DATABASE_URL: dbUrl, DATABASE_POOL_SIZE: String(config.poolSize) }),
    nodeArgs: benchNodeArgs(),
  });
  state.gateway = gateway;
  await gateway.start();
  log(`gateway up at ${gateway.url} (migrations applied)`);

  // --- seed ------------------------------------------------------------------------------------
  const seed = await seedThroughApi(gateway, admin);
  const seedClient = await benchDb.openClient();
  const seeded = await bulkSeed(seedClient, seed, config.seedReferrals);
  await benchDb.closeClient(seedClient);

  const runId = crypto.randomBytes(4).toString('hex');
  const createBody = (key) => JSON.stringify({ query: ops.CREATE_REFERRAL, variables: { input: ops.referralInput({ ...seed, toProviderId: seed.providerId, idempotencyKey: key }) } });
  // The load test sends thousands of these: build the JSON once, splice the key in per request.
  const KEY = 'IDEMPOTENCY-KEY-PLACEHOLDER';
  const [createHead, createTail] = createBody(KEY).split(KEY);
  const inboxBody = JSON.stringify({ query: ops.INBOX });
  const createOnce = async (key) => (await gateway.request(ops.CREATE_REFERRAL, JSON.parse(createBody(key)).variables, seed.tokens.coordinatorA)).createReferral;
  const inboxOnce = async () => (await gateway.request(ops.INBOX, undefined, seed.tokens.coordinatorB)).referrals;

  // --- capture the statements of one request of each kind --------------------------------------
  await benchDb.setStatementLogging(true);
  await gateway.restart(); // the pool reconnects with log_statement = all
  const logClient = await benchDb.openClient();
  // One of each first, so no first-use work (new pool connections, lazy caches) lands in the capture.
  await createOnce(`bench-${runId}-capture-warmup`);
  await inboxOnce();

  const captureKey = `bench-${runId}-capture`;
  const createCapture = await capture.captureOperation({ client: logClient, logFile: serverLog.file, database, operation: () => createOnce(captureKey) });
  const created = createCapture.result;
  if (created.status !== 'SENT') throw new HarnessError(`captured createReferral answered status ${created.status}, expected SENT`);
  const createFresh = [
    ...(await capture.freshUuids(logClient, createCapture.statements, created.id)).map((value) => ({ value, kind: 'uuid' })),
    { value: created.reference, kind: 'reference' },
    { value: captureKey, kind: 'idempotencyKey' },
  ];
  const createScript = path.join(artifactsDir, 'create-referral.pgbench.sql');
  fs.writeFileSync(createScript, capture.toPgbenchScript(createCapture.statements, createFresh, 'createReferral (send: true), as the gateway executes it'));

  const inboxCapture = await capture.captureOperation({ client: logClient, logFile: serverLog.file, database, operation: inboxOnce });
  if (inboxCapture.result.edges.length === 0) throw new HarnessError('the inbox is empty: seeding did not reach the receiving clinic');
  const inboxFresh = (await capture.freshUuids(logClient, inboxCapture.statements, null)).map((value) => ({ value, kind: 'uuid' }));
  const inboxScript = path.join(artifactsDir, 'inbox.pgbench.sql');
  fs.writeFileSync(inboxScript, capture.toPgbenchScript(inboxCapture.statements, inboxFresh, 'inbox: referrals(filter: {direction: INBOUND}, first: 20), as the gateway executes it'));
  await benchDb.closeClient(logClient);

  await benchDb.setStatementLogging(false);
  await gateway.restart(); // and back to a pool without statement logging
  log(`captured ${createCapture.statements.length} statements for createReferral, ${inboxCapture.statements.length} for the inbox:`);
  capture.logStatements('createReferral', createCapture.statements);
  capture.logStatements('inbox', inboxCapture.statements);

  // Each script must run cleanly once, and the create script must really insert a referral.
  const checkClient = await benchDb.openClient();
  const countReferrals = async () => Number((await checkClient.query('SELECT count(*) AS n FROM referrals')).rows[0].n);
  const before = await countReferrals();
  await runPgbench({ dbUrl, script: createScript, clients: 1, jobs: 1, transactions: 1, run: 1 });
  if ((await countReferrals()) !== before + 1) throw new HarnessError('the captured createReferral script ran but did not insert exactly one referral');
  await runPgbench({ dbUrl, script: inboxScript, clients: 1, jobs: 1, transactions: 1, run: 4 });
  // Write cost: createReferral's writes alone (its reads left out), and the least a write of the
  // same rows could cost, from the same captured values (bench/lib/minimal-write.js).
  const writeScript = path.join(artifactsDir, 'create-referral-writes.pgbench.sql');
  const writes = createCapture.statements.filter((statement) => !/^\s*SELECT\b/i.test(statement.sql));
  fs.writeFileSync(writeScript, capture.toPgbenchScript(writes, createFresh, "createReferral's writes alone (its reads left out), as the gateway executes them"));
  await runPgbench({ dbUrl, script: writeScript, clients: 1, jobs: 1, transactions: 1, run: 1, seqStart: WRITES_SEQ });
  await createMinimalTables(checkClient);
  const minimalScript = path.join(artifactsDir, 'minimal-write.pgbench.sql');
  fs.writeFileSync(minimalScript, minimalWriteScript(fs.readFileSync(createScript, 'utf8')));
  await runPgbench({ dbUrl, script: minimalScript, clients: 1, jobs: 1, transactions: 1, run: 7 });
  await benchDb.closeClient(checkClient);

  // --- load A: createReferral --------------------------------------------------------------------
  const load = (title, seconds, token, body, isGood) =>
    runLoad({ url: gateway.url, token, connections: config.connections, seconds, body, isGood, title });
  const createIsGood = (data) => data.createReferral?.status === 'SENT';
  const createKey = (phase) => (n) => `${createHead}bench-${runId}-${phase}-${n}${createTail}`;
  if (config.warmup > 0) {
    log(`createReferral warm-up ${config.warmup} s`);
    reportWarmup(await load('createReferral warm-up', config.warmup, seed.tokens.coordinatorA, createKey('w'), createIsGood));
  }
  const referralCount = async () => {
    const client = await benchDb.openClient();
    try {
      return Number((await client.query('SELECT count(*) AS n FROM referrals')).rows[0].n);
    } finally {
      await benchDb.closeClient(client);
    }
  };
  const referralsBefore = await referralCount();
  log(`createReferral ${config.duration} s, ${config.connections} connections`);
  const createLoad = await load('createReferral', config.duration, seed.tokens.coordinatorA, createKey('m'), createIsGood);
  // Every good answer must be a new row (unique keys); answers still in flight at the end may add more.
  createLoad.referralsInserted = (await referralCount()) - referralsBefore;
  if (createLoad.referralsInserted < createLoad.good) {
    throw new HarnessError(`${createLoad.good} good createReferral answers but only ${createLoad.referralsInserted} new referrals`);
  }

  // --- load B: the inbox ---------------------------------------------------------------------------
  const analyzeClient = await benchDb.openClient();
  await analyzeClient.query('ANALYZE referrals');
  const inboxRows = Number((await analyzeClient.query('SELECT count(*) AS n FROM referrals WHERE to_clinic_id = $1', [seed.clinicB])).rows[0].n);
  await benchDb.closeClient(analyzeClient);
  const inboxIsGood = (data) => Array.isArray(data.referrals?.edges) && data.referrals.edges.length > 0;
  if (config.warmup > 0) {
    log(`inbox warm-up ${config.warmup} s`);
    reportWarmup(await load('inbox warm-up', config.warmup, seed.tokens.coordinatorB, () => inboxBody, inboxIsGood));
  }
  log(`inbox ${config.duration} s over ${inboxRows} inbound referrals, ${config.connections} connections`);
  const inboxLoad = await load('inbox', config.duration, seed.tokens.coordinatorB, () => inboxBody, inboxIsGood);

  // The gateway is done; pgbench gets the machine to itself.
  await gateway.stop();

  // --- pgbench baselines ---------------------------------------------------------------------------
  const bench = async (title, script, run, seqStart = 0) => {
    if (config.warmup > 0) {
      log(`pgbench ${title} warm-up ${config.warmup} s`);
      await runPgbench({ dbUrl, script, clients: config.connections, jobs: config.pgbenchJobs, seconds: config.warmup, run, seqStart });
    }
    log(`pgbench ${title} ${config.duration} s`);
    return runPgbench({ dbUrl, script, clients: config.connections, jobs: config.pgbenchJobs, seconds: config.duration, run: run + 1, seqStart });
  };
  const createPgbench = await bench('createReferral', createScript, 2);
  const writesPgbench = await bench("createReferral's writes alone", writeScript, 2, WRITES_SEQ);
  const minimalPgbench = await bench('minimal same-shape write', minimalScript, 8);
  const inboxPgbench = await bench('inbox', inboxScript, 5);
  const times = (pg) => (minimalPgbench.tps > 0 && pg.tps > 0 ? minimalPgbench.tps / pg.tps : null);
  const writeCost = { request: times(createPgbench), writes: times(writesPgbench) };

  // --- results ---------------------------------------------------------------------------------------
  const verdict = (loadResult, pg) => {
    const ratio = pg.tps > 0 ? loadResult.requestsPerSecond / pg.tps : null;
    const p99 = loadResult.latencyMs.p99;
    return {
      ratio,
      ratioTarget: TARGET_RATIO,
      ratioMet: ratio !== null && ratio >= TARGET_RATIO,
      p99Ms: p99,
      p99TargetMs: TARGET_P99_MS,
      p99Met: p99 !== null && p99 < TARGET_P99_MS,
      errorFree: failedCount(loadResult) === 0,
    };
  };
  const git = gitInfo();
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    command: 'npm run build && npm run bench',
    environment: envKnobs(),
    config: { ...config, serverUrl: undefined },
    machine: machineInfo(loadBefore, {
      postgres: info.version,
      pgbench,
      postgresSettings: { sharedBuffers: info.sharedBuffers, synchronousCommit: info.synchronousCommit, maxConnections: info.maxConnections },
    }),
    git,
    database: database,
    seed: { ...seeded, inboundReferralsAtInboxTest: inboxRows },
    capture: {
      serverLog: serverLog.file,
      createReferral: { statements: capture.summarize(createCapture.statements), freshValues: createFresh.length, script: path.relative(ROOT, createScript) },
      inbox: { statements: capture.summarize(inboxCapture.statements), freshValues: inboxFresh.length, script: path.relative(ROOT, inboxScript) },
    },
    createReferral: { load: createLoad, pgbench: withoutRaw(createPgbench), ...verdict(createLoad, createPgbench) },
    writeCost: {
      minimal: withoutRaw(minimalPgbench),
      writes: withoutRaw(writesPgbench),
      statements: writes.length,
      // Multiples of the minimal write's time: the whole request's replay, and its writes alone.
      request: writeCost.request,
      writesAlone: writeCost.writes,
      target: TARGET_WRITE_COST,
      met: writeCost.request !== null && writeCost.request <= TARGET_WRITE_COST,
    },
    inbox: { load: inboxLoad, pgbench: withoutRaw(inboxPgbench), ...verdict(inboxLoad, inboxPgbench) },
    pgbenchOutput: { createReferral: createPgbench.raw, createReferralWrites: writesPgbench.raw, minimalWrite: minimalPgbench.raw, inbox: inboxPgbench.raw },
    gatewayLog: path.relative(ROOT, path.join(artifactsDir, 'gateway.log')),
  };
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const table = printTable(results, config);
  fs.writeFileSync(markdownFile, markdown(results, config, table));
  process.stdout.write(
    `\nresults: ${path.relative(ROOT, resultsFile)} (+ .md for docs/performance-history.md; scripts and gateway log in ${path.relative(ROOT, artifactsDir)}/)\n`,
  );
}

function withoutRaw({ raw, ...rest }) {
  return rest;
}

function printTable(results, config) {
  const out = [];
  out.push('');
  out.push(...reportHeader('benchmark', results));
  out.push(`${config.connections} connections, ${config.duration} s measured after ${config.warmup} s warm-up; seeded ${results.seed.referrals} referrals, ${results.seed.patients} patients; gateway pool ${config.poolSize}`);
  out.push('');
  const head = ['', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'good', 'failed'];
  const rows = [];
  const loadRow = (name, r) => [
    name,
    fmt(r.requestsPerSecond),
    fmt(r.latencyMs.p50, 1),
    fmt(r.latencyMs.p90, 1),
    fmt(r.latencyMs.p99, 1),
    fmt(r.latencyMs.max, 1),
    String(r.good),
    String(failedCount(r)),
  ];
  const pgRow = (name, p) => [name, fmt(p.tps), '', '', '', '', String(p.transactions ?? '-'), String(p.failed ?? 0)];
  rows.push(loadRow('createReferral (gateway)', results.createReferral.load));
  rows.push(pgRow(`  pgbench, same ${results.capture.createReferral.statements.length} statements (TPS)`, results.createReferral.pgbench));
  rows.push(pgRow(`  pgbench, its ${results.writeCost.statements} writes alone (TPS)`, results.writeCost.writes));
  rows.push(pgRow('  pgbench, minimal same-shape write (TPS)', results.writeCost.minimal));
  rows.push(loadRow(ops.INBOX_WITH_COUNT ? 'inbox + totalCount (gateway)' : 'inbox (gateway)', results.inbox.load));
  rows.push(pgRow(`  pgbench, same ${results.capture.inbox.statements.length} statements (TPS)`, results.inbox.pgbench));
  out.push(...alignedTable(head, rows));
  out.push('');
  for (const [name, r] of [['createReferral', results.createReferral], ['inbox', results.inbox]]) {
    const mark = (met) => (met ? 'met' : 'MISSED');
    out.push(
      `${name.padEnd(15)} ratio ${fmt(r.ratio * 100)}% of pgbench (target >= ${TARGET_RATIO * 100}%: ${mark(r.ratioMet)}), ` +
        `p99 ${fmt(r.p99Ms)} ms (target < ${TARGET_P99_MS} ms: ${mark(r.p99Met)})${r.errorFree ? '' : ', WITH FAILED RESPONSES'}`,
    );
  }
  const cost = results.writeCost;
  out.push(
    `write cost      createReferral's replay takes ${fmt(cost.request, 2)}× the minimal same-shape write's time (target <= ${cost.target}×: ${cost.met ? 'met' : 'MISSED'}); its writes alone ${fmt(cost.writesAlone, 2)}×`,
  );
  for (const [name, r] of [['createReferral', results.createReferral.load], ['inbox', results.inbox.load]]) {
    if (r.good + r.bad === 0) out.push(`  ${name}: no response completed within ${config.duration} s`);
    for (const error of r.errors.slice(0, 5)) out.push(`  ${name} error x${error.count}: ${error.message}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return out.join('\n');
}

/** The same figures as a Markdown section for docs/performance-history.md (see markdownSection). */
function markdown(results, config, table) {
  const row = (name, r) => {
    const l = r.load;
    return `| ${name} | ${fmt(l.requestsPerSecond)} | ${fmt(l.latencyMs.p50)} | ${fmt(l.latencyMs.p90)} | ${fmt(l.latencyMs.p99)} | ${fmt(l.latencyMs.max)} | ${failedCount(l)} | ${fmt(r.pgbench.tps)} | ${fmt(r.ratio * 100)}% |`;
  };
  return markdownSection({
    title: '',
    script: 'bench',
    results,
    setup: `${config.connections} connections, ${config.duration} s after ${config.warmup} s warm-up; ${results.seed.referrals} seeded referrals; gateway pool ${config.poolSize}.`,
    lines: [
      '| operation | req/s (good only) | p50 ms | p90 ms | p99 ms | max ms | failed | pgbench TPS (same SQL) | ratio |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      row('createReferral', results.createReferral),
      row(ops.INBOX_WITH_COUNT ? 'inbox (INBOUND, first 20, with totalCount)' : 'inbox (INBOUND, first 20)', results.inbox),
      '',
      `Minimal same-shape write (pgbench, same run): ${fmt(results.writeCost.minimal.tps)} TPS. createReferral's replay takes ${fmt(results.writeCost.request, 2)}× its time (target <= ${TARGET_WRITE_COST}×), its ${results.writeCost.statements} writes alone (${fmt(results.writeCost.writes.tps)} TPS) ${fmt(results.writeCost.writesAlone, 2)}×.`,
      '',
      `Targets: ratio >= ${TARGET_RATIO * 100}% of pgbench and p99 < ${TARGET_P99_MS} ms at ${config.connections} connections.`,
    ],
    table,
  });
}

// ---------------------------------------------------------------------------------------------

runHarness({
  main,
  cleanup,
  onExit: () => {
    killGateways();
    killPgbench();
  },
});
