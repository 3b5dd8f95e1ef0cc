'use strict';
/**
 * One autocannon run that counts only good answers: HTTP 200 with a JSON body that has no
 * `errors` and passes `isGood(data)`. Latency percentiles are computed over good answers only
 * (autocannon's own histogram counts every 2xx, GraphQL errors included; it is kept alongside).
 */

const autocannon = require('autocannon');
const { HarnessError, latencyStats, log } = require('./util');

let current = null;

/**
 * `body(n)` returns the request body for the n-th request (unique idempotency keys);
 * `isGood(data)` checks the operation's data.
 */
function runLoad({ url, token, connections, seconds, body, isGood, title }) {
  const latencies = [];
  const errorKinds = new Map();
  let good = 0;
  let bad = 0;
  let sequence = 0;
  // Set by onResponse and consumed by the 'response' event of the same answer: autocannon
  // calls both synchronously, one right after the other, for each completed response.
  let verdict = null;

  const note = (kind) => errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  const judge = (status, text) => {
    if (status !== 200) {
      note(`HTTP ${status}: ${String(text).slice(0, 200)}`);
      return false;
    }
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      note(`non-JSON body: ${String(text).slice(0, 200)}`);
      return false;
    }
    if (parsed.errors?.length) {
      for (const error of parsed.errors) note(`${error.extensions?.code ?? 'NO_CODE'}: ${error.message}`);
      return false;
    }
    if (!parsed.data || !isGood(parsed.data)) {
      note(`unexpected data: ${JSON.stringify(parsed.data).slice(0, 200)}`);
      return false;
    }
    return true;
  };

  return new Promise((resolve, reject) => {
    let guard = null;
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 10,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              sequence += 1;
              request.body = body(sequence);
              return request;
            },
            onResponse: (status, text) => {
              verdict = judge(status, text);
            },
          },
        ],
      },
      (error, result) => {
        current = null;
        clearTimeout(guard);
        if (error) {
          reject(new HarnessError(`autocannon (${title}) failed: ${error.message}`));
          return;
        }
        const elapsed = result.duration; // seconds, measured by autocannon
        resolve({
          title,
          connections,
          durationSeconds: elapsed,
          good,
          bad,
          requestsPerSecond: elapsed > 0 ? good / elapsed : 0,
          latencyMs: latencyStats(latencies),
          errors: [...errorKinds.entries()].sort((a, b) => b[1] - a[1]).map(([message, count]) => ({ message, count })),
          autocannon: {
            requestsSent: result.requests.sent,
            requestsTotal: result.requests.total,
            requestsAverage: result.requests.average,
            latency2xx: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
            non2xx: result.non2xx,
            errors: result.errors,
            timeouts: result.timeouts,
            resets: result.resets,
          },
        });
      },
    );
    current = instance;
    instance.on('response', (client, statusCode, bytes, responseTime) => {
      if (verdict === true) {
        good += 1;
        latencies.push(responseTime);
      } else {
        bad += 1;
      }
      verdict = null;
    });
    // Belt and braces: autocannon stops itself at `duration`; never let it run far past.
    guard = setTimeout(() => instance.stop(), (seconds + 30) * 1000);
  });
}

function stopCurrent() {
  if (current) current.stop();
}

/** The requests of a run that failed: answers that did not count as good, plus autocannon's errors and timeouts. */
function failedCount(result) {
  return result.bad + result.autocannon.errors + result.autocannon.timeouts;
}

/** One log line on a warm-up run: how many answers were good, and the first error if any failed. */
function reportWarmup(result) {
  log(`  warm-up: ${result.good} good, ${failedCount(result)} failed${result.errors.length ? `; first error: ${result.errors[0].message}` : ''}`);
}

module.exports = { runLoad, stopCurrent, failedCount, reportWarmup };
