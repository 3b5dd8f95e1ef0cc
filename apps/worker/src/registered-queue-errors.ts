import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@referloop/jobs';

/**
 * The queues BullModule.registerQueue creates (@nestjs/bullmq builds the processors' workers
 * through it; jobs are added through JobQueues) hold connections of their own. BullMQ prints
 * each connection error of a queue nobody listens to, stack and all: several a second while
 * Redis is down. They reconnect by themselves; one line every few seconds says so.
 */
@Injectable()
export class RegisteredQueueErrors {
  private readonly logger = new Logger('Worker');
  private lastLoggedAt = 0;

  constructor(@InjectQueue(QueueName.NOTIFICATIONS) notifications: Queue, @InjectQueue(QueueName.RESPONSE_CLOCK) clock: Queue) {
    for (const queue of [notifications, clock]) queue.on('error', (error: Error) => this.log(queue.name, error));
  }

  private log(queue: string, error: Error): void {
    const now = Date.now();
    if (now - this.lastLoggedAt < 5000) return;
    this.lastLoggedAt = now;
    this.logger.warn(`Queue ${queue}: ${error.message}`);
  }
}
