import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { AccountHousekeeping } from '@referloop/auth';
import { APP_CONFIG, AppConfig, ThrottledLogger } from '@referloop/core';
import { JobQueues, REDIS_START_COMMAND, withoutPassword } from '@referloop/jobs';
import { Metrics } from '@referloop/metrics';
import { OutboxRelay } from '@referloop/notifications';
import { ProviderStatsStore } from '@referloop/providers';
import { OutcomeReminders } from '@referloop/episode';
import { ResponseClock } from '@referloop/referrals';
import { WebhookRelay } from '@referloop/webhooks';
import { WorkerHealth } from './health/worker-health';
import { WorkerHttpServer } from './health/http-server';
import { WorkerGauges } from './metrics/worker-gauges';
import { PeriodicTask } from './periodic-task';
import { assertEveryJobHandled, CatalogueProcessor } from './processors/catalogue-processor';
import { NotificationProcessor } from './processors/notification.processor';
import { ResponseClockProcessor } from './processors/response-clock.processor';
import { WebhookProcessor } from './processors/webhook.processor';

/** How long start-up waits for Redis before saying it is not there (and going on waiting). */
const REDIS_WAIT_MS = 2000;

/**
 * Starts the worker in a deliberate order — check that every job has a handler, start
 * consuming, then the relay and the sweep, then report healthy — and stops it in reverse,
 * giving running jobs a bounded time to finish.
 */
@Injectable()
export class WorkerRuntime {
  private readonly logger = new Logger('Worker');
  private readonly processors: CatalogueProcessor[];
  private tasks: PeriodicTask[] = [];
  private http?: WorkerHttpServer;
  private consuming = false;
  /**
   * BullMQ reports a worker's troubles (a lost connection, a lock it could not renew) as
   * 'error' events, and prints each one, stack and all, when nobody listens: several a second
   * while Redis is down. Workers reconnect by themselves; one line every few seconds says so.
   */
  private readonly connectionErrors = new ThrottledLogger('Worker');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    notifications: NotificationProcessor,
    clock: ResponseClockProcessor,
    webhooks: WebhookProcessor,
    private readonly relay: OutboxRelay,
    private readonly webhookRelay: WebhookRelay,
    private readonly responseClock: ResponseClock,
    private readonly jobs: JobQueues,
    private readonly providerStats: ProviderStatsStore,
    private readonly outcomeReminders: OutcomeReminders,
    private readonly accountHousekeeping: AccountHousekeeping,
    private readonly health: WorkerHealth,
    private readonly metrics: Metrics,
    // Registers the scrape-time gauges on the metrics registry; nothing else to call.
    _gauges: WorkerGauges,
  ) {
    this.processors = [notifications, clock, webhooks];
  }

  /** Starts everything; returns the health port (useful when configured as 0). */
  async start(): Promise<number> {
    assertEveryJobHandled(this.processors);
    for (const worker of this.workers()) {
      worker.on('error', (error: Error) => this.connectionErrors.warn(`worker-${worker.name}`, `Worker for ${worker.name}: ${error.message}`));
      worker.on('completed', (job) => this.observeJob(worker.name, job, 'completed'));
      worker.on('failed', (job) => this.observeJob(worker.name, job, 'failed'));
    }
    if (!(await this.jobs.connected(REDIS_WAIT_MS))) {
      this.logger.warn(`Redis is not reachable at ${withoutPassword(this.config.redisUrl)}: waiting for it. Start it with \`${REDIS_START_COMMAND}\``);
      await this.jobs.waitUntilReady();
    }
    await this.warnUnlessNoEviction();
    for (const worker of this.workers()) {
      worker.run().catch((error: unknown) => this.logger.error(`Worker for ${worker.name} stopped: ${(error as Error).message}`));
    }
    await Promise.all(this.workers().map((worker) => worker.waitUntilReady()));
    this.consuming = true;
    // Each run counted by outcome, so an operator sees a sweep that keeps failing.
    const every = (task: string, intervalMs: number, work: () => Promise<unknown>) =>
      new PeriodicTask(task, intervalMs, work, (outcome) => this.metrics.periodicTaskRuns.inc({ task, outcome }));
    this.tasks = [
      every('OutboxRelay', this.config.worker.relayIntervalMs, () => this.relay.relay()),
      every('WebhookRelay', this.config.worker.relayIntervalMs, () => this.webhookRelay.relay()),
      every('ClockSweep', this.config.worker.sweepIntervalMs, () => this.responseClock.sweep()),
      every('OutcomeReminders', this.config.worker.sweepIntervalMs, () => this.outcomeReminders.sweep()),
      // An answering move files its provider as due; this recomputes them, a second or so later.
      every('ProviderStatsDue', this.config.matching.statsDueIntervalMs, () => this.providerStats.refreshDue(() => this.consuming)),
      // Moves keep their providers current; this moves the 90-day window on for the rest.
      every('ProviderStats', this.config.matching.statsRefreshIntervalMs, () => this.providerStats.refreshAll(() => this.consuming)),
      every('AccountHousekeeping', this.config.worker.housekeepingIntervalMs, () => this.accountHousekeeping.purge()),
    ];
    for (const task of this.tasks) task.start();
    this.http = new WorkerHttpServer({
      '/health/live': () => this.health.live(),
      '/health/ready': () => this.health.ready(() => this.consuming, () => this.workers()),
      '/metrics': async () => {
        const { contentType, body } = await this.metrics.exposition();
        return { status: 200, contentType, body };
      },
    });
    const port = await this.http.listen(this.config.workerPort, this.config.host);
    this.logger.log(`Consuming ${this.processors.map((processor) => processor.queueName).join(', ')}; health on :${port}/health/ready`);
    return port;
  }

  /**
   * Stops taking jobs and waits up to WORKER_SHUTDOWN_GRACE_MS for running ones. A job cut
   * off after that keeps its row PENDING; its lock expires and another worker (or the relay)
   * runs it again.
   */
  async stop(): Promise<void> {
    this.consuming = false;
    // Pausing stops fetching and resolves once the running jobs are done; a relay pass or sweep
    // under way finishes too. Close is decided only after: a graceful close() once started
    // cannot be turned into a forced one.
    let timer: NodeJS.Timeout | undefined;
    const finished = Promise.all([...this.tasks.map((task) => task.stop()), ...this.workers().map((worker) => worker.pause())]).then(
      () => 'finished' as const,
    );
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.config.worker.shutdownGraceMs);
    });
    const outcome = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.logger.warn(`Jobs still running after ${this.config.worker.shutdownGraceMs} ms; closing anyway`);
    await Promise.all(this.workers().map((worker) => worker.close(outcome === 'timeout')));
    await this.http?.close();
  }

  /** BullMQ stamps when a job started and finished processing; a job moved back to wait (early timers) has no finish. */
  private observeJob(queue: string, job: Job | undefined, outcome: 'completed' | 'failed'): void {
    if (!job?.processedOn || !job.finishedOn) return;
    this.metrics.jobDuration.observe({ queue, job: job.name, outcome }, (job.finishedOn - job.processedOn) / 1000);
  }

  private workers(): Worker[] {
    return this.processors.map((processor) => processor.worker);
  }

  /** Redis evicting BullMQ keys under memory pressure would silently drop jobs and locks. */
  private async warnUnlessNoEviction(): Promise<void> {
    const policy = await this.jobs.maxmemoryPolicy();
    if (policy !== 'noeviction') {
      this.logger.warn(`Redis maxmemory-policy is "${policy ?? 'unknown'}", not "noeviction": under memory pressure Redis may drop queued jobs`);
    }
  }
}
