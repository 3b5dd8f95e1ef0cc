import { Module } from '@nestjs/common';
import { ProviderStatsTable } from './provider-stats-table';

/** The stats table alone, for the referral lifecycle and the worker (no GraphQL, no auth). */
@Module({ providers: [ProviderStatsTable], exports: [ProviderStatsTable] })
export class ProviderStatsModule {}
