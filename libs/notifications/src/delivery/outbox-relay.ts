import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { JobName, jobRequest, JobQueues, RelayWalk } from '@referloop/jobs';
import { NotificationRepository, PendingKey } from '../notification.repository';

/**
 * Hands PENDING notifications that have waited too long back to the queue: the gateway may
 * have died between commit and enqueue, or Redis may have been down (or lost its data). A
 * notification whose job is still queued, delayed for a retry or running is left alone.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly walk: RelayWalk<PendingKey>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, notifications: NotificationRepository, jobs: JobQueues) {
    this.walk = new RelayWalk(
      jobs,
      (after, limit) => notifications.pendingOlderThan(config.worker.relayAfterMs, limit, after),
      (row) => jobRequest(JobName.SEND_NOTIFICATION, { notificationId: row.id }),
    );
  }

  /** One pass (see RelayWalk); how many it added. */
  async relay(): Promise<number> {
    const added = await this.walk.pass();
    if (added > 0) this.logger.log(`Re-enqueued ${added} pending notification(s)`);
    return added;
  }
}
