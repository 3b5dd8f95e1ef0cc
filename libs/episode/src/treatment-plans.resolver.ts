import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Audit, AuditTrail, CurrentActor, Loaders, RequestLoaders } from '@referloop/common';
import { User, UserRepository } from '@referloop/auth';
import { auditSeen, Referral, userLoader } from '@referloop/referrals';
import { SetTreatmentPlanInput } from './treatment-plan.input';
import { TreatmentPlan } from './treatment-plan.model';
import { planHistoryLoader, TreatmentPlanRepository } from './treatment-plan.repository';
import { TreatmentPlans } from './treatment-plans.service';

@Resolver(() => TreatmentPlan)
export class TreatmentPlansResolver {
  constructor(
    private readonly plans: TreatmentPlans,
    private readonly users: UserRepository,
  ) {}

  @Mutation(() => TreatmentPlan, {
    description: 'Sets the treatment plan of an accepted referral (a new version each time; earlier ones are kept). The treating provider only.',
  })
  async setTreatmentPlan(
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
    @Args('input', { type: () => SetTreatmentPlanInput }) input: SetTreatmentPlanInput,
  ): Promise<TreatmentPlan> {
    const { plan, referral } = await this.plans.set(actor, input, audit);
    auditSeen(audit, referral);
    return plan;
  }

  @ResolveField(() => User, { description: 'Who set this version.' })
  async setBy(@Parent() plan: TreatmentPlan, @RequestLoaders() loaders: Loaders): Promise<User> {
    return (await userLoader(loaders, this.users).load(plan.setByUserId)) as User;
  }
}

/** The plan on the referral: shown to whoever may see the referral (the referrer reads it too). */
@Resolver(() => Referral)
export class ReferralTreatmentPlanResolver {
  constructor(private readonly plans: TreatmentPlanRepository) {}

  @ResolveField(() => TreatmentPlan, { nullable: true, description: 'The current treatment plan; null until the treating provider sets one.' })
  async treatmentPlan(@Parent() referral: Referral, @CurrentActor() actor: Actor, @RequestLoaders() loaders: Loaders): Promise<TreatmentPlan | null> {
    return (await this.history(referral, actor, loaders)).at(-1) ?? null;
  }

  @ResolveField(() => [TreatmentPlan], { description: 'Every version of the treatment plan, oldest first.' })
  async treatmentPlanHistory(@Parent() referral: Referral, @CurrentActor() actor: Actor, @RequestLoaders() loaders: Loaders): Promise<TreatmentPlan[]> {
    return this.history(referral, actor, loaders);
  }

  private async history(referral: Referral, actor: Actor, loaders: Loaders): Promise<TreatmentPlan[]> {
    return (await planHistoryLoader(loaders, this.plans, actor).load(referral.id)) ?? [];
  }
}
