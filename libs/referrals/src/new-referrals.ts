import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Modality } from '@referloop/common';
import { badInput, notFound } from '@referloop/core';
import { ReferralAction, ReferralStatus } from '@referloop/lifecycle';
import { Metrics } from '@referloop/metrics';
import { DEFAULT_RADIUS_KM, Provider, ProviderRepository } from '@referloop/providers';
import { PoolInput } from './dto/referral-content.input';
import { newReference } from './reference';
import { ReferralDispatch } from './referral-dispatch';
import { AuditedChange } from './audited-change';
import { NewReferral, ReferralRepository } from './referral.repository';
import { ReferralRow } from './referral.row';

const REFERENCE_ATTEMPTS = 5;

/** A referral just written, and its notifications waiting to be queued once the write commits. */
export interface Inserted {
  row: ReferralRow;
  pendingNotificationIds: string[];
  /** Emails written already SUPPRESSED (a patient without email consent). */
  suppressedNotifications: number;
  webhookDeliveryIds: string[];
  /** False when an idempotency key answered with the referral an earlier request created. */
  isNew: boolean;
}

/** A referral goes to one provider or to a pool, never both or neither. */
export function assertOneTarget(input: { toProviderId?: string | null; toPool?: PoolInput | null }, required: boolean): void {
  if (input.toProviderId && input.toPool) throw badInput('input.toPool', 'Give toProviderId or toPool, not both');
  if (required && !input.toProviderId && !input.toPool) {
    throw badInput('input.toProviderId', 'Give toProviderId (one provider) or toPool (an open referral for every eligible provider nearby)');
  }
}

/** An open referral's area as its columns (all null for none, or to clear it when a draft is edited). */
export const poolOf = (pool: PoolInput | null | undefined): Pick<ReferralRow, 'pool_latitude' | 'pool_longitude' | 'pool_radius_km'> => ({
  pool_latitude: pool?.near.latitude ?? null,
  pool_longitude: pool?.near.longitude ?? null,
  pool_radius_km: pool ? (pool.radiusKm ?? DEFAULT_RADIUS_KM) : null,
});

export function assertNotSelf(actor: Actor, providerId: string): void {
  if (actor.providerId !== null && providerId === actor.providerId) {
    throw badInput('input.toProviderId', 'You cannot refer a patient to yourself');
  }
}

export function assertPractises(provider: Provider, modality: Modality): void {
  if (!provider.modalities.includes(modality)) {
    throw badInput('input.modality', `${provider.displayName} does not practise ${modality}`);
  }
}

/**
 * How every new referral is written (created, redirected, referred onward): the insert with a
 * fresh reference and its idempotency key, the checks of its target, and what follows the
 * commit: counting it and queueing its emails and timers.
 */
@Injectable()
export class NewReferrals {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly providers: ProviderRepository,
    private readonly dispatch: ReferralDispatch,
    private readonly metrics: Metrics,
  ) {}

  /** Once the transaction that wrote it has committed. */
  async committed(created: Inserted): Promise<void> {
    this.countCommitted(created);
    await this.dispatch.afterCommit(created.row, created.pendingNotificationIds, created.webhookDeliveryIds);
  }

  /** A new referral goes through CREATE, and SEND when it starts sent, as its history says. */
  private countCommitted(inserted: Inserted): void {
    if (!inserted.isNew) return;
    this.metrics.referralTransitions.inc({ action: 'CREATE' });
    if (inserted.row.status === ReferralStatus.SENT) this.metrics.referralTransitions.inc({ action: ReferralAction.SEND });
    if (inserted.suppressedNotifications > 0) this.metrics.emails.inc({ outcome: 'suppressed' }, inserted.suppressedNotifications);
  }

  /** The provider a referral goes to, checked. Inside a transaction, reads through it (`manager`): a second pool connection could deadlock a full pool. */
  async targetProvider(actor: Actor, providerId: string, modality: Modality, manager: EntityManager): Promise<Provider> {
    assertNotSelf(actor, providerId);
    const provider = await this.providers.findById(providerId, manager);
    if (!provider) throw notFound('Provider');
    assertPractises(provider, modality);
    return provider;
  }

  /**
   * Inserts with a fresh random reference, retrying on the (rare) collision. When the user's
   * idempotency key is already taken — by an earlier or a concurrent request — returns that
   * referral instead: the unique index, not a prior read, is what makes this race-free.
   */
  async insert(
    manager: EntityManager,
    actor: Actor,
    fields: Omit<NewReferral, 'reference'>,
    now: Date,
    /** The request's audit entry, to write with the referral (committed only when `isNew`). */
    audit: AuditedChange | null = null,
  ): Promise<Inserted> {
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt += 1) {
      const inserted = await this.referrals.insert(manager, { ...fields, reference: newReference() }, actor.userId, now, audit);
      if (inserted) {
        const { pending_notification_ids: pendingNotificationIds, suppressed_notifications: suppressedNotifications, webhook_delivery_ids: webhookDeliveryIds, ...row } = inserted;
        return { row, pendingNotificationIds, suppressedNotifications, webhookDeliveryIds, isNew: true };
      }
      if (fields.idempotency_key) {
        // Its notifications were queued by the request that created it (or by the relay).
        const existing = await this.referrals.findByIdempotencyKey(manager, actor.userId, fields.idempotency_key);
        if (existing) return { row: existing, pendingNotificationIds: [], suppressedNotifications: 0, webhookDeliveryIds: [], isNew: false };
      }
    }
    throw new Error(`No free referral reference after ${REFERENCE_ATTEMPTS} attempts`);
  }
}
