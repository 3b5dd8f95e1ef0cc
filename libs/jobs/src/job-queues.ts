import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { JobsOptions, JobType, Queue } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig, ThrottledLogger } from '@referloop/core';
import { JOB_ID, JOB_QUEUE, JobName, JobRequest, QueueName } from './job-catalogue';
import { createFailFastRedis } from './redis-connection';

/** What `ensure` found: the job was already held in a live state, or has been (re)added. */
export type EnsureResult = 'present' | 'added';

const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/** Clock timers only re-check PostgreSQL, so a few quick retries cover a passing fault; the sweep covers the rest. */
const TIMER_ATTEMPTS = 5;
const TIMER_BACKOFF_MS = 5000;
/** Failed jobs kept for the queue dashboard, per queue. */
const FAILED_JOBS_KEPT = 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The producer side of every queue, for gateway and worker alike. Its Redis client fails fast
 * (no offline queue, short timeout), so callers on a request path can treat enqueueing as
 * best-effort: the outbox relay and the clock sweep repair whatever did not get through.
 */
@Injectable()
export class JobQueues implements OnModuleDestroy {
  private readonly log = new ThrottledLogger('JobQueues');
  private readonly redis: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = createFailFastRedis(config.redisUrl, config.redisCommandTimeoutMs, 'referloop-producer');
    // Without a listener ioredis reports every failed reconnect as an unhandled error.
    this.redis.on('error', (error: Error) => this.log.warn('redis', `Redis: ${error.message}`));
    for (const name of Object.values(QueueName)) this.openQueue(name);
  }

  queue(name: QueueName): Queue {
    return this.queues.get(name) as Queue;
  }

  /** Adds the jobs; a job whose id the queue still holds is left as it is. Throws if Redis fails. */
  async add(requests: readonly JobRequest[]): Promise<void> {
    // While disconnected BullMQ would wait for the connection; fail at once instead.
    if (this.redis.status !== 'ready') throw new Error(`Redis is not connected (${this.redis.status})`);
    await withTimeout(
      Promise.all(requests.map((request) => this.queue(JOB_QUEUE[request.name]).add(request.name, request.payload, this.optionsFor(request)))),
      this.config.redisCommandTimeoutMs * 2,
      'Enqueue',
    );
  }

  /** `add`, but a failure is logged and reported as false instead of thrown: for use after a commit. */
  async addBestEffort(requests: readonly JobRequest[]): Promise<boolean> {
    if (requests.length === 0) return true;
    try {
      await this.add(requests);
      return true;
    } catch (error) {
      this.log.warn('enqueue', `Could not enqueue ${requests.length} job(s); the relay and the sweep will: ${(error as Error).message}`);
      return false;
    }
  }

  /**
   * Makes sure the job is queued. BullMQ silently ignores `add` with the id of a job it still
   * holds, including a failed one (or one moved to failed after stalling too often); such a
   * leftover is removed first, so the job really runs again.
   */
  async ensure(request: JobRequest): Promise<EnsureResult> {
    const queue = this.queue(JOB_QUEUE[request.name]);
    const id = this.jobId(request);
    const state = await withTimeout(queue.getJobState(id), this.config.redisCommandTimeoutMs * 2, 'Job state');
    if (LIVE_STATES.has(state)) return 'present';
    if (state === 'failed' || state === 'completed') await queue.remove(id);
    await queue.add(request.name, request.payload, this.optionsFor(request));
    return 'added';
  }

  /** How many jobs the queue holds in each of `states`; throws if Redis does not answer in time. */
  async jobCounts<S extends JobType>(name: QueueName, states: readonly S[]): Promise<Record<S, number>> {
    const counts = await withTimeout(this.queue(name).getJobCounts(...states), this.config.redisCommandTimeoutMs * 2, 'Job counts');
    return Object.fromEntries(states.map((state) => [state, counts[state] ?? 0])) as Record<S, number>;
  }

  /** Resolves once Redis is reachable (the worker waits for it at start; the gateway never does). */
  async waitUntilReady(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.waitUntilReady()));
  }

  /** Waits up to `timeoutMs` for the connection; false if Redis is not there by then. */
  async connected(timeoutMs: number): Promise<boolean> {
    return withTimeout(this.waitUntilReady(), timeoutMs, 'Redis connection').then(
      () => true,
      () => false,
    );
  }

  /** Whether Redis answers now (readiness). */
  async ping(): Promise<boolean> {
    try {
      return (await withTimeout(this.redis.ping(), this.config.redisCommandTimeoutMs, 'Redis ping')) === 'PONG';
    } catch {
      return false;
    }
  }

  /** Redis's eviction policy, or null if it cannot be read (managed Redis may forbid CONFIG). */
  async maxmemoryPolicy(): Promise<string | null> {
    try {
      const reply = (await withTimeout(this.redis.config('GET', 'maxmemory-policy'), this.config.redisCommandTimeoutMs * 2, 'CONFIG GET')) as string[];
      return reply[1] ?? null;
    } catch {
      return null;
    }
  }

  async onModuleDestroy(): Promise<void> {
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.allSettled(queues.map((queue) => queue.close()));
    this.redis.disconnect();
  }

  /**
   * BullMQ sets a queue up once, on its first connection (it checks the Redis version). With a
   * fail-fast client that check can fail on a flaky first connection, and the queue would then
   * refuse every job until a restart; such a queue is replaced by a fresh one instead.
   */
  private openQueue(name: QueueName): void {
    const queue = new Queue(name, { connection: this.redis, prefix: this.config.queuePrefix });
    // Each queue re-emits the connection's errors, and BullMQ prints them (stack and all) to
    // stderr when nobody listens: several a second through a Redis outage.
    queue.on('error', (error: Error) => this.log.warn('redis', `Redis: ${error.message}`));
    this.queues.set(name, queue);
    queue.waitUntilReady().catch((error: unknown) => {
      if (this.queues.get(name) !== queue) return;
      this.log.warn(`setup-${name}`, `Queue ${name} could not be set up (${(error as Error).message}); opening it again`);
      void queue.close().catch(() => undefined);
      this.openQueue(name);
    });
  }

  private jobId(request: JobRequest): string {
    return (JOB_ID[request.name] as (payload: unknown) => string)(request.payload);
  }

  private optionsFor(request: JobRequest): JobsOptions {
    const sending = request.name === JobName.SEND_NOTIFICATION;
    return {
      jobId: this.jobId(request),
      delay: request.runAt ? Math.max(0, request.runAt.getTime() - Date.now()) : undefined,
      attempts: sending ? this.config.worker.attempts : TIMER_ATTEMPTS,
      backoff: { type: 'exponential', delay: sending ? this.config.worker.backoffMs : TIMER_BACKOFF_MS },
      // The notification row is the lasting record; a finished job is only clutter in Redis.
      removeOnComplete: true,
      // Failed jobs stay (bounded) for the queue dashboard; `ensure` clears one before a retry.
      removeOnFail: { count: FAILED_JOBS_KEPT },
    };
  }
}
