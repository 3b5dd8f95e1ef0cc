import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProviderStats } from './provider-stats.model';
import { PROVIDER_STATS_SQL, ProviderStatsRow } from './provider-stats.sql';

const HOUR_MS = 3_600_000;

/** `Provider.stats`: computed live, in one statement per batch of providers, so a profile is exact. */
@Injectable()
export class ProviderStatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forProviders(ids: readonly string[]): Promise<Map<string, ProviderStats>> {
    const rows: ProviderStatsRow[] = await this.db.query(PROVIDER_STATS_SQL, [ids]);
    return new Map(rows.map((row) => [row.provider_id, toStats(row)]));
  }
}

function toStats(row: ProviderStatsRow): ProviderStats {
  return {
    activeEpisodes: row.active_episodes,
    capacityLeftThisWeek: Math.max(0, row.weekly_capacity - row.accepted_this_week),
    answeredLast90Days: row.answered,
    medianResponseHours: row.median_ms === null ? null : Number(row.median_ms) / HOUR_MS,
    p90ResponseHours: row.p90_ms === null ? null : Number(row.p90_ms) / HOUR_MS,
    acceptanceRate: row.answered === 0 ? null : row.accepted / row.answered,
  };
}
