import { Injectable } from '@nestjs/common';
import { Actor, AuditTrail } from '@referloop/common';
import { badInput, conflict, ErrorReason } from '@referloop/core';
import { InternalAction, ReferralEventType } from '@referloop/lifecycle';
import { ReferralLifecycle, ReferralRow } from '@referloop/referrals';
import { SetTreatmentPlanInput } from './treatment-plan.input';
import { TreatmentPlan } from './treatment-plan.model';
import { TreatmentPlanRepository } from './treatment-plan.repository';

/**
 * The receiving provider's treatment plan. Each change is a new version of the plan and a move
 * of the referral (SET_TREATMENT_PLAN in the lifecycle table: who, from which statuses), so it
 * is written under the referral's row lock with its history entry, and two changes at once get
 * consecutive versions (or a CONFLICT when they name the plan version they were changing).
 */
@Injectable()
export class TreatmentPlans {
  constructor(
    private readonly lifecycle: ReferralLifecycle,
    private readonly plans: TreatmentPlanRepository,
  ) {}

  async set(actor: Actor, input: SetTreatmentPlanInput, audit: AuditTrail | null = null): Promise<{ plan: TreatmentPlan; referral: ReferralRow }> {
    input.shortTermGoals.forEach((goal, index) => {
      if (goal.targetVisit > input.plannedVisits) {
        throw badInput(`input.shortTermGoals.${index}.targetVisit`, `targetVisit ${goal.targetVisit} is after the last planned visit (${input.plannedVisits})`);
      }
    });
    // The plan's own version guards the change; the referral's version still goes up, since the
    // plan is part of what the referral shows and a client holding the old one must reload.
    const { row, result } = await this.lifecycle.move<TreatmentPlan>(actor, { id: input.referralId }, InternalAction.SET_TREATMENT_PLAN, async ({ row, manager, now }) => {
      const current = await this.plans.currentVersion(manager, row.id);
      if (input.expectedPlanVersion !== undefined && input.expectedPlanVersion !== null && input.expectedPlanVersion !== current) {
        throw conflict(`The plan changed since you loaded it (version ${current}, you had ${input.expectedPlanVersion}); reload and retry`, {
          currentPlanVersion: current,
        }, ErrorReason.STALE_PLAN_VERSION);
      }
      const plan = await this.plans.insert(
        manager,
        row.id,
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
      return { changes: {}, event: { type: ReferralEventType.TREATMENT_PLAN_SET, data: { planVersion: plan.version } }, result: plan };
    }, audit);
    return { plan: result as TreatmentPlan, referral: row };
  }
}
