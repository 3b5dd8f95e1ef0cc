import { Module } from '@nestjs/common';
import { ProviderStatsStore } from './provider-stats-store';

/** The stats store alone, for the referral lifecycle and the worker (no GraphQL, no auth). */
@Module({ providers: [ProviderStatsStore], exports: [ProviderStatsStore] })
export class ProviderStatsModule {}
