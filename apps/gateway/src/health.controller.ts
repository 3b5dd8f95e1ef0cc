import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '@referloop/common';
import { JobQueues } from '@referloop/jobs';

/**
 * Liveness and readiness. Redis being down does not stop the gateway serving (mutations commit
 * and the relay sends their emails later), but readiness says so, for whoever watches.
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
    const body = { status: database && redis ? 'ok' : 'degraded', database: database ? 'up' : 'down', redis: redis ? 'up' : 'down' };
    await reply.status(database && redis ? 200 : 503).send(body);
  }
}
