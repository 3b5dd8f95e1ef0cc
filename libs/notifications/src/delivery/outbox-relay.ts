import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@referloop/common';
import { JobName, jobRequest, JobQueues } from '@referloop/jobs';
import { NotificationRepository, PendingKey } from '../notification.repository';

/** Rows checked per page, all at once (one Redis round trip each, pipelined on one connection). */
const PAGE = 100;
/** Pages per pass at most, so one pass stays short; the next pass goes on. */
const MAX_PAGES = 50;

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

  /**
   * One pass over the oldest PENDING rows, a page at a time. A page whose jobs are all still
   * queued ends the pass: the queue is first-in first-out, so behind a healthy head of the
   * backlog the rest is almost certainly queued too, and a long backlog is not re-checked
   * every few seconds. A page that needed re-adding (Redis lost its data, a gateway died before
   * enqueueing) means more may be missing, and the pass goes on. Returns how many it added.
   */
  async relay(): Promise<number> {
    let added = 0;
    let after: PendingKey | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const rows = await this.notifications.pendingOlderThan(this.config.worker.relayAfterMs, PAGE, after);
      const results = await Promise.all(rows.map((row) => this.jobs.ensure(jobRequest(JobName.SEND_NOTIFICATION, { notificationId: row.id }))));
      const addedNow = results.filter((result) => result === 'added').length;
      added += addedNow;
      if (addedNow === 0 || rows.length < PAGE) break;
      after = rows[rows.length - 1];
    }
    if (added > 0) this.logger.log(`Re-enqueued ${added} pending notification(s)`);
    return added;
  }
}
