import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, MAX_PAGE_SIZE } from '@referloop/common';
import { badInput } from '@referloop/core';
import { DEFAULT_RADIUS_KM, ProviderMatch, ProviderMatcher } from '@referloop/providers';
import { Party, ReferralStatus } from '@referloop/lifecycle';
import { Referral } from '../models/referral.model';
import { partiesOf } from '../referral-access';
import { SuggestionBasisRepository } from './suggestion-basis.repository';

const REDIRECTABLE = new Set([ReferralStatus.DECLINED, ReferralStatus.EXPIRED]);

@Resolver(() => Referral)
export class SuggestedProvidersResolver {
  constructor(
    private readonly basis: SuggestionBasisRepository,
    private readonly matcher: ProviderMatcher,
  ) {}

  @ResolveField(() => [ProviderMatch], {
    description:
      'For the referrer of a DECLINED or EXPIRED referral not yet redirected: the next best providers for its modality and conditions, around the pool centre or the referring clinic, without anyone who declined, passed on or did not answer it. Empty otherwise.',
  })
  async suggestedProviders(
    @Parent() referral: Referral,
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number,
  ): Promise<ProviderMatch[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput('first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
    if (!REDIRECTABLE.has(referral.status) || referral.redirectedToId !== null) return [];
    if (!partiesOf(actor, referral).has(Party.REFERRER)) return [];
    const basis = await this.basis.forReferral(referral.id);
    if (basis.near === null) return [];
    return this.matcher.match({
      modality: referral.modality,
      conditions: referral.conditions,
      techniques: referral.techniques,
      near: basis.near,
      radiusKm: basis.radiusKm ?? DEFAULT_RADIUS_KM,
      priority: referral.priority,
      first,
      excludeProviderIds: basis.excludeProviderIds,
    });
  }
}
