'use strict';
/**
 * Seeds the bench database: the actors through the GraphQL API itself (so they are exactly
 * what the application would create), then N existing referrals in bulk with SQL so the inbox
 * and the inserts run against a realistically sized table.
 */

const ops = require('./operations');
const { log } = require('./util');

const { PASSWORD } = ops;

async function seedThroughApi(gateway, admin) {
  const { login, as, asAdmin } = await ops.apiSession(gateway, admin);

  const clinic = async (name, city, latitude, longitude) =>
    (
      await asAdmin(ops.CREATE_CLINIC, {
        name,
        email: `${name.toLowerCase().replace(/\W+/g, '-')}@bench.example`,
        phone: '+1 (312) 555-0100',
        timeZone: 'America/Chicago',
        address: { line1: '100 Main St', city, region: 'IL', postalCode: '60601', country: 'US' },
        location: { latitude, longitude },
      })
    ).createClinic.id;
  const user = async (email, role, clinicId, displayName) =>
    (await asAdmin(ops.CREATE_USER, { email, password: PASSWORD, displayName, role, clinicId })).createUser.id;

  const clinicA = await clinic('Bench Massage Clinic', 'Chicago', 41.8781, -87.6298);
  const clinicB = await clinic('Bench Physio Clinic', 'Evanston', 42.0451, -87.6877);
  const coordinatorAId = await user('coordinator-a@bench.example', 'COORDINATOR', clinicA, 'Coordinator A');
  const coordinatorBId = await user('coordinator-b@bench.example', 'COORDINATOR', clinicB, 'Coordinator B');
  const providerUserId = await user('provider-b@bench.example', 'PROVIDER', clinicB, 'Dana Physio');
  const providerId = (
    await asAdmin(ops.CREATE_PROVIDER, {
      clinicId: clinicB,
      userId: providerUserId,
      displayName: 'Dana Physio, DPT',
      email: 'provider-b@bench.example',
      modalities: ['PHYSICAL_THERAPY'],
      techniques: ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY', 'KINESIO_TAPING', 'ELECTRO_STIMULATION'],
      conditions: ['SHOULDER_PAIN', 'POSTURAL_IMBALANCE', 'TENDINOPATHY', 'BACK_PAIN', 'NECK_PAIN'],
      acceptingNewPatients: true,
      weeklyCapacity: 40,
      location: { latitude: 42.0451, longitude: -87.6877 },
    })
  ).createProvider.id;

  const coordinatorA = (await login('coordinator-a@bench.example', PASSWORD)).accessToken;
  const coordinatorB = (await login('coordinator-b@bench.example', PASSWORD)).accessToken;
  const patientId = (await as(coordinatorA)(ops.CREATE_PATIENT, ops.patientInput(clinicA))).createPatient.id;

  return { clinicA, clinicB, coordinatorAId, coordinatorBId, providerUserId, providerId, patientId, tokens: { coordinatorA, coordinatorB } };
}

/**
 * N referrals from clinic A to the provider at clinic B, spread over the last year, in a
 * plausible mix of statuses, each with its CREATED event; plus extra patients so a page of
 * the inbox names different people. One statement each, generate_series driven.
 */
async function bulkSeed(client, seed, referrals) {
  const patients = Math.max(1, Math.ceil(referrals / 100));
  const started = Date.now();
  await client.query(
    `INSERT INTO patients (id, clinic_id, first_name, last_name, email, date_of_birth, phone, email_consent, created_at, updated_at)
     SELECT gen_random_uuid(), $1, 'Patient' || i, 'Bench' || (i % 997), 'patient' || i || '@bench.example',
            DATE '1950-01-01' + (i * 37 % 20000), '+1 312 555 ' || lpad((i % 10000)::text, 4, '0'), i % 3 <> 0,
            now() - interval '400 days' + i * interval '1 minute', now() - interval '400 days' + i * interval '1 minute'
       FROM generate_series(1, $2::int) AS i`,
    [seed.clinicA, patients],
  );
  await client.query(
    `WITH pool AS (SELECT array_agg(id ORDER BY id) AS ids FROM patients WHERE clinic_id = $1),
     src AS (
       SELECT i,
              now() - interval '365 days' * (1 - i::float8 / $4::int) AS created,
              (ARRAY['SENT','SENT','ACCEPTED','ACCEPTED','SCHEDULED','SCHEDULED','IN_TREATMENT','IN_TREATMENT',
                     'COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED',
                     'DECLINED','CANCELLED','ON_HOLD','DRAFT'])[1 + i % 20] AS status
         FROM generate_series(1, $4::int) AS i)
     INSERT INTO referrals (id, reference, status, version, priority, modality, conditions, techniques, reason, assessment, goals,
            recommended_visits, visits_per_week, red_flags, consent_to_share, patient_id, referring_clinic_id, referring_user_id,
            to_provider_id, to_clinic_id, created_at, updated_at, sent_at, due_at, responded_at, appointment_at,
            treatment_started_at, completed_at, cancelled_at, cancel_reason, decline_reason)
     SELECT gen_random_uuid(), 'SD-' || i, status, 3, CASE WHEN i % 7 = 0 THEN 'URGENT' ELSE 'ROUTINE' END, 'PHYSICAL_THERAPY',
            ARRAY['SHOULDER_PAIN','TENDINOPATHY'], ARRAY['STRENGTHENING_EXERCISE','STRETCHING_MOBILITY'],
            'Seeded referral ' || i || ': rotator cuff tendinopathy, progressive loading requested.',
            jsonb_build_object('postureNotes', 'Forward head posture', 'rangeOfMotion', jsonb_build_array(
              jsonb_build_object('joint','shoulder','movement','flexion','side','RIGHT','measuredDegrees',120 + i % 40,'expectedDegrees',180,'painScore',i % 8),
              jsonb_build_object('joint','shoulder','movement','abduction','side','RIGHT','measuredDegrees',100 + i % 50,'expectedDegrees',180,'painScore',i % 6))),
            jsonb_build_object('longTerm','Pain-free overhead reaching','shortTerm',jsonb_build_array('Flexion to 160','Pain under 3/10')),
            8, 2, NULL, true, pool.ids[1 + i % array_length(pool.ids, 1)], $1, $2, $3, $5,
            created, created + interval '2 days',
            CASE WHEN status <> 'DRAFT' THEN created END,
            CASE WHEN status = 'SENT' THEN now() + interval '3 days' END,
            CASE WHEN status IN ('ACCEPTED','SCHEDULED','IN_TREATMENT','COMPLETED','DECLINED') THEN created + interval '1 day' END,
            CASE WHEN status IN ('SCHEDULED','IN_TREATMENT','COMPLETED') THEN created + interval '5 days' END,
            CASE WHEN status IN ('IN_TREATMENT','COMPLETED') THEN created + interval '5 days' END,
            CASE WHEN status = 'COMPLETED' THEN created + interval '40 days' END,
            CASE WHEN status = 'CANCELLED' THEN created + interval '1 day' END,
            CASE WHEN status = 'CANCELLED' THEN 'Patient moved away' END,
            CASE WHEN status = 'DECLINED' THEN 'NO_CAPACITY' END
       FROM src, pool`,
    [seed.clinicA, seed.coordinatorAId, seed.providerId, referrals, seed.clinicB],
  );
  await client.query(
    `INSERT INTO referral_events (id, referral_id, type, from_status, to_status, actor_id, at)
     SELECT gen_random_uuid(), id, 'CREATED', NULL, 'DRAFT', referring_user_id, created_at FROM referrals WHERE reference LIKE 'SD-%'`,
  );
  // Steady state, as autovacuum keeps a live database: statistics current and the visibility
  // map set, so index-only scans need no heap visits.
  await client.query('VACUUM ANALYZE');
  log(`bulk-seeded ${referrals} referrals and ${patients} patients in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { referrals, patients };
}

module.exports = { seedThroughApi, bulkSeed };
