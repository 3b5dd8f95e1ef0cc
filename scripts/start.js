#!/usr/bin/env node
/**
 * `npm start [app...]`: installs and builds if needed, then runs the apps (all of them when
 * none is named) as child processes. Signals are forwarded; when any app exits, the others are
 * stopped and this process exits with the first app's exit code.
 */
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { ensureBuilt } = require('./ensure-built');
const { APPS, appCommand } = require('./apps');
const { ensureAppNode } = require('./runtime');

const root = path.resolve(__dirname, '..');


/**
 * How long apps get to shut down cleanly before they are killed: longer than the worker's own
 * default WORKER_SHUTDOWN_GRACE_MS (10 s), so it is the worker that decides when to stop waiting.
 */
const SHUTDOWN_GRACE_MS = 15_000;

function parseArgs(argv) {
  const names = argv.length > 0 ? argv : Object.keys(APPS);
  const unknown = names.filter((name) => !Object.hasOwn(APPS, name));
  if (unknown.length > 0) {
    console.error(`[start] unknown app: ${unknown.join(', ')} (known: ${Object.keys(APPS).join(', ')})`);
    process.exit(2);
  }
  return [...new Set(names)];
}

function exitCodeOf(code, signal) {
  if (code !== null) return code;
  const number = signal ? os.constants.signals[signal] : undefined;
  return number ? 128 + number : 1;
}

function main() {
  const names = parseArgs(process.argv.slice(2));
  ensureBuilt();
  ensureAppNode();

  const running = new Map();
  let firstExitCode;
  let stopping = false;
  let killTimer;

  const stopAll = (signal) => {
    if (stopping) return;
    stopping = true;
    for (const child of running.values()) child.kill(signal);
    killTimer = setTimeout(() => {
      for (const [name, child] of running) {
        console.error(`[start] ${name} did not stop within ${SHUTDOWN_GRACE_MS} ms; killing it`);
        child.kill('SIGKILL');
      }
    }, SHUTDOWN_GRACE_MS);
    killTimer.unref();
  };

  for (const name of names) {
    const { command, args } = appCommand(name);
    const child = spawn(command, args, {
      cwd: root,
      env: process.env,
      stdio: 'inherit',
      // Own process group: a Ctrl-C reaches the apps once, through the forwarding below, not
      // twice (terminal + forward), which would cut their graceful shutdown short.
      detached: process.platform !== 'win32',
    });
    running.set(name, child);
    const onExit = (code, signal) => {
      if (!running.has(name)) return;
      running.delete(name);
      if (firstExitCode === undefined) {
        firstExitCode = exitCodeOf(code, signal);
        if (!stopping && running.size > 0) console.error(`[start] ${name} exited (${signal ?? `code ${code}`}); stopping the others`);
        stopAll('SIGTERM');
      }
      if (running.size === 0) {
        clearTimeout(killTimer);
        process.exit(firstExitCode);
      }
    };
    child.on('exit', onExit);
    child.on('error', (error) => {
      console.error(`[start] ${name} could not start: ${error.message}`);
      onExit(1, null);
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
  // Last resort if this process dies without the apps having exited.
  process.on('exit', () => {
    for (const child of running.values()) child.kill('SIGKILL');
  });
}

main();
