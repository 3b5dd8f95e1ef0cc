import { AppConfig } from '@referloop/core';
import { ReferralPriority } from '@referloop/lifecycle';

/** When a referral sent now must be answered by, from the configured windows. */
export function dueAtFor(config: AppConfig, priority: ReferralPriority, sentAt: Date): Date {
  return new Date(sentAt.getTime() + config.responseWindowHours[priority] * 3_600_000);
}
