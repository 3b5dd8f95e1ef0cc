import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '@referloop/common';
import { JobQueues } from '@referloop/jobs';

/**
 * Liveness and readiness. Without PostgreSQL the gateway cannot serve: 503. Without Redis it
 * serves all the same (mutations commit and the relay sends their emails later), so readiness
 * stays 200 and says `redis: "down"` — a load balancer must not take every replica out of
 * service because the queue is away, but whoever watches sees it.
 */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobQueues,
  ) {}

  @Public()
  @Get('live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const [database, redis] = await Promise.all([
      this.db.query('SELECT 1').then(() => true, () => false),
      this.jobs.ping(),
    ]);
    const status = !database ? 'unavailable' : redis ? 'ok' : 'degraded';
    await reply.status(database ? 200 : 503).send({ status, database: database ? 'up' : 'down', redis: redis ? 'up' : 'down' });
  }
}
