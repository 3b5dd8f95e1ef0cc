import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, badInput, conflict, ErrorReason, forbidden, invalidTransition, notFound } from '@referloop/common';
import { Party, ReferralEventType, ReferralStatus } from '../lifecycle';
import { partiesOf } from '../referral-access';
import { rowParticipants } from '../referral-lifecycle.service';
import { ReferralDispatch } from '../referral-dispatch';
import { ReferralRepository } from '../referral.repository';
import { ReferralRow } from '../referral.row';
import { SetTreatmentPlanInput } from './treatment-plan.input';
import { TreatmentPlan } from './treatment-plan.model';
import { TreatmentPlanRepository } from './treatment-plan.repository';

/** A plan belongs to an episode that has been accepted and has not ended. */
const PLANNABLE = new Set([ReferralStatus.ACCEPTED, ReferralStatus.SCHEDULED, ReferralStatus.IN_TREATMENT]);

/**
 * The receiving provider's treatment plan. Each change is a new version, written with a
 * history entry on the referral, under the referral's row lock so two changes at once get
 * consecutive versions (or a CONFLICT when they name the version they were changing).
 */
@Injectable()
export class TreatmentPlans {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly plans: TreatmentPlanRepository,
    private readonly dispatch: ReferralDispatch,
  ) {}

  async set(actor: Actor, input: SetTreatmentPlanInput): Promise<{ plan: TreatmentPlan; referral: ReferralRow }> {
    input.shortTermGoals.forEach((goal, index) => {
      if (goal.targetVisit > input.plannedVisits) {
        throw badInput(`input.shortTermGoals.${index}.targetVisit`, `targetVisit ${goal.targetVisit} is after the last planned visit (${input.plannedVisits})`);
      }
    });
    const committed = await this.db.transaction(async (manager) => {
      const referral = await this.referrals.lockForMove(manager, actor, input.referralId);
      if (!referral) throw notFound('Referral');
      if (!partiesOf(actor, rowParticipants(referral)).has(Party.TARGET_PROVIDER)) {
        throw forbidden('Only the treating provider sets the treatment plan', ErrorReason.NOT_YOUR_SIDE);
      }
      if (!PLANNABLE.has(referral.status)) {
        throw invalidTransition(`A treatment plan is set between acceptance and completion; this referral is ${referral.status}`, ErrorReason.NOT_FROM_THIS_STATUS);
      }
      const current = await this.plans.currentVersion(manager, referral.id);
      if (input.expectedPlanVersion !== undefined && input.expectedPlanVersion !== null && input.expectedPlanVersion !== current) {
        throw conflict(`The plan changed since you loaded it (version ${current}, you had ${input.expectedPlanVersion}); reload and retry`, {
          currentPlanVersion: current,
        }, ErrorReason.STALE_PLAN_VERSION);
      }
      const now = new Date();
      const plan = await this.plans.insert(
        manager,
        referral.id,
        current + 1,
        {
          longTermGoal: input.longTermGoal.trim(),
          shortTermGoals: input.shortTermGoals.map((goal) => ({ description: goal.description.trim(), targetVisit: goal.targetVisit, measure: goal.measure?.trim() || null })),
          plannedVisits: input.plannedVisits,
          visitsPerWeek: input.visitsPerWeek,
          techniques: input.techniques ?? [],
        },
        actor.userId,
        now,
      );
      // The plan is part of what the referral shows: a client holding the old version must reload.
      const updated = await this.referrals.update(manager, referral.id, {}, now);
      await this.referrals.appendEvents(manager, [
        {
          referralId: referral.id,
          type: ReferralEventType.TREATMENT_PLAN_SET,
          fromStatus: referral.status,
          toStatus: referral.status,
          actorId: actor.userId,
          data: { planVersion: plan.version },
          at: now,
        },
      ]);
      return { plan, referral: updated };
    });
    await this.dispatch.afterCommit(committed.referral, []);
    return committed;
  }
}
