'use strict';
/** PostgreSQL side of the harness: the throw-away bench database and statement logging. */

const { Client } = require('pg');
const { HarnessError, log } = require('./util');

const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

/** `serverUrl` with its path replaced by `/database`. */
function databaseUrl(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function connect(url, applicationName = 'referloop-bench') {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000, application_name: applicationName });
  try {
    await client.connect();
  } catch (error) {
    throw new HarnessError(`cannot connect to PostgreSQL at ${new URL(url).host} (${error.message}); is it running?`);
  }
  // A stuck statement must not hang the harness.
  await client.query("SET statement_timeout = '300s'");
  return client;
}

/** Runs `fn` with a short-lived connection to the server's maintenance database. */
async function withAdmin(serverUrl, fn) {
  const client = await connect(databaseUrl(serverUrl, 'postgres'));
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function createDatabase(serverUrl, name) {
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
}

async function dropDatabase(serverUrl, name) {
  await withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** Statement logging for this database only; takes effect for connections opened afterwards. */
async function setStatementLogging(serverUrl, name, on) {
  await withAdmin(serverUrl, (client) =>
    client.query(on ? `ALTER DATABASE ${quoteIdent(name)} SET log_statement = 'all'` : `ALTER DATABASE ${quoteIdent(name)} RESET log_statement`),
  );
}

async function serverInfo(serverUrl) {
  return withAdmin(serverUrl, async (client) => {
    const show = async (setting) => (await client.query(`SHOW ${setting}`)).rows[0][setting];
    return {
      version: (await client.query('SELECT version() AS v')).rows[0].v,
      serverVersionNum: Number(await show('server_version_num')),
      dataDirectory: await show('data_directory'),
      loggingCollector: await show('logging_collector'),
      logDestination: await show('log_destination'),
      logDirectory: await show('log_directory'),
      logLinePrefix: await show('log_line_prefix'),
      currentLogfile: (await client.query('SELECT pg_current_logfile() AS f')).rows[0].f,
      maxConnections: Number(await show('max_connections')),
      sharedBuffers: await show('shared_buffers'),
      synchronousCommit: await show('synchronous_commit'),
    };
  });
}

/**
 * One run's throw-away database and the harness's own connections to it, held so that the
 * cleanup can release them on every path (success, harness error, signal): `closeClients()`
 * ends whatever connections are still open; `release()` turns statement logging off again if
 * the run left it on, then drops the database, or keeps it and says so (BENCH_KEEP_DB).
 */
class BenchDatabase {
  constructor() {
    this.serverUrl = null;
    this.keep = false;
    /** Set once the database exists: only then is there anything to drop. */
    this.name = null;
    this.url = null;
    this.loggingOn = false;
    this.clients = new Set();
  }

  /** Creates database `name` on `serverUrl`; returns its URL. */
  async create({ serverUrl, name, keep }) {
    this.serverUrl = serverUrl;
    this.keep = keep;
    await createDatabase(serverUrl, name);
    this.name = name;
    this.url = databaseUrl(serverUrl, name);
    return this.url;
  }

  /** `log_statement = 'all'` for this database (on) or the server's default (off). */
  async setStatementLogging(on) {
    await setStatementLogging(this.serverUrl, this.name, on);
    this.loggingOn = on;
  }

  /** A connection to this database that the cleanup ends if the run does not. */
  async openClient() {
    const client = await connect(this.url);
    this.clients.add(client);
    return client;
  }

  async closeClient(client) {
    this.clients.delete(client);
    await client.end().catch(() => {});
  }

  async closeClients() {
    for (const client of this.clients) await client.end().catch(() => {});
    this.clients.clear();
  }

  async release() {
    if (!this.name) return;
    if (this.loggingOn) {
      await setStatementLogging(this.serverUrl, this.name, false).catch(() => {});
      this.loggingOn = false;
    }
    if (this.keep) {
      log(`kept database ${this.name} (BENCH_KEEP_DB)`);
    } else {
      await dropDatabase(this.serverUrl, this.name)
        .then(() => log(`dropped database ${this.name}`))
        .catch((error) => log(`could not drop database ${this.name}: ${error.message}`));
    }
  }
}

module.exports = { connect, databaseUrl, createDatabase, dropDatabase, setStatementLogging, serverInfo, quoteIdent, BenchDatabase };
