import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@referloop/common';
import { JobName, jobRequest, JobQueues } from '@referloop/jobs';
import { NotificationRepository } from '../notification.repository';

const BATCH = 1000;
/** Redis round trips in flight at once; enough to keep one connection busy. */
const PARALLEL = 50;

/**
 * Hands PENDING notifications that have waited too long back to the queue: the gateway may
 * have died between commit and enqueue, or Redis may have been down (or lost its data). A
 * notification whose job is still queued, delayed for a retry or running is left alone.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationRepository,
    private readonly jobs: JobQueues,
  ) {}

  /** One pass; returns how many jobs it had to add. */
  async relay(): Promise<number> {
    const ids = await this.notifications.pendingOlderThan(this.config.worker.relayAfterMs, BATCH);
    let added = 0;
    for (let start = 0; start < ids.length; start += PARALLEL) {
      const results = await Promise.all(
        ids.slice(start, start + PARALLEL).map((notificationId) => this.jobs.ensure(jobRequest(JobName.SEND_NOTIFICATION, { notificationId }))),
      );
      added += results.filter((result) => result === 'added').length;
    }
    if (added > 0) this.logger.log(`Re-enqueued ${added} pending notification(s)`);
    return added;
  }
}
