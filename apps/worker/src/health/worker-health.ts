import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Worker } from 'bullmq';
import { JobQueues } from '@referloop/jobs';
import { json, PlainResponse } from './http-server';

const DATABASE_PING_MS = 1000;

/**
 * The worker's liveness and readiness, checked by terminus. Ready means it can do its job:
 * PostgreSQL and Redis answer, and every queue has a running consumer (none before start-up
 * has finished, none once shutdown has begun).
 */
@Injectable()
export class WorkerHealth {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly jobs: JobQueues,
  ) {}

  live(): Promise<PlainResponse> {
    return this.answer(() => this.health.check([]));
  }

  ready(consuming: () => boolean, workers: () => readonly Worker[]): Promise<PlainResponse> {
    return this.answer(() =>
      this.health.check([
        () => this.database.pingCheck('database', { timeout: DATABASE_PING_MS }),
        async () => {
          const redis = this.indicators.check('redis');
          return (await this.jobs.ping()) ? redis.up() : redis.down();
        },
        () => {
          const queues = this.indicators.check('queues');
          const running = Object.fromEntries(workers().map((worker) => [worker.name, consuming() && worker.isRunning() ? 'consuming' : 'stopped']));
          return Object.values(running).every((state) => state === 'consuming') && consuming() ? queues.up(running) : queues.down(running);
        },
      ]),
    );
  }

  /** terminus answers a failed check by throwing 503 with the same body. */
  private async answer(check: () => Promise<HealthCheckResult>): Promise<PlainResponse> {
    try {
      return json(200, await check());
    } catch (error) {
      if (error instanceof ServiceUnavailableException) return json(503, error.getResponse());
      throw error;
    }
  }
}
