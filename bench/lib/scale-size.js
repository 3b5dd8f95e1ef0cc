'use strict';
/**
 * One size of `npm run bench:scale`: seed a fresh database with `npm run seed`'s loader, start
 * the gateway on it, capture each read's SQL for its plan, then time each read through
 * GraphQL, one request after another on one connection.
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const capture = require('./capture');
const db = require('./db');
const { Gateway, benchAdmin, benchNodeArgs, gatewayEnv, ROOT } = require('./gateway');
const { LOGIN } = require('./operations');
const { scaleOperations, pickSubjects } = require('./scale-operations');
const { stopChild } = require('./harness');
const { HarnessError, latencyStats, sleep, freePort, log } = require('./util');

/** The password of every user `npm run seed` creates (apps/demo/src/seed.ts). */
const SEED_PASSWORD = 'referloop-seed-password';

/**
 * Runs the built seed (the same entry point as `npm run seed`) into `databaseUrl`; its output
 * goes to stderr and `logFile`. `state.seed` holds the child so the cleanup can stop it.
 */
async function runSeed({ databaseUrl, referrals, auditEntries, logFile, state }) {
  const args = ['-r', './scripts/register-aliases.js', 'dist/apps/demo/src/seed-main.js', '--referrals', String(referrals)];
  if (auditEntries !== null) args.push('--audit-entries', String(auditEntries));
  const started = Date.now();
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    // The seed refuses production; everything else it needs is DATABASE_URL.
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  state.seed = child;
  const lines = [];
  const record = (chunk) => {
    fs.writeSync(out, chunk);
    process.stderr.write(chunk);
    lines.push(...chunk.toString().split('\n').filter(Boolean));
  };
  child.stdout.on('data', record);
  child.stderr.on('data', record);
  state.seedExited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const { code, signal } = await state.seedExited;
  state.seed = null;
  fs.closeSync(out);
  if (code !== 0) throw new HarnessError(`the seed failed (${signal ?? `exit ${code}`}): ${lines.slice(-3).join(' | ')}`);
  return { seconds: (Date.now() - started) / 1000, lines };
}

async function stopSeed(state) {
  if (state.seed) await stopChild(state.seed, state.seedExited, 10_000, sleep);
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of every read the gateway ran for one operation, as text. */
async function explainStatements(client, statements) {
  const plans = [];
  for (const statement of statements) {
    if (!/^\s*(SELECT|WITH)\b/i.test(statement.sql)) continue;
    const params = Object.keys(statement.params).sort((a, b) => a - b).map((key) => statement.params[key]);
    // Rolled back: EXPLAIN ANALYZE runs the statement, and a WITH may write.
    await client.query('BEGIN');
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, params).finally(() => client.query('ROLLBACK'));
    plans.push(`-- ${statement.sql.replace(/\s+/g, ' ').trim()}\n-- parameters: ${JSON.stringify(params)}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
  }
  return plans.join('\n');
}

/** Sequential requests (closed loop): `warmup` unmeasured, then `requests` timed in milliseconds. */
async function timeOperation(gateway, operation, token, { warmup, requests }) {
  const send = async () => {
    const data = await gateway.request(operation.query, operation.variables, token);
    if (!operation.check(data)) throw new HarnessError(`${operation.name} answered an empty result: ${JSON.stringify(data).slice(0, 300)}`);
  };
  for (let i = 0; i < warmup; i += 1) await send();
  const latencies = [];
  for (let i = 0; i < requests; i += 1) {
    const started = process.hrtime.bigint();
    await send();
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return latencyStats(latencies);
}

/**
 * The whole run for one size: database, seed, gateway, plans, timings. Everything it starts is
 * recorded in `state` (database, seed, gateway) for the cleanup, which also runs on signals.
 */
async function measureSize({ size, config, serverLog, state, artifactsDir, runId }) {
  const benchDb = new db.BenchDatabase();
  state.benchDb = benchDb;
  const label = size >= 1_000_000 ? `${size / 1_000_000}M` : size >= 1000 ? `${size / 1000}k` : String(size);
  const database = `referloop_bench_${runId}_${label.toLowerCase()}`;
  const dbUrl = await benchDb.create({ serverUrl: config.serverUrl, name: database, keep: config.keepDatabase });
  log(`${label}: seeding ${database}`);
  const seed = await runSeed({
    databaseUrl: dbUrl,
    referrals: size,
    auditEntries: config.auditPerReferral === null ? null : config.auditPerReferral * size,
    logFile: path.join(artifactsDir, `seed-${label}.log`),
    state,
  });
  const client = await benchDb.openClient();
  const subjects = await pickSubjects(client);
  const counts = (await client.query(`SELECT (SELECT count(*) FROM referrals)::int AS referrals, (SELECT count(*) FROM audit_entries)::bigint AS audit_entries`)).rows[0];
  await benchDb.closeClient(client);
  log(`${label}: ${JSON.stringify(subjects)}`);

  // Statement logging on for the capture; the gateway's pool connects with it.
  await benchDb.setStatementLogging(true);
  const admin = benchAdmin();
  const gateway = new Gateway({
    port: await freePort(),
    env: gatewayEnv(admin, { DATABASE_URL: dbUrl, DATABASE_POOL_SIZE: '4' }),
    logFile: path.join(artifactsDir, `gateway-${label}.log`),
    nodeArgs: benchNodeArgs(),
  });
  state.gateway = gateway;
  await gateway.start();
  const login = async (email, password) => (await gateway.request(LOGIN, { input: { email, password } })).login.accessToken;
  const tokens = {
    coordinator: await login(subjects.coordinatorEmail, SEED_PASSWORD),
    clinicAdmin: await login(subjects.clinicAdminEmail, SEED_PASSWORD),
    platformAdmin: await login(admin.email, admin.password),
  };
  const operations = scaleOperations(subjects);

  const logClient = await benchDb.openClient();
  for (const operation of operations) {
    const send = () => gateway.request(operation.query, operation.variables, tokens[operation.as]);
    await send();
    const { statements } = await capture.captureOperation({ client: logClient, logFile: serverLog.file, database, operation: send });
    const file = path.join(artifactsDir, `${label}-${operation.name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '').toLowerCase()}.plan.txt`);
    fs.writeFileSync(file, `${operation.name} as ${operation.as}, ${label} referrals\n\n${await explainStatements(logClient, statements)}`);
  }
  await benchDb.closeClient(logClient);
  await benchDb.setStatementLogging(false);
  await gateway.restart();
  // The tokens survive the restart (same secret); the pool reconnects without statement logging.

  const timings = [];
  for (const operation of operations) {
    const stats = await timeOperation(gateway, operation, tokens[operation.as], config);
    log(`${label}: ${operation.name}: p50 ${stats.p50} ms, p99 ${stats.p99} ms`);
    timings.push({ operation: operation.name, as: operation.as, ...stats });
  }
  await gateway.stop();
  state.gateway = null;
  await benchDb.release();
  state.benchDb = null;
  return { size, label, database, seedSeconds: seed.seconds, seedLines: seed.lines, counts, subjects, timings };
}

module.exports = { measureSize, stopSeed };
