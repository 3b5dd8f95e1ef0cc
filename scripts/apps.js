/**
 * Every runnable app: its compiled entry point and the Node flags it runs with. Shared by
 * `npm start` and the benchmark, so what is measured is what runs.
 */
const { appNode } = require('./runtime');

const APPS = {
  gateway: {
    entry: 'dist/apps/gateway/src/main.js',
    // A larger young generation: a request allocates a few hundred KB (GraphQL documents,
    // validated inputs, pg rows) that die young; with the default 16 MB semi-space the
    // scavenger ran so often that it cost a fifth of the createReferral throughput
    // (docs/performance-history.md).
    nodeFlags: ['--max-semi-space-size=64'],
  },
  worker: {
    entry: 'dist/apps/worker/src/main.js',
    nodeFlags: [],
  },
};

/** The `node` arguments that start an app. */
const nodeArgs = (name) => [...APPS[name].nodeFlags, '-r', './scripts/register-aliases.js', APPS[name].entry];

/**
 * How `npm start` starts an app, for spawn(command, args): the apps' Node.js (runtime.js) and
 * the app's arguments, after `extraNodeArgs` (a benchmark's profiling flags, say).
 */
const appCommand = (name, extraNodeArgs = []) => ({ command: appNode(), args: [...extraNodeArgs, ...nodeArgs(name)] });

module.exports = { APPS, nodeArgs, appCommand };
