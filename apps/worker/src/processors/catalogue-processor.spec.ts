import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { JobName, QueueName } from '@referloop/jobs';
import { NotificationSender } from '@referloop/notifications';
import { ResponseClock, TimerOutcome } from '@referloop/referrals';
import { WebhookSender } from '@referloop/webhooks';
import { assertEveryJobHandled, CatalogueProcessor, HandlerTable } from './catalogue-processor';
import { NotificationProcessor } from './notification.processor';
import { ResponseClockProcessor } from './response-clock.processor';
import { WebhookProcessor } from './webhook.processor';

/** The real processors; their dependencies are never called by the start-up check. */
const realProcessors = () => [new NotificationProcessor({} as NotificationSender), new ResponseClockProcessor({} as ResponseClock), new WebhookProcessor({} as WebhookSender)];

/** A processor that handles the expiry on the notifications queue, where it does not belong. */
class MisplacedExpiryProcessor extends CatalogueProcessor {
  readonly queueName = QueueName.NOTIFICATIONS;
  protected readonly handlers: HandlerTable = {
    [JobName.SEND_NOTIFICATION]: async () => 'sent',
    [JobName.EXPIRE_REFERRAL]: async () => 'done',
  };
}

/** The clock processor with the expiry handler forgotten. */
class ForgetfulClockProcessor extends CatalogueProcessor {
  readonly queueName = QueueName.RESPONSE_CLOCK;
  protected readonly handlers: HandlerTable = { [JobName.REMIND_RECEIVER]: async () => 'done' };
}

const clockJob = (name: JobName, moveToDelayed = jest.fn()) =>
  ({ name, data: { referralId: 'r-1', clockSeq: 2 }, moveToDelayed }) as unknown as Job;

describe('assertEveryJobHandled', () => {
  it('passes for the real processors', () => {
    expect(() => assertEveryJobHandled(realProcessors())).not.toThrow();
  });

  it('refuses to start, naming them, when jobs have no handler', () => {
    const [notifications] = realProcessors();
    expect(() => assertEveryJobHandled([notifications])).toThrow(/^Refusing to start: no handler for job\(s\) /);
    expect(() => assertEveryJobHandled([notifications])).toThrow(JobName.REMIND_RECEIVER);
    expect(() => assertEveryJobHandled([notifications])).toThrow(JobName.EXPIRE_REFERRAL);
  });

  it('names the one job a processor forgot', () => {
    const [notifications, , webhooks] = realProcessors();
    expect(() => assertEveryJobHandled([notifications, new ForgetfulClockProcessor(), webhooks])).toThrow(/no handler for job\(s\) expire-referral$/);
  });

  it('refuses a job handled on the wrong queue, naming the job and both queues', () => {
    const [, clock, webhooks] = realProcessors();
    expect(() => assertEveryJobHandled([new MisplacedExpiryProcessor(), clock, webhooks])).toThrow(
      'Job "expire-referral" belongs to queue response-clock but is handled on notifications',
    );
  });
});

describe('CatalogueProcessor.process', () => {
  it('fails a job it has no handler for without retries', async () => {
    const [notifications] = realProcessors();
    await expect(notifications.process(clockJob(JobName.EXPIRE_REFERRAL))).rejects.toThrow(UnrecoverableError);
  });

  it('dispatches a clock job by name and returns what the clock did', async () => {
    const clock = { expire: jest.fn().mockResolvedValue({ kind: 'stale' } satisfies TimerOutcome), remind: jest.fn() };
    const processor = new ResponseClockProcessor(clock as unknown as ResponseClock);
    await expect(processor.process(clockJob(JobName.EXPIRE_REFERRAL))).resolves.toBe('stale');
    expect(clock.expire).toHaveBeenCalledWith('r-1', 2);
    expect(clock.remind).not.toHaveBeenCalled();
  });

  it('puts a timer that fired early back to wait until its moment', async () => {
    const runAt = new Date('2031-05-01T10:00:00Z');
    const clock = { remind: jest.fn().mockResolvedValue({ kind: 'early', runAt } satisfies TimerOutcome) };
    const moveToDelayed = jest.fn().mockResolvedValue(undefined);
    const processor = new ResponseClockProcessor(clock as unknown as ResponseClock);
    await expect(processor.process(clockJob(JobName.REMIND_RECEIVER, moveToDelayed), 'lock-token')).rejects.toThrow(DelayedError);
    expect(moveToDelayed).toHaveBeenCalledWith(runAt.getTime(), 'lock-token');
  });
});
