'use strict';
/** Small helpers shared by the benchmark harness: env knobs, timing, stats, formatting. */

const net = require('node:net');

class HarnessError extends Error {}

/** Reads a whole-number env knob; the empty string counts as unset. */
function intEnv(name, fallback, min, max) {
  const raw = (process.env[name] ?? '').trim();
  if (raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new HarnessError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new HarnessError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function strEnv(name, fallback) {
  const raw = (process.env[name] ?? '').trim();
  return raw === '' ? fallback : raw;
}

/** An on/off env knob: `1`, `true` or `yes` (any case) turn it on; anything else, or unset, leaves it off. */
function boolEnv(name) {
  return ['1', 'true', 'yes'].includes(strEnv(name, '').toLowerCase());
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on 127.0.0.1 (released before returning; the gateway binds it right after). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function latencyStats(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  const round = (value) => (value === null ? null : Math.round(value * 100) / 100);
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    mean: sorted.length ? round(sum / sorted.length) : null,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: sorted.length ? round(sorted[sorted.length - 1]) : null,
  };
}

/** Runs `fn` but gives up after `ms` with a HarnessError naming `what`. */
async function withTimeout(ms, what, fn) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new HarnessError(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([fn(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const fmt = (value, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? '-' : Number(value).toFixed(digits));

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

module.exports = { HarnessError, intEnv, strEnv, boolEnv, sleep, freePort, latencyStats, percentile, withTimeout, fmt, log };
