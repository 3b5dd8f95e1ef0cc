import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Audit, AuditTrail, CurrentActor, Loaders, RequestLoaders } from '@referloop/common';
import { auditSeen, Referral } from '@referloop/referrals';
import { RecordVisitInput } from './visit.input';
import { Visit } from './visit.model';
import { VisitRepository, visitsLoader } from './visit.repository';
import { Visits } from './visits.service';

@Resolver(() => Referral)
export class VisitsResolver {
  constructor(
    private readonly recorder: Visits,
    private readonly repository: VisitRepository,
  ) {}

  @Mutation(() => Visit, {
    description:
      'Records a visit, attended or missed (a no-show). The first attended visit of a SCHEDULED referral starts treatment. The treating provider only.',
  })
  async recordVisit(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => RecordVisitInput }) input: RecordVisitInput): Promise<Visit> {
    const { visit, referral } = await this.recorder.record(actor, input, audit);
    auditSeen(audit, referral);
    return visit;
  }

  @ResolveField(() => [Visit], { description: 'Visits recorded so far, in order; both sides read them.' })
  async visits(@Parent() referral: Referral, @CurrentActor() actor: Actor, @RequestLoaders() loaders: Loaders): Promise<Visit[]> {
    return (await visitsLoader(loaders, this.repository, actor).load(referral.id)) ?? [];
  }
}
