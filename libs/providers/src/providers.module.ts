import { Module } from '@nestjs/common';
import { AuthModule } from '@referloop/auth';
import { MatchProvidersResolver } from './matching/match-providers.resolver';
import { ProviderMatcher } from './matching/provider-matcher';
import { ProviderRepository } from './provider.repository';
import { ProvidersResolver } from './providers.resolver';
import { ProviderStatsRepository } from './stats/provider-stats.repository';
import { ProviderStatsResolver } from './stats/provider-stats.resolver';
import { ProviderStatsModule } from './stats/provider-stats.module';

@Module({
  imports: [AuthModule, ProviderStatsModule],
  providers: [
    ProviderRepository,
    ProvidersResolver,
    ProviderStatsRepository,
    ProviderStatsResolver,
    ProviderMatcher,
    MatchProvidersResolver,
  ],
  exports: [ProviderRepository, ProviderMatcher],
})
export class ProvidersModule {}
