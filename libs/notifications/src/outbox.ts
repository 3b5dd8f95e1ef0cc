import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, jobRequest, JobRequest } from '@referloop/jobs';
import { OutboxAnswer, OutboxItem, outboxStatement } from './outbox-sql';

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
    const { sql, values } = outboxStatement({ ctes: '', source: '(SELECT * FROM referrals WHERE id = $1)', values: [referralId] }, actorId, items);
    const [answer]: OutboxAnswer[] = await manager.query(sql, values);
    return { pendingIds: answer.pending_notification_ids, suppressed: answer.suppressed_notifications };
  }
}

/** The send jobs for notifications that were just committed. */
export const sendJobs = (notificationIds: readonly string[]): JobRequest[] =>
  notificationIds.map((notificationId) => jobRequest(JobName.SEND_NOTIFICATION, { notificationId }));
