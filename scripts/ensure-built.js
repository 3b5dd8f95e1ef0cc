#!/usr/bin/env node
/**
 * Builds (tsc -p tsconfig.build.json) when dist/ is missing or older than any source file
 * under apps/ or libs/, after making sure dependencies are installed; then the web app, which
 * has a build of its own (ensure-web-built.js).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureInstalled } = require('./ensure-installed');
const { ensureWebBuilt } = require('./ensure-web-built');
const { newerFile } = require('./newer-file');

const root = path.resolve(__dirname, '..');
const { APPS } = require('./apps');
// Every app's entry point, and the demo's and the seed's, must exist and be newer than the sources.
const builtEntries = [...Object.values(APPS).map((app) => app.entry), 'dist/apps/demo/src/main.js', 'dist/apps/demo/src/seed-main.js'].map((entry) =>
  path.join(root, entry),
);
const sourceDirs = ['apps', 'libs'].map((dir) => path.join(root, dir));
// Compiler settings change the output as much as the sources do.
const buildInputs = ['tsconfig.json', 'tsconfig.build.json'].map((file) => path.join(root, file));

/**
 * The server's sources: TypeScript but its specs, and the JSON it imports (tsc copies it into
 * dist/); the web app (apps/web, not in tsconfig.build.json) is built apart.
 */
const serverSources = {
  include: (name) => (name.endsWith('.ts') && !name.endsWith('.spec.ts')) || name.endsWith('.json'),
  skip: ['node_modules', path.join(root, 'apps', 'web')],
};

function buildReason() {
  let builtAt = Infinity;
  for (const entry of builtEntries) {
    if (!fs.existsSync(entry)) return `${path.relative(root, entry)} is missing`;
    builtAt = Math.min(builtAt, fs.statSync(entry).mtimeMs);
  }
  for (const input of buildInputs) {
    if (fs.existsSync(input) && fs.statSync(input).mtimeMs > builtAt) return `${path.relative(root, input)} changed`;
  }
  for (const dir of sourceDirs) {
    const changed = newerFile(dir, builtAt, serverSources);
    if (changed) return `${path.relative(root, changed)} changed`;
  }
  return undefined;
}

function ensureBuilt() {
  ensureInstalled();
  ensureServerBuilt();
  ensureWebBuilt();
}

function ensureServerBuilt() {
  const reason = buildReason();
  if (!reason) return;
  console.log(`[ensure-built] ${reason}: running npm run build`);
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    // tsc emits even when type-checking fails; age the entry point so the next run rebuilds
    // instead of starting stale output.
    for (const entry of builtEntries) if (fs.existsSync(entry)) fs.utimesSync(entry, 0, 0);
    console.error(`[ensure-built] build failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

module.exports = { ensureBuilt };

if (require.main === module) ensureBuilt();
