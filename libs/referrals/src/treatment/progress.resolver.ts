import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '@referloop/common';
import { Referral } from '../models/referral.model';
import { progressOf } from './progress';
import { TreatmentProgress } from './progress.model';
import { TreatmentPlan } from './treatment-plan.model';
import { TreatmentPlanRepository } from './treatment-plan.repository';
import { Visit } from './visit.model';
import { VisitRepository } from './visit.repository';

@Resolver(() => Referral)
export class ProgressResolver {
  constructor(
    private readonly plans: TreatmentPlanRepository,
    private readonly visits: VisitRepository,
  ) {}

  @ResolveField(() => TreatmentProgress, { description: 'Where the episode stands, from the assessment, the plan and the visits recorded.' })
  async progress(@Parent() referral: Referral, @RequestLoaders() loaders: Loaders): Promise<TreatmentProgress> {
    // The same loaders as Referral.treatmentPlanHistory and Referral.visits: one query each per request.
    const [history, visits] = await Promise.all([
      loaders.get<string, TreatmentPlan[]>('treatmentPlans', (ids) => this.plans.historyOf(ids)).load(referral.id),
      loaders.get<string, Visit[]>('visits', (ids) => this.visits.of(ids)).load(referral.id),
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
