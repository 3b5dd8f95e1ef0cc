import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { JobQueues } from '@referloop/jobs';
import { sendJobs, webhookJobs } from '@referloop/notifications';
import { ClockState, clockTimers } from './clock/clock-timers';
import { ReferralUpdates } from './live/referral-updates';

/**
 * What happens after a referral's transaction commits: its new notifications and webhook
 * deliveries are handed to the queue, a running response clock gets its timers, and live
 * subscribers hear of the change.
 * Best-effort by design — the commit is the promise; the outbox relay and the clock sweep
 * deliver whatever Redis did not take now, and a subscriber reads the current state anyway.
 */
@Injectable()
export class ReferralDispatch {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueues,
    private readonly updates: ReferralUpdates,
  ) {}

  async afterCommit(row: ClockState & { version: number }, pendingNotificationIds: readonly string[], webhookDeliveryIds: readonly string[] = []): Promise<void> {
    await Promise.all([this.afterQuietCommit(row, pendingNotificationIds, webhookDeliveryIds), this.updates.published(row)]);
  }

  /** After a commit that made no new version (a reminder): its emails and the clock's timers, and no live update, since nobody's view changed. */
  async afterQuietCommit(row: ClockState, pendingNotificationIds: readonly string[], webhookDeliveryIds: readonly string[] = []): Promise<void> {
    await this.jobs.addBestEffort([...sendJobs(pendingNotificationIds), ...webhookJobs(webhookDeliveryIds), ...clockTimers(this.config, row)]);
  }
}
