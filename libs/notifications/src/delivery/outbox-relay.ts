import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { JobName, jobRequest, JobQueues } from '@referloop/jobs';
import { NotificationRepository, PendingKey } from '../notification.repository';

/** Rows checked per page, all at once (one Redis round trip each, pipelined on one connection). */
const PAGE = 100;
/** Pages every pass checks, going on from where the previous pass stopped. */
const PAGES_PER_PASS = 2;
/** Pages one pass may check while it keeps finding jobs to re-add (Redis lost its data). */
const MAX_PAGES = 50;

/**
 * Hands PENDING notifications that have waited too long back to the queue: the gateway may
 * have died between commit and enqueue, or Redis may have been down (or lost its data). A
 * notification whose job is still queued, delayed for a retry or running is left alone.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  /** Where the next pass starts: passes walk the PENDING rows in turn and wrap around. */
  private cursor: PendingKey | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationRepository,
    private readonly jobs: JobQueues,
  ) {}

  /**
   * One pass: a couple of pages of old PENDING rows, oldest first, from where the last pass
   * stopped — so a long backlog costs a bounded check per pass, yet every row is looked at
   * within a few passes. A page that needed re-adding means more may be missing (Redis lost
   * its data), and the pass goes on. Returns how many it added.
   */
  async relay(): Promise<number> {
    let added = 0;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const rows = await this.notifications.pendingOlderThan(this.config.worker.relayAfterMs, PAGE, this.cursor);
      const results = await Promise.all(rows.map((row) => this.jobs.ensure(jobRequest(JobName.SEND_NOTIFICATION, { notificationId: row.id }))));
      const addedNow = results.filter((result) => result === 'added').length;
      added += addedNow;
      this.cursor = rows.length < PAGE ? null : rows[rows.length - 1];
      if (this.cursor === null || (addedNow === 0 && page + 1 >= PAGES_PER_PASS)) break;
    }
    if (added > 0) this.logger.log(`Re-enqueued ${added} pending notification(s)`);
    return added;
  }
}
