import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditTrail } from '@referloop/common';
import { conflict, ErrorReason, forbidden, invalidTransition, notFound } from '@referloop/core';
import { OutboxItem } from '@referloop/notifications';
import { Metrics } from '@referloop/metrics';
import { ACTIVE_EPISODE, decide, describeAction, LifecycleAction, MoveEffect, Party, ReferralEventType, ReferralStatus } from '@referloop/lifecycle';
import { AuditedChange } from './audited-change';
import { AuditedReferral } from './seen-referral';
import { notificationsFor } from './notifications/referral-notifications';
import { ReferralDispatch } from './referral-dispatch';
import { rowFacts } from './referral-facts';
import { partiesOf } from './referral-access';
import { rowParticipants } from './referral-participants';
import { ReferralChanges, ReferralRepository } from './referral.repository';
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

/**
 * What a move changes besides status and version, and how its history entry reads. Whether the
 * changes are applied, and with a new version, is the rule's `effect` (state-machine.ts).
 */
export interface MovePlan<R = undefined> {
  changes: ReferralChanges;
  /** Null only for the reminder to answer: the answer itself is what the history records. */
  event: { type: ReferralEventType; reason?: string | null; data?: unknown } | null;
  /** Something else the move produced (the new referral of a redirect). */
  result?: R;
  /** Emails beyond the ones the event always causes (a visit that was one no-show too many, a reminder). */
  notifications?: readonly OutboxItem[];
  /**
   * What the move's audit entry names besides the referral as it leaves it: the new referral of a
   * redirect, a draft as it was before its patient was changed (so the patient taken off is named).
   */
  alsoNamed?: readonly AuditedReferral[];
}

export interface Command {
  id: string;
  expectedVersion?: number;
}

const active = (status: ReferralStatus) => ACTIVE_EPISODE.includes(status);

/** A move changes its provider's stats when it answers the referral or starts or ends an episode. */
const changesProviderStats = (from: ReferralStatus, to: ReferralStatus) =>
  from !== to && (to === ReferralStatus.ACCEPTED || to === ReferralStatus.DECLINED || active(from) !== active(to));

/** What a committed move leaves to do once its transaction is over. */
interface Committed<R> {
  row: ReferralRow;
  /** The move's statement wrote the request's audit entry. */
  audited: boolean;
  action: LifecycleAction;
  effect: MoveEffect;
  result?: R;
  pendingNotificationIds: string[];
  suppressedNotifications: number;
  webhookDeliveryIds: string[];
}

/** How a move was decided: the locked row, who the actor is for it, and the table's decision. */
interface Decided {
  row: ReferralRow;
  action: LifecycleAction;
  parties: ReadonlySet<Party>;
  to: ReferralStatus;
  reasonRequired: boolean;
  effect?: MoveEffect;
  actorId: string | null;
}

/**
 * The one path by which a referral is written (a person's move or the system's). In a single transaction it locks the row
 * (scoped to what the actor may see), checks the actor's side, the transition and the expected
 * version in the documented order, applies the move's changes (with a new version unless its
 * rule says otherwise), appends the history entry and writes the move's notifications and webhook events to the outbox, and
 * the request's audit entry beside them — so a move, its history, its emails, its webhooks and its audit entry commit together
 * or not at all. After the commit it enqueues them.
 */
@Injectable()
export class ReferralLifecycle {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly dispatch: ReferralDispatch,
    private readonly metrics: Metrics,
  ) {}

  async move<R = undefined>(
    actor: Actor,
    command: Command,
    /** The action, or how to choose it from the locked row (a visit is START_TREATMENT when it is the first attended one). */
    actionFor: LifecycleAction | ((row: ReferralRow) => LifecycleAction),
    plan: (context: MoveContext) => MovePlan<R> | Promise<MovePlan<R>>,
    /** The request's trail: its entry is written by the move's own statement (AuditedChange). */
    audit: AuditTrail | null = null,
  ): Promise<{ row: ReferralRow; result?: R }> {
    const change = audit ? new AuditedChange(actor, audit) : null;
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
      return this.apply(manager, { row, action, parties, ...decision, actorId: actor.userId }, plan, change);
    });
    if (committed.audited) change?.committed();
    await this.afterCommit(committed);
    return { row: committed.row, result: committed.result };
  }

  /**
   * A move made by the system (the response clock, the outcome reminder) rather than a person.
   * Under the row lock the table decides whether the move is still open from the referral's
   * status, then `stillDue` whether its time has come and it is not done yet; a timer or sweep
   * for a referral that has moved on (answered, paused, restarted, acknowledged) does nothing
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
      if (!row) return null;
      const decision = decide(rowFacts(row), action, new Set([Party.SYSTEM]));
      if (!decision.allowed || !stillDue(row, new Date())) return null;
      return this.apply(manager, { row, action, parties: new Set(), ...decision, actorId: null }, plan);
    });
    if (!committed) return null;
    await this.afterCommit(committed);
    return committed.row;
  }

  /**
   * Once committed: counted (a move that rolled back happened to nobody), then its emails and
   * timers handed to the queue, and live subscribers told of a changed referral. A system
   * stamp is no change anyone loaded, so nobody is told.
   */
  private async afterCommit(committed: Committed<unknown>): Promise<void> {
    this.metrics.referralTransitions.inc({ action: committed.action });
    // The patient has no email consent: these never reach the worker, so they are counted here.
    if (committed.suppressedNotifications > 0) this.metrics.emails.inc({ outcome: 'suppressed' }, committed.suppressedNotifications);
    if (committed.effect === MoveEffect.SAME_VERSION) await this.dispatch.afterQuietCommit(committed.row, committed.pendingNotificationIds, committed.webhookDeliveryIds);
    else await this.dispatch.afterCommit(committed.row, committed.pendingNotificationIds, committed.webhookDeliveryIds);
  }

  private async apply<R>(
    manager: EntityManager,
    decided: Decided,
    plan: (context: MoveContext) => MovePlan<R> | Promise<MovePlan<R>>,
    audit: AuditedChange | null = null,
  ): Promise<Committed<R>> {
    const { row, action, parties, to, reasonRequired, effect = MoveEffect.NEW_VERSION, actorId } = decided;
    const now = new Date();
    const { changes, event, result, notifications = [], alsoNamed = [] } = await plan({ row, parties, to, reasonRequired, now, manager });
    const history = event ? [{ referralId: row.id, type: event.type, fromStatus: row.status, toStatus: to, actorId, reason: event.reason ?? null, data: event.data, at: now }] : [];
    const untouched = { row, action, effect, result, pendingNotificationIds: [], suppressedNotifications: 0, webhookDeliveryIds: [], audited: false };
    if (effect === MoveEffect.HISTORY_ONLY) {
      await this.referrals.appendEvents(manager, history);
      return untouched;
    }
    const emails = [...(event ? notificationsFor(event.type, row.status) : []), ...notifications];
    const moveChanges = effect === MoveEffect.SAME_VERSION ? changes : { status: to, ...changes };
    const written = await this.referrals.writeMove(manager, {
      id: row.id,
      changes: moveChanges,
      newVersion: effect !== MoveEffect.SAME_VERSION,
      now,
      event: history[0] ?? null,
      actorId,
      emails,
      providerStatsDue: changesProviderStats(row.status, to),
      // The referral as the move leaves it: a claim moves it to the claimer's clinic.
      audit: audit ? audit.entryFor([{ ...row, ...moveChanges }, ...alsoNamed]) : null,
    });
    const { pending_notification_ids: pendingIds, suppressed_notifications: suppressed, webhook_delivery_ids: webhookDeliveryIds, ...updated } = written;
    return { ...untouched, row: updated, pendingNotificationIds: pendingIds, suppressedNotifications: suppressed, webhookDeliveryIds, audited: audit !== null };
  }
}
