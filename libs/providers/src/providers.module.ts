import { Module } from '@nestjs/common';
import { AuthModule } from '@referloop/auth';
import { ProviderRepository } from './provider.repository';
import { ProvidersResolver } from './providers.resolver';

@Module({
  imports: [AuthModule],
  providers: [ProviderRepository, ProvidersResolver],
  exports: [ProviderRepository],
})
export class ProvidersModule {}
