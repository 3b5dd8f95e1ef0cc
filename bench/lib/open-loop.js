'use strict';
/* global performance -- a Node 20 global the shared lint config does not list */
/**
 * An open-loop load generator: request i is due at start + i / rate, and is sent then whether or
 * not earlier ones have been answered, so a slow server cannot slow the offered load down and
 * hide its own slowness (no coordinated omission). Latency is measured from when a request was
 * due, not from when it left: time spent waiting for a free connection, or behind this
 * process's own event loop, counts against the answer.
 *
 * Plain node:http with a keep-alive agent of `connections` sockets; beyond them requests wait
 * in the agent (and that wait is part of their latency).
 */

const http = require('node:http');
const { HarnessError, sleep } = require('./util');

class OpenLoop {
  constructor({ url, connections, timeoutMs }) {
    const target = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, scheduling: 'fifo' });
    this.request = { hostname: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent: this.agent };
    this.timeoutMs = timeoutMs;
    this.stopped = false;
    this.inFlight = new Set();
  }

  /**
   * One POST of `body` (a string) with `token`; resolves, never rejects, with { status, text }
   * or { status: 0, error } on a transport failure or the timeout.
   */
  post(body, token) {
    return new Promise((resolve) => {
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      if (token) headers.authorization = `Bearer ${token}`;
      let timer = null;
      const settle = (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      const request = http.request({ ...this.request, headers }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => settle({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => settle({ status: 0, error: `response: ${error.message}` }));
      });
      // From now, not from when a socket frees up: a request waiting in the agent times out too.
      timer = setTimeout(() => request.destroy(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      request.on('error', (error) => settle({ status: 0, error: error.message }));
      request.end(body);
    });
  }

  /**
   * Offers `rate` requests a second for `seconds`. `next(i)` plans request i: { op, body, token,
   * done(outcome) } or { op, skipped: reason } when nothing of that kind can be sent now.
   * `record(sample)` hears of every request once answered: { op, dueAt, sentAt, endedAt,
   * latencyMs (from due), serviceMs (from sent), status, text | error }; skipped ones as
   * { op, skipped }. Resolves once every request sent has been answered or timed out.
   */
  async run({ rate, seconds, next, record }) {
    const interval = 1000 / rate;
    const total = Math.round(rate * seconds);
    const start = performance.now() + 5;
    let sendLagMaxMs = 0;
    const sendLags = [];
    let maxInFlight = 0;
    let i = 0;
    while (i < total && !this.stopped) {
      const now = performance.now();
      while (i < total && start + i * interval <= now) {
        const dueAt = start + i * interval;
        const plan = next(i);
        i += 1;
        if (plan.skipped) {
          record({ op: plan.op, skipped: plan.skipped, dueAt });
          continue;
        }
        const sentAt = performance.now();
        const lag = sentAt - dueAt;
        sendLags.push(lag);
        if (lag > sendLagMaxMs) sendLagMaxMs = lag;
        const answered = this.post(plan.body, plan.token).then((answer) => {
          const endedAt = performance.now();
          const sample = { op: plan.op, dueAt, sentAt, endedAt, latencyMs: endedAt - dueAt, serviceMs: endedAt - sentAt, ...answer };
          record(sample, plan);
        });
        this.inFlight.add(answered);
        if (this.inFlight.size > maxInFlight) maxInFlight = this.inFlight.size;
        answered.finally(() => this.inFlight.delete(answered));
      }
      if (i < total) await sleep(Math.max(0, start + i * interval - performance.now()));
    }
    if (this.stopped) throw new HarnessError('the load generator was stopped');
    const scheduleEnd = performance.now();
    // Every request carries its own timeout; this only bounds a wedged agent.
    const drained = await Promise.race([Promise.all([...this.inFlight]).then(() => true), sleep(this.timeoutMs + 5_000).then(() => false)]);
    if (!drained) throw new HarnessError(`${this.inFlight.size} requests still unanswered ${this.timeoutMs + 5_000} ms after the last was sent`);
    sendLags.sort((a, b) => a - b);
    return {
      offered: i,
      scheduledSeconds: (scheduleEnd - start) / 1000,
      maxInFlight,
      sendLagMs: {
        p50: sendLags[Math.floor(sendLags.length * 0.5)] ?? null,
        p99: sendLags[Math.floor(sendLags.length * 0.99)] ?? null,
        max: sendLagMaxMs,
      },
    };
  }

  stop() {
    this.stopped = true;
  }

  close() {
    this.stopped = true;
    this.agent.destroy();
  }
}

module.exports = { OpenLoop };
