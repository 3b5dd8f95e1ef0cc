import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, conflict, ErrorReason, forbidden, invalidTransition, notFound } from '@referloop/common';
import { Outbox, OutboxItem } from '@referloop/notifications';
import { Metrics } from '@referloop/metrics';
import { ProviderStatsStore } from '@referloop/providers';
import { decide, describeAction, LifecycleAction, Party, ReferralEventType, ReferralStatus } from './lifecycle';
import { notificationsFor } from './notifications/referral-notifications';
import { ReferralDispatch } from './referral-dispatch';
import { rowFacts } from './referral-facts';
import { partiesOf } from './referral-access';
import { ReferralRepository } from './referral.repository';
import { ReferralRow } from './referral.row';

export interface MoveContext {
  row: ReferralRow;
  /** Who the actor is for this referral (empty for the system). */
  parties: ReadonlySet<Party>;
  to: ReferralStatus;
  reasonRequired: boolean;
  now: Date;
  manager: EntityManager;
}

/** What a move changes besides status and version, and how its history entry reads. */
export interface MovePlan<R = undefined> {
  changes: Record<string, unknown>;
  event: { type: ReferralEventType; reason?: string | null; data?: unknown };
  /** Something else the move produced (the new referral of a redirect). */
  result?: R;
  /**
   * The move leaves the referral itself as it was (no version bump, no emails about it), only
   * its history entry: a provider's pass on an open referral, which the rest of the pool must
   * still be able to claim at the version they loaded; a referral onward from an episode, whose
   * referrer must still be able to acknowledge the outcome they loaded.
   */
  leavesReferral?: boolean;
  /** Emails beyond the ones the event always causes (a visit that was one no-show too many). */
  notifications?: readonly OutboxItem[];
}

export interface Command {
  id: string;
  expectedVersion?: number;
}

export const rowParticipants = (row: ReferralRow) => ({
  status: row.status,
  referringClinicId: row.referring_clinic_id,
  referringUserId: row.referring_user_id,
  referringProviderId: row.referring_provider_id,
  toProviderId: row.to_provider_id,
  toClinicId: row.to_clinic_id,
  poolCandidate: row.pool_candidate === true,
});

const ACTIVE = new Set([ReferralStatus.ACCEPTED, ReferralStatus.SCHEDULED, ReferralStatus.IN_TREATMENT]);

/** A move changes its provider's stats when it answers the referral or starts or ends an episode. */
const changesProviderStats = (from: ReferralStatus, to: ReferralStatus) =>
  from !== to && (to === ReferralStatus.ACCEPTED || to === ReferralStatus.DECLINED || ACTIVE.has(from) !== ACTIVE.has(to));

/** What a committed move leaves to do once its transaction is over. */
interface Committed<R> {
  row: ReferralRow;
  result?: R;
  pendingNotificationIds: string[];
  suppressedNotifications: number;
}

/**
 * The one path by which a referral's status changes. In a single transaction it locks the row
 * (scoped to what the actor may see), checks the actor's side, the transition and the expected
 * version in the documented order, applies the move's changes, bumps the version, appends the
 * history entry and writes the move's notifications to the outbox — so a move, its history
 * and its emails commit together or not at all. After the commit it enqueues them.
 */
@Injectable()
export class ReferralLifecycle {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly outbox: Outbox,
    private readonly dispatch: ReferralDispatch,
    private readonly providerStats: ProviderStatsStore,
    private readonly metrics: Metrics,
  ) {}

  async move<R = undefined>(
    actor: Actor,
    command: Command,
    /** The action, or how to choose it from the locked row (a visit is START_TREATMENT when it is the first attended one). */
    actionFor: LifecycleAction | ((row: ReferralRow) => LifecycleAction),
    plan: (context: MoveContext) => MovePlan<R> | Promise<MovePlan<R>>,
  ): Promise<{ row: ReferralRow; result?: R }> {
    const committed = await this.db.transaction(async (manager) => {
      const row = await this.referrals.lockForMove(manager, actor, command.id);
      if (!row) throw notFound('Referral');
      const action = typeof actionFor === 'function' ? actionFor(row) : actionFor;

      const parties = partiesOf(actor, rowParticipants(row));
      if (parties.size === 0 && row.pool_candidate === true && row.to_provider_id !== null) {
        throw invalidTransition('This open referral has already been taken by another provider', ErrorReason.POOL_TAKEN);
      }
      const decision = decide(rowFacts(row), action, parties);
      if (!decision.allowed) {
        if (decision.why === 'NOT_YOUR_SIDE') throw forbidden(`Not your side's action on this referral: ${describeAction(action)}`, ErrorReason.NOT_YOUR_SIDE);
        throw invalidTransition(decision.message, decision.reason);
      }
      if (command.expectedVersion !== undefined && command.expectedVersion !== null && command.expectedVersion !== row.version) {
        throw conflict(`The referral changed since you loaded it (version ${row.version}, you had ${command.expectedVersion}); reload and retry`, {
          currentVersion: row.version,
        }, ErrorReason.STALE_VERSION);
      }
      return { ...(await this.apply(manager, row, parties, decision.to, decision.reasonRequired, actor.userId, plan)), action };
    });
    this.countCommitted(committed.action, committed.suppressedNotifications);
    await this.dispatch.afterCommit(committed.row, committed.pendingNotificationIds);
    return { row: committed.row, result: committed.result };
  }

  /**
   * A move made by the response clock rather than a person. `stillDue` is asked under the row
   * lock; a timer for a referral that has moved on (answered, paused, restarted) does nothing
   * and returns null.
   */
  async moveAsSystem(
    referralId: string,
    action: LifecycleAction,
    stillDue: (row: ReferralRow, now: Date) => boolean,
    plan: (context: MoveContext) => MovePlan,
  ): Promise<ReferralRow | null> {
    const committed = await this.db.transaction(async (manager) => {
      const row = await this.referrals.lock(manager, referralId);
      if (!row || !stillDue(row, new Date())) return null;
      const decision = decide(rowFacts(row), action, new Set([Party.SYSTEM]));
      if (!decision.allowed) return null;
      return this.apply(manager, row, new Set(), decision.to, decision.reasonRequired, null, plan);
    });
    if (!committed) return null;
    this.countCommitted(action, committed.suppressedNotifications);
    await this.dispatch.afterCommit(committed.row, committed.pendingNotificationIds);
    return committed.row;
  }

  /** Counted once committed: a move that rolled back happened to nobody. */
  private countCommitted(action: LifecycleAction, suppressedNotifications: number): void {
    this.metrics.referralTransitions.inc({ action });
    // The patient has no email consent: these never reach the worker, so they are counted here.
    if (suppressedNotifications > 0) this.metrics.emails.inc({ outcome: 'suppressed' }, suppressedNotifications);
  }

  private async apply<R>(
    manager: EntityManager,
    row: ReferralRow,
    parties: ReadonlySet<Party>,
    to: ReferralStatus,
    reasonRequired: boolean,
    actorId: string | null,
    plan: (context: MoveContext) => MovePlan<R> | Promise<MovePlan<R>>,
  ): Promise<Committed<R>> {
    const now = new Date();
    const { changes, event, result, leavesReferral, notifications = [] } = await plan({ row, parties, to, reasonRequired, now, manager });
    const history = { referralId: row.id, type: event.type, fromStatus: row.status, actorId, reason: event.reason ?? null, data: event.data, at: now };
    if (leavesReferral) {
      await this.referrals.appendEvents(manager, [{ ...history, toStatus: row.status }]);
      return { row, result, pendingNotificationIds: [], suppressedNotifications: 0 };
    }
    const updated = await this.referrals.update(manager, row.id, { status: to, ...changes }, now);
    await this.referrals.appendEvents(manager, [{ ...history, toStatus: to }]);
    if (updated.to_provider_id !== null && changesProviderStats(row.status, to)) {
      await this.providerStats.refresh(manager, [updated.to_provider_id]);
    }
    const { pendingIds, suppressed } = await this.outbox.record(manager, row.id, actorId, [...notificationsFor(event.type, row.status), ...notifications]);
    return { row: updated, result, pendingNotificationIds: pendingIds, suppressedNotifications: suppressed };
  }
}
