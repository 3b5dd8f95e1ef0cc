import { Args, Query, Resolver } from '@nestjs/graphql';
import { ReferralPriority } from '@referloop/common';
import { MatchProvidersInput } from './match-providers.input';
import { DEFAULT_RADIUS_KM } from './match-request';
import { ProviderMatch } from './provider-match.model';
import { ProviderMatcher } from './provider-matcher';

@Resolver(() => ProviderMatch)
export class MatchProvidersResolver {
  constructor(private readonly matcher: ProviderMatcher) {}

  @Query(() => [ProviderMatch], {
    description:
      'Providers who practise the modality, accept new patients, have a place left this week and are within radiusKm, best first.',
  })
  async matchProviders(@Args('input', { type: () => MatchProvidersInput }) input: MatchProvidersInput): Promise<ProviderMatch[]> {
    return this.matcher.match({
      modality: input.modality,
      conditions: input.conditions ?? [],
      techniques: input.techniques ?? [],
      near: input.near,
      radiusKm: input.radiusKm ?? DEFAULT_RADIUS_KM,
      priority: input.priority ?? ReferralPriority.ROUTINE,
      first: input.first ?? 20,
    });
  }
}
