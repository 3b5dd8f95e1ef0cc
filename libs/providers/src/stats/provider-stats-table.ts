import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PROVIDER_STATS_SQL } from './provider-stats.sql';

/**
 * Keeps `provider_stats` (what matching ranks by) equal to PROVIDER_STATS_SQL. Each refresh
 * first locks the providers' rows (FOR NO KEY UPDATE: it does not block new referrals to them),
 * and only then, in a second statement and so a fresh snapshot, computes: two transactions
 * answering for the same provider at once would otherwise each write figures that miss the
 * other's answer.
 */
@Injectable()
export class ProviderStatsTable {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Recomputes the providers' rows inside the caller's transaction. */
  async refresh(manager: EntityManager, providerIds: readonly string[]): Promise<void> {
    if (providerIds.length === 0) return;
    await manager.query('SELECT 1 FROM providers WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [providerIds]);
    await manager.query(
      `INSERT INTO provider_stats (provider_id, active_episodes, accepted_this_week, week_ends_at, answered_90d, accepted_90d,
         median_response_ms, p90_response_ms, refreshed_at)
       SELECT provider_id, active_episodes, accepted_this_week, week_ends_at, answered, accepted, median_ms, p90_ms, now()
         FROM (${PROVIDER_STATS_SQL}) stats
       ON CONFLICT (provider_id) DO UPDATE SET
         active_episodes = EXCLUDED.active_episodes, accepted_this_week = EXCLUDED.accepted_this_week,
         week_ends_at = EXCLUDED.week_ends_at, answered_90d = EXCLUDED.answered_90d, accepted_90d = EXCLUDED.accepted_90d,
         median_response_ms = EXCLUDED.median_response_ms, p90_response_ms = EXCLUDED.p90_response_ms,
         refreshed_at = EXCLUDED.refreshed_at`,
      [providerIds],
    );
  }

  /**
   * Recomputes every provider, a batch per transaction, so the 90-day window and the week move
   * on for providers nothing has happened to. Stops between batches once `keepGoing` says so
   * (the worker is shutting down). Returns how many were refreshed.
   */
  async refreshAll(keepGoing: () => boolean = () => true, batchSize = 500): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let refreshed = 0;
    for (;;) {
      const batch: { id: string }[] = await this.db.query('SELECT id FROM providers WHERE id > $1 ORDER BY id LIMIT $2', [after, batchSize]);
      if (batch.length === 0 || !keepGoing()) return refreshed;
      const ids = batch.map((row) => row.id);
      await this.db.transaction((manager) => this.refresh(manager, ids));
      refreshed += ids.length;
      after = ids[ids.length - 1];
    }
  }
}
