import { keyed, Query } from './sql';

/** Every seeded address is under the reserved `.example` domain, tagged by run. */
const EMAIL_DOMAIN = `p.tag || '.seed.example'`;

/**
 * Clinics spread over the metro area (around its localities, ~1.5 km apart at one sigma),
 * each with a clinic admin and one or two coordinators; providers assigned round-robin so each
 * clinic has about three, most practising the clinic's main modality; patients of each clinic.
 */
export async function seedPeople(query: Query): Promise<void> {
  await query(
    `CREATE TEMP TABLE seed_clinics ON COMMIT DROP AS
     WITH draws AS (
       SELECT no, random() AS u_place, random() AS u_kind, random() AS u1, random() AS u2, random() AS u_age, random() AS u_street
         FROM seed_params p, generate_series(1, p.clinics) AS no),
     placed AS (
       SELECT d.*, pg_temp.pick(p.vocab -> 'localities', d.u_place) AS place, pg_temp.weighted(p.vocab -> 'modalities', d.u_kind) AS kind,
              pg_temp.pick_text(p.vocab -> 'streets', d.u_street) AS street
         FROM draws d, seed_params p)
     SELECT no, gen_random_uuid() AS id, kind ->> 'modality' AS modality, street,
            (place ->> 'name') || ' ' || (kind ->> 'clinicKind') AS base_name,
            place ->> 'city' AS city, place ->> 'postalCode' AS postal_code,
            (place ->> 'latitude')::float8 + 1.5 / 111.2 * sqrt(-2 * ln(1 - u1)) * cos(2 * pi() * u2) AS latitude,
            (place ->> 'longitude')::float8 + 1.5 / (111.2 * cos(radians(45))) * sqrt(-2 * ln(1 - u1)) * sin(2 * pi() * u2) AS longitude,
            now() - interval '3 years' + u_age * interval '1 year' AS created_at
       FROM placed`,
  );
  await keyed(query, 'seed_clinics', 'no');
  await query(
    `INSERT INTO clinics (id, name, email, phone, time_zone, address_line1, address_city, address_region, address_postal_code,
                          address_country, latitude, longitude, created_at)
     SELECT c.id,
            -- Two clinics of one kind in one place are told apart by their street.
            c.base_name || CASE WHEN row_number() OVER (PARTITION BY c.base_name ORDER BY c.no) > 1 THEN ' – ' || c.street ELSE '' END,
            'front@clinic-' || c.no || '.' || ${EMAIL_DOMAIN}, '+1 612 555 ' || lpad((c.no % 10000)::text, 4, '0'), 'America/Chicago',
            (100 + c.no * 37 % 9000) || ' ' || c.street, c.city, 'MN', c.postal_code, 'US', c.latitude, c.longitude, c.created_at
       FROM seed_clinics c, seed_params p`,
  );

  // k = 0 is the clinic admin; k = 1 and (every other clinic) 2 are coordinators.
  await query(
    `CREATE TEMP TABLE seed_staff ON COMMIT DROP AS
     SELECT c.no AS clinic_no, k, gen_random_uuid() AS id, c.id AS clinic_id, c.created_at,
            CASE WHEN k = 0 THEN 'CLINIC_ADMIN' ELSE 'COORDINATOR' END AS role
       FROM seed_clinics c, generate_series(0, 1 + c.no % 2) AS k`,
  );
  await keyed(query, 'seed_staff', 'clinic_no, k');
  await query(
    `INSERT INTO users (id, email, password_hash, display_name, role, clinic_id, created_at)
     SELECT s.id, CASE WHEN s.k = 0 THEN 'admin-' || s.clinic_no ELSE 'coordinator-' || s.clinic_no || '-' || s.k END || '@' || ${EMAIL_DOMAIN},
            p.password_hash, pg_temp.person(p.vocab, random(), random()), s.role, s.clinic_id, s.created_at
       FROM seed_staff s, seed_params p`,
  );

  await query(
    `CREATE TEMP TABLE seed_providers ON COMMIT DROP AS
     WITH draws AS (
       SELECT no, (no - 1) % p.clinics + 1 AS clinic_no, random() AS u_same, random() AS u_kind, random() AS u_second,
              random() AS u_second_kind, random() AS u_techniques, random() AS u_conditions, random() AS u_accepting,
              random() AS u_capacity, random() AS u_languages
         FROM seed_params p, generate_series(1, p.providers) AS no),
     kinds AS (
       SELECT d.*, c.id AS clinic_id, c.latitude, c.longitude, c.city, c.postal_code, c.created_at,
              -- Most practise their clinic's main modality; a fifth practise a second one too.
              CASE WHEN d.u_same < 0.7 THEN (SELECT m FROM jsonb_array_elements(p.vocab -> 'modalities') m WHERE m ->> 'modality' = c.modality)
                   ELSE pg_temp.weighted(p.vocab -> 'modalities', d.u_kind) END AS first_kind,
              CASE WHEN d.u_second < 0.2 THEN pg_temp.weighted(p.vocab -> 'modalities', d.u_second_kind) END AS second_kind
         FROM draws d JOIN seed_clinics c ON c.no = d.clinic_no CROSS JOIN seed_params p)
     SELECT k.no, gen_random_uuid() AS id, gen_random_uuid() AS user_id, k.clinic_no, k.clinic_id, k.latitude, k.longitude, k.city,
            k.postal_code, k.created_at + interval '3 days' AS created_at,
            pg_temp.person(p.vocab, random(), random()) || ', ' || (k.first_kind ->> 'credential') AS display_name,
            ARRAY(SELECT DISTINCT m FROM unnest(ARRAY[k.first_kind ->> 'modality', k.second_kind ->> 'modality']) m WHERE m IS NOT NULL) AS modalities,
            -- 2 to 4 techniques of the provider's modalities, 3 to 8 of the conditions.
            ARRAY(SELECT t FROM (SELECT DISTINCT jsonb_array_elements_text((k.first_kind -> 'techniques') || coalesce(k.second_kind -> 'techniques', '[]')) AS t) ts
                   ORDER BY random() LIMIT 2 + floor(k.u_techniques * 3)::int) AS techniques,
            ARRAY(SELECT c FROM jsonb_array_elements_text(p.vocab -> 'conditions') c ORDER BY random() LIMIT 3 + floor(k.u_conditions * 6)::int) AS conditions,
            k.u_accepting < 0.85 AS accepting_new_patients, 5 + floor(k.u_capacity * 26)::int AS weekly_capacity,
            CASE WHEN k.u_languages < 0.12 THEN ARRAY['en', 'es'] WHEN k.u_languages < 0.18 THEN ARRAY['en', 'so']
                 WHEN k.u_languages < 0.22 THEN ARRAY['en', 'vi'] ELSE ARRAY['en'] END AS languages
       FROM kinds k, seed_params p`,
  );
  await keyed(query, 'seed_providers', 'no');
  await query(
    `INSERT INTO users (id, email, password_hash, display_name, role, clinic_id, created_at)
     SELECT v.user_id, 'provider-' || v.no || '@' || ${EMAIL_DOMAIN}, p.password_hash, v.display_name, 'PROVIDER', v.clinic_id, v.created_at
       FROM seed_providers v, seed_params p`,
  );
  await query(
    `INSERT INTO providers (id, clinic_id, user_id, display_name, email, modalities, techniques, conditions, accepting_new_patients,
                            weekly_capacity, latitude, longitude, languages, postal_code, city, created_at)
     SELECT v.id, v.clinic_id, v.user_id, v.display_name, 'provider-' || v.no || '@' || ${EMAIL_DOMAIN}, v.modalities, v.techniques, v.conditions,
            v.accepting_new_patients, v.weekly_capacity, v.latitude, v.longitude, v.languages, v.postal_code, v.city, v.created_at
       FROM seed_providers v, seed_params p`,
  );

  // Patient no goes to clinic (no - 1) % clinics + 1 as its k-th: a referral picks one by (clinic, k).
  await query(
    `CREATE TEMP TABLE seed_patients ON COMMIT DROP AS
     SELECT no, gen_random_uuid() AS id, (no - 1) % p.clinics + 1 AS clinic_no, (no - 1) / p.clinics AS k
       FROM seed_params p, generate_series(1, p.patients) AS no`,
  );
  await keyed(query, 'seed_patients', 'clinic_no, k');
  await query(
    `INSERT INTO patients (id, clinic_id, first_name, last_name, email, date_of_birth, phone, email_consent, created_at, updated_at)
     SELECT s.id, c.id, split_part(s.name, ' ', 1), split_part(s.name, ' ', 2),
            CASE WHEN s.u_email >= 0.05 THEN lower(replace(s.name, ' ', '.')) || '.' || s.no || '@' || ${EMAIL_DOMAIN} END,
            DATE '1940-01-01' + floor(s.u_age * 24000)::int, '+1 651 555 ' || lpad((s.no % 10000)::text, 4, '0'),
            s.u_email >= 0.05 AND s.u_consent < 0.85, s.created_at, s.created_at
       FROM (SELECT sp.*, pg_temp.person(p.vocab, random(), random()) AS name, random() AS u_email, random() AS u_age, random() AS u_consent,
                    now() - interval '700 days' + random() * interval '300 days' AS created_at
               FROM seed_patients sp, seed_params p) s
       JOIN seed_clinics c ON c.no = s.clinic_no CROSS JOIN seed_params p`,
  );
}
