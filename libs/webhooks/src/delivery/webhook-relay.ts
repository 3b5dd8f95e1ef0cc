import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { JobName, jobRequest, JobQueues, RelayWalk } from '@referloop/jobs';
import { DueDelivery, WebhookDeliveryRepository } from './webhook-delivery.repository';

/**
 * Hands overdue webhook attempts back to the queue, as the outbox relay does for emails: the
 * gateway may have died between commit and enqueue, a retry's job may not have reached Redis,
 * or Redis may have lost its data. An attempt whose job is still queued or running is left alone.
 */
@Injectable()
export class WebhookRelay {
  private readonly logger = new Logger('WebhookRelay');
  private readonly walk: RelayWalk<DueDelivery & { nextAttemptAt: Date }>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, deliveries: WebhookDeliveryRepository, jobs: JobQueues) {
    this.walk = new RelayWalk(
      jobs,
      (after, limit) => deliveries.overdue(config.worker.relayAfterMs, limit, after),
      (delivery) => jobRequest(JobName.DELIVER_WEBHOOK, { deliveryId: delivery.id, attempt: delivery.nextAttempt }),
    );
  }

  /** One pass (see RelayWalk); how many attempts it queued again. */
  async relay(): Promise<number> {
    const added = await this.walk.pass();
    if (added > 0) this.logger.log(`Re-enqueued ${added} webhook attempt(s)`);
    return added;
  }
}
