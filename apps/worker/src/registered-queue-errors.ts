import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ThrottledLogger } from '@referloop/core';
import { QueueName } from '@referloop/jobs';

/**
 * The queues BullModule.registerQueue creates (@nestjs/bullmq builds the processors' workers
 * through it; jobs are added through JobQueues) hold connections of their own. BullMQ prints
 * each connection error of a queue nobody listens to, stack and all: several a second while
 * Redis is down. They reconnect by themselves; one line every few seconds says so.
 */
@Injectable()
export class RegisteredQueueErrors {
  private readonly log = new ThrottledLogger('Worker');

  constructor(@InjectQueue(QueueName.NOTIFICATIONS) notifications: Queue, @InjectQueue(QueueName.RESPONSE_CLOCK) clock: Queue) {
    for (const queue of [notifications, clock]) queue.on('error', (error: Error) => this.log.warn(`queue-${queue.name}`, `Queue ${queue.name}: ${error.message}`));
  }
}
