'use strict';
/** Runs pgbench with a custom script against the bench database and parses what it reports. */

const { spawn, spawnSync } = require('node:child_process');
const { HarnessError } = require('./util');

/** Children started here and still running; stopped on the way out. */
const running = new Set();

function pgbenchVersion() {
  const result = spawnSync('pgbench', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new HarnessError('pgbench not found on PATH (Debian: apt-get install postgresql-client)');
  }
  return result.stdout.trim();
}

function connectionArgs(dbUrl) {
  const url = new URL(dbUrl);
  // `?host=/var/run/postgresql` selects the Unix socket, as it does for the gateway's pg client.
  const host = url.searchParams.get('host') || url.hostname || '127.0.0.1';
  const args = ['-h', host, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')];
  const env = {};
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  return { args, env, database: decodeURIComponent(url.pathname.replace(/^\//, '')) };
}

/**
 * `pgbench -n -c clients -j jobs (-T seconds | -t transactions) -f script`. Resolves with the
 * parsed report; rejects on a non-zero exit (which includes aborted clients) or a timeout.
 */
function runPgbench({ dbUrl, script, clients, jobs, seconds, transactions, run, seqStart = 0 }) {
  const { args, env, database } = connectionArgs(dbUrl);
  const argv = ['-n', '-c', String(clients), '-j', String(jobs), '-D', `rlb_seq=${seqStart}`, '-D', `rlb_run=${run}`, '-f', script, ...args];
  argv.push(...(transactions ? ['-t', String(transactions)] : ['-T', String(seconds)]));
  argv.push(database);
  const limitMs = ((seconds ?? 0) + 120) * 1000;
  return new Promise((resolve, reject) => {
    const child = spawn('pgbench', argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      running.delete(child);
      reject(new HarnessError(`pgbench could not start: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      const command = `pgbench ${argv.join(' ')}`;
      if (code !== 0) {
        const detail = `${stderr}\n${stdout}`.trim().split('\n').slice(-15).join('\n');
        reject(new HarnessError(`${command} failed (${signal ?? `exit ${code}`}):\n${detail}`));
        return;
      }
      resolve({ command, ...parseReport(stdout), stderr: stderr.trim() });
    });
  });
}

function parseReport(stdout) {
  const number = (pattern) => {
    const match = pattern.exec(stdout);
    return match ? Number(match[1]) : null;
  };
  const tps = number(/^tps = ([\d.]+) \(without initial connection time\)/m);
  if (tps === null) throw new HarnessError(`cannot find "tps = … (without initial connection time)" in pgbench output:\n${stdout}`);
  return {
    tps,
    transactions: number(/^number of transactions actually processed: (\d+)/m),
    failed: number(/^number of failed transactions: (\d+)/m),
    latencyAvgMs: number(/^latency average = ([\d.]+) ms/m),
    connectionTimeMs: number(/^initial connection time = ([\d.]+) ms/m),
    raw: stdout.trim(),
  };
}

function killAllSync() {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }
}

module.exports = { runPgbench, pgbenchVersion, killAllSync };
