import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@referloop/common';
import { badInput } from '@referloop/core';
import { ReferralStatsInput } from './referral-stats.input';
import { ReferralStats } from './referral-stats.model';
import { ReferralStatsRepository } from './referral-stats.repository';

/** Ten years of referrals is the longest period one question may cover. */
const MAX_PERIOD_MS = 10 * 366 * 86_400_000;

@Resolver(() => ReferralStats)
export class ReferralStatsResolver {
  constructor(private readonly stats: ReferralStatsRepository) {}

  @Query(() => ReferralStats, {
    description:
      'How the referrals you may see fared: counts by status, acceptance, time to accept and to the first visit, completion, visits used against planned, goals met, leakage and loops closed. ' +
      'Figures over 10,000 referrals or more are exact as of at most a minute ago (at most five while they are being recomputed); smaller ones are computed for each request.',
  })
  async referralStats(@CurrentActor() actor: Actor, @Args('input', { type: () => ReferralStatsInput }) input: ReferralStatsInput): Promise<ReferralStats> {
    if (input.to.getTime() <= input.from.getTime()) throw badInput('input.to', 'to must be after from');
    if (input.to.getTime() - input.from.getTime() > MAX_PERIOD_MS) throw badInput('input.to', 'The period may cover at most ten years');
    return this.stats.stats(actor, input);
  }
}
