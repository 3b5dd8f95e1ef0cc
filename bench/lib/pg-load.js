'use strict';
/* global performance -- a Node 20 global the shared lint config does not list */
/**
 * The baseline side of a latency benchmark: replays captured statements straight through `pg`
 * in a closed loop, `connections` clients for `seconds`, one request's statements one after
 * the other on one connection, in the extended protocol with the captured bound values (as the
 * gateway's driver sends them). Latency is per request: from the first statement's send to the
 * last one's result.
 */

const { randomUUID } = require('node:crypto');
const { latencyStats } = require('./util');

/**
 * A captured request as something `pg` can run: its statements with positional values, and the
 * generated UUIDs (`fresh`) replaced with new ones per run (an audit entry's id, say).
 */
function toReplay(statements, fresh = []) {
  const steps = statements.map((statement) => {
    const count = Math.max(0, ...[...statement.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    const values = Array.from({ length: count }, (_, i) => (i + 1 in statement.params ? statement.params[i + 1] : null));
    return { text: statement.sql, values };
  });
  if (fresh.length === 0) return () => steps;
  return () => {
    const renamed = new Map(fresh.map((value) => [value, randomUUID()]));
    const swap = (text) => {
      if (typeof text !== 'string') return text;
      let out = text;
      for (const [from, to] of renamed) out = out.split(from).join(to);
      return out;
    };
    return steps.map((step) => ({ text: swap(step.text), values: step.values.map(swap) }));
  };
}

/**
 * Closed loop: each of `clients` (open pg clients) runs request after request until `seconds`
 * have passed; request n uses `requests[n % requests.length]()` (a list of {text, values}).
 */
async function runPgLoad({ clients, seconds, requests, title }) {
  const latencies = [];
  const errors = new Map();
  let good = 0;
  let bad = 0;
  let sequence = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        const steps = requests[sequence % requests.length]();
        sequence += 1;
        const sent = performance.now();
        try {
          for (const step of steps) await client.query(step);
          latencies.push(performance.now() - sent);
          good += 1;
        } catch (error) {
          bad += 1;
          errors.set(error.message, (errors.get(error.message) ?? 0) + 1);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    title,
    connections: clients.length,
    durationSeconds: elapsed,
    good,
    bad,
    requestsPerSecond: elapsed > 0 ? good / elapsed : 0,
    latencyMs: latencyStats(latencies),
    errors: [...errors.entries()].sort((a, b) => b[1] - a[1]).map(([message, count]) => ({ message, count })),
  };
}

module.exports = { toReplay, runPgLoad };
