import { keyed, Query } from './sql';

/**
 * The history each referral would have (one row per event, with its status before and after
 * and whether it bumps the version, as the lifecycle writes them), cut at the present and at
 * a cancellation; then the referrals, whose status, version and timestamps are read off that
 * history, so the two cannot disagree.
 */
export async function writeHistory(query: Query): Promise<void> {
  // cut: nothing after it happened. ord orders events of one instant (created and sent at once).
  await query(
    `CREATE TEMP TABLE seed_events ON COMMIT DROP AS
     -- Not materialised: a copy of every (wide) referral would spill to disk; each branch reads the table instead.
     WITH r AS NOT MATERIALIZED (SELECT *, least(now(), cancel_at) AS cut FROM seed_referrals),
     candidates AS (
       SELECT i, created_at AS at, 0 AS ord, 'CREATED' AS type, NULL AS from_status, 'DRAFT' AS to_status, referring_user_id AS actor_id,
              NULL::text AS reason, NULL::jsonb AS data, false AS bumps, cut FROM r
       UNION ALL
       -- Created and sent in one step is version 1; sent later is a move of its own.
       SELECT i, sent_at, 1, 'SENT', 'DRAFT', 'SENT', referring_user_id, NULL, NULL, sent_at > created_at, cut FROM r WHERE sent_at IS NOT NULL
       UNION ALL
       SELECT i, hold_at, 2, 'INFO_REQUESTED', 'SENT', 'ON_HOLD', provider_user_id, question, NULL, true, cut FROM r WHERE hold_at IS NOT NULL
       UNION ALL
       SELECT i, hold_end, 3, 'INFO_PROVIDED', 'ON_HOLD', 'SENT', referring_user_id, answer, NULL, true, cut FROM r WHERE hold_end IS NOT NULL
       UNION ALL
       SELECT i, answer_at, 4,
              CASE answer_kind WHEN 'ACCEPT' THEN 'ACCEPTED' WHEN 'DECLINE' THEN 'DECLINED' WHEN 'EXPIRE' THEN 'EXPIRED' ELSE 'CANCELLED' END,
              CASE WHEN hold_at IS NOT NULL AND hold_end IS NULL THEN 'ON_HOLD' ELSE 'SENT' END,
              CASE answer_kind WHEN 'ACCEPT' THEN 'ACCEPTED' WHEN 'DECLINE' THEN 'DECLINED' WHEN 'EXPIRE' THEN 'EXPIRED' ELSE 'CANCELLED' END,
              CASE answer_kind WHEN 'EXPIRE' THEN NULL WHEN 'CANCEL' THEN referring_user_id ELSE provider_user_id END,
              CASE answer_kind WHEN 'DECLINE' THEN coalesce(decline ->> 'note', decline ->> 'reason') END,
              CASE answer_kind WHEN 'DECLINE' THEN jsonb_build_object('declineReason', decline ->> 'reason') END,
              true, cut
         FROM r WHERE answer_kind <> 'NONE'
       UNION ALL
       SELECT i, scheduled_at, 5, 'SCHEDULED', 'ACCEPTED', 'SCHEDULED', provider_user_id, NULL,
              jsonb_build_object('appointmentAt', to_char(appointment_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'previousAppointmentAt', NULL),
              true, cut
         FROM r WHERE scheduled_at IS NOT NULL
       UNION ALL
       SELECT i, plan_at, 6, 'TREATMENT_PLAN_SET', 'SCHEDULED', 'SCHEDULED', provider_user_id, NULL, jsonb_build_object('planVersion', 1), true, cut
         FROM r WHERE plan_at IS NOT NULL
       UNION ALL
       SELECT v.i, v.recorded_at, 10 + v.number,
              CASE WHEN v.starts_treatment THEN 'TREATMENT_STARTED' WHEN v.attended THEN 'VISIT_RECORDED' ELSE 'NO_SHOW' END,
              CASE WHEN v.attended_so_far = 0 OR v.starts_treatment THEN 'SCHEDULED' ELSE 'IN_TREATMENT' END,
              CASE WHEN v.attended_so_far = 0 THEN 'SCHEDULED' ELSE 'IN_TREATMENT' END,
              r.provider_user_id, NULL, jsonb_build_object('visitNumber', v.number, 'overBudget', false), true, r.cut
         FROM seed_visits v JOIN r ON r.i = v.i WHERE v.at <= now()
       UNION ALL
       SELECT i, completed_at, 1000, 'COMPLETED', 'IN_TREATMENT', 'COMPLETED', provider_user_id, ${summary('r')},
              jsonb_build_object('goalsMet', goals_met, 'visitsUsed', visits_used), true, cut
         FROM r WHERE completed_at IS NOT NULL
       UNION ALL
       -- Unacknowledged after the reminder delay: the worker reminded the referrer (no version bump).
       SELECT i, completed_at + p.outcome_reminder_h * interval '1 hour', 1001, 'OUTCOME_REMINDED', 'COMPLETED', 'COMPLETED', NULL, NULL, NULL, false, cut
         FROM r, seed_params p WHERE completed_at IS NOT NULL AND (ack_h IS NULL OR ack_h > p.outcome_reminder_h)
       UNION ALL
       SELECT i, completed_at + ack_h * interval '1 hour', 1002, 'OUTCOME_ACKNOWLEDGED', 'COMPLETED', 'COMPLETED', referring_user_id, NULL, NULL, true, cut
         FROM r WHERE completed_at IS NOT NULL AND ack_h IS NOT NULL)
     SELECT i, at, ord, type, from_status, to_status, actor_id, reason, data, bumps FROM candidates WHERE at <= cut`,
  );
  await query('ANALYZE seed_events');
  // A cancellation of an episode under way, from wherever it stood; either side may make it, with a reason.
  // Where it stood: the last entry of the few referrals cancelled (sorted, rather than an index over all entries).
  await query(
    `INSERT INTO seed_events (i, at, ord, type, from_status, to_status, actor_id, reason, data, bumps)
     SELECT r.i, r.cancel_at, 2000, 'CANCELLED', last.to_status, 'CANCELLED',
            CASE WHEN r.receiver_cancels THEN r.provider_user_id ELSE r.referring_user_id END, r.cancel_reason, NULL, true
       FROM seed_referrals r
       JOIN (SELECT DISTINCT ON (e.i) e.i, e.to_status FROM seed_events e
              WHERE e.i IN (SELECT i FROM seed_referrals WHERE cancel_at <= now())
              ORDER BY e.i, e.at DESC, e.ord DESC) last ON last.i = r.i
      WHERE r.cancel_at <= now() AND last.to_status IN ('ACCEPTED', 'SCHEDULED', 'IN_TREATMENT')`,
  );

  await query(
    `CREATE TEMP TABLE seed_outcomes ON COMMIT DROP AS
     SELECT i, (array_agg(to_status ORDER BY at DESC, ord DESC))[1] AS status, 1 + count(*) FILTER (WHERE bumps) AS version,
            max(at) FILTER (WHERE bumps OR type = 'CREATED') AS updated_at,
            max(at) FILTER (WHERE type = 'SENT') AS sent_at,
            max(at) FILTER (WHERE type IN ('ACCEPTED', 'DECLINED')) AS responded_at,
            max(at) FILTER (WHERE type = 'SCHEDULED') AS scheduled_at,
            max(at) FILTER (WHERE type = 'TREATMENT_STARTED') AS treatment_started_at,
            max(at) FILTER (WHERE type = 'COMPLETED') AS completed_at,
            max(at) FILTER (WHERE type = 'OUTCOME_REMINDED') AS outcome_reminded_at,
            max(at) FILTER (WHERE type = 'OUTCOME_ACKNOWLEDGED') AS loop_closed_at,
            max(at) FILTER (WHERE type = 'CANCELLED') AS cancelled_at,
            max(at) FILTER (WHERE type = 'TREATMENT_PLAN_SET') AS plan_at,
            bool_or(type = 'DECLINED') AS declined, bool_or(type = 'INFO_REQUESTED') AS held, bool_or(type = 'INFO_PROVIDED') AS resumed
       FROM seed_events GROUP BY i`,
  );
  await keyed(query, 'seed_outcomes', 'i');
}

/** The outcome's summary, from the first and last measure and pain. */
export const summary = (r: string) =>
  `initcap(${r}.measure ->> 'joint') || ' ' || (${r}.measure ->> 'movement') || ' ' || ${r}.first_degrees || '° to ' || ${r}.final_degrees
     || '° of ' || (${r}.measure ->> 'expected') || '°; pain ' || ${r}.first_pain || '/10 to ' || ${r}.final_pain || '/10.'`;
