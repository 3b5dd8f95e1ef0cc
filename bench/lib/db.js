'use strict';
/** PostgreSQL side of the harness: the throw-away bench database and statement logging. */

const { Client } = require('pg');
const { HarnessError } = require('./util');

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

module.exports = { connect, databaseUrl, createDatabase, dropDatabase, setStatementLogging, serverInfo, quoteIdent };
