import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PROVIDER_STATS_SQL } from './provider-stats.sql';

/**
 * The part of a move's statement that files its provider's statistics as due: one row per
 * provider in `provider_stats_due`, `source` being the CTE of the referral as written. The
 * conflict arm rewrites the row on purpose: it locks it until the move commits, so a refresh
 * running meanwhile skips it (SKIP LOCKED) and picks it up next time, after the move's change is
 * visible. DO NOTHING would leave the row free for a refresh whose snapshot misses the move.
 */
export const providerStatsDueCte = (source: string) =>
  `provider_stats_due_written AS (
     INSERT INTO provider_stats_due (provider_id) SELECT to_provider_id FROM ${source} WHERE to_provider_id IS NOT NULL
     ON CONFLICT (provider_id) DO UPDATE SET due_since = provider_stats_due.due_since)`;

/**
 * Keeps the providers' `stats_*` columns (what matching ranks by) equal to PROVIDER_STATS_SQL.
 * Each refresh first locks the providers' rows (FOR NO KEY UPDATE: it does not block new
 * referrals to them), and only then, in a second statement and so a fresh snapshot, computes:
 * two transactions answering for the same provider at once would otherwise each write figures
 * that miss the other's answer.
 */
@Injectable()
export class ProviderStatsStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Recomputes the providers' stats inside the caller's transaction. */
  async refresh(manager: EntityManager, providerIds: readonly string[]): Promise<void> {
    if (providerIds.length === 0) return;
    await manager.query('SELECT 1 FROM providers WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [providerIds]);
    await manager.query(
      `UPDATE providers target SET
         stats_active_episodes = stats.active_episodes, stats_accepted_this_week = stats.accepted_this_week,
         stats_week_ends_at = stats.week_ends_at, stats_answered_90d = stats.answered, stats_accepted_90d = stats.accepted,
         stats_median_response_ms = stats.median_ms, stats_p90_response_ms = stats.p90_ms, stats_refreshed_at = now()
         FROM (${PROVIDER_STATS_SQL}) stats
        WHERE target.id = stats.provider_id
          -- Unchanged rows are left alone: a rewrite would cost the page its all-visible bit
          -- and matching its index-only scans, every hour, for every provider.
          AND (target.stats_active_episodes, target.stats_accepted_this_week, target.stats_week_ends_at, target.stats_answered_90d,
               target.stats_accepted_90d, target.stats_median_response_ms, target.stats_p90_response_ms)
              IS DISTINCT FROM (stats.active_episodes, stats.accepted_this_week, stats.week_ends_at, stats.answered, stats.accepted,
               stats.median_ms, stats.p90_ms)`,
      [providerIds],
    );
  }

  /**
   * Recomputes the providers moves have filed as due, oldest first, a batch at a time. A batch's
   * rows are taken in a statement of their own (skipping any a move still holds) and only then
   * refreshed: a move filing one of these providers meanwhile waits for that statement, never
   * for the recompute, and one that commits after it files a fresh row for the next pass. A batch
   * whose refresh fails is refreshed one provider at a time; those that still fail are filed
   * again behind the rest (so one that keeps failing holds up no other), and the first error is
   * thrown. Stops between batches once `keepGoing` says so. Returns how many were refreshed.
   */
  async refreshDue(keepGoing: () => boolean = () => true, batchSize = 500): Promise<number> {
    let refreshed = 0;
    while (keepGoing()) {
      const rows: { provider_id: string }[] = await this.db.query(
        `WITH taken AS (
           DELETE FROM provider_stats_due
            WHERE provider_id IN (SELECT provider_id FROM provider_stats_due ORDER BY due_since LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING provider_id)
         SELECT provider_id FROM taken`,
        [batchSize],
      );
      const ids = rows.map((row) => row.provider_id);
      if (ids.length === 0) break;
      try {
        await this.db.transaction((manager) => this.refresh(manager, ids));
      } catch (batchError) {
        const failed: string[] = [];
        for (const id of ids) {
          await this.db.transaction((manager) => this.refresh(manager, [id])).catch(() => failed.push(id));
        }
        await this.db.query(
          `INSERT INTO provider_stats_due (provider_id) SELECT unnest($1::uuid[]) ON CONFLICT (provider_id) DO UPDATE SET due_since = now()`,
          [failed],
        );
        throw batchError;
      }
      refreshed += ids.length;
      if (ids.length < batchSize) break;
    }
    return refreshed;
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
