import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '@referloop/common';
import { ProviderStats } from './provider-stats.model';
import { ProviderStatsRepository } from './provider-stats.repository';
import { Provider } from '../provider.model';

@Resolver(() => Provider)
export class ProviderStatsResolver {
  constructor(private readonly repository: ProviderStatsRepository) {}

  @ResolveField(() => ProviderStats, { description: 'Live load and responsiveness, from referrals.' })
  async stats(@Parent() provider: Provider, @RequestLoaders() loaders: Loaders): Promise<ProviderStats> {
    const loader = loaders.get<string, ProviderStats>('providerStats', (ids) => this.repository.forProviders(ids));
    return (await loader.load(provider.id)) as ProviderStats;
  }
}
