import { Injectable } from '@nestjs/common';
import { JobName, QueueName } from '@referloop/jobs';
import { WebhookSender } from '@referloop/webhooks';
import { CatalogueProcessor, HandlerTable } from './catalogue-processor';

/** Sends webhook attempts; each retry is a job of its own, queued by the attempt before it. */
@Injectable()
export class WebhookProcessor extends CatalogueProcessor {
  readonly queueName = QueueName.WEBHOOKS;

  protected readonly handlers: HandlerTable = {
    [JobName.DELIVER_WEBHOOK]: (job) => this.sender.attempt(job.data.deliveryId, job.data.attempt),
  };

  constructor(private readonly sender: WebhookSender) {
    super();
  }
}
