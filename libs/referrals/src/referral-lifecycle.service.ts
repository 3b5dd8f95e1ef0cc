import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, conflict, forbidden, invalidTransition, notFound } from '@referloop/common';
import { decide, describeAction, LifecycleAction, ReferralEventType, ReferralStatus } from './lifecycle';
import { rowFacts } from './referral-facts';
import { partiesOf } from './referral-access';
import { ReferralRepository } from './referral.repository';
import { ReferralRow } from './referral.row';

export interface MoveContext {
  row: ReferralRow;
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
});

/**
 * The one path by which a referral's status changes. In a single transaction it locks the row
 * (scoped to what the actor may see), checks the actor's side, the transition and the expected
 * version in the documented order, applies the move's changes, bumps the version and appends
 * the history entry — so a move and its history commit together or not at all.
 */
@Injectable()
export class ReferralLifecycle {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly referrals: ReferralRepository,
  ) {}

  async move<R = undefined>(
    actor: Actor,
    command: Command,
    action: LifecycleAction,
    plan: (context: MoveContext) => MovePlan<R> | Promise<MovePlan<R>>,
  ): Promise<{ row: ReferralRow; result?: R }> {
    return this.db.transaction(async (manager) => {
      const row = await this.referrals.lockVisible(manager, actor, command.id);
      if (!row) throw notFound('Referral');

      const decision = decide(rowFacts(row), action, partiesOf(actor, rowParticipants(row)));
      if (!decision.allowed) {
        if (decision.why === 'NOT_YOUR_SIDE') throw forbidden(`Not your side's action on this referral: ${describeAction(action)}`);
        throw invalidTransition(decision.message);
      }
      if (command.expectedVersion !== undefined && command.expectedVersion !== null && command.expectedVersion !== row.version) {
        throw conflict(`The referral changed since you loaded it (version ${row.version}, you had ${command.expectedVersion}); reload and retry`, {
          currentVersion: row.version,
        });
      }

      const now = new Date();
      const { changes, event, result } = await plan({ row, to: decision.to, reasonRequired: decision.reasonRequired, now, manager });
      const updated = await this.referrals.update(manager, row.id, { status: decision.to, ...changes }, now);
      await this.referrals.appendEvents(manager, [
        {
          referralId: row.id,
          type: event.type,
          fromStatus: row.status,
          toStatus: decision.to,
          actorId: actor.userId,
          reason: event.reason ?? null,
          data: event.data,
          at: now,
        },
      ]);
      return { row: updated, result };
    });
  }
}
