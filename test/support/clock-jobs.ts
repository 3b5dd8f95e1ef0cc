import { QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@referloop/core';
import { JOB_ID, JobName, QueueName, redisOptionsFromUrl } from '@referloop/jobs';
import { withDeadline } from './poll-until';

/** The ids of a referral's two timers for one run of its response clock. */
export const reminderJobId = (referralId: string, clockSeq: number) => JOB_ID[JobName.REMIND_RECEIVER]({ referralId, clockSeq });
export const expiryJobId = (referralId: string, clockSeq: number) => JOB_ID[JobName.EXPIRE_REFERRAL]({ referralId, clockSeq });

/**
 * What each finished response-clock job returned ('done' or 'stale'), read from BullMQ's event
 * stream of the test's queue prefix. Finished jobs are removed from Redis at once, so their
 * completion event is the only lasting trace that a timer ran — and what it decided. The stream
 * is read from its start, so an event that came before `waitFor` was called is not missed.
 */
export class FinishedClockJobs {
  private readonly events: QueueEvents;
  private readonly returned = new Map<string, unknown>();
  private readonly waiters = new Map<string, Array<(value: unknown) => void>>();

  constructor(config: AppConfig) {
    this.events = new QueueEvents(QueueName.RESPONSE_CLOCK, {
      connection: redisOptionsFromUrl(config.redisUrl),
      prefix: config.queuePrefix,
      lastEventId: '0-0',
    });
    this.events.on('completed', ({ jobId, returnvalue }) => {
      this.returned.set(jobId, returnvalue);
      for (const resolve of this.waiters.get(jobId) ?? []) resolve(returnvalue);
      this.waiters.delete(jobId);
    });
  }

  async ready(): Promise<void> {
    await this.events.waitUntilReady();
  }

  /** Resolves with what job `jobId` returned once it has completed. */
  waitFor(jobId: string, timeoutMs: number): Promise<unknown> {
    if (this.returned.has(jobId)) return Promise.resolve(this.returned.get(jobId));
    const completed = new Promise<unknown>((resolve) => this.waiters.set(jobId, [...(this.waiters.get(jobId) ?? []), resolve]));
    return withDeadline(completed, timeoutMs, `completion of job ${jobId}`);
  }

  async close(): Promise<void> {
    await this.events.close();
  }
}

export interface ClockRow {
  status: string;
  priority: string;
  sent_at: Date;
  due_at: Date | null;
  clock_seq: number;
  clock_remaining_ms: number | null;
  reminded_at: Date | null;
}

/** The response clock's columns of one referral, as the product recorded them. */
export async function clockRow(db: DataSource, referralId: string): Promise<ClockRow> {
  const [row] = await db.query(
    'SELECT status, priority, sent_at, due_at, clock_seq, clock_remaining_ms, reminded_at FROM referrals WHERE id = $1',
    [referralId],
  );
  return { ...row, clock_remaining_ms: row.clock_remaining_ms === null ? null : Number(row.clock_remaining_ms) };
}

export interface EventRow {
  type: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  at: Date;
}

export function eventRows(db: DataSource, referralId: string): Promise<EventRow[]> {
  return db.query('SELECT type, from_status, to_status, actor_id, at FROM referral_events WHERE referral_id = $1 ORDER BY seq', [referralId]);
}

export interface NotificationRow {
  id: string;
  template: string;
  recipient_kind: string;
  recipient_email: string | null;
  status: string;
}

export function notificationRows(db: DataSource, referralId: string): Promise<NotificationRow[]> {
  return db.query('SELECT id, template, recipient_kind, recipient_email, status FROM notifications WHERE referral_id = $1 ORDER BY created_at, id', [
    referralId,
  ]);
}
