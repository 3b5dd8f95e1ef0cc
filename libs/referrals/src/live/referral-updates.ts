import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig, ThrottledLogger } from '@referloop/core';
import { createFailFastRedis, redisOptionsFromUrl } from '@referloop/jobs';

/** What crosses Redis when a referral changed: ids only; each subscriber reads the referral as itself. */
export interface ReferralUpdatedMessage {
  referralId: string;
  version: number;
}

/**
 * Referral changes, published through Redis so that a subscriber on one gateway replica hears a
 * change committed on another (or by the worker, for an expiry). Publishing is best-effort and
 * never blocks a mutation: the publisher fails fast while Redis is away, and a subscriber who
 * missed an update sees the current state on its next read. The subscriber connection is opened
 * only when someone subscribes, so the worker, which only publishes, holds none.
 */
@Injectable()
export class ReferralUpdates implements OnModuleDestroy {
  private readonly log = new ThrottledLogger('ReferralUpdates');
  private readonly channel: string;
  private readonly pubsub: RedisPubSub;
  private readonly connections: Redis[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Replicas of one deployment share the queue prefix; so do their live updates.
    this.channel = `${config.queuePrefix}:referral-updated`;
    const publisher = createFailFastRedis(config.redisUrl, config.redisCommandTimeoutMs, 'referloop-updates-publisher');
    publisher.on('error', (error: Error) => this.log.warn('publisher', `Redis (live updates): ${error.message}`));
    const subscriber = new Redis({ ...redisOptionsFromUrl(config.redisUrl), connectionName: 'referloop-updates-subscriber', lazyConnect: true, maxRetriesPerRequest: null });
    subscriber.on('error', (error: Error) => this.log.warn('subscriber', `Redis (live updates): ${error.message}`));
    this.pubsub = new RedisPubSub({ publisher, subscriber });
    this.connections = [publisher, subscriber];
  }

  /** Tells every gateway that the referral changed; a failure is logged, never thrown (the change is committed). */
  async published(referral: { id: string; version: number }): Promise<void> {
    const message: ReferralUpdatedMessage = { referralId: referral.id, version: referral.version };
    try {
      await this.pubsub.publish(this.channel, message);
    } catch (error) {
      this.log.warn('publish', `Could not publish an update of referral ${referral.id}: ${(error as Error).message}`);
    }
  }

  /** Every update from now on, for one subscriber. */
  updates(): AsyncIterableIterator<ReferralUpdatedMessage> {
    return this.pubsub.asyncIterableIterator<ReferralUpdatedMessage>(this.channel);
  }

  /** Disconnects at once: quitting a subscriber that never connected would first connect it. */
  onModuleDestroy(): void {
    for (const connection of this.connections) connection.disconnect();
  }
}
