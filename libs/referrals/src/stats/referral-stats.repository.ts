import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@referloop/common';
import { KeptResults, sqlParams } from '@referloop/core';
import { GoalAttainment, ReferralEventType as E, ReferralStatus as S } from '@referloop/lifecycle';
import { visibilityCondition } from '../referral-access';
import { ReferralStatsInput } from './referral-stats.input';
import { ReferralStats } from './referral-stats.model';

/** Every status a sent referral can be in, in the enum's order. */
const SENT_STATUSES = Object.values(S).filter((status) => status !== S.DRAFT);

interface StatsRow {
  total: number;
  by_status: Record<string, number>;
  accepted: number;
  declined: number;
  expired: number;
  accept_median_s: number | null;
  accept_p90_s: number | null;
  first_visit_median_s: number | null;
  first_visit_p90_s: number | null;
  first_visit_measured: number;
  completed: number;
  mean_visits_used: string | null;
  mean_visits_planned: string | null;
  goals_met: number;
  short_term_goals: number;
  short_term_goals_met: number;
  leaked: number;
  loops_closed: number;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const hours = (seconds: number | null) => (seconds === null ? null : seconds / 3600);
const number = (value: string | null) => (value === null ? null : Number(value));

/**
 * Figures over this many referrals or more are kept for STATS_FRESH_MS and answered at once for
 * STATS_STALE_MS more while one request recomputes them: a platform's month reads every referral
 * sent in it (about 80,000 at a million, seconds of work), for figures a dashboard shows as
 * shares and medians. Smaller scopes, a clinic's month, are computed on every request.
 */
const STATS_KEEP_FLOOR = 10_000;
const STATS_FRESH_MS = 60_000;
const STATS_STALE_MS = 4 * 60_000;
const keptStats = new KeptResults<StatsRow>({ keep: (row) => row.total >= STATS_KEEP_FLOOR, ttlMs: STATS_FRESH_MS, staleMs: STATS_STALE_MS });

/**
 * The ids of the referrals clinic `clinic` sent or received in [from, to), read from its two list
 * indexes alone (both carry status and sent_at): without it PostgreSQL read every referral the
 * clinic ever sent or received from the table to keep the period's (2,990 rows for 256, 7 of the
 * statement's 17 ms, for the busiest clinic's month at a million). The same rows as the
 * statement's own clinic condition, which stays: this only tells PostgreSQL where to find them.
 */
function clinicPeriodIds(clinic: string, from: string, to: string): string {
  const period = (alias: string) => `${alias}.status <> '${S.DRAFT}' AND ${alias}.sent_at >= ${from} AND ${alias}.sent_at < ${to}`;
  // The received side states the inbox index's own condition (sent), so the index applies.
  return `SELECT sent.id FROM referrals sent WHERE sent.referring_clinic_id = ${clinic} AND ${period('sent')}
          UNION ALL
          SELECT received.id FROM referrals received WHERE received.to_clinic_id = ${clinic} AND received.sent_at IS NOT NULL AND ${period('received')}`;
}

/**
 * The figures behind `referralStats`, computed by PostgreSQL in one statement over the
 * referrals the caller may see (the same visibility condition as every other read). What
 * happened to a referral comes from its history — an accepted referral later cancelled still
 * counts as accepted — and from its visits, plan and outcome.
 */
@Injectable()
export class ReferralStatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async stats(actor: Actor, input: ReferralStatsInput): Promise<ReferralStats> {
    const { values, param } = sqlParams();
    const from = param(input.from);
    const to = param(input.to);
    const conditions = [`r.status <> '${S.DRAFT}'`, `r.sent_at >= ${from}`, `r.sent_at < ${to}`, visibilityCondition(actor, param)];
    if (input.clinicId) {
      const clinic = param(input.clinicId);
      conditions.push(`(r.referring_clinic_id = ${clinic} OR r.to_clinic_id = ${clinic})`, `r.id IN (${clinicPeriodIds(clinic, from, to)})`);
    }
    if (input.providerId) {
      const provider = param(input.providerId);
      conditions.push(`(r.to_provider_id = ${provider} OR r.referring_provider_id = ${provider})`);
    }
    if (input.modality) conditions.push(`r.modality = ${param(input.modality)}`);
    const completed = `status = '${S.COMPLETED}'`;

    const sql = `WITH p AS (
         SELECT r.status, r.sent_at, r.redirected_to_id, r.loop_closed_at, r.outcome, r.recommended_visits,
                history.accepted_at, history.declined, history.expired,
                COALESCE((SELECT min(v.at) FROM visits v WHERE v.referral_id = r.id AND v.attended), r.treatment_started_at) AS first_visit_at,
                (SELECT tp.planned_visits FROM treatment_plans tp WHERE tp.referral_id = r.id ORDER BY tp.version DESC LIMIT 1) AS plan_visits
           FROM referrals r
           -- One pass over each referral's own history (its index), whatever the size of the whole table.
           CROSS JOIN LATERAL (
             SELECT min(e.at) FILTER (WHERE e.type = '${E.ACCEPTED}') AS accepted_at,
                    COALESCE(bool_or(e.type = '${E.DECLINED}'), false) AS declined,
                    COALESCE(bool_or(e.type = '${E.EXPIRED}'), false) AS expired
               FROM referral_events e WHERE e.referral_id = r.id
           ) AS history
          WHERE ${conditions.join(' AND ')}
       ),
       goals AS (
         SELECT goal->>'attainment' AS attainment FROM p, jsonb_array_elements(p.outcome->'shortTermGoals') AS goal WHERE p.${completed}
       )
       SELECT count(*)::int AS total,
              (SELECT COALESCE(jsonb_object_agg(status, n), '{}') FROM (SELECT status, count(*)::int AS n FROM p GROUP BY status) AS s) AS by_status,
              count(accepted_at)::int AS accepted,
              count(*) FILTER (WHERE declined)::int AS declined,
              count(*) FILTER (WHERE expired)::int AS expired,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - sent_at)) AS accept_median_s,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - sent_at)) AS accept_p90_s,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_visit_at - sent_at)) AS first_visit_median_s,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_visit_at - sent_at)) AS first_visit_p90_s,
              count(first_visit_at)::int AS first_visit_measured,
              count(*) FILTER (WHERE ${completed})::int AS completed,
              avg((outcome->>'visitsUsed')::numeric) FILTER (WHERE ${completed}) AS mean_visits_used,
              avg(COALESCE(plan_visits, recommended_visits)) FILTER (WHERE ${completed}) AS mean_visits_planned,
              count(*) FILTER (WHERE ${completed} AND outcome->>'goalsMet' = '${GoalAttainment.MET}')::int AS goals_met,
              (SELECT count(*)::int FROM goals) AS short_term_goals,
              (SELECT count(*)::int FROM goals WHERE attainment = '${GoalAttainment.MET}') AS short_term_goals_met,
              count(*) FILTER (WHERE status IN ('${S.DECLINED}', '${S.EXPIRED}') AND redirected_to_id IS NULL)::int AS leaked,
              count(*) FILTER (WHERE ${completed} AND loop_closed_at IS NOT NULL)::int AS loops_closed
         FROM p`;
    const row = await keptStats.get(sql, values, async () => (await this.db.query<StatsRow[]>(sql, values))[0]);
    const answered = row.accepted + row.declined + row.expired;
    return {
      from: input.from,
      to: input.to,
      total: row.total,
      byStatus: SENT_STATUSES.map((status) => ({ status, count: row.by_status[status] ?? 0 })),
      accepted: row.accepted,
      declined: row.declined,
      expired: row.expired,
      acceptanceRate: share(row.accepted, answered),
      timeToAcceptHours: { median: hours(row.accept_median_s), p90: hours(row.accept_p90_s), measured: row.accepted },
      timeToFirstVisitHours: { median: hours(row.first_visit_median_s), p90: hours(row.first_visit_p90_s), measured: row.first_visit_measured },
      completed: row.completed,
      completionRate: share(row.completed, row.accepted),
      meanVisitsUsed: number(row.mean_visits_used),
      meanVisitsPlanned: number(row.mean_visits_planned),
      goalsMetShare: share(row.goals_met, row.completed),
      shortTermGoalsMetShare: share(row.short_term_goals_met, row.short_term_goals),
      leaked: row.leaked,
      leakageRate: share(row.leaked, row.total),
      loopsClosed: row.loops_closed,
      loopClosedRate: share(row.loops_closed, row.completed),
    };
  }
}
