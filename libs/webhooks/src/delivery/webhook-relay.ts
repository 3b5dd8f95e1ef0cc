import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { JobName, jobRequest, JobQueues } from '@referloop/jobs';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';

/** Deliveries checked per pass, and the most one pass goes through while it keeps finding lost ones. */
const PAGE = 100;
const MAX_PAGES = 50;

/**
 * Hands overdue webhook attempts back to the queue, as the outbox relay does for emails: the
 * gateway may have died between commit and enqueue, a retry's job may not have reached Redis,
 * or Redis may have lost its data. An attempt whose job is still queued or running is left alone.
 */
@Injectable()
export class WebhookRelay {
  private readonly logger = new Logger('WebhookRelay');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly jobs: JobQueues,
  ) {}

  /** One pass, oldest first; how many attempts it queued again. */
  async relay(): Promise<number> {
    let added = 0;
    let after: { nextAttemptAt: Date; id: string } | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const due = await this.deliveries.overdue(this.config.worker.relayAfterMs, PAGE, after);
      const results = await Promise.all(due.map((delivery) => this.jobs.ensure(jobRequest(JobName.DELIVER_WEBHOOK, { deliveryId: delivery.id, attempt: delivery.nextAttempt }))));
      const addedNow = results.filter((result) => result === 'added').length;
      added += addedNow;
      if (due.length < PAGE || addedNow === 0) break;
      after = due[due.length - 1];
    }
    if (added > 0) this.logger.log(`Re-enqueued ${added} webhook attempt(s)`);
    return added;
  }
}
