import { AppConfig } from '@referloop/core';
import { JobName, jobRequest, JobRequest } from '@referloop/jobs';
import { ReferralPriority, ReferralStatus } from '@referloop/lifecycle';

export interface ClockState {
  id: string;
  status: string;
  priority: string;
  due_at: Date | null;
  clock_seq: number;
  reminded_at: Date | null;
}

const windowMs = (config: AppConfig, priority: string) =>
  config.responseWindowHours[priority === ReferralPriority.URGENT ? ReferralPriority.URGENT : ReferralPriority.ROUTINE] * 3_600_000;

/**
 * When the receiver is reminded: half the response window before the deadline. After a pause
 * the deadline moved by the time spent ON_HOLD, and so does the reminder.
 */
export const reminderAt = (config: AppConfig, state: ClockState): Date =>
  new Date((state.due_at as Date).getTime() - windowMs(config, state.priority) / 2);

/** The delayed jobs a running clock needs; none when the clock is not running. */
export function clockTimers(config: AppConfig, state: ClockState): JobRequest[] {
  if (state.status !== ReferralStatus.SENT || state.due_at === null) return [];
  const ids = { referralId: state.id, clockSeq: state.clock_seq };
  const timers: JobRequest[] = [jobRequest(JobName.EXPIRE_REFERRAL, ids, state.due_at)];
  if (state.reminded_at === null) timers.push(jobRequest(JobName.REMIND_RECEIVER, ids, reminderAt(config, state)));
  return timers;
}
