import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, Audit, AuditTrail, CurrentActor } from '@referloop/common';
import { Referral, seenReferral } from '@referloop/referrals';
import { CompleteReferralInput } from './outcome.input';
import { EpisodeOutcome } from './outcome.service';
import { ReferOnwardInput } from './refer-onward.input';
import { ReferOnward } from './refer-onward.service';

/** The episode's moves that end it or carry it on: the outcome, and a referral onward. */
@Resolver(() => Referral)
export class EpisodeResolver {
  constructor(
    private readonly outcome: EpisodeOutcome,
    private readonly onward: ReferOnward,
  ) {}

  @Mutation(() => Referral, { description: 'Ends treatment with the outcome report. The target provider only.' })
  async completeReferral(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => CompleteReferralInput }) input: CompleteReferralInput) {
    return seenReferral(audit, await this.outcome.complete(actor, input, audit));
  }

  @Mutation(() => Referral, {
    description:
      'Refers the patient of an episode on to another provider (e.g. physical therapy for strengthening), carrying the assessment forward; returns the new referral, already sent. The treating provider only, during or after treatment.',
  })
  async referOnward(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail, @Args('input', { type: () => ReferOnwardInput }) input: ReferOnwardInput) {
    const { episode, created } = await this.onward.refer(actor, input);
    seenReferral(audit, episode);
    return seenReferral(audit, created);
  }
}
