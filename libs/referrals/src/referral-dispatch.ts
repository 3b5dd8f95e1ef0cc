import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@referloop/common';
import { JobQueues } from '@referloop/jobs';
import { sendJobs } from '@referloop/notifications';
import { ClockState, clockTimers } from './clock/clock-timers';

/**
 * What happens after a referral's transaction commits: its new notifications are handed to the
 * queue, and a running response clock gets its timers. Best-effort by design — the commit is
 * the promise; the outbox relay and the clock sweep deliver whatever Redis did not take now.
 */
@Injectable()
export class ReferralDispatch {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueues,
  ) {}

  async afterCommit(row: ClockState, pendingNotificationIds: readonly string[]): Promise<void> {
    await this.jobs.addBestEffort([...sendJobs(pendingNotificationIds), ...clockTimers(this.config, row)]);
  }
}
