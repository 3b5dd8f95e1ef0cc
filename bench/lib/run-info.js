'use strict';
/**
 * What every bench harness does around its measurements: the build check before it starts,
 * the load-average check, where it writes its results, and what it records about the run
 * (commit, machine, BENCH_* knobs).
 */

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('./gateway');
const { HarnessError, log } = require('./util');
const { appNodeVersion } = require('../../scripts/runtime');

const RESULTS_DIR = path.join(__dirname, '..', 'results');

function ensureBuilt() {
  // ensure-built prints to stdout; keep stdout for the harness's results.
  const result = spawnSync(process.execPath, ['scripts/ensure-built.js'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new HarnessError(`node scripts/ensure-built.js failed (exit ${result.status ?? result.signal})`);
  // The apps run on the Node.js `npm start` gives them (scripts/runtime.js), fetched if need be.
  const runtime = spawnSync(process.execPath, ['scripts/runtime.js'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (runtime.error) throw runtime.error;
}

/** The load averages at the start of a run, with a warning when the machine is already busy. */
function loadBeforeRun() {
  const loadBefore = os.loadavg();
  if (loadBefore[0] > 0.5) {
    log(`warning: load average is ${loadBefore.map((v) => v.toFixed(2)).join(' ')} before the run; numbers from a busy machine are not comparable`);
  }
  return loadBefore;
}

/**
 * The files of a run started at `startedAt`, all named bench/results/<timestamp><suffix>:
 * the JSON results, the Markdown section, and a folder (created here) for scripts, plans
 * and the gateway's log.
 */
function resultsFiles(startedAt, suffix = '') {
  const base = path.join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, '-')}${suffix}`);
  fs.mkdirSync(base, { recursive: true });
  return { artifactsDir: base, jsonFile: `${base}.json`, markdownFile: `${base}.md` };
}

function gitInfo() {
  const git = (...args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const head = git('rev-parse', '--short=12', 'HEAD');
  const status = git('status', '--porcelain', '--untracked-files=no');
  return { commit: head.status === 0 ? head.stdout.trim() : null, dirty: status.status === 0 ? status.stdout.trim() !== '' : null };
}

/** The machine a run measured on; `extra` (the database server's version, say) is appended. */
function machineInfo(loadBefore, extra = {}) {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverageBefore: loadBefore,
    loadAverageAfter: os.loadavg(),
    node: process.version,
    appNode: appNodeVersion(),
    ...extra,
  };
}

/** The BENCH_* variables of this run, as set. */
/**
 * Product settings that change what a run measures when set in the harness's environment (the
 * apps inherit it): recorded with the run like its BENCH_* knobs. None of them holds a secret.
 */
const PRODUCT_TUNING = ['DATABASE_PREPARED_STATEMENTS', 'DATABASE_POOL_SIZE', 'WORKER_CONCURRENCY', 'NOTIFICATION_CONCURRENCY', 'SMTP_MAX_CONNECTIONS', 'NODE_OPTIONS'];

function envKnobs() {
  const knobs = {};
  for (const [key, value] of Object.entries(process.env)) if (key.startsWith('BENCH_') || PRODUCT_TUNING.includes(key)) knobs[key] = value;
  return knobs;
}

module.exports = { ensureBuilt, loadBeforeRun, resultsFiles, gitInfo, machineInfo, envKnobs };
