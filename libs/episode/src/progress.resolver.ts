import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Loaders, RequestLoaders } from '@referloop/common';
import { Referral } from '@referloop/referrals';
import { progressOf } from './progress';
import { TreatmentProgress } from './progress.model';
import { planHistoryLoader, TreatmentPlanRepository } from './treatment-plan.repository';
import { VisitRepository, visitsLoader } from './visit.repository';

@Resolver(() => Referral)
export class ProgressResolver {
  constructor(
    private readonly plans: TreatmentPlanRepository,
    private readonly visits: VisitRepository,
  ) {}

  @ResolveField(() => TreatmentProgress, { description: 'Where the episode stands, from the assessment, the plan and the visits recorded.' })
  async progress(@Parent() referral: Referral, @CurrentActor() actor: Actor, @RequestLoaders() loaders: Loaders): Promise<TreatmentProgress> {
    // The same batches as Referral.treatmentPlanHistory and Referral.visits: one query each per request.
    const [history, visits] = await Promise.all([
      planHistoryLoader(loaders, this.plans, actor).load(referral.id),
      visitsLoader(loaders, this.visits, actor).load(referral.id),
    ]);
    return progressOf({
      assessment: referral.assessment,
      assessedAt: referral.createdAt,
      plan: history?.at(-1) ?? null,
      recommendedVisits: referral.recommendedVisits,
      visits: visits ?? [],
    });
  }
}
