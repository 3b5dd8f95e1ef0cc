import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProviderStats } from './provider-stats.model';

interface StatsRow {
  id: string;
  weekly_capacity: number;
  active_episodes: number;
  accepted_this_week: number;
  answered: number;
  accepted: number;
  median_ms: number | null;
  p90_ms: number | null;
}

const HOUR_MS = 3_600_000;

/**
 * Load and responsiveness, computed in one statement for a batch of providers from their
 * referrals. Every subquery says `status <> 'DRAFT'` (true anyway of answered referrals) so
 * PostgreSQL can use the per-provider partial indexes instead of scanning all referrals. "Answered" means
 * accepted or declined: `responded_at` is set by both, `decline_reason` only by a decline.
 */
@Injectable()
export class ProviderStatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forProviders(ids: readonly string[]): Promise<Map<string, ProviderStats>> {
    const rows: StatsRow[] = await this.db.query(
      `SELECT p.id, p.weekly_capacity,
              (SELECT count(*) FROM referrals r
                WHERE r.to_provider_id = p.id AND r.status <> 'DRAFT' AND r.status IN ('ACCEPTED', 'SCHEDULED', 'IN_TREATMENT'))::int AS active_episodes,
              (SELECT count(*) FROM referrals r
                WHERE r.to_provider_id = p.id AND r.status <> 'DRAFT' AND r.responded_at IS NOT NULL AND r.decline_reason IS NULL
                  AND r.responded_at >= (date_trunc('week', now() AT TIME ZONE c.time_zone) AT TIME ZONE c.time_zone))::int AS accepted_this_week,
              answered.answered, answered.accepted, answered.median_ms, answered.p90_ms
         FROM providers p
         JOIN clinics c ON c.id = p.clinic_id
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS answered,
                  (count(*) FILTER (WHERE r.decline_reason IS NULL))::int AS accepted,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.responded_at - r.sent_at) * 1000) AS median_ms,
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.responded_at - r.sent_at) * 1000) AS p90_ms
             FROM referrals r
            WHERE r.to_provider_id = p.id AND r.status <> 'DRAFT' AND r.responded_at IS NOT NULL AND r.sent_at >= now() - interval '90 days'
         ) answered
        WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, toStats(row)]));
  }
}

function toStats(row: StatsRow): ProviderStats {
  return {
    activeEpisodes: row.active_episodes,
    capacityLeftThisWeek: Math.max(0, row.weekly_capacity - row.accepted_this_week),
    answeredLast90Days: row.answered,
    medianResponseHours: row.median_ms === null ? null : Number(row.median_ms) / HOUR_MS,
    p90ResponseHours: row.p90_ms === null ? null : Number(row.p90_ms) / HOUR_MS,
    acceptanceRate: row.answered === 0 ? null : row.accepted / row.answered,
  };
}
