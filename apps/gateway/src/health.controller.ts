import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@referloop/common';
import { JobQueues } from '@referloop/jobs';

/** How long the database may take to answer a readiness ping. */
const DATABASE_PING_MS = 1000;

/**
 * Liveness and readiness, in terminus's format. Without PostgreSQL the gateway cannot serve:
 * 503. Without Redis it serves all the same (mutations commit and the relay sends their emails
 * later), so Redis never makes it unready: its entry says whether it is connected — a load
 * balancer must not take every replica out of service because the queue is away, but whoever
 * watches sees it.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly jobs: JobQueues,
  ) {}

  @Public()
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Public()
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: DATABASE_PING_MS }),
      async () => this.indicators.check('redis').up({ connected: await this.jobs.ping(), requiredToServe: false }),
    ]);
  }
}
