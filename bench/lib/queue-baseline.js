'use strict';
/* global performance -- a Node 20 global the shared lint config does not list */
/**
 * The notification benchmark's yardstick: what BullMQ itself does on this machine and this
 * Redis with a processor that does nothing. Same job name, payload shape and options as the
 * product's send jobs (libs/jobs/src/job-queues.ts), same concurrency and lock settings as the
 * product's worker (apps/worker/src/worker.module.ts), a backlog added before the worker starts.
 * Also the Redis key clean-up both the baseline and the product run need.
 */

const crypto = require('node:crypto');
const { Queue, Worker } = require('bullmq');
const { HarnessError } = require('./util');

const QUEUE = 'notifications';
const JOB_NAME = 'send-notification';
const ADD_BATCH = 1000;

/** ioredis options from a redis:// URL: the product's own parsing (loaded once dist/ is built). */
function redisOptions(redisUrl) {
  return require('../../dist/libs/jobs/src/redis-connection').redisOptionsFromUrl(redisUrl);
}

/**
 * Adds `jobs` no-op jobs, then starts a Worker with `concurrency` and measures from its start
 * to the last completion. Resolves with { jobs, seconds, jobsPerSecond }.
 */
async function runNoopBaseline({ redisUrl, prefix, jobs, concurrency, attempts, backoffMs, timeoutMs }) {
  const connection = { ...redisOptions(redisUrl), maxRetriesPerRequest: null };
  const queue = new Queue(QUEUE, { connection, prefix });
  let worker = null;
  try {
    await queue.waitUntilReady();
    const options = { attempts, backoff: { type: 'exponential', delay: backoffMs }, removeOnComplete: true, removeOnFail: { count: 10_000 } };
    for (let start = 0; start < jobs; start += ADD_BATCH) {
      const batch = [];
      for (let n = start; n < Math.min(jobs, start + ADD_BATCH); n += 1) {
        const jobId = crypto.randomUUID();
        batch.push({ name: JOB_NAME, data: { notificationId: jobId }, opts: { ...options, jobId } });
      }
      await queue.addBulk(batch);
    }

    worker = new Worker(QUEUE, async () => undefined, {
      connection,
      prefix,
      autorun: false,
      concurrency,
      lockDuration: 30_000,
      stalledInterval: 30_000,
      maxStalledCount: 1,
    });
    let completed = 0;
    let failed = 0;
    let lastAt = 0;
    const done = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new HarnessError(`no-op baseline: ${completed} of ${jobs} jobs completed within ${Math.round(timeoutMs / 1000)} s`)),
        timeoutMs,
      );
      const settle = () => {
        if (completed + failed < jobs) return;
        clearTimeout(timer);
        resolve();
      };
      worker.on('completed', () => {
        completed += 1;
        lastAt = performance.now();
        settle();
      });
      worker.on('failed', () => {
        failed += 1;
        settle();
      });
    });
    await worker.waitUntilReady();
    const startedAt = performance.now();
    worker.run().catch(() => undefined);
    await done;
    const seconds = (lastAt - startedAt) / 1000;
    return { jobs, completed, failed, seconds, jobsPerSecond: completed / seconds };
  } finally {
    await worker?.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
  }
}

/** Deletes every key under `prefix:`; resolves with how many went (the project's own helper, from the build). */
function deleteKeys(redisUrl, prefix) {
  return require('../../dist/libs/jobs/src/queue-keys').deleteQueueKeys(redisUrl, prefix);
}

module.exports = { runNoopBaseline, deleteKeys, redisOptions, QUEUE };
