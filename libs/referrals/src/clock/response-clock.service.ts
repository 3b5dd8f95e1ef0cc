import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { JobQueues } from '@referloop/jobs';
import { InternalAction, ReferralEventType, ReferralPriority, ReferralStatus } from '@referloop/lifecycle';
import { REMINDER } from '../notifications/referral-notifications';
import { MoveContext, MovePlan, ReferralLifecycle } from '../referral-lifecycle.service';
import { ReferralRow } from '../referral.row';
import { ClockState, clockTimers, reminderAt } from './clock-timers';

/**
 * What a timer did: acted, found nothing left to do, or fired before its time (clocks of
 * processes differ by milliseconds) — then it names when to run again.
 */
export type TimerOutcome = { kind: 'done' } | { kind: 'stale' } | { kind: 'early'; runAt: Date };

const DONE: TimerOutcome = { kind: 'done' };
const STALE: TimerOutcome = { kind: 'stale' };

export interface SweepResult {
  expired: number;
  reminded: number;
  armed: number;
}

const SWEEP_BATCH = 500;

/** reminderAt (clock-timers.ts) in SQL, with half of the ROUTINE and URGENT windows as $2 and $3. */
const REMINDER_AT = `r.due_at - make_interval(secs => (CASE r.priority WHEN '${ReferralPriority.URGENT}' THEN $3 ELSE $2 END)::double precision / 1000)`;

/**
 * The response clock's effects: the reminder at half time and the expiry at the deadline, both
 * system moves of the lifecycle table. Each checks under the referral's row lock that the timer
 * still belongs to the current run of the clock, so a late, duplicated or stale timer does
 * nothing. The sweep finds in PostgreSQL whatever Redis's timers missed.
 */
@Injectable()
export class ResponseClock {
  private readonly logger = new Logger('ResponseClock');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly lifecycle: ReferralLifecycle,
    private readonly jobs: JobQueues,
  ) {}

  /** The reminder at half time: an email to the receiver, no new version and no history entry (their answer is the history). */
  remind(referralId: string, clockSeq: number): Promise<TimerOutcome> {
    const dueAt = (row: ReferralRow) => (row.reminded_at === null && row.due_at !== null ? reminderAt(this.config, row) : null);
    return this.onTimer(referralId, clockSeq, InternalAction.REMIND_RECEIVER, dueAt, ({ now }) => ({
      changes: { reminded_at: now },
      event: null,
      notifications: REMINDER,
    }));
  }

  expire(referralId: string, clockSeq: number): Promise<TimerOutcome> {
    return this.onTimer(referralId, clockSeq, InternalAction.EXPIRE, (row) => row.due_at, () => ({
      changes: {},
      event: { type: ReferralEventType.EXPIRED },
    }));
  }

  /**
   * A timer's move, once its time has come: the lifecycle table decides whether it is still open
   * (the referral is still waiting for an answer), and a timer armed for an earlier run of the
   * clock, or with nothing left to do (`dueAt` null), is stale.
   */
  private async onTimer(
    referralId: string,
    clockSeq: number,
    action: InternalAction,
    dueAt: (row: ReferralRow) => Date | null,
    plan: (context: MoveContext) => MovePlan,
  ): Promise<TimerOutcome> {
    let early: Date | null = null;
    const row = await this.lifecycle.moveAsSystem(
      referralId,
      action,
      (current, now) => {
        const due = current.clock_seq === clockSeq ? dueAt(current) : null;
        if (due !== null && due > now) early = due;
        return due !== null && early === null;
      },
      plan,
    );
    if (row) return DONE;
    return early ? { kind: 'early', runAt: early } : STALE;
  }

  /**
   * Expires what is overdue, reminds what is past half time, and (re-)arms the timers falling
   * due before the next sweep — jobs with the same ids are ignored by the queue, so arming
   * twice is harmless and a Redis that lost its delayed jobs gets them back.
   */
  async sweep(): Promise<SweepResult> {
    const now = new Date();
    const overdue = await this.clockStates(`r.due_at <= $1`, [now]);
    let expired = 0;
    for (const state of overdue) if ((await this.expire(state.id, state.clock_seq)).kind === 'done') expired += 1;

    const pastHalfTime = await this.clockStates(`r.reminded_at IS NULL AND ${REMINDER_AT} <= $1`, [now, ...this.halfWindowsMs()]);
    let reminded = 0;
    for (const state of pastHalfTime) if ((await this.remind(state.id, state.clock_seq)).kind === 'done') reminded += 1;

    // Timers falling due before the sweep after next; `ensure` also replaces one that failed.
    const soon = new Date(now.getTime() + 2 * this.config.worker.sweepIntervalMs);
    const upcoming = await this.clockStates(`(r.due_at <= $1 OR (r.reminded_at IS NULL AND ${REMINDER_AT} <= $1))`, [soon, ...this.halfWindowsMs()]);
    const timers = upcoming.flatMap((state) => clockTimers(this.config, state)).filter((timer) => (timer.runAt as Date) <= soon);
    for (const timer of timers) await this.jobs.ensure(timer);
    if (expired + reminded > 0) this.logger.log(`Sweep expired ${expired} and reminded ${reminded} referral(s)`);
    return { expired, reminded, armed: timers.length };
  }

  /** $2 and $3 of the REMINDER_AT expression: half of each priority's window. */
  private halfWindowsMs(): [number, number] {
    const { ROUTINE, URGENT } = this.config.responseWindowHours;
    return [(ROUTINE * 3_600_000) / 2, (URGENT * 3_600_000) / 2];
  }

  private clockStates(condition: string, values: unknown[]): Promise<ClockState[]> {
    return this.db.query(
      `SELECT r.id, r.status, r.priority, r.due_at, r.clock_seq, r.reminded_at FROM referrals r
        WHERE r.status = '${ReferralStatus.SENT}' AND ${condition} ORDER BY r.due_at LIMIT ${SWEEP_BATCH}`,
      values,
    );
  }
}
