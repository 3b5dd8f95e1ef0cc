import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { ThrottledLogger } from '@referloop/core';
import { JobQueues, QueueName } from '@referloop/jobs';
import { Metrics } from '@referloop/metrics';

const JOB_STATES = ['waiting', 'active', 'failed', 'delayed'] as const;

/**
 * Figures read when Prometheus scrapes, not kept in memory: how many jobs each queue holds by
 * state (BullMQ's counts in Redis) and how long the oldest PENDING notification has waited (the
 * outbox in PostgreSQL — the number that says emails are stuck, whatever the queue thinks). A
 * source that cannot be read leaves its figure out of that scrape rather than failing it.
 */
@Injectable()
export class WorkerGauges {
  private readonly log = new ThrottledLogger('WorkerGauges');

  constructor(
    metrics: Metrics,
    private readonly jobs: JobQueues,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    // prom-client calls collect() with the gauge as `this`; these read through the class's own methods.
    const readQueues = (queue: QueueName) => this.read('queues', () => this.jobs.jobCounts(queue, JOB_STATES));
    const readOldestPending = () =>
      this.read('outbox', () =>
        this.db.query<{ age: number | null }[]>(`SELECT EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS age FROM notifications WHERE status = 'PENDING'`),
      );
    new Gauge({
      name: 'referloop_queue_jobs',
      help: 'Jobs in each queue by state (waiting, active, failed, delayed)',
      labelNames: ['queue', 'state'] as const,
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const queue of Object.values(QueueName)) {
          const counts = await readQueues(queue);
          for (const state of JOB_STATES) if (counts) this.set({ queue, state }, counts[state]);
        }
      },
    });
    new Gauge({
      name: 'referloop_oldest_pending_notification_age_seconds',
      help: 'How long the oldest notification still PENDING has waited (0 when none is)',
      registers: [metrics.registry],
      async collect() {
        this.reset();
        const rows = await readOldestPending();
        if (rows) this.set(rows[0]?.age ?? 0);
      },
    });
  }

  private async read<T>(source: string, read: () => Promise<T>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      this.log.warn(source, `Metrics: could not read ${source}: ${(error as Error).message}`);
      return null;
    }
  }
}
