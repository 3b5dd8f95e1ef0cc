import { Injectable } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { JobName, QueueName } from '@referloop/jobs';
import { ResponseClock, TimerOutcome } from '@referloop/referrals';
import { CatalogueProcessor, HandlerTable } from './catalogue-processor';

/** Reminders and expiries of the response clock. */
@Injectable()
export class ResponseClockProcessor extends CatalogueProcessor {
  readonly queueName = QueueName.RESPONSE_CLOCK;

  protected readonly handlers: HandlerTable = {
    [JobName.REMIND_RECEIVER]: async (job, token) => this.settle(job, token, await this.clock.remind(job.data.referralId, job.data.clockSeq)),
    [JobName.EXPIRE_REFERRAL]: async (job, token) => this.settle(job, token, await this.clock.expire(job.data.referralId, job.data.clockSeq)),
  };

  constructor(private readonly clock: ResponseClock) {
    super();
  }

  /** A timer that fired a little early goes back to wait for its moment (BullMQ's manual delay). */
  private async settle(job: Job, token: string | undefined, outcome: TimerOutcome): Promise<string> {
    if (outcome.kind !== 'early') return outcome.kind;
    await job.moveToDelayed(outcome.runAt.getTime(), token);
    throw new DelayedError();
  }
}
