#!/usr/bin/env node
/**
 * Runs `npm ci` when node_modules is missing or older than package-lock.json, so `npm start`
 * and `npm test` work straight after a clone or a lockfile change. Node built-ins only: it
 * runs before anything is installed.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function mtimeMs(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function installReason() {
  const installedLock = mtimeMs(path.join(root, 'node_modules', '.package-lock.json'));
  if (!fs.existsSync(path.join(root, 'node_modules')) || installedLock === undefined) return 'node_modules is missing or was not installed by npm';
  const lock = mtimeMs(path.join(root, 'package-lock.json'));
  if (lock !== undefined && lock > installedLock) return 'package-lock.json changed since the last install';
  return undefined;
}

function ensureInstalled() {
  const reason = installReason();
  if (!reason) return;
  console.log(`[ensure-installed] ${reason}: running npm ci`);
  const result = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`[ensure-installed] npm ci failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

module.exports = { ensureInstalled };

if (require.main === module) ensureInstalled();
