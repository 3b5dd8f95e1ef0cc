#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:scale`: do the everyday reads stay fast as the data grows? See bench/README.md.
 *
 * For each size (BENCH_SCALE_SIZES, default 10,000 and 1,000,000 referrals): a fresh database
 * referloop_bench_<random>_<size>, migrated and seeded by `npm run seed`'s loader (ten audit
 * entries per referral); the built gateway on it; each read's SQL captured from the server log
 * and its EXPLAIN (ANALYZE, BUFFERS) written to bench/results/<run>/; then each read sent
 * BENCH_SCALE_REQUESTS times after BENCH_SCALE_WARMUP, one after another on one connection.
 * Prints p50/p99 per read per size and the p50 ratio of the largest size to the smallest.
 * Stops the gateway and the seed and drops each database on every path (errors, signals).
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const db = require('./lib/db');
const capture = require('./lib/capture');
const { killAllSync: killGateways, ROOT } = require('./lib/gateway');
const { runHarness } = require('./lib/harness');
const { ensureBuilt, loadBeforeRun, resultsFiles, gitInfo, machineInfo, envKnobs } = require('./lib/run-info');
const { reportHeader, alignedTable, markdownSection } = require('./lib/report');
const { measureSize, stopSeed } = require('./lib/scale-size');
const { HarnessError, intEnv, strEnv, boolEnv, fmt, log } = require('./lib/util');

/** Issue "Performance under real load": each read's p99 under this at the largest size. */
const TARGET_P99_MS = 20;
/** …and its p50 at most this many times its p50 at the smallest size. */
const TARGET_P50_RATIO = 1.5;

function readConfig() {
  const sizes = strEnv('BENCH_SCALE_SIZES', '10000,1000000')
    .split(',')
    .map((size) => size.trim());
  if (sizes.some((size) => !/^\d+$/.test(size) || Number(size) < 100 || Number(size) > 10_000_000)) {
    throw new HarnessError(`BENCH_SCALE_SIZES must list referral counts from 100 to 10,000,000, e.g. 10000,1000000; got "${sizes.join(',')}"`);
  }
  return {
    serverUrl: strEnv('BENCH_PG_URL', 'postgres://postgres@127.0.0.1:5432'),
    sizes: sizes.map(Number).sort((a, b) => a - b),
    requests: intEnv('BENCH_SCALE_REQUESTS', 200, 1, 100_000),
    warmup: intEnv('BENCH_SCALE_WARMUP', 20, 0, 10_000),
    // Unset: the seed's default, ten per referral.
    auditPerReferral: strEnv('BENCH_SCALE_AUDIT_PER_REFERRAL', '') === '' ? null : intEnv('BENCH_SCALE_AUDIT_PER_REFERRAL', 10, 0, 100),
    keepDatabase: boolEnv('BENCH_KEEP_DB'),
  };
}

// ---------------------------------------------------------------------------------------------
// Cleanup: one idempotent routine for the normal path, errors and signals alike.

const state = { seed: null, seedExited: null, gateway: null, benchDb: null };
let cleanupPromise = null;

function cleanup() {
  cleanupPromise ??= (async () => {
    await stopSeed(state).catch((error) => log(`stopping the seed: ${error.message}`));
    if (state.benchDb) await state.benchDb.closeClients();
    if (state.gateway) await state.gateway.stop().catch((error) => log(`stopping the gateway: ${error.message}`));
    // Dropping the database (WITH FORCE) also ends a seed's connection that outlived its process.
    if (state.benchDb) await state.benchDb.release();
  })();
  return cleanupPromise;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const config = readConfig();
  const startedAt = new Date();
  const { artifactsDir, jsonFile, markdownFile } = resultsFiles(startedAt, '-scale');
  const loadBefore = loadBeforeRun();
  ensureBuilt();
  const info = await db.serverInfo(config.serverUrl);
  const serverLog = capture.findServerLog(info);
  capture.checkPrefix(info.logLinePrefix);
  const runId = crypto.randomBytes(4).toString('hex');

  const sizes = [];
  for (const size of config.sizes) sizes.push(await measureSize({ size, config, serverLog, state, artifactsDir, runId }));

  const results = {
    benchmark: 'scale',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    git: gitInfo(),
    machine: machineInfo(loadBefore, { postgres: info.version, sharedBuffers: info.sharedBuffers }),
    environment: envKnobs(),
    config,
    targets: { p99Ms: TARGET_P99_MS, p50Ratio: TARGET_P50_RATIO },
    sizes,
  };
  const table = report(results);
  fs.writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(
    markdownFile,
    markdownSection({
      title: 'Scale',
      script: 'bench:scale',
      results,
      setup: `Sizes ${config.sizes.join(', ')} referrals; ${config.warmup} warm-up and ${config.requests} measured requests per read, one at a time.`,
      lines: sizes.map((s) => `- ${s.label}: seeded in ${s.seedSeconds.toFixed(0)} s (${s.counts.referrals} referrals, ${s.counts.audit_entries} audit entries)`),
      table,
    }),
  );
  process.stdout.write(`${table}\nresults: ${path.relative(ROOT, jsonFile)} (+ .md; plans, seed and gateway logs in ${path.relative(ROOT, artifactsDir)}/)\n`);
}

/** One row per read: p50/p99 at each size, the p50 ratio largest/smallest, and the verdicts. */
function report(results) {
  const { sizes } = results;
  const smallest = sizes[0];
  const largest = sizes[sizes.length - 1];
  const head = ['read', ...sizes.flatMap((s) => [`p50 ${s.label}`, `p99 ${s.label}`]), 'p50 ratio', `p99 < ${TARGET_P99_MS}`, `ratio ≤ ${TARGET_P50_RATIO}`];
  const rows = smallest.timings.map((timing, index) => {
    const ratio = largest.timings[index].p50 / timing.p50;
    return [
      timing.operation,
      ...sizes.flatMap((s) => [fmt(s.timings[index].p50, 2), fmt(s.timings[index].p99, 2)]),
      sizes.length > 1 ? fmt(ratio, 2) : '-',
      largest.timings[index].p99 < TARGET_P99_MS ? 'yes' : 'NO',
      sizes.length > 1 ? (ratio <= TARGET_P50_RATIO ? 'yes' : 'NO') : '-',
    ];
  });
  return [
    ...reportHeader('bench:scale', results),
    ...sizes.map((s) => `${s.label}: seed ${s.seedSeconds.toFixed(1)} s; busiest clinic ${s.subjects.inbound} inbound; patient with ${s.subjects.patientReferrals} referrals, ${s.subjects.patientAuditEntries} audit entries`),
    '',
    ...alignedTable(head, rows),
    '(milliseconds, GraphQL round trip)',
  ].join('\n');
}

runHarness({
  main,
  cleanup,
  onExit: () => {
    killGateways();
    if (state.seed) state.seed.kill('SIGKILL');
  },
});
