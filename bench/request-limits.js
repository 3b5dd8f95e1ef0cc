#!/usr/bin/env node
'use strict';
/* global performance, fetch -- Node 20 globals the shared lint config does not list */
/**
 * `npm run bench:limits`: how long the gateway takes to refuse a request over the query cost
 * limit, beside the cheapest request it answers (the baseline, same run) and the largest
 * request of the same kind it still runs. See "Refusing an over-budget request" in BENCHMARKS.md.
 *
 * A fresh database and the built gateway (production mode) as a child process; requests are
 * sent one at a time by a platform admin, BENCH_REQUESTS of each kind after a warm-up, and the
 * kinds interleaved so a slow moment of the machine hits them alike. Exit 0 when measured (the
 * target is reported, not asserted).
 */

const crypto = require('node:crypto');
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');

const { BenchDatabase } = require('./lib/db');
const ops = require('./lib/operations');
const { Gateway, killAllSync, benchAdmin, gatewayEnv, benchNodeArgs } = require('./lib/gateway');
const { runHarness } = require('./lib/harness');
const { deleteKeys } = require('./lib/queue-baseline');
const { ensureBuilt, loadBeforeRun, machineInfo } = require('./lib/run-info');
const { HarnessError, intEnv, strEnv, freePort, latencyStats, fmt, log } = require('./lib/util');

const TARGET_REFUSAL_P99_MS = 50;

const stats = (count) =>
  `query limits { ${Array.from({ length: count }, (_, i) => `s${i}: referralStats(input: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { total acceptanceRate }`).join(' ')} }`;
const providerStats = (count) =>
  `query limits($id: ID!) { ${Array.from({ length: count }, (_, i) => `p${i}: provider(id: $id) { id stats { activeEpisodes } }`).join(' ')} }`;

/** What is measured: each request, and the code it must come back with (null: answered). */
const KINDS = [
  { name: 'baseline: { __typename }', query: '{ __typename }', expect: null },
  { name: 'answered: 10 × referralStats (cost 2,000)', query: stats(10), expect: null },
  { name: 'refused: 100 × referralStats (cost 20,000)', query: stats(100), expect: 'QUERY_TOO_EXPENSIVE' },
  { name: 'refused: 400 × provider { stats } (cost 4,400)', query: providerStats(400), expect: 'QUERY_TOO_EXPENSIVE' },
];

const state = { db: new BenchDatabase(), gateway: null, redisUrl: null, queuePrefix: null };

async function timed(gateway, token, kind, variables) {
  const started = performance.now();
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: kind.query, variables }),
  });
  const body = await response.json();
  const elapsed = performance.now() - started;
  const code = body.errors?.[0]?.extensions?.code ?? null;
  if (code !== kind.expect) throw new HarnessError(`${kind.name}: expected ${kind.expect ?? 'an answer'}, got ${code} (${body.errors?.[0]?.message})`);
  return elapsed;
}

async function main() {
  const requests = intEnv('BENCH_REQUESTS', 300, 10, 100_000);
  const warmup = intEnv('BENCH_WARMUP', 30, 0, 10_000);
  const serverUrl = strEnv('BENCH_PG_URL', 'postgres://postgres@127.0.0.1:5432/postgres');
  const redisUrl = strEnv('BENCH_REDIS_URL', 'redis://127.0.0.1:6379');
  const loadBefore = loadBeforeRun();
  ensureBuilt();

  const runId = crypto.randomBytes(5).toString('hex');
  const dbUrl = await state.db.create({ serverUrl, name: `referloop_bench_${runId}`, keep: false });
  const admin = benchAdmin();
  state.redisUrl = redisUrl;
  state.queuePrefix = `rlbench-limits-${runId}`;
  state.gateway = new Gateway({
    port: await freePort(),
    logFile: path.join(os.tmpdir(), `referloop-bench-limits-${runId}.log`),
    env: gatewayEnv(admin, { DATABASE_URL: dbUrl, REDIS_URL: redisUrl, QUEUE_PREFIX: state.queuePrefix }),
    nodeArgs: benchNodeArgs(),
  });
  await state.gateway.start();
  const { login } = await ops.apiSession(state.gateway, admin);
  const token = (await login(admin.email, admin.password)).accessToken;
  const variables = { id: crypto.randomUUID() };

  const latencies = KINDS.map(() => []);
  for (let round = 0; round < warmup + requests; round += 1) {
    for (const [index, kind] of KINDS.entries()) {
      const elapsed = await timed(state.gateway, token, kind, variables);
      if (round >= warmup) latencies[index].push(elapsed);
    }
  }

  const baseline = latencyStats(latencies[0]);
  const rows = KINDS.map((kind, index) => {
    const result = latencyStats(latencies[index]);
    return { kind: kind.name, ...result, p50Ratio: result.p50 / baseline.p50, p99Ratio: result.p99 / baseline.p99 };
  });
  const machine = machineInfo(loadBefore);
  console.log(`\nRefusing an over-budget request (${requests} requests of each kind, one at a time; ${machine.cpus} CPUs, load before ${machine.loadAverageBefore.map((value) => value.toFixed(2)).join(' ')})\n`);
  console.log('| request | p50 ms | p99 ms | max ms | p50 / baseline | p99 / baseline |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.kind} | ${fmt(row.p50, 2)} | ${fmt(row.p99, 2)} | ${fmt(row.max, 2)} | ${fmt(row.p50Ratio, 2)} | ${fmt(row.p99Ratio, 2)} |`);
  const worstRefusal = Math.max(...rows.filter((_, index) => KINDS[index].expect).map((row) => row.p99));
  console.log(`\nTarget: a refusal's p99 under ${TARGET_REFUSAL_P99_MS} ms: ${worstRefusal < TARGET_REFUSAL_P99_MS ? 'met' : 'NOT met'} (${fmt(worstRefusal, 2)} ms)`);
  const out = strEnv('BENCH_OUT', '');
  if (out) fs.writeFileSync(out, JSON.stringify({ machine, rows }, null, 2));
}

async function cleanup() {
  await state.gateway?.stop().catch((error) => log(`stopping the gateway: ${error.message}`));
  await state.db.release().catch((error) => log(`dropping the database: ${error.message}`));
  if (state.queuePrefix) await deleteKeys(state.redisUrl, state.queuePrefix).catch((error) => log(`deleting the queue keys: ${error.message}`));
}

runHarness({ main, cleanup, onExit: killAllSync });
