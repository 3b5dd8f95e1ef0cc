import { Query } from './sql';
import { summary } from './history';

/** A range-of-motion finding as the API stores it. */
const finding = (r: string, degrees: string, pain: string) =>
  `jsonb_build_object('joint', ${r}.measure ->> 'joint', 'movement', ${r}.measure ->> 'movement', 'side', ${r}.side,
     'measuredDegrees', ${degrees}, 'expectedDegrees', (${r}.measure ->> 'expected')::numeric, 'painScore', ${pain})`;

/** The range goal set at assessment (and taken into the plan): halfway to the normal range. */
const rangeGoal = (r: string) =>
  `initcap(${r}.measure ->> 'joint') || ' ' || (${r}.measure ->> 'movement') || ' to '
     || round(${r}.first_degrees + ((${r}.measure ->> 'expected')::numeric - ${r}.first_degrees) / 2) || '°'`;
const PAIN_GOAL = `'Pain at most 2/10 in daily activities'`;

/**
 * Writes the referrals (status, version and times read off their history), the history in
 * order (so each referral's sequence numbers follow its events), the plans and the visits
 * that took place.
 */
export async function writeRecords(query: Query): Promise<void> {
  await query(
    `INSERT INTO referrals (id, reference, status, version, priority, modality, conditions, techniques, reason, assessment, goals,
       recommended_visits, visits_per_week, red_flags, consent_to_share, patient_id, referring_clinic_id, referring_user_id,
       referring_provider_id, to_provider_id, to_clinic_id, created_at, updated_at, sent_at, due_at, clock_remaining_ms, clock_seq,
       reminded_at, sent_by_user_id, responded_at, appointment_at, treatment_started_at, completed_at, loop_closed_at,
       outcome_reminded_at, cancelled_at, cancel_reason, decline_reason, decline_note, outcome, pool_latitude, pool_longitude, pool_radius_km)
     SELECT r.id, r.reference, o.status, o.version, r.priority, r.modality, r.conditions, r.techniques, r.reason,
            jsonb_build_object('postureNotes', r.posture_notes, 'rangeOfMotion', jsonb_build_array(${finding('r', 'r.first_degrees', 'r.first_pain')})),
            jsonb_build_object('longTerm', 'Full, pain-free ' || (r.measure ->> 'movement') || ' of the ' || (r.measure ->> 'joint'),
                               'shortTerm', jsonb_build_array(${rangeGoal('r')}, ${PAIN_GOAL})),
            r.recommended_visits, r.visits_per_week, r.red_flags, r.consent_to_share, r.patient_id, r.referring_clinic_id,
            r.referring_user_id, r.referring_provider_id, r.to_provider_id, r.to_clinic_id, r.created_at, o.updated_at, o.sent_at,
            -- The clock: paused while on hold (what was left of it kept), moved on by the time on hold once answered.
            CASE WHEN o.sent_at IS NULL OR (o.held AND NOT o.resumed) THEN NULL WHEN o.resumed THEN r.due_at
                 ELSE o.sent_at + r.window_h * interval '1 hour' END,
            CASE WHEN o.status = 'ON_HOLD' THEN round(r.window_h * 3600000 - extract(epoch FROM r.hold_at - o.sent_at) * 1000)::bigint END,
            CASE WHEN o.sent_at IS NULL THEN 0 WHEN o.resumed THEN 2 ELSE 1 END,
            -- Reminded at half time if the clock got there before it stopped (answer, expiry, withdrawal, hold, now).
            CASE WHEN c.half_time <= least(now(), coalesce(CASE WHEN r.answer_at <= now() THEN r.answer_at END, now()),
                                           CASE WHEN o.held AND NOT o.resumed THEN r.hold_at END)
                 THEN c.half_time END,
            CASE WHEN o.sent_at IS NOT NULL THEN r.referring_user_id END, o.responded_at,
            CASE WHEN o.scheduled_at IS NOT NULL THEN r.appointment_at END, o.treatment_started_at, o.completed_at, o.loop_closed_at,
            o.outcome_reminded_at, o.cancelled_at, CASE WHEN o.cancelled_at IS NOT NULL AND r.answer_kind = 'ACCEPT' THEN r.cancel_reason END,
            CASE WHEN o.declined THEN r.decline ->> 'reason' END, CASE WHEN o.declined THEN r.decline ->> 'note' END,
            CASE WHEN o.completed_at IS NOT NULL THEN jsonb_build_object(
              'summary', ${summary('r')}, 'goalsMet', r.goals_met, 'visitsUsed', r.visits_used,
              'finalRangeOfMotion', jsonb_build_array(${finding('r', 'r.final_degrees', 'r.final_pain')}),
              'shortTermGoals', CASE WHEN o.plan_at IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(
                 jsonb_build_object('position', 1, 'description', ${rangeGoal('r')}, 'attainment', CASE WHEN r.first_goal_met THEN 'MET' ELSE 'PARTIALLY_MET' END, 'note', NULL),
                 jsonb_build_object('position', 2, 'description', ${PAIN_GOAL}, 'attainment', CASE WHEN r.second_goal_met THEN 'MET' ELSE 'NOT_MET' END, 'note', NULL)) END,
              'recommendations', CASE WHEN r.recommends_physical_therapy
                 THEN jsonb_build_array(jsonb_build_object('text', 'Refer to physical therapy for strengthening', 'suggestedModality', 'PHYSICAL_THERAPY'))
                 ELSE '[]'::jsonb END) END,
            r.pool_latitude, r.pool_longitude, r.pool_radius_km
       FROM seed_referrals r
       JOIN seed_outcomes o ON o.i = r.i
       CROSS JOIN LATERAL (SELECT o.sent_at + (r.window_h / 2 + CASE WHEN o.resumed AND r.hold_at < o.sent_at + r.window_h / 2 * interval '1 hour'
                                                                     THEN extract(epoch FROM r.hold_end - r.hold_at) / 3600 ELSE 0 END) * interval '1 hour' AS half_time) c`,
  );
  await query(
    `INSERT INTO referral_events (id, referral_id, type, from_status, to_status, actor_id, reason, data, at)
     SELECT gen_random_uuid(), r.id, e.type, e.from_status, e.to_status, e.actor_id, e.reason, e.data, e.at
       FROM seed_events e JOIN seed_referrals r ON r.i = e.i
      ORDER BY e.i, e.at, e.ord`,
  );
  await query(
    `INSERT INTO treatment_plans (id, referral_id, version, long_term_goal, short_term_goals, planned_visits, visits_per_week, techniques,
                                  set_by_user_id, set_at)
     SELECT gen_random_uuid(), r.id, 1, 'Full, pain-free ' || (r.measure ->> 'movement') || ' of the ' || (r.measure ->> 'joint'),
            jsonb_build_array(
              jsonb_build_object('description', ${rangeGoal('r')}, 'targetVisit', ceil(r.recommended_visits / 2.0)::int, 'measure', 'goniometer'),
              jsonb_build_object('description', ${PAIN_GOAL}, 'targetVisit', r.recommended_visits, 'measure', 'numeric pain rating 0-10')),
            r.recommended_visits, r.visits_per_week, r.provider_techniques[1:3], r.provider_user_id, o.plan_at
       FROM seed_referrals r JOIN seed_outcomes o ON o.i = r.i
      WHERE o.plan_at IS NOT NULL`,
  );
  await query(
    `INSERT INTO visits (id, referral_id, number, at, attended, techniques_used, range_of_motion, pain_score, notes, short_term_goals_met,
                         plan_version, over_budget, recorded_by_user_id, recorded_at)
     SELECT gen_random_uuid(), r.id, v.number, v.at, v.attended,
            CASE WHEN v.attended THEN ARRAY(SELECT x FROM unnest(r.provider_techniques) x ORDER BY random() LIMIT 1 + (random() < 0.5)::int) ELSE '{}' END,
            CASE WHEN v.attended THEN jsonb_build_array(${finding('r', 'v.degrees', 'NULL::int')}) ELSE '[]'::jsonb END,
            v.pain, CASE WHEN v.attended AND random() < 0.3 THEN pg_temp.pick_text(p.vocab -> 'visitNotes', random()) END, v.goals_met,
            CASE WHEN o.plan_at IS NOT NULL THEN 1 END, false, r.provider_user_id, v.recorded_at
       FROM seed_visits v
       JOIN seed_referrals r ON r.i = v.i
       JOIN seed_outcomes o ON o.i = v.i
       CROSS JOIN seed_params p
      WHERE v.at <= now() AND v.recorded_at <= least(now(), r.cancel_at)`,
  );
}
