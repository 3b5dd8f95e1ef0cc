'use strict';
/* global fetch, AbortSignal -- Node 20 globals the shared lint config does not list */
/** Runs the built gateway as a child process and talks GraphQL to it. */

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { HarnessError, sleep } = require('./util');
const { stopChild } = require('./harness');
const { appCommand } = require('../../scripts/apps');

const ROOT = path.resolve(__dirname, '..', '..');
const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 15_000;

/** Every gateway this process started and has not seen exit; killed on the way out, whatever happens. */
const running = new Set();

class Gateway {
  /** `logFile` receives the child's stdout and stderr (appended across restarts). */
  constructor({ port, env, logFile, nodeArgs = [] }) {
    this.port = port;
    this.nodeArgs = nodeArgs;
    this.env = env;
    this.logFile = logFile;
    this.url = `http://127.0.0.1:${port}/graphql`;
    this.child = null;
    this.tail = [];
  }

  async start() {
    if (this.child) throw new HarnessError('gateway already running');
    const out = fs.openSync(this.logFile, 'a');
    fs.writeSync(out, `\n==== gateway start ${new Date().toISOString()} on 127.0.0.1:${this.port}\n`);
    // Started exactly as `npm start` starts it (same flags), plus any profiling flags.
    const { command, args } = appCommand('gateway', this.nodeArgs);
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    running.add(child);
    const record = (chunk) => {
      fs.writeSync(out, chunk);
      for (const line of chunk.toString().split('\n')) if (line.trim()) this.tail.push(line);
      if (this.tail.length > 200) this.tail.splice(0, this.tail.length - 200);
    };
    child.stdout.on('data', record);
    child.stderr.on('data', record);
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        running.delete(child);
        try {
          fs.writeSync(out, `==== gateway exit (${signal ?? `code ${code}`})\n`);
          fs.closeSync(out);
        } catch {
          /* already closed */
        }
        resolve({ code, signal });
      });
      child.on('error', (error) => {
        running.delete(child);
        resolve({ code: null, signal: null, error });
      });
    });
    await this.waitReady();
  }

  /** Polls until the gateway answers a trivial GraphQL query; fails if it exits or takes too long. */
  async waitReady() {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let exited = null;
    this.exited.then((result) => {
      exited = result;
    });
    let lastError = '';
    while (Date.now() < deadline) {
      if (exited) {
        throw new HarnessError(`gateway exited during start-up (${exited.signal ?? `code ${exited.code}`}):\n${this.tail.slice(-20).join('\n')}`);
      }
      try {
        const response = await fetch(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
          signal: AbortSignal.timeout(2_000),
        });
        if (response.ok) {
          const body = await response.json();
          if (body?.data?.__typename === 'Query') return;
        }
        lastError = `HTTP ${response.status}`;
      } catch (error) {
        lastError = error.message;
      }
      await sleep(250);
    }
    throw new HarnessError(`gateway did not answer within ${READY_TIMEOUT_MS / 1000} s (${lastError}):\n${this.tail.slice(-20).join('\n')}`);
  }

  /** SIGTERM, wait for a clean exit, SIGKILL after the grace period. */
  async stop() {
    const child = this.child;
    this.child = null;
    await stopChild(child, this.exited, STOP_GRACE_MS, sleep);
  }

  async restart() {
    await this.stop();
    await this.start();
  }

  /** One GraphQL request; throws on transport failures and on GraphQL errors. */
  async request(query, variables, token) {
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new HarnessError(`GraphQL request failed: ${error.message}`);
    }
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HarnessError(`gateway answered HTTP ${response.status} with a non-JSON body: ${text.slice(0, 300)}`);
    }
    if (body.errors?.length) {
      const first = body.errors[0];
      const error = new HarnessError(`GraphQL error: ${first.message} (${first.extensions?.code ?? 'no code'})`);
      error.graphqlErrors = body.errors;
      throw error;
    }
    return body.data;
  }
}

/** The bootstrap admin a bench gateway creates at start-up, with a fresh password; the seeding logs in as it. */
function benchAdmin() {
  return { email: 'bench-admin@bench.example', password: `bench-${crypto.randomBytes(12).toString('hex')}` };
}

/**
 * A bench gateway's environment: production mode, warnings only, the bootstrap `admin` and
 * fresh secrets; `extra` adds the database, Redis and whatever else the run needs.
 */
function gatewayEnv(admin, extra) {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    BOOTSTRAP_ADMIN_EMAIL: admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    LINK_SECRET: crypto.randomBytes(32).toString('hex'),
    // The bench admin signs in by script, without an authenticator app.
    TWO_FACTOR_REQUIRED_FOR_PLATFORM_ADMINS: 'off',
    JWT_TTL_SECONDS: String(24 * 3600),
    ...extra,
  };
}

/**
 * Node flags for a measured gateway: BENCH_NODE_ARGS (space-separated, for A/B tests), and with
 * BENCH_PROFILE_DIR=dir a V8 CPU profile of the gateway written there (open it in Chrome DevTools).
 */
function benchNodeArgs() {
  return [
    ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
    ...(process.env.BENCH_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`, '-r', path.join(__dirname, 'exit-on-sigterm.js')]
      : []),
  ];
}

/** Synchronous last resort for process exit paths that cannot await. */
function killAllSync() {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }
}

module.exports = { Gateway, killAllSync, benchAdmin, gatewayEnv, benchNodeArgs, ROOT };
