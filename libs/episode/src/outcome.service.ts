import { Injectable } from '@nestjs/common';
import { Actor, AuditTrail } from '@referloop/common';
import { badInput } from '@referloop/core';
import { ReferralAction, ReferralEventType } from '@referloop/lifecycle';
import { ReferralLifecycle, ReferralRow } from '@referloop/referrals';
import { CompleteReferralInput } from './outcome.input';
import { outcomeJson } from './outcome-json';
import { TreatmentPlanRepository } from './treatment-plan.repository';

/** The end of an episode: the treating provider's outcome report, measured against the plan. */
@Injectable()
export class EpisodeOutcome {
  constructor(
    private readonly lifecycle: ReferralLifecycle,
    private readonly plans: TreatmentPlanRepository,
  ) {}

  async complete(actor: Actor, input: CompleteReferralInput, audit: AuditTrail | null = null): Promise<ReferralRow> {
    const positions = (input.outcome.shortTermGoals ?? []).map((goal) => goal.position);
    positions.forEach((position, index) => {
      if (positions.indexOf(position) !== index) throw badInput(`input.outcome.shortTermGoals.${index}.position`, `Goal ${position} is reported twice`);
    });
    const { row } = await this.lifecycle.move(actor, input, ReferralAction.COMPLETE, async ({ now, row, manager }) => {
      // Positions refer to the plan as it stands: it may have changed since the client loaded it.
      const goals = (await this.plans.current(manager, row.id))?.shortTermGoals ?? [];
      positions.forEach((position, index) => {
        if (position > goals.length) {
          throw badInput(`input.outcome.shortTermGoals.${index}.position`, goals.length ? `The plan has ${goals.length} short-term goals` : 'There is no treatment plan with short-term goals');
        }
      });
      const outcome = outcomeJson(input.outcome, goals.map((goal) => goal.description));
      return {
        changes: { completed_at: now, outcome },
        event: { type: ReferralEventType.COMPLETED, reason: outcome.summary, data: { goalsMet: outcome.goalsMet, visitsUsed: outcome.visitsUsed } },
      };
    }, audit);
    return row;
  }
}
