import { Module } from '@nestjs/common';
import { AuthModule } from '@referloop/auth';
import { ProviderStatsRepository } from './provider-stats.repository';
import { ProviderStatsResolver } from './provider-stats.resolver';
import { ProviderRepository } from './provider.repository';
import { ProvidersResolver } from './providers.resolver';

@Module({
  imports: [AuthModule],
  providers: [ProviderRepository, ProvidersResolver, ProviderStatsRepository, ProviderStatsResolver],
  exports: [ProviderRepository],
})
export class ProvidersModule {}
