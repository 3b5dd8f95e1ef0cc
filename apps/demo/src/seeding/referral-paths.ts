import { keyed, Query } from './sql';

/** The reference alphabet (no 0/O, 1/I/L) and its size to the 6th power: references are a bijection of the sequence number. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODES = 31 ** 6;
const reference = (n: string) =>
  `'RF-' || ${[0, 1, 2, 3, 4, 5].map((digit) => `substr('${ALPHABET}', ((${n}) / ${31 ** digit} % 31)::int + 1, 1)`).join(' || ')}`;

/**
 * Who refers whom and what each referral's life would be, before it is cut at the present:
 * every milestone (sent, on hold, answered, booked, planned, cancelled, acknowledged) as a
 * time, drawn from log-normal durations. Sent a random moment in the last HISTORY_DAYS; the
 * later milestones that have not happened yet are dropped when the history is written, so a
 * referral's status is simply where its life stands now.
 *
 * Paths: 3% stay drafts; 12% are sent a while after being drafted; 3% go to an open pool
 * (never claimed here, so they expire); 6% are put on hold with a question (a fifth never
 * answered, then cancelled); an answer later than the response window expires; otherwise 3%
 * are withdrawn, 13% declined and the rest accepted, booked and (90%) planned; 6% of accepted
 * episodes are cancelled before they end; 80% of outcomes are acknowledged.
 */
export async function drawReferralPaths(query: Query): Promise<void> {
  await query(
    `CREATE TEMP TABLE seed_referrals ON COMMIT DROP AS
     WITH draws AS (
       SELECT i, random() AS u_src, random() AS u_by_provider, random() AS u_referrer, random() AS u_pool, random() AS u_target,
              random() AS u_modality, random() AS u_conditions, random() AS u_techniques, random() AS u_patient, random() AS u_priority,
              random() AS u_reason, random() AS u_rom, random() AS u_pain, random() AS u_side, random() AS u_posture, random() AS u_visits,
              random() AS u_per_week, random() AS u_flags, random() AS u_created, random() AS u_draft, random() AS u_late, random() AS u_hold,
              random() AS u_hold_answered, random() AS u_answer, random() AS u_decline, random() AS u_plan, random() AS u_cancel,
              random() AS u_cancel_at, random() AS u_cancel_side, random() AS u_ack, random() AS u_quality, random() AS u_recommend,
              random() AS u_day, random() AS u_hour
         FROM seed_params p, generate_series(1, p.referrals) AS i),
     parties AS (
       SELECT d.*, 1 + floor(d.u_src * p.clinics)::int AS src,
              d.u_pool < 0.03 AS pooled,
              1 + floor(d.u_target * p.providers)::int AS target_draw
         FROM draws d, seed_params p),
     referrers AS (
       SELECT pa.*,
              -- A third are sent by one of the clinic's providers, the rest by a coordinator.
              CASE WHEN pa.u_by_provider < 0.3 THEN pa.src + p.clinics * floor(pa.u_referrer * ((p.providers - pa.src) / p.clinics + 1))::int END AS referring_no,
              1 + floor(pa.u_referrer * (1 + pa.src % 2))::int AS coordinator_k
         FROM parties pa, seed_params p),
     targets AS (
       SELECT r.*,
              -- Not to the referring clinic (when there is another), never to oneself.
              CASE WHEN r.pooled THEN NULL
                   WHEN p.providers > 1 AND ((r.target_draw - 1) % p.clinics + 1 = r.src OR r.target_draw = r.referring_no) THEN r.target_draw % p.providers + 1
                   ELSE r.target_draw END AS target_no
         FROM referrers r, seed_params p),
     clinical AS (
       SELECT t.*, c.id AS referring_clinic_id, c.latitude AS src_latitude, c.longitude AS src_longitude,
              coalesce(rp.user_id, st.id) AS referring_user_id, rp.id AS referring_provider_id,
              tp.id AS to_provider_id, tp.clinic_id AS to_clinic_id, tp.user_id AS provider_user_id, tp.techniques AS provider_techniques,
              pt.id AS patient_id,
              coalesce(tp.modalities[1 + floor(t.u_modality * cardinality(tp.modalities))::int],
                       pg_temp.weighted(p.vocab -> 'modalities', t.u_modality) ->> 'modality') AS modality,
              CASE WHEN tp.id IS NULL THEN ARRAY(SELECT x FROM jsonb_array_elements_text(p.vocab -> 'conditions') x ORDER BY random() LIMIT 1 + floor(t.u_conditions * 2)::int)
                   ELSE ARRAY(SELECT x FROM unnest(tp.conditions) x ORDER BY random() LIMIT 1 + floor(t.u_conditions * 3)::int) END AS conditions,
              CASE WHEN tp.id IS NULL THEN '{}'::text[]
                   ELSE ARRAY(SELECT x FROM unnest(tp.techniques) x ORDER BY random() LIMIT floor(t.u_techniques * 3)::int) END AS techniques,
              CASE WHEN t.u_priority < 0.12 THEN 'URGENT' ELSE 'ROUTINE' END AS priority
         FROM targets t
         CROSS JOIN seed_params p
         JOIN seed_clinics c ON c.no = t.src
         JOIN seed_staff st ON st.clinic_no = t.src AND st.k = t.coordinator_k
         LEFT JOIN seed_providers rp ON rp.no = t.referring_no
         LEFT JOIN seed_providers tp ON tp.no = t.target_no
         JOIN seed_patients pt ON pt.clinic_no = t.src AND pt.k = floor(t.u_patient * ((p.patients - t.src) / p.clinics + 1))::int),
     measured AS (
       SELECT cl.*, p.vocab -> 'measures' -> cl.conditions[1] AS measure,
              CASE WHEN cl.priority = 'URGENT' THEN p.urgent_h ELSE p.routine_h END AS window_h,
              -- Drafted during working hours (Chicago) on a random day of the history; today's not after now.
              least((date_trunc('day', (now() - cl.u_created * p.history_days * interval '1 day') AT TIME ZONE 'America/Chicago')
                       + (8 + cl.u_hour * 9) * interval '1 hour') AT TIME ZONE 'America/Chicago',
                    now() - (1 + cl.u_hour * 60) * interval '1 minute') AS created_at,
              4 + floor(cl.u_visits * 7)::int AS recommended_visits, CASE WHEN cl.u_per_week < 0.8 THEN 1 ELSE 2 END AS visits_per_week,
              pg_temp.lognormal(CASE WHEN cl.priority = 'URGENT' THEN 5 ELSE 16 END, 1.1) AS response_h,
              pg_temp.lognormal(14, 0.8) AS hold_h
         FROM clinical cl, seed_params p),
     clocked AS (
       SELECT m.*,
              CASE WHEN m.u_draft < 0.03 THEN NULL
                   WHEN m.u_late < 0.12 THEN m.created_at + pg_temp.lognormal(3, 1.2) * interval '1 hour'
                   ELSE m.created_at END AS sent_at,
              -- A question only when the answer would come in time: an expiry never follows a hold here.
              m.u_hold < 0.06 AND NOT m.pooled AND m.response_h < 0.9 * m.window_h AS held,
              m.u_hold_answered < 0.8 AS hold_answered
         FROM measured m),
     answered AS (
       SELECT c.*,
              CASE WHEN c.sent_at IS NULL THEN 'NONE'
                   WHEN c.held AND NOT c.hold_answered THEN 'CANCEL'
                   WHEN c.pooled OR c.response_h > c.window_h THEN 'EXPIRE'
                   WHEN c.u_answer < 0.03 THEN 'CANCEL'
                   WHEN c.u_answer < 0.16 THEN 'DECLINE'
                   ELSE 'ACCEPT' END AS answer_kind,
              CASE WHEN c.held THEN c.sent_at + 0.4 * c.response_h * interval '1 hour' END AS hold_at
         FROM clocked c)
     -- Booking in the same pass: a day after accepting or so, the first appointment 1 to 9 days later at
     -- 8:00–17:00, the plan before it. The columns the episode fills in later start empty.
     SELECT b.*,
            CASE WHEN b.planned AND b.scheduled_at IS NOT NULL
                 THEN least(b.scheduled_at + pg_temp.lognormal(3, 0.8) * interval '1 hour', b.appointment_at - interval '1 hour') END AS plan_at,
            NULL::timestamptz AS completed_at, NULL::timestamptz AS cancel_at, NULL::int AS visits_used, NULL::numeric AS final_degrees,
            NULL::int AS final_pain, NULL::text AS goals_met, NULL::boolean AS first_goal_met, NULL::boolean AS second_goal_met
       FROM (
         SELECT s.*,
                (date_trunc('day', s.scheduled_at AT TIME ZONE 'America/Chicago') + (1 + floor(s.u_day * 9)) * interval '1 day'
                   + (8 + floor(s.u_hour * 10)) * interval '1 hour') AT TIME ZONE 'America/Chicago' AS appointment_at
           FROM (
             SELECT d.*, CASE WHEN d.answer_kind = 'ACCEPT' THEN d.answer_at + pg_temp.lognormal(20, 0.8) * interval '1 hour' END AS scheduled_at
               FROM (
             SELECT a.i, gen_random_uuid() AS id, ${reference(`((p.reference_offset + a.i) * 387420489 + 123456789) % ${CODES}`)} AS reference,
                    a.referring_clinic_id, a.referring_user_id, a.referring_provider_id, a.to_provider_id, a.to_clinic_id, a.provider_user_id,
                    a.provider_techniques, a.patient_id, a.modality, a.conditions, a.techniques, a.priority, a.window_h,
                    pg_temp.pick_text(p.vocab -> 'reasons' -> a.modality, a.u_reason) AS reason,
                    a.measure, CASE WHEN (a.measure ->> 'sided')::boolean THEN CASE WHEN a.u_side < 0.5 THEN 'LEFT' ELSE 'RIGHT' END END AS side,
                    round((a.measure ->> 'expected')::numeric * (0.45 + 0.35 * a.u_rom)::numeric) AS first_degrees, 3 + floor(a.u_pain * 6)::int AS first_pain,
                    pg_temp.pick_text(p.vocab -> 'postureNotes', a.u_posture) AS posture_notes, a.u_quality AS quality,
                    a.recommended_visits, a.visits_per_week,
                    CASE WHEN a.u_flags < 0.05 THEN pg_temp.pick_text(p.vocab -> 'redFlags', a.u_flags * 20) END AS red_flags,
                    a.sent_at IS NOT NULL OR a.u_draft > 0.004 AS consent_to_share,
                    CASE WHEN a.pooled THEN a.src_latitude END AS pool_latitude, CASE WHEN a.pooled THEN a.src_longitude END AS pool_longitude,
                    CASE WHEN a.pooled THEN 25.0 END AS pool_radius_km,
                    a.created_at, a.sent_at, a.answer_kind, a.hold_at,
                    CASE WHEN a.held AND a.hold_answered THEN a.hold_at + a.hold_h * interval '1 hour' END AS hold_end,
                    CASE WHEN a.held THEN pg_temp.pick_text(p.vocab -> 'questions', a.u_hold) END AS question,
                    CASE WHEN a.held THEN pg_temp.pick_text(p.vocab -> 'answers', a.u_hold) END AS answer,
                    CASE WHEN a.sent_at IS NOT NULL AND NOT (a.held AND NOT a.hold_answered)
                         THEN a.sent_at + (a.window_h + CASE WHEN a.held THEN a.hold_h ELSE 0 END) * interval '1 hour' END AS due_at,
                    CASE a.answer_kind
                      WHEN 'EXPIRE' THEN a.sent_at + a.window_h * interval '1 hour'
                      WHEN 'CANCEL' THEN CASE WHEN a.held AND NOT a.hold_answered THEN a.hold_at + (3 + 11 * a.u_cancel) * interval '1 day'
                                              ELSE a.sent_at + (0.5 * a.response_h + CASE WHEN a.held THEN a.hold_h ELSE 0 END) * interval '1 hour' END
                      WHEN 'NONE' THEN NULL
                      ELSE a.sent_at + (a.response_h + CASE WHEN a.held THEN a.hold_h ELSE 0 END) * interval '1 hour' END AS answer_at,
                    CASE WHEN a.answer_kind = 'DECLINE' THEN pg_temp.pick(p.vocab -> 'declines', a.u_decline) END AS decline,
                    a.u_plan < 0.9 AS planned, a.u_cancel < 0.06 AS cancels_episode, a.u_cancel_at, a.u_cancel_side < 0.5 AS receiver_cancels,
                    pg_temp.pick_text(p.vocab -> 'cancelReasons', a.u_cancel) AS cancel_reason,
                    CASE WHEN a.u_ack < 0.8 THEN pg_temp.lognormal(30, 1.3) END AS ack_h,
                    a.modality <> 'PHYSICAL_THERAPY' AND a.u_recommend < 0.35 AS recommends_physical_therapy,
                    a.u_day, a.u_hour
               FROM answered a, seed_params p) d) s) b`,
  );
  await keyed(query, 'seed_referrals', 'i');
}
