import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';

/** Operation names come from clients; past this many distinct ones, new names count as "other". */
const MAX_OPERATION_NAMES = 200;

/**
 * Every metric a process exports, on a registry of its own (not prom-client's global one): a
 * gateway and a worker started in one process, as the tests do, each answer /metrics with their
 * own figures. Names follow Prometheus conventions: `_total` counters, `_seconds` histograms.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

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

  private readonly operationNames = new Set<string>();

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
