import { Injectable } from '@nestjs/common';
import { JobName, QueueName } from '@referloop/jobs';
import { NotificationSender } from '@referloop/notifications';
import { CatalogueProcessor, HandlerTable } from './catalogue-processor';

/** Sends emails. Its @Processor options (concurrency, locks) are applied from config by WorkerModule. */
@Injectable()
export class NotificationProcessor extends CatalogueProcessor {
  readonly queueName = QueueName.NOTIFICATIONS;

  protected readonly handlers: HandlerTable = {
    [JobName.SEND_NOTIFICATION]: (job) => {
      // A failure on the last attempt is final: the row turns FAILED and waits for an operator.
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      return this.sender.deliver(job.data.notificationId, finalAttempt);
    },
  };

  constructor(private readonly sender: NotificationSender) {
    super();
  }
}
