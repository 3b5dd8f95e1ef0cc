import { Query } from './sql';

/**
 * The audit trail the product would have written while people worked on these referrals: one
 * entry per request that read or changed one, as the audit plugin writes them (operation
 * "query Referral" and the like, the actor's clinic and role, the ids touched and, per clinic,
 * the part of them that belongs to it).
 *
 * Each referral gets its share of the entries: the first is its creation by the referrer; the
 * others are reads spread over its life (from drafting, or for the receiving side from sending,
 * until a month after its last change), by someone who may see it: the referrer (a coordinator
 * or provider of the referring clinic) or, once sent to a provider, that provider or a
 * coordinator of the receiving clinic. A read of the patient alone (the patient's page) is
 * filed under the patient's clinic, the referring one. Each entry names one referral: the
 * product's list pages name twenty at once, which the figures of a per-patient search do not
 * depend on.
 */
export async function writeAuditEntries(query: Query): Promise<void> {
  // Per referral, what every one of its entries needs, so the pass over the entries only picks.
  await query(
    `CREATE TEMP TABLE seed_audit_referrals ON COMMIT DROP AS
     SELECT r.i, r.id, r.patient_id, r.referring_clinic_id, r.to_clinic_id, r.referring_user_id,
            CASE WHEN r.referring_provider_id IS NULL THEN 'COORDINATOR' ELSE 'PROVIDER' END AS referring_role,
            CASE WHEN o.sent_at IS NOT NULL THEN r.provider_user_id END AS provider_user_id, st.id AS receiving_coordinator_id,
            r.created_at, o.sent_at, greatest(r.created_at, least(now(), o.updated_at + interval '30 days')) AS quiet_at,
            array_remove(ARRAY[r.referring_clinic_id, CASE WHEN r.to_clinic_id <> r.referring_clinic_id THEN r.to_clinic_id END], NULL) AS clinic_ids,
            jsonb_build_object(r.referring_clinic_id::text, jsonb_build_object('patientIds', jsonb_build_array(r.patient_id), 'referralIds', jsonb_build_array(r.id)))
              || CASE WHEN r.to_clinic_id IS NULL THEN '{}'::jsonb
                      ELSE jsonb_build_object(r.to_clinic_id::text, jsonb_build_object('patientIds', jsonb_build_array(r.patient_id), 'referralIds', jsonb_build_array(r.id))) END
              AS subjects,
            jsonb_build_object(r.referring_clinic_id::text, jsonb_build_object('patientIds', jsonb_build_array(r.patient_id), 'referralIds', '[]'::jsonb))
              AS patient_subjects
       FROM seed_referrals r
       JOIN seed_outcomes o ON o.i = r.i
       LEFT JOIN seed_staff st ON st.clinic_id = r.to_clinic_id AND st.k = 1`,
  );
  // Entry n belongs to referral 1 + n % referrals, as its (n / referrals)-th: every referral gets its share, the first its creation.
  await query(
    `INSERT INTO audit_entries (id, actor_id, actor_clinic_id, actor_role, operation, patient_ids, referral_ids, clinic_ids, subjects, ip_address, at)
     SELECT gen_random_uuid(), e.actor_id, e.actor_clinic_id, e.actor_role, e.operation, ARRAY[e.patient_id],
            CASE WHEN e.patient_only THEN '{}'::uuid[] ELSE ARRAY[e.id] END,
            CASE WHEN e.patient_only THEN ARRAY[e.referring_clinic_id] ELSE e.clinic_ids END,
            CASE WHEN e.patient_only THEN e.patient_subjects ELSE e.subjects END,
            '192.0.2.' || (1 + e.n % 250),
            -- Milliseconds, as the product's clock (JavaScript's) has them; rounded up, never before what it read.
            least(now(), date_trunc('milliseconds', e.at + interval '999 microseconds'))
       FROM (
         SELECT d.n, r.id, r.patient_id, r.referring_clinic_id, r.clinic_ids, r.subjects, r.patient_subjects,
                CASE WHEN d.receiving THEN CASE WHEN d.u_who < 0.5 THEN r.provider_user_id ELSE r.receiving_coordinator_id END
                     ELSE r.referring_user_id END AS actor_id,
                CASE WHEN d.receiving THEN r.to_clinic_id ELSE r.referring_clinic_id END AS actor_clinic_id,
                CASE WHEN d.receiving THEN CASE WHEN d.u_who < 0.5 THEN 'PROVIDER' ELSE 'COORDINATOR' END ELSE r.referring_role END AS actor_role,
                CASE WHEN d.first THEN 'mutation CreateReferral'
                     WHEN d.receiving THEN CASE WHEN d.u_op < 0.35 THEN 'query Inbox' WHEN d.u_op < 0.8 THEN 'query Referral' ELSE 'query Episode' END
                     ELSE CASE WHEN d.u_op < 0.45 THEN 'query Referral' WHEN d.u_op < 0.6 THEN 'query PatientsDetail'
                               WHEN d.u_op < 0.8 THEN 'query PatientsReferrals' ELSE 'query Episode' END END
                  AS operation,
                NOT d.first AND NOT d.receiving AND d.u_op >= 0.45 AND d.u_op < 0.6 AS patient_only,
                CASE WHEN d.first THEN r.created_at
                     WHEN d.receiving THEN r.sent_at + d.u_at * (greatest(r.quiet_at, r.sent_at) - r.sent_at)
                     ELSE r.created_at + d.u_at * (r.quiet_at - r.created_at) END AS at
           -- Per referral i, its entries n = j * referrals + i - 1 below the total: no join, the rows stream.
           FROM seed_audit_referrals r
           CROSS JOIN seed_params p
           CROSS JOIN LATERAL generate_series(0, (p.audit_entries - r.i + p.referrals) / p.referrals - 1) AS j
           CROSS JOIN LATERAL (SELECT j * p.referrals + r.i - 1 AS n, j = 0 AS first, random() AS u_side, random() AS u_who, random() AS u_op,
                                      random() AS u_at) d0
           -- The receiving side reads it only once it has been sent to one of its providers.
           CROSS JOIN LATERAL (SELECT d0.*, NOT d0.first AND r.provider_user_id IS NOT NULL AND d0.u_side < 0.55 AS receiving) d) e`,
  );
}
