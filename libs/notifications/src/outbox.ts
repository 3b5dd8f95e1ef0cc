import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, jobRequest, JobRequest } from '@referloop/jobs';
import { NotificationStatus } from './notification.enums';
import { OutboxItem, outboxInsertSql, outboxValues } from './outbox-sql';

/** The rows a transition wrote and what to enqueue once it has committed. */
export interface Recorded {
  pendingIds: string[];
  /** Written already SUPPRESSED: for a patient without email consent. */
  suppressed: number;
}

/** Writes notifications inside the caller's transaction. */
@Injectable()
export class Outbox {
  async record(manager: EntityManager, referralId: string, actorId: string | null, items: readonly OutboxItem[]): Promise<Recorded> {
    if (items.length === 0) return { pendingIds: [], suppressed: 0 };
    const { recipients, templates } = outboxValues(items);
    const rows: { id: string; status: string }[] = await manager.query(
      outboxInsertSql('(SELECT * FROM referrals WHERE id = $1)', { recipients: '$2', templates: '$3', actorId: '$4' }),
      [referralId, recipients, templates, actorId],
    );
    return {
      pendingIds: rows.filter((row) => row.status === NotificationStatus.PENDING).map((row) => row.id),
      suppressed: rows.filter((row) => row.status === NotificationStatus.SUPPRESSED).length,
    };
  }
}

/** The send jobs for notifications that were just committed. */
export const sendJobs = (notificationIds: readonly string[]): JobRequest[] =>
  notificationIds.map((notificationId) => jobRequest(JobName.SEND_NOTIFICATION, { notificationId }));
