import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { InternalAction, ReferralEventType, ReferralStatus } from '@referloop/lifecycle';
import { ReferralLifecycle } from '@referloop/referrals';

const SWEEP_BATCH = 500;

/**
 * The last step of the closed loop: an outcome the referrer has not acknowledged after
 * OUTCOME_REMINDER_AFTER_HOURS reminds them, once. A sweep of PostgreSQL rather than a delayed
 * job: the wait is days long, a minute's precision is plenty, and a table cannot lose it the
 * way a restarted Redis without persistence can. Each reminder is a system move of the
 * lifecycle table (REMIND_OUTCOME) that re-checks under the row lock that it is still due, so
 * overlapping sweeps or replicas remind once.
 */
@Injectable()
export class OutcomeReminders {
  private readonly logger = new Logger('OutcomeReminders');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly lifecycle: ReferralLifecycle,
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

  /** Not a change of the referral (SAME_VERSION): an acknowledgement loaded before it still applies. */
  private async remind(referralId: string, cutoff: Date): Promise<boolean> {
    const row = await this.lifecycle.moveAsSystem(
      referralId,
      InternalAction.REMIND_OUTCOME,
      (current) => current.outcome_reminded_at === null && current.completed_at !== null && current.completed_at <= cutoff,
      ({ now }) => ({ changes: { outcome_reminded_at: now }, event: { type: ReferralEventType.OUTCOME_REMINDED } }),
    );
    return row !== null;
  }
}
