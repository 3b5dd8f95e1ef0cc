'use strict';
/**
 * Captures exactly the SQL one GraphQL operation executes, from PostgreSQL's own statement log,
 * and turns it into a pgbench script that replays those statements with fresh unique values.
 *
 * How: statement logging is on for the bench database only (ALTER DATABASE … SET log_statement
 * = 'all', gateway restarted so its pool reconnects with it). A start and an end marker
 * statement from the harness's own connection bracket the operation in the server log; in
 * between, every `statement:` / `execute …:` line from the gateway's backends (by pid) is one
 * statement, and the `DETAIL:  parameters:` line after it carries its bound values.
 */

const fs = require('node:fs');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { HarnessError, sleep, log } = require('./util');

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Where this server writes its log (stderr format). BENCH_PG_LOG overrides. */
function findServerLog(info) {
  const override = (process.env.BENCH_PG_LOG ?? '').trim();
  if (override) {
    if (!fs.existsSync(override)) throw new HarnessError(`BENCH_PG_LOG=${override} does not exist`);
    return { file: override, how: 'BENCH_PG_LOG' };
  }
  if (!info.logDestination.split(',').map((d) => d.trim()).includes('stderr')) {
    throw new HarnessError(`log_destination is "${info.logDestination}"; the capture reads the stderr format (set BENCH_PG_LOG to a stderr log)`);
  }
  if (info.loggingCollector === 'on') {
    if (!info.currentLogfile) throw new HarnessError('logging_collector is on but pg_current_logfile() is empty');
    const file = path.isAbsolute(info.currentLogfile) ? info.currentLogfile : path.join(info.dataDirectory, info.currentLogfile);
    return { file, how: 'pg_current_logfile()' };
  }
  // No collector: the postmaster's stderr is wherever its start script sent it.
  try {
    const pid = fs.readFileSync(path.join(info.dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
    const target = fs.readlinkSync(`/proc/${pid}/fd/2`);
    if (target.startsWith('/') && fs.statSync(target).isFile()) return { file: target, how: `stderr of postmaster ${pid}` };
  } catch {
    /* not readable from here; try the distribution default */
  }
  const major = Math.floor(info.serverVersionNum / 10000);
  const debian = `/var/log/postgresql/postgresql-${major}-main.log`;
  if (fs.existsSync(debian)) return { file: debian, how: 'Debian default' };
  throw new HarnessError('cannot find the PostgreSQL server log; set BENCH_PG_LOG to its path');
}

function checkPrefix(prefix) {
  if (!prefix.includes('%p')) {
    throw new HarnessError(`log_line_prefix "${prefix}" has no %p (process id); the capture needs it to tell backends apart`);
  }
}

/** Splits log text into records (a header line plus its tab-indented continuation lines). */
function parseRecords(text) {
  const records = [];
  const header = /^(.*?)\[(\d+)\][^\n]*?\b(LOG|DETAIL|ERROR|STATEMENT|HINT|CONTEXT|WARNING|NOTICE|FATAL|PANIC): {2}(.*)$/;
  let current = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      // The server follows every newline inside a message with a tab.
      if (current) current.message += `\n${line.slice(1)}`;
      continue;
    }
    const match = header.exec(line);
    if (match) {
      current = { pid: Number(match[2]), level: match[3], message: match[4] };
      records.push(current);
    } else {
      current = null;
    }
  }
  return records;
}

/** Parses `$1 = 'a''b', $2 = NULL, …` into { 1: "a'b", 2: null }. */
function parseParameters(text) {
  const values = {};
  let i = 0;
  while (i < text.length) {
    const head = /^\s*,?\s*\$(\d+) = /.exec(text.slice(i));
    if (!head) break;
    i += head[0].length;
    const index = Number(head[1]);
    if (text.startsWith('NULL', i)) {
      values[index] = null;
      i += 4;
      continue;
    }
    if (text[i] !== "'") throw new HarnessError(`cannot parse parameter $${index} near: ${text.slice(i, i + 60)}`);
    i += 1;
    let value = '';
    for (;;) {
      const quote = text.indexOf("'", i);
      if (quote < 0) throw new HarnessError(`unterminated value for parameter $${index}`);
      value += text.slice(i, quote);
      if (text[quote + 1] === "'") {
        value += "'";
        i = quote + 2;
      } else {
        i = quote + 1;
        break;
      }
    }
    values[index] = value;
  }
  return values;
}

/** The statements between the two markers that came from `pids`, with their parameters. */
function extractStatements(text, startMarker, endMarker, pids) {
  const records = parseRecords(text);
  const start = records.findIndex((r) => r.message.includes(startMarker));
  const end = records.findIndex((r) => r.message.includes(endMarker));
  if (start < 0 || end < 0 || end < start) throw new HarnessError('capture markers not found in the server log');
  const statements = [];
  const lastByPid = new Map();
  for (const record of records.slice(start + 1, end)) {
    if (!pids.has(record.pid)) continue;
    if (record.level === 'ERROR') throw new HarnessError(`the captured operation hit a database error: ${record.message}`);
    if (record.level === 'LOG') {
      const simple = /^statement: ([\s\S]*)$/.exec(record.message);
      const extended = /^execute [^:]*: ([\s\S]*)$/.exec(record.message);
      if (!simple && !extended) continue;
      const statement = { pid: record.pid, sql: (simple ?? extended)[1], params: {} };
      statements.push(statement);
      lastByPid.set(record.pid, statement);
    } else if (record.level === 'DETAIL' && record.message.startsWith('parameters: ')) {
      const statement = lastByPid.get(record.pid);
      if (statement) statement.params = parseParameters(record.message.slice('parameters: '.length));
    }
  }
  return statements;
}

/**
 * Brackets `operation` with markers and returns the statements the gateway ran for it.
 * `client` is a harness connection to the bench database opened after logging was switched on.
 */
async function captureOperation({ client, logFile, database, operation }) {
  const tag = randomUUID();
  const startMarker = `referloop-bench-capture-start-${tag}`;
  const endMarker = `referloop-bench-capture-end-${tag}`;
  const offset = fs.statSync(logFile).size;
  await client.query(`SELECT '${startMarker}'`);
  const result = await operation();
  await client.query(`SELECT '${endMarker}'`);
  const { rows } = await client.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    [database],
  );
  const pids = new Set(rows.map((row) => row.pid));

  // With a logging collector the lines arrive asynchronously: wait (bounded) for the end marker.
  let text = '';
  const deadline = Date.now() + 10_000;
  for (;;) {
    const size = fs.statSync(logFile).size;
    const fd = fs.openSync(logFile, 'r');
    try {
      const buffer = Buffer.alloc(Math.max(0, size - offset));
      fs.readSync(fd, buffer, 0, buffer.length, offset);
      text = buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
    if (text.includes(endMarker)) break;
    if (Date.now() > deadline) {
      throw new HarnessError(`the end marker never appeared in ${logFile}: is log_statement honoured and is this the server's log?`);
    }
    await sleep(100);
  }
  const statements = extractStatements(text, startMarker, endMarker, pids);
  if (statements.length === 0) throw new HarnessError(`no gateway statements between the markers in ${logFile}`);
  return { statements, result };
}

const quoteLiteral = (value) => `'${value.replace(/'/g, "''")}'`;

/**
 * Turns captured statements into a pgbench script. `fresh` lists the values the operation
 * generated and must differ per transaction (ids, the reference, the idempotency key); each
 * becomes an expression over pgbench variables, unique per (run, client, transaction):
 *   - :rlb_seq counts transactions per client (start it with -D rlb_seq=0),
 *   - :rlb_tag = 10^9 + client_id * 10^7 + rlb_seq (10 digits),
 *   - :rlb_run (one digit, -D rlb_run=N) keeps separate pgbench invocations apart.
 * UUIDs get random leading groups (so index inserts land at random places, as random v4 ids
 * do) and the unique tag in the last group. References become 'P' + run + tag (12 characters).
 */
function toPgbenchScript(statements, fresh, title) {
  const replacements = [];
  const lines = [
    `-- ${title}`,
    `-- ${statements.length} statements captured from the PostgreSQL log of one request; generated by bench/run.js.`,
    '-- Run with: pgbench -n -D rlb_seq=0 -D rlb_run=1 -f <this file> ...',
    '\\set rlb_seq :rlb_seq + 1',
    '\\set rlb_tag 1000000000 + :client_id * 10000000 + :rlb_seq',
  ];
  let uuidCount = 0;
  for (const { value, kind } of fresh) {
    if (kind === 'uuid') {
      uuidCount += 1;
      const k = String(uuidCount).padStart(3, '0');
      lines.push(`\\set rlb_u${k}a random(10000000, 99999999)`, `\\set rlb_u${k}b random(1000, 9999)`);
      replacements.push([value, `:rlb_u${k}a-:rlb_u${k}b-4${k}-800:rlb_run-00:rlb_tag`]);
    } else if (kind === 'reference') {
      replacements.push([value, 'P:rlb_run:rlb_tag']);
    } else {
      replacements.push([value, `pgb-:rlb_run-:rlb_tag`]);
    }
  }
  const substitute = (text) => {
    let out = text;
    for (const [from, to] of replacements) out = out.split(from).join(to);
    return out;
  };
  for (const statement of statements) {
    const sql = statement.sql.replace(/\$(\d+)/g, (whole, index) => {
      if (!(index in statement.params)) return whole;
      const value = statement.params[index];
      return value === null ? 'NULL' : quoteLiteral(substitute(value));
    });
    lines.push(`${substitute(sql).trim()};`);
  }
  return `${lines.join('\n')}\n`;
}

/** Every UUID mentioned in the statements' parameters (arrays and JSON included) or text. */
function uuidsIn(statements) {
  const found = new Set();
  for (const statement of statements) {
    for (const match of statement.sql.matchAll(UUID)) found.add(match[0].toLowerCase());
    for (const value of Object.values(statement.params)) {
      if (value !== null) for (const match of value.matchAll(UUID)) found.add(match[0].toLowerCase());
    }
  }
  return [...found];
}

/**
 * The UUIDs the operation generated: those that are not the id of a clinic, user, provider,
 * patient, or of a referral other than `newReferralId` (which is fresh by definition).
 */
async function freshUuids(client, statements, newReferralId) {
  const all = uuidsIn(statements);
  if (all.length === 0) return [];
  const { rows } = await client.query(
    `SELECT id::text FROM (
       SELECT id FROM clinics UNION ALL SELECT id FROM users UNION ALL SELECT id FROM providers
       UNION ALL SELECT id FROM patients UNION ALL SELECT id FROM referrals WHERE id IS DISTINCT FROM $2::uuid
     ) known WHERE id = ANY($1::uuid[])`,
    [all, newReferralId ?? null],
  );
  const known = new Set(rows.map((row) => row.id));
  return all.filter((id) => !known.has(id));
}

/** A statement's SQL on one line, cut at `length` characters. */
const oneLine = (sql, length) => sql.replace(/\s+/g, ' ').trim().slice(0, length);

/** Logs the statements captured for `name`, one shortened line each. */
function logStatements(name, statements) {
  for (const statement of statements) log(`  ${name}: ${oneLine(statement.sql, 110)}`);
}

/** What the results record of captured statements: the backend, the SQL (shortened), how many parameters. */
function summarize(statements) {
  return statements.map((s) => ({ pid: s.pid, sql: oneLine(s.sql, 240), parameters: Object.keys(s.params).length }));
}

module.exports = { findServerLog, checkPrefix, captureOperation, toPgbenchScript, freshUuids, logStatements, summarize, parseParameters, parseRecords };
