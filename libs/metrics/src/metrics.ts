import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Operation names come from clients; past this many distinct ones, new names count as "other". */
const MAX_OPERATION_NAMES = 200;

/** How often the event-loop delay is sampled, in milliseconds (prom-client's own default). */
const EVENT_LOOP_RESOLUTION_MS = 10;
/** The event-loop delay quantiles exported; 1 is the largest delay seen. */
const EVENT_LOOP_QUANTILES = [0.5, 0.9, 0.99, 0.999, 1] as const;

/**
 * Every metric a process exports, on a registry of its own (not prom-client's global one): a
 * gateway and a worker started in one process, as the tests do, each answer /metrics with their
 * own figures. Names follow Prometheus conventions: `_total` counters, `_seconds` histograms.
 */
@Injectable()
export class Metrics implements OnModuleDestroy {
  readonly registry = new Registry();

  /**
   * The intervals between runs of a timer due every EVENT_LOOP_RESOLUTION_MS, recorded by Node
   * (perf_hooks) outside JavaScript; less the resolution, how late the loop ran it. A request
   * waits this long whenever the loop is busy with another one, a GC pause or synchronous
   * work: the part of a latency tail that is the process's own. (prom-client's default process
   * metrics measure the same but write an invalid `Nan` when nothing was sampled.)
   */
  private readonly eventLoopDelay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });

  readonly graphqlRequestDuration = new Histogram({
    name: 'referloop_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation name and result (ok, or error when the response carries errors)',
    labelNames: ['operation', 'result'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'referloop_graphql_errors_total',
    help: 'Errors in GraphQL responses by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly referralTransitions = new Counter({
    name: 'referloop_referral_transitions_total',
    help: 'Committed referral lifecycle moves by action (CREATE for a new referral)',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'referloop_job_duration_seconds',
    help: 'Jobs run by the worker, by queue, job name and outcome (completed or failed)',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly emails = new Counter({
    name: 'referloop_emails_total',
    help: 'Emails by outcome: sent, failed (after the last attempt), skipped (no longer due or no address), suppressed (no email consent: counted when written, or when consent was withdrawn before sending)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly periodicTaskRuns = new Counter({
    name: 'referloop_periodic_task_runs_total',
    help: "Runs of the worker's periodic tasks (relays, sweeps, provider statistics, housekeeping) by task and outcome (ok or failed)",
    labelNames: ['task', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly operationNames = new Set<string>();

  constructor() {
    this.eventLoopDelay.enable();
    const delay = this.eventLoopDelay;
    // The histogram holds whole intervals; the delay is what exceeds the timer's period.
    const delaySeconds = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - EVENT_LOOP_RESOLUTION_MS) / 1000;
    new Gauge({
      name: 'referloop_event_loop_delay_seconds',
      help: `Event-loop delay since the previous scrape (a timer due every ${EVENT_LOOP_RESOLUTION_MS} ms), by quantile; quantile 1 is the largest, all 0 when nothing was sampled`,
      labelNames: ['quantile'] as const,
      registers: [this.registry],
      collect() {
        const sampled = delay.count > 0;
        for (const quantile of EVENT_LOOP_QUANTILES) {
          this.set({ quantile: String(quantile) }, sampled ? delaySeconds(quantile === 1 ? delay.max : delay.percentile(quantile * 100)) : 0);
        }
        // Each scrape reports the interval since the one before, as prom-client's own does.
        delay.reset();
      },
    });
  }

  /**
   * Intervals recorded since the previous scrape. The first run of the timer after a scrape
   * starts a new interval and records none, so a delay shows from the second run on: a test
   * waits on this rather than on a clock.
   */
  get eventLoopIntervalsRecorded(): number {
    return this.eventLoopDelay.count;
  }

  onModuleDestroy(): void {
    this.eventLoopDelay.disable();
  }

  /** The label for a client's operation name, keeping the number of distinct labels bounded. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES || !/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name)) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** The text exposition format, and its content type. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
