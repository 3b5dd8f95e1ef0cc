import { Module } from '@nestjs/common';
import { ProviderRepository } from './provider.repository';
import { ProvidersResolver } from './providers.resolver';

@Module({
  providers: [ProviderRepository, ProvidersResolver],
  exports: [ProviderRepository],
})
export class ProvidersModule {}
