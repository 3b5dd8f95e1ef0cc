import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@referloop/common';
import { Outbox } from '@referloop/notifications';
import { ReferralEventType, ReferralStatus } from '../lifecycle';
import { notificationsFor } from '../notifications/referral-notifications';
import { ReferralDispatch } from '../referral-dispatch';
import { ReferralRepository } from '../referral.repository';

const SWEEP_BATCH = 500;

/**
 * The last step of the closed loop: an outcome the referrer has not acknowledged after
 * OUTCOME_REMINDER_AFTER_HOURS reminds them, once. A sweep of PostgreSQL rather than a delayed
 * job: the wait is days long, a minute's precision is plenty, and a table cannot lose it the
 * way a restarted Redis without persistence can. Each reminder is one transaction under the
 * row lock that re-checks it is still due, so overlapping sweeps or replicas remind once.
 */
@Injectable()
export class OutcomeReminders {
  private readonly logger = new Logger('OutcomeReminders');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly outbox: Outbox,
    private readonly dispatch: ReferralDispatch,
  ) {}

  /** Reminds the referrers of outcomes waiting too long; returns how many were reminded. */
  async sweep(): Promise<number> {
    const cutoff = new Date(Date.now() - this.config.episode.outcomeReminderAfterHours * 3_600_000);
    const waiting: { id: string }[] = await this.db.query(
      `SELECT id FROM referrals
        WHERE status = '${ReferralStatus.COMPLETED}' AND loop_closed_at IS NULL AND outcome_reminded_at IS NULL AND completed_at <= $1
        ORDER BY completed_at LIMIT ${SWEEP_BATCH}`,
      [cutoff],
    );
    let reminded = 0;
    for (const { id } of waiting) if (await this.remind(id, cutoff)) reminded += 1;
    if (reminded > 0) this.logger.log(`Reminded the referrers of ${reminded} unacknowledged outcome(s)`);
    return reminded;
  }

  private async remind(referralId: string, cutoff: Date): Promise<boolean> {
    const committed = await this.db.transaction(async (manager) => {
      const row = await this.referrals.lock(manager, referralId);
      const due = row !== null && row.status === ReferralStatus.COMPLETED && row.loop_closed_at === null && row.outcome_reminded_at === null;
      if (!due || row.completed_at === null || row.completed_at > cutoff) return null;
      const now = new Date();
      // Not a change of the referral: no version bump, so an acknowledgement loaded before it still applies.
      await manager.query('UPDATE referrals SET outcome_reminded_at = $2 WHERE id = $1', [row.id, now]);
      const event = ReferralEventType.OUTCOME_REMINDED;
      await this.referrals.appendEvents(manager, [{ referralId: row.id, type: event, fromStatus: row.status, toStatus: row.status, actorId: null, at: now }]);
      const { pendingIds } = await this.outbox.record(manager, row.id, null, notificationsFor(event, row.status));
      return { row, pendingIds };
    });
    if (!committed) return false;
    await this.dispatch.afterReminder(committed.row, committed.pendingIds);
    return true;
  }
}
