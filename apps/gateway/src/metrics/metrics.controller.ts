import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '@referloop/common';
import { Metrics } from '@referloop/metrics';

/**
 * Prometheus text at GET /metrics. Public like the health checks: it holds counts and
 * timings, no patient, referral or user; keep it off the internet at the load balancer.
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Public()
  @Get()
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const { contentType, body } = await this.metrics.exposition();
    await reply.header('content-type', contentType).send(body);
  }
}
