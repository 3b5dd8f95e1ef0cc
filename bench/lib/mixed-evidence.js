'use strict';
/* global fetch, AbortSignal -- Node 20 globals the shared lint config does not list */
/**
 * Where a latency tail comes from, gathered over one measured window of the mixed-load
 * benchmark: a snapshot at its start and at its end, and samples in between.
 *
 *  - CPU seconds of the gateway, the worker, this process and every PostgreSQL process (from
 *    /proc/<pid>/stat), and of the whole machine (/proc/stat: busy, iowait, steal);
 *  - the event-loop delay both apps export on /metrics (referloop_event_loop_delay_seconds,
 *    since the previous scrape: the scrape at the window's start resets it);
 *  - what the bench database's backends were waiting on, sampled from pg_stat_activity;
 *  - PostgreSQL's counters: pg_stat_database, pg_stat_wal (WAL writes and fsyncs),
 *    pg_stat_bgwriter (checkpoints); pg_stat_statements when the server preloads it;
 *  - the server log between the two snapshots: lock waits (log_lock_waits), deadlocks, slow
 *    statements (log_min_duration_statement), checkpoints, autovacuum;
 *  - GC pauses from the apps' --trace-gc output between the two snapshots.
 */

const fs = require('node:fs');
const { parseRecords } = require('./capture');
const { CLOCK_TICKS, procStat, processIds } = require('./proc-stat');

/** The machine's CPU counters (all CPUs together), in seconds. */
function machineCpu() {
  const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map((v) => Number(v) / CLOCK_TICKS);
  return { busy: user + nice + system + irq + softirq, idle, iowait, steal };
}

/** Every child of the postmaster, pid → CPU seconds. */
function postgresChildren(postmasterPid) {
  const children = new Map();
  for (const entry of processIds()) {
    const stat = procStat(entry);
    if (stat && stat.ppid === postmasterPid) children.set(Number(entry), stat.cpuSeconds);
  }
  return children;
}

/** The postmaster's pid: the parent of this connection's backend. */
async function postmasterPid(client) {
  const backend = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  return procStat(backend)?.ppid ?? null;
}

/** How each PostgreSQL process counts: the app whose pool it serves, or what kind of server process it is. */
async function classifyBackends(client, database) {
  const rows = (await client.query(`SELECT pid, backend_type, datname, application_name FROM pg_stat_activity`)).rows;
  const kinds = new Map();
  for (const row of rows) {
    let kind = row.backend_type ?? 'unknown';
    if (row.backend_type === 'client backend') {
      kind = row.datname === database ? `${row.application_name || 'client'} backends` : 'backends of other databases';
    }
    kinds.set(Number(row.pid), kind);
  }
  return kinds;
}

// --- metrics --------------------------------------------------------------------------------------

/** The /metrics text of an app, or null if it does not answer. */
async function scrape(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

/** The event-loop delay quantiles of a scrape, in ms; null when the app does not export them (an older build). */
function eventLoopDelay(text) {
  if (!text) return null;
  const values = {};
  for (const match of text.matchAll(/^referloop_event_loop_delay_seconds\{quantile="([\d.]+)"\} (\S+)$/gm)) {
    values[match[1] === '1' ? 'max' : `p${Number(match[1]) * 100}`] = Math.round(Number(match[2]) * 1e5) / 100;
  }
  return Object.keys(values).length ? values : null;
}

/** How many runs of the worker's periodic `task` have finished ok, from a scrape; 0 when none has. */
function periodicTaskRuns(text, task) {
  const match = text && new RegExp(`^referloop_periodic_task_runs_total\\{task="${task}",outcome="ok"\\} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

/** The queue gauges of the worker's scrape: { 'notifications.waiting': n, … }. */
function queueJobs(text) {
  if (!text) return null;
  const values = {};
  for (const match of text.matchAll(/^referloop_queue_jobs\{queue="([^"]+)",state="([^"]+)"\} (\S+)$/gm)) values[`${match[1]}.${match[2]}`] = Number(match[3]);
  return values;
}

// --- PostgreSQL counters -----------------------------------------------------------------------------

const DATABASE_COUNTERS = ['xact_commit', 'xact_rollback', 'blks_read', 'blks_hit', 'tup_returned', 'tup_fetched', 'tup_inserted', 'tup_updated', 'temp_files', 'temp_bytes', 'deadlocks', 'blk_read_time', 'blk_write_time'];

async function postgresCounters(client, database) {
  const one = async (sql, params) => {
    try {
      return (await client.query(sql, params)).rows[0] ?? null;
    } catch {
      return null;
    }
  };
  return {
    database: await one(`SELECT ${DATABASE_COUNTERS.join(', ')} FROM pg_stat_database WHERE datname = $1`, [database]),
    wal: await one('SELECT wal_records, wal_fpi, wal_bytes, wal_buffers_full, wal_write, wal_sync, wal_write_time, wal_sync_time FROM pg_stat_wal'),
    bgwriter: await one(
      'SELECT checkpoints_timed, checkpoints_req, checkpoint_write_time, checkpoint_sync_time, buffers_checkpoint, buffers_backend, buffers_backend_fsync FROM pg_stat_bgwriter',
    ),
  };
}

function delta(before, after) {
  if (!before || !after) return null;
  const out = {};
  for (const key of Object.keys(after)) out[key] = Math.round((Number(after[key]) - Number(before[key])) * 1000) / 1000;
  return out;
}

// --- pg_stat_activity sampling -----------------------------------------------------------------------

/**
 * Every `intervalMs`, what each active backend of the bench database is doing: "CPU" (active,
 * no wait event) or its wait event ("Lock:transactionid", "IO:WALSync", "LWLock:WALWrite", …),
 * by application. A backend idle in a transaction counts as such.
 */
class WaitSampler {
  constructor({ client, database, intervalMs }) {
    this.client = client;
    this.database = database;
    this.intervalMs = intervalMs;
    this.timer = null;
    this.busy = false;
    this.samples = 0;
    this.tally = new Map();
    this.pids = new Set();
  }

  start() {
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
  }

  async sample() {
    if (this.busy) return;
    this.busy = true;
    try {
      const rows = (
        await this.client.query(
          `SELECT pid, application_name, state, wait_event_type, wait_event FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
          [this.database],
        )
      ).rows;
      this.samples += 1;
      for (const row of rows) {
        this.pids.add(Number(row.pid));
        if (row.state === 'idle') continue;
        const what = row.state === 'active' ? (row.wait_event ? `${row.wait_event_type}:${row.wait_event}` : 'CPU') : row.state;
        const key = `${row.application_name || 'client'}|${what}`;
        this.tally.set(key, (this.tally.get(key) ?? 0) + 1);
      }
    } catch {
      /* the window's result says how many samples were taken */
    } finally {
      this.busy = false;
    }
  }

  /** Stops and returns { samples, intervalMs, byApplication: { app: [{ what, samples, meanBackends }] } }. */
  stop() {
    clearInterval(this.timer);
    this.timer = null;
    const byApplication = {};
    for (const [key, count] of [...this.tally].sort((a, b) => b[1] - a[1])) {
      const [application, what] = key.split('|');
      (byApplication[application] ??= []).push({ what, samples: count, meanBackends: this.samples ? Math.round((count / this.samples) * 1000) / 1000 : null });
    }
    return { samples: this.samples, intervalMs: this.intervalMs, byApplication };
  }
}

// --- logs ---------------------------------------------------------------------------------------------

const fileSize = (file) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

function readSlice(file, from, to) {
  if (to <= from) return '';
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(to - from);
    fs.readSync(fd, buffer, 0, buffer.length, from);
    return buffer.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

const shorten = (sql) => sql.replace(/\s+/g, ' ').trim().slice(0, 240);

/**
 * What the server log says about the window: lock waits of the bench database's backends
 * (`pids`), deadlocks, slow statements, checkpoints and autovacuum runs.
 */
function serverLogEvidence(text, pids, database) {
  const records = parseRecords(text);
  const lockWaits = new Map();
  let waits = 0;
  let acquired = 0;
  let deadlocks = 0;
  const acquiredAfterMs = [];
  const slow = [];
  const checkpoints = [];
  const autovacuum = [];
  for (let i = 0; i < records.length; i += 1) {
    const record = records[i];
    const ours = pids.has(record.pid);
    const statementOf = () => {
      for (let j = i + 1; j < Math.min(records.length, i + 6); j += 1) {
        if (records[j].pid === record.pid && records[j].level === 'STATEMENT') return shorten(records[j].message);
      }
      return null;
    };
    let match;
    if (ours && (match = /^process \d+ still waiting for (\S+) on (.+?) after [\d.]+ ms/.exec(record.message))) {
      waits += 1;
      const key = `${match[1]} on ${match[2].replace(/\d+/g, 'N')} | ${statementOf() ?? '?'}`;
      lockWaits.set(key, (lockWaits.get(key) ?? 0) + 1);
    } else if (ours && (match = /^process \d+ acquired (\S+) on .+? after ([\d.]+) ms/.exec(record.message))) {
      acquired += 1;
      acquiredAfterMs.push(Number(match[2]));
    } else if (ours && record.level === 'ERROR' && /deadlock detected/.test(record.message)) {
      deadlocks += 1;
    } else if (ours && (match = /^duration: ([\d.]+) ms {2}(?:statement|execute [^:]*): ([\s\S]*)$/.exec(record.message))) {
      slow.push({ ms: Number(match[1]), statement: shorten(match[2]) });
    } else if (/^checkpoint (starting|complete)/.test(record.message)) {
      checkpoints.push(record.message.split('\n')[0].slice(0, 300));
    } else if (/^automatic (vacuum|analyze) of table "/.test(record.message) && record.message.includes(`"${database}.`)) {
      autovacuum.push(record.message.split('\n')[0].slice(0, 200));
    }
  }
  acquiredAfterMs.sort((a, b) => a - b);
  slow.sort((a, b) => b.ms - a.ms);
  const slowByStatement = new Map();
  for (const entry of slow) {
    const current = slowByStatement.get(entry.statement) ?? { statement: entry.statement, count: 0, maxMs: 0 };
    current.count += 1;
    current.maxMs = Math.max(current.maxMs, entry.ms);
    slowByStatement.set(entry.statement, current);
  }
  return {
    lockWaits: {
      waits,
      acquired,
      acquiredAfterMsMax: acquiredAfterMs.at(-1) ?? null,
      acquiredAfterMsMedian: acquiredAfterMs.length ? acquiredAfterMs[Math.floor(acquiredAfterMs.length / 2)] : null,
      top: [...lockWaits].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([what, count]) => ({ what, count })),
    },
    deadlocks,
    slowStatements: { count: slow.length, top: [...slowByStatement.values()].sort((a, b) => b.count - a.count || b.maxMs - a.maxMs).slice(0, 10) },
    checkpoints,
    autovacuum,
  };
}

/**
 * GC pauses in --trace-gc output: count, total and largest pause by kind. Lines look like
 * `[pid:0x…]  1234 ms: Scavenge 40.1 (52.3) -> 25.2 (52.3) MB, 1.52 / 0.00 ms  (average mu …`;
 * Node 24 adds `pooled: 0 MB, ` before the pause.
 */
function gcEvidence(text) {
  const kinds = {};
  const pauses = [];
  for (const match of text.matchAll(/ms: (Scavenge|Mark-Compact(?: \(reduce\))?|Mark-Sweep|Minor Mark-Compact|Minor Mark-Sweep)\b[^,\n]*, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ [\d.]+ ms/g)) {
    const kind = match[1];
    const ms = Number(match[2]);
    const entry = (kinds[kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
    entry.count += 1;
    entry.totalMs = Math.round((entry.totalMs + ms) * 100) / 100;
    entry.maxMs = Math.max(entry.maxMs, ms);
    pauses.push(ms);
  }
  pauses.sort((a, b) => a - b);
  return {
    count: pauses.length,
    totalPauseMs: Math.round(pauses.reduce((a, b) => a + b, 0) * 100) / 100,
    maxPauseMs: pauses.at(-1) ?? 0,
    over10ms: pauses.filter((ms) => ms > 10).length,
    byKind: kinds,
  };
}

// --- pg_stat_statements -------------------------------------------------------------------------------

/** Whether the server preloads pg_stat_statements; if so, the extension is created in the bench database. */
async function enableStatements(client) {
  const preload = (await client.query(`SELECT setting FROM pg_settings WHERE name = 'shared_preload_libraries'`)).rows[0]?.setting ?? '';
  if (!preload.split(',').map((s) => s.trim()).includes('pg_stat_statements')) return false;
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    return true;
  } catch {
    return false;
  }
}

async function resetStatements(client) {
  await client.query('SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)');
}

async function topStatements(client, limit = 15) {
  const rows = (
    await client.query(
      `SELECT calls::int, round(total_exec_time::numeric, 1)::float8 AS total_ms, round(mean_exec_time::numeric, 3)::float8 AS mean_ms,
              round(max_exec_time::numeric, 1)::float8 AS max_ms, round(stddev_exec_time::numeric, 3)::float8 AS stddev_ms,
              shared_blks_read::int8 AS blks_read, wal_bytes::int8, query
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY total_exec_time DESC LIMIT $1`,
      [limit],
    )
  ).rows;
  return rows.map((row) => ({ ...row, query: shorten(row.query) }));
}

// --- one window -----------------------------------------------------------------------------------------

/**
 * Starts gathering for one window; `finish()` returns the evidence. `apps` are
 * { name, pid, metricsUrl, logFile } for the gateway and the worker.
 */
async function startWindow({ client, samplerClient, database, postmaster, apps, serverLogFile, sampleIntervalMs, statements }) {
  // Scrape first: it resets the apps' event-loop histograms to this moment.
  await Promise.all(apps.map((app) => scrape(app.metricsUrl)));
  if (statements) await resetStatements(client).catch(() => undefined);
  const start = {
    at: Date.now(),
    self: process.cpuUsage(),
    machine: machineCpu(),
    apps: apps.map((app) => procStat(app.pid)),
    postgres: postmaster ? postgresChildren(postmaster) : new Map(),
    counters: await postgresCounters(client, database),
    serverLogOffset: serverLogFile ? fileSize(serverLogFile) : 0,
    appLogOffsets: apps.map((app) => fileSize(app.logFile)),
  };
  const sampler = new WaitSampler({ client: samplerClient, database, intervalMs: sampleIntervalMs });
  sampler.start();

  const finish = async () => {
    const waits = sampler.stop();
    const seconds = (Date.now() - start.at) / 1000;
    const scrapes = await Promise.all(apps.map((app) => scrape(app.metricsUrl)));
    const machine = machineCpu();
    const self = process.cpuUsage(start.self);
    const postgresNow = postmaster ? postgresChildren(postmaster) : new Map();
    const kinds = await classifyBackends(client, database);
    const counters = await postgresCounters(client, database);
    const serverLogEnd = serverLogFile ? fileSize(serverLogFile) : 0;

    // CPU: seconds over the window, and as a share of one core.
    const share = (cpuSeconds) => ({ cpuSeconds: Math.round(cpuSeconds * 100) / 100, percentOfOneCore: Math.round((cpuSeconds / seconds) * 1000) / 10 });
    const cpu = {};
    apps.forEach((app, index) => {
      const now = procStat(app.pid);
      const then = start.apps[index];
      if (!now || !then) {
        cpu[app.name] = null;
        return;
      }
      const used = now.cpuSeconds - then.cpuSeconds;
      // Time in the kernel: socket writes to PostgreSQL and to clients, mostly.
      cpu[app.name] = { ...share(used), kernelPercent: used > 0 ? Math.round(((now.systemSeconds - then.systemSeconds) / used) * 1000) / 10 : null };
    });
    cpu['load generator (this process)'] = share((self.user + self.system) / 1e6);
    const postgres = {};
    let exited = 0;
    for (const [pid, cpuSeconds] of postgresNow) {
      const kind = kinds.get(pid) ?? 'exited or unlisted server process';
      postgres[kind] = (postgres[kind] ?? 0) + cpuSeconds - (start.postgres.get(pid) ?? 0);
    }
    for (const pid of start.postgres.keys()) if (!postgresNow.has(pid)) exited += 1;
    cpu.postgres = Object.fromEntries(Object.entries(postgres).sort((a, b) => b[1] - a[1]).map(([kind, s]) => [kind, share(s)]));
    if (exited) cpu.postgresProcessesExited = exited;
    const busy = machine.busy - start.machine.busy;
    const total = busy + (machine.idle - start.machine.idle) + (machine.iowait - start.machine.iowait) + (machine.steal - start.machine.steal);
    cpu.machine = {
      busyPercent: total > 0 ? Math.round((busy / total) * 1000) / 10 : null,
      iowaitPercent: total > 0 ? Math.round(((machine.iowait - start.machine.iowait) / total) * 1000) / 10 : null,
      stealPercent: total > 0 ? Math.round(((machine.steal - start.machine.steal) / total) * 1000) / 10 : null,
    };

    const benchPids = new Set([...kinds].filter(([, kind]) => kind.endsWith(' backends') && kind !== 'backends of other databases').map(([pid]) => pid));
    for (const pid of sampler.pids) benchPids.add(pid);
    const serverLog = serverLogFile ? serverLogEvidence(readSlice(serverLogFile, start.serverLogOffset, serverLogEnd), benchPids, database) : null;

    const gc = {};
    apps.forEach((app, index) => {
      gc[app.name] = gcEvidence(readSlice(app.logFile, start.appLogOffsets[index], fileSize(app.logFile)));
    });

    return {
      seconds,
      eventLoopDelayMs: Object.fromEntries(apps.map((app, index) => [app.name, eventLoopDelay(scrapes[index])])),
      queueJobsAtEnd: queueJobs(scrapes[apps.findIndex((app) => app.name === 'worker')] ?? null),
      cpu,
      gc,
      waits,
      postgres: {
        database: delta(start.counters.database, counters.database),
        wal: delta(start.counters.wal, counters.wal),
        bgwriter: delta(start.counters.bgwriter, counters.bgwriter),
      },
      serverLog,
      statements: statements ? await topStatements(client).catch((error) => ({ error: error.message })) : null,
    };
  };
  return { finish, stopSampler: () => sampler.stop() };
}

module.exports = { scrape, periodicTaskRuns, startWindow, postmasterPid, enableStatements, gcEvidence, serverLogEvidence, eventLoopDelay, procStat };
