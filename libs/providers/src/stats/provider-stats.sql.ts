import { sqlTextList } from '@referloop/core';
import { ACTIVE_EPISODE, sentToReceiverSql } from '@referloop/lifecycle';

/**
 * Load and responsiveness of the providers whose ids are `$1`, from their referrals: the one
 * definition behind both the live `Provider.stats` and the providers' `stats_*` columns matching
 * reads. Every subquery says the referral was sent (`sentToReceiverSql`, true anyway of answered
 * and active referrals) so PostgreSQL can use the per-provider partial indexes, whose condition
 * that is, instead of scanning all referrals.
 * "Answered" means accepted or declined: `responded_at` is set by both, `decline_reason` only
 * by a decline. Time to answer counts referrals sent to the provider only: claiming an open
 * referral days after it was posted is no slow answer, and must not make takers look slow
 * (claims still count as answers and acceptances). The week runs from Monday 00:00 in the
 * provider's clinic's zone.
 */
export const PROVIDER_STATS_SQL = `
  SELECT p.id AS provider_id, p.weekly_capacity,
         (SELECT count(*) FROM referrals r
           WHERE r.to_provider_id = p.id AND ${sentToReceiverSql('r')} AND r.status IN (${sqlTextList(ACTIVE_EPISODE)}))::int AS active_episodes,
         (SELECT count(*) FROM referrals r
           WHERE r.to_provider_id = p.id AND ${sentToReceiverSql('r')} AND r.responded_at IS NOT NULL AND r.decline_reason IS NULL
             AND r.responded_at >= week.starts_at)::int AS accepted_this_week,
         week.ends_at AS week_ends_at,
         answered.answered, answered.accepted, answered.median_ms, answered.p90_ms
    FROM providers p
    JOIN clinics c ON c.id = p.clinic_id
   CROSS JOIN LATERAL (
     SELECT date_trunc('week', now() AT TIME ZONE c.time_zone) AT TIME ZONE c.time_zone AS starts_at,
            (date_trunc('week', now() AT TIME ZONE c.time_zone) + interval '1 week') AT TIME ZONE c.time_zone AS ends_at
   ) week
   CROSS JOIN LATERAL (
     SELECT count(*)::int AS answered,
            (count(*) FILTER (WHERE r.decline_reason IS NULL))::int AS accepted,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.responded_at - r.sent_at) * 1000)
              FILTER (WHERE r.pool_latitude IS NULL) AS median_ms,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.responded_at - r.sent_at) * 1000)
              FILTER (WHERE r.pool_latitude IS NULL) AS p90_ms
       FROM referrals r
      WHERE r.to_provider_id = p.id AND ${sentToReceiverSql('r')} AND r.responded_at IS NOT NULL AND r.sent_at >= now() - interval '90 days'
   ) answered
   WHERE p.id = ANY($1::uuid[])`;

/** A row of PROVIDER_STATS_SQL as pg returns it. */
export interface ProviderStatsRow {
  provider_id: string;
  weekly_capacity: number;
  active_episodes: number;
  accepted_this_week: number;
  week_ends_at: Date;
  answered: number;
  accepted: number;
  median_ms: number | null;
  p90_ms: number | null;
}
