'use strict';
/** Runs the built worker as a child process, exactly as `npm start` does (same Node flags). */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { HarnessError, sleep } = require('./util');
const { stopChild } = require('./harness');
const { appCommand } = require('../../scripts/apps');

const ROOT = path.resolve(__dirname, '..', '..');
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 15_000;

class WorkerProcess {
  /** `env` is the worker's configuration; its output goes to `logFile`. */
  constructor({ env, logFile, nodeArgs = [] }) {
    this.env = env;
    this.logFile = logFile;
    this.nodeArgs = nodeArgs;
    this.child = null;
    this.tail = [];
  }

  /** The running worker's process id (null when stopped). */
  get pid() {
    return this.child?.pid ?? null;
  }

  /** Resolves once the worker logs that it consumes its queues. */
  async start() {
    if (this.child) throw new HarnessError('worker already running');
    const out = fs.openSync(this.logFile, 'a');
    const { command, args } = appCommand('worker', this.nodeArgs);
    const child = spawn(command, args, {
      cwd: ROOT,
      // LOG_LEVEL=log: the "Consuming" line is how we know it is up.
      env: { ...process.env, ...this.env, LOG_LEVEL: 'log' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new HarnessError(`worker did not start within ${READY_TIMEOUT_MS / 1000} s:\n${this.tail.slice(-20).join('\n')}`)), READY_TIMEOUT_MS);
      const record = (chunk) => {
        fs.writeSync(out, chunk);
        for (const line of chunk.toString().split('\n')) {
          if (!line.trim()) continue;
          this.tail.push(line);
          if (/Consuming /.test(line)) {
            clearTimeout(timer);
            resolve();
          }
        }
        if (this.tail.length > 200) this.tail.splice(0, this.tail.length - 200);
      };
      child.stdout.on('data', record);
      child.stderr.on('data', record);
      this.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        try {
          fs.closeSync(out);
        } catch {
          /* already closed */
        }
        reject(new HarnessError(`worker exited (${signal ?? `code ${code}`}):\n${this.tail.slice(-20).join('\n')}`));
      });
    });
    await ready;
  }

  /** SIGTERM (the worker finishes running jobs), SIGKILL after the grace period. */
  async stop() {
    const child = this.child;
    this.child = null;
    await stopChild(child, this.exited, STOP_GRACE_MS, sleep);
  }
}

module.exports = { WorkerProcess };
