'use strict';
/** How every bench harness runs: main, then cleanup, whatever happens (errors, signals). */

const os = require('node:os');
const { HarnessError, log } = require('./util');

/** Cleanup may hang on a wedged server; the process ends anyway after this. */
const CLEANUP_BOUND_MS = 60_000;

/**
 * Runs `main` and always `cleanup` afterwards; on SIGINT/SIGTERM/SIGHUP cleans up and exits
 * with 128 + signal. `onError` hears about a failure of main (not after a signal, when
 * requests fail only because cleanup stopped the servers); `onExit` runs synchronously at
 * process exit (kill leftover children).
 */
function runHarness({ main, cleanup, onError = () => undefined, onExit = () => undefined }) {
  let exiting = false;
  const finish = (code) => {
    setTimeout(() => {
      log(`cleanup did not finish within ${CLEANUP_BOUND_MS / 1000} s; exiting anyway`);
      process.exit(code || 1);
    }, CLEANUP_BOUND_MS).unref();
    return cleanup().finally(() => process.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (exiting) return;
      exiting = true;
      log(`${signal}: cleaning up`);
      void finish(128 + (os.constants.signals[signal] ?? 1));
    });
  }
  process.on('exit', onExit);

  main()
    .then(
      () => 0,
      (error) => {
        if (exiting) return 1;
        onError(error);
        log(error instanceof HarnessError ? `error: ${error.message}` : `error: ${error.stack ?? error}`);
        return 1;
      },
    )
    .then((code) => {
      if (!exiting) void finish(code);
    });
}

/**
 * Stops a child process: `signal`, then SIGKILL if it has not exited within `graceMs`.
 * `exited` is a promise that resolves when it exits.
 */
async function stopChild(child, exited, graceMs, sleep) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (killed) {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(5_000)]);
  }
}

module.exports = { runHarness, stopChild };
