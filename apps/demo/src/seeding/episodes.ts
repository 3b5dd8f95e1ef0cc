import { keyed, Query } from './sql';

/**
 * The visits of every accepted referral, weekly (or twice a week) from the first appointment:
 * 8% missed, until the visit budget is attended (at most two extra slots for missed ones).
 * Range of motion closes part of the gap to the normal range and pain falls, both in
 * proportion to the visits attended and to how well the episode goes. The outcome follows a
 * day or so after the last visit; a cancellation, when the episode has one, falls somewhere
 * between the answer and that outcome and cuts everything after it.
 */
export async function drawEpisodes(query: Query): Promise<void> {
  // One pass: each slot with its measures (an UPDATE afterwards would write every row twice).
  await query(
    `CREATE TEMP TABLE seed_visits ON COMMIT DROP AS
     WITH slots AS (
       SELECT r.i, s AS number, r.appointment_at + (s - 1) * interval '7 days' / r.visits_per_week AS at, random() >= 0.08 AS attended,
              r.recommended_visits AS budget
         FROM seed_referrals r, generate_series(1, r.recommended_visits + 2) AS s
        WHERE r.appointment_at IS NOT NULL),
     counted AS (
       SELECT slots.*, count(*) FILTER (WHERE attended) OVER (PARTITION BY i ORDER BY number) AS attended_so_far FROM slots)
     SELECT c.i, c.number, c.at, c.attended, c.attended_so_far,
            -- Recorded an hour or three after the visit, never after now.
            least(c.at + (60 + floor(random() * 120)) * interval '1 minute', now()) AS recorded_at,
            c.attended AND c.attended_so_far = 1 AS starts_treatment,
            CASE WHEN c.attended THEN round(r.first_degrees + ((r.measure ->> 'expected')::numeric - r.first_degrees)
                                            * (c.attended_so_far::numeric / r.recommended_visits) * (0.5 + 0.45 * r.quality)::numeric) END AS degrees,
            CASE WHEN c.attended THEN greatest(0, round(r.first_pain - (r.first_pain - 1) * (c.attended_so_far::numeric / r.recommended_visits)
                                                         * (0.4 + 0.6 * r.quality)::numeric))::int END AS pain,
            -- The plan's two goals: the range goal by mid-episode, the pain goal by the end (when the episode goes well enough).
            CASE WHEN NOT c.attended OR r.plan_at IS NULL THEN '{}'::int[]
                 WHEN c.attended_so_far = ceil(r.recommended_visits / 2.0) AND r.quality > 0.2 THEN '{1}'::int[]
                 WHEN c.attended_so_far = r.recommended_visits AND r.quality > 0.45 THEN '{2}'::int[]
                 ELSE '{}'::int[] END AS goals_met
       FROM counted c JOIN seed_referrals r ON r.i = c.i
      WHERE c.attended_so_far - c.attended::int < c.budget`,
  );
  await keyed(query, 'seed_visits', 'i, number');
  await query(
    `UPDATE seed_referrals r SET
            completed_at = e.last_recorded_at + pg_temp.lognormal(20, 0.7) * interval '1 hour',
            visits_used = e.attended, final_degrees = e.final_degrees, final_pain = e.final_pain,
            goals_met = CASE WHEN r.quality > 0.6 THEN 'MET' WHEN r.quality > 0.25 THEN 'PARTIALLY_MET' ELSE 'NOT_MET' END,
            first_goal_met = e.first_goal_met, second_goal_met = e.second_goal_met
       FROM (SELECT i, max(recorded_at) AS last_recorded_at, count(*) FILTER (WHERE attended) AS attended,
                    (array_agg(degrees ORDER BY number DESC) FILTER (WHERE attended))[1] AS final_degrees,
                    (array_agg(pain ORDER BY number DESC) FILTER (WHERE attended))[1] AS final_pain,
                    bool_or(1 = ANY (goals_met)) AS first_goal_met, bool_or(2 = ANY (goals_met)) AS second_goal_met
               FROM seed_visits GROUP BY i) e
      WHERE r.i = e.i AND e.attended > 0`,
  );
  await query(
    `UPDATE seed_referrals SET cancel_at = answer_at + u_cancel_at * (coalesce(completed_at, appointment_at + interval '8 weeks') - answer_at)
      WHERE cancels_episode AND answer_kind = 'ACCEPT'`,
  );
}
