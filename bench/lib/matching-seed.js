'use strict';
/**
 * The matching benchmark's world: a region of fifteen Midwest metro areas (providers and
 * patients normally distributed around each centre, in proportion to its population) plus a
 * rural sprinkle over the whole region.
 *
 * Actors the application owns (clinics, coordinators, the acting provider, the two template
 * open referrals) are made through the GraphQL API; the bulk (providers with their users,
 * provider stats, patients, open referrals) is inserted with SQL, generate_series driven,
 * from a fixed random seed.
 */

const ops = require('./operations');
const { HarnessError, log } = require('./util');

const { PASSWORD } = ops;

/** Centre, metro population in millions, IANA zone. Spread (km) grows with the square root of the population. */
const METROS = [
  { name: 'Chicago', region: 'IL', lat: 41.8781, lon: -87.6298, population: 9.4, timeZone: 'America/Chicago' },
  { name: 'Detroit', region: 'MI', lat: 42.3314, lon: -83.0458, population: 4.3, timeZone: 'America/Detroit' },
  { name: 'Minneapolis', region: 'MN', lat: 44.9778, lon: -93.265, population: 3.7, timeZone: 'America/Chicago' },
  { name: 'St. Louis', region: 'MO', lat: 38.627, lon: -90.1994, population: 2.8, timeZone: 'America/Chicago' },
  { name: 'Kansas City', region: 'MO', lat: 39.0997, lon: -94.5786, population: 2.2, timeZone: 'America/Chicago' },
  { name: 'Cincinnati', region: 'OH', lat: 39.1031, lon: -84.512, population: 2.2, timeZone: 'America/New_York' },
  { name: 'Cleveland', region: 'OH', lat: 41.4993, lon: -81.6944, population: 2.1, timeZone: 'America/New_York' },
  { name: 'Columbus', region: 'OH', lat: 39.9612, lon: -82.9988, population: 2.1, timeZone: 'America/New_York' },
  { name: 'Indianapolis', region: 'IN', lat: 39.7684, lon: -86.1581, population: 2.1, timeZone: 'America/Indiana/Indianapolis' },
  { name: 'Milwaukee', region: 'WI', lat: 43.0389, lon: -87.9065, population: 1.6, timeZone: 'America/Chicago' },
  { name: 'Louisville', region: 'KY', lat: 38.2527, lon: -85.7585, population: 1.3, timeZone: 'America/Kentucky/Louisville' },
  { name: 'Grand Rapids', region: 'MI', lat: 42.9634, lon: -85.6681, population: 1.1, timeZone: 'America/Detroit' },
  { name: 'Omaha', region: 'NE', lat: 41.2565, lon: -95.9345, population: 1.0, timeZone: 'America/Chicago' },
  { name: 'Madison', region: 'WI', lat: 43.0731, lon: -89.4012, population: 0.7, timeZone: 'America/Chicago' },
  { name: 'Des Moines', region: 'IA', lat: 41.5868, lon: -93.625, population: 0.7, timeZone: 'America/Chicago' },
].map((metro) => ({ ...metro, sigmaKm: Math.round(7 * Math.sqrt(metro.population) * 10) / 10 }));

/** Share of providers, patients and pools placed uniformly over REGION instead of near a metro. */
const RURAL_SHARE = 0.1;
const REGION = { minLat: 37.5, maxLat: 46.5, minLon: -97, maxLon: -81 };

/** How common each modality is (first modality; a second one is added to about a quarter). */
const MODALITY_WEIGHTS = [
  ['MASSAGE', 0.4],
  ['PHYSICAL_THERAPY', 0.3],
  ['CHIROPRACTIC', 0.18],
  ['ACUPUNCTURE', 0.12],
];
const CONDITIONS = [
  'NECK_PAIN', 'HEADACHE_MIGRAINE', 'CONCUSSION_TBI', 'SHOULDER_PAIN', 'BACK_PAIN', 'FOOT_ANKLE_PAIN',
  'KNEE_PAIN_PATELLAR_TRACKING', 'HIP_FLEXOR_IMBALANCE', 'HIP_BURSITIS', 'CALF_PAIN', 'PLANTAR_FASCIITIS',
  'CARPAL_TUNNEL_SYNDROME', 'TENDINOPATHY', 'SPORTS_INJURY_RECOVERY', 'JOINT_REPLACEMENT_RECOVERY', 'CHRONIC_PAIN',
  'MOTOR_VEHICLE_INJURY', 'POSTURAL_IMBALANCE',
];
const TECHNIQUES = [
  'ORTHOPEDIC_MASSAGE', 'SWEDISH_MASSAGE', 'DEEP_TISSUE_MASSAGE', 'SPORTS_MASSAGE', 'KINESIO_TAPING', 'CUPPING',
  'ELECTRO_STIMULATION', 'GUA_SHA', 'CHINESE_HERBAL_MEDICINE', 'ACUPUNCTURE_NEEDLING', 'SPINAL_MANIPULATION',
  'STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY',
];
/** Pool radii coordinators pick, km (25 is the default). */
const POOL_RADII = [10, 15, 20, 25, 25, 25, 30, 40, 50];

/** Where the acting provider practises: Wicker Park, about 5 km from the Chicago centre. */
const ACTING_PROVIDER_LOCATION = { latitude: 41.9088, longitude: -87.6776 };

const KM_PER_DEGREE = 111.2;

// ---------------------------------------------------------------------------------------------
// A small seeded generator (xorshift32) so the request mix is the same in every run.

function generator(seed) {
  let x = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
  const pick = (items) => items[Math.floor(next() * items.length)];
  const weighted = (pairs) => {
    let u = next();
    for (const [value, weight] of pairs) {
      if (u < weight) return value;
      u -= weight;
    }
    return pairs[pairs.length - 1][0];
  };
  const sample = (items, count) => {
    const pool = [...items];
    const out = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return out;
  };
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, pick, weighted, sample, gaussian };
}

/** A point where people live: near a metro in proportion to its population, or rural. */
function randomPoint(random) {
  if (random.next() < RURAL_SHARE) {
    return {
      metro: 'rural',
      latitude: REGION.minLat + random.next() * (REGION.maxLat - REGION.minLat),
      longitude: REGION.minLon + random.next() * (REGION.maxLon - REGION.minLon),
    };
  }
  const total = METROS.reduce((sum, m) => sum + m.population, 0);
  const metro = random.weighted(METROS.map((m) => [m, m.population / total]));
  const dLat = (random.gaussian() * metro.sigmaKm) / KM_PER_DEGREE;
  const dLon = (random.gaussian() * metro.sigmaKm) / (KM_PER_DEGREE * Math.cos((metro.lat * Math.PI) / 180));
  return { metro: metro.name, latitude: round6(metro.lat + dLat), longitude: round6(metro.lon + dLon) };
}

const round6 = (value) => Math.round(value * 1e6) / 1e6;

/**
 * `count` matchProviders inputs as coordinators send them: a point near where patients live,
 * one modality, one or two conditions, one technique, 25 km, top 20, about one in five URGENT.
 */
function matchVariants(count, seed) {
  const random = generator(seed);
  return Array.from({ length: count }, () => {
    const point = randomPoint(random);
    return {
      metro: point.metro,
      input: {
        modality: random.weighted(MODALITY_WEIGHTS),
        conditions: random.sample(CONDITIONS, 1 + Math.floor(random.next() * 2)),
        techniques: random.sample(TECHNIQUES, 1),
        near: { latitude: point.latitude, longitude: point.longitude },
        radiusKm: 25,
        priority: random.next() < 0.2 ? 'URGENT' : 'ROUTINE',
        first: 20,
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------

/**
 * Through the API: admin login; per metro a clinic (at the metro centre) and a coordinator;
 * the acting provider (user + profile) at the Chicago clinic; a patient there; and two open
 * referrals (ROUTINE and URGENT) sent to a pool around the Chicago centre, which are the
 * templates the bulk open referrals are copied from, so they carry every column the
 * application sets.
 */
async function seedActors(gateway, admin) {
  const { login, as, asAdmin } = await ops.apiSession(gateway, admin);

  const clinics = [];
  for (const [index, metro] of METROS.entries()) {
    const slug = metro.name.toLowerCase().replace(/\W+/g, '-');
    const clinicId = (
      await asAdmin(ops.CREATE_CLINIC, {
        name: `Bench ${metro.name} Clinic`,
        email: `${slug}@bench.example`,
        phone: '+1 (312) 555-0100',
        timeZone: metro.timeZone,
        address: { line1: `${100 + index} Main St`, city: metro.name, region: metro.region, postalCode: '60601', country: 'US' },
        location: { latitude: metro.lat, longitude: metro.lon },
      })
    ).createClinic.id;
    const coordinatorId = (
      await asAdmin(ops.CREATE_USER, {
        email: `coordinator-${slug}@bench.example`,
        password: PASSWORD,
        displayName: `Coordinator ${metro.name}`,
        role: 'COORDINATOR',
        clinicId,
      })
    ).createUser.id;
    clinics.push({ metro: metro.name, clinicId, coordinatorId, email: `coordinator-${slug}@bench.example` });
  }
  const home = clinics[0]; // Chicago

  const providerEmail = 'acting-provider@bench.example';
  const providerUserId = (
    await asAdmin(ops.CREATE_USER, { email: providerEmail, password: PASSWORD, displayName: 'Avery Acting', role: 'PROVIDER', clinicId: home.clinicId })
  ).createUser.id;
  const providerId = (
    await asAdmin(ops.CREATE_PROVIDER, {
      clinicId: home.clinicId,
      userId: providerUserId,
      displayName: 'Avery Acting, LMT DPT',
      email: providerEmail,
      modalities: ['MASSAGE', 'PHYSICAL_THERAPY'],
      techniques: ['DEEP_TISSUE_MASSAGE', 'SPORTS_MASSAGE', 'STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY', 'KINESIO_TAPING'],
      conditions: ['NECK_PAIN', 'BACK_PAIN', 'SHOULDER_PAIN', 'SPORTS_INJURY_RECOVERY', 'TENDINOPATHY', 'POSTURAL_IMBALANCE'],
      acceptingNewPatients: true,
      weeklyCapacity: 20,
      location: ACTING_PROVIDER_LOCATION,
      city: 'Chicago',
    })
  ).createProvider.id;

  const coordinatorToken = (await login(home.email, PASSWORD)).accessToken;
  const providerToken = (await login(providerEmail, PASSWORD)).accessToken;
  const patientId = (await as(coordinatorToken)(ops.CREATE_PATIENT, ops.patientInput(home.clinicId))).createPatient.id;

  const templates = {};
  for (const priority of ['ROUTINE', 'URGENT']) {
    const { toProviderId: _none, ...input } = ops.referralInput({ patientId, toProviderId: undefined, idempotencyKey: `bench-pool-template-${priority}` });
    const created = (
      await as(coordinatorToken)(ops.CREATE_REFERRAL, { ...input, priority, toPool: { near: { latitude: METROS[0].lat, longitude: METROS[0].lon }, radiusKm: 25 } })
    ).createReferral;
    if (created.status !== 'SENT') throw new HarnessError(`template open referral answered status ${created.status}, expected SENT`);
    templates[priority] = created.id;
  }

  return { clinics, providerId, providerUserId, patientId, templates, tokens: { coordinator: coordinatorToken, provider: providerToken } };
}

/** The metros as SQL rows, with cumulative weights [lo, hi) for picking one by a uniform draw. */
function metroRows(clinics) {
  const total = METROS.reduce((sum, m) => sum + m.population, 0);
  let cumulative = RURAL_SHARE;
  const rows = [{ name: 'rural', lat: null, lon: null, sigma_km: null, lo: 0, hi: RURAL_SHARE, clinic_id: clinics[0].clinicId, coordinator_id: clinics[0].coordinatorId }];
  for (const [index, metro] of METROS.entries()) {
    const share = ((1 - RURAL_SHARE) * metro.population) / total;
    rows.push({
      name: metro.name,
      lat: metro.lat,
      lon: metro.lon,
      sigma_km: metro.sigmaKm,
      lo: cumulative,
      hi: index === METROS.length - 1 ? 1.000001 : cumulative + share,
      clinic_id: clinics[index].clinicId,
      coordinator_id: clinics[index].coordinatorId,
    });
    cumulative += share;
  }
  return rows;
}

/** SQL for a point near the metro `m` (or anywhere in REGION when rural) from uniforms u1..u3 of row `r`. */
const POINT_SQL = {
  latitude: `CASE WHEN m.lat IS NULL THEN ${REGION.minLat} + r.u2 * ${REGION.maxLat - REGION.minLat}
                  ELSE m.lat + m.sigma_km / ${KM_PER_DEGREE} * sqrt(-2 * ln(1 - r.u1)) * cos(2 * pi() * r.u2) END`,
  longitude: `CASE WHEN m.lat IS NULL THEN ${REGION.minLon} + r.u3 * ${REGION.maxLon - REGION.minLon}
                   ELSE m.lon + m.sigma_km / (${KM_PER_DEGREE} * cos(radians(m.lat))) * sqrt(-2 * ln(1 - r.u1)) * sin(2 * pi() * r.u2) END`,
};

const MODALITY_SQL = (u) => {
  let lo = 0;
  const arms = MODALITY_WEIGHTS.map(([name, weight]) => {
    lo += weight;
    return `WHEN ${u} < ${lo.toFixed(4)} THEN '${name}'`;
  });
  return `CASE ${arms.join(' ')} ELSE '${MODALITY_WEIGHTS[MODALITY_WEIGHTS.length - 1][0]}' END`;
};

/**
 * `count` providers, each with its own PROVIDER user at the clinic of its metro (rural ones at
 * the first clinic): 1 modality (a second for about a quarter), 3–8 of the 18 conditions, 2–5
 * of the 13 techniques, 85 % accepting new patients, 5–30 places a week; 80 % have a
 * set of stats columns (a fifth of those full this week; response medians log-normal around 18 h).
 */
async function bulkSeedProviders(client, clinics, count, seed) {
  const started = Date.now();
  await client.query('SELECT setseed($1::float8)', [seedFraction(seed)]);
  // CREATE TABLE … AS takes no bound parameters: the harness's own values go in as literals.
  await client.query(
    `CREATE TEMP TABLE bench_metros AS
     SELECT * FROM jsonb_to_recordset(${client.escapeLiteral(JSON.stringify(metroRows(clinics)))}::jsonb)
       AS m(name text, lat float8, lon float8, sigma_km float8, lo float8, hi float8, clinic_id uuid, coordinator_id uuid)`,
  );
  await client.query(
    `CREATE TEMP TABLE bench_providers AS
     SELECT r.i, gen_random_uuid() AS id, gen_random_uuid() AS user_id, m.clinic_id,
            CASE WHEN m.lat IS NULL THEN NULL ELSE m.name END AS city,
            ${POINT_SQL.latitude} AS latitude, ${POINT_SQL.longitude} AS longitude,
            ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[${MODALITY_SQL('r.u4')},
                  CASE WHEN r.u5 < 0.3 THEN (ARRAY['MASSAGE','PHYSICAL_THERAPY','CHIROPRACTIC','ACUPUNCTURE'])[1 + floor(r.u6 * 4)::int] END]) x
                  WHERE x IS NOT NULL) AS modalities,
            ARRAY(SELECT c FROM unnest(${textArray(client, CONDITIONS)}) c ORDER BY random() LIMIT 3 + floor(r.u7 * 6)::int) AS conditions,
            ARRAY(SELECT t FROM unnest(${textArray(client, TECHNIQUES)}) t ORDER BY random() LIMIT 2 + floor(r.u8 * 4)::int) AS techniques,
            r.u9 < 0.85 AS accepting_new_patients,
            5 + floor(r.u10 * 26)::int AS weekly_capacity,
            CASE WHEN r.u11 < 0.2 THEN ARRAY['en','es'] WHEN r.u11 < 0.25 THEN ARRAY['en','pl'] ELSE ARRAY['en'] END AS languages
       FROM (SELECT i, random() AS u, random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5, random() AS u6,
                    random() AS u7, random() AS u8, random() AS u9, random() AS u10, random() AS u11
               FROM generate_series(1, ${wholeNumber(count)}) AS i) r
       JOIN bench_metros m ON r.u >= m.lo AND r.u < m.hi`,
  );
  await client.query(
    `INSERT INTO users (id, email, password_hash, display_name, role, clinic_id, created_at)
     SELECT user_id, 'provider-' || i || '@bench.example', '!bench-seeded-no-login', 'Provider ' || i, 'PROVIDER', clinic_id,
            now() - (i % 1000) * interval '1 day'
       FROM bench_providers`,
  );
  await client.query(
    `INSERT INTO providers (id, clinic_id, user_id, display_name, email, modalities, techniques, conditions, accepting_new_patients,
                            weekly_capacity, latitude, longitude, languages, city, created_at)
     SELECT id, clinic_id, user_id, 'Provider ' || i, 'provider-' || i || '@bench.example', modalities, techniques, conditions,
            accepting_new_patients, weekly_capacity, latitude, longitude, languages, city, now() - (i % 1000) * interval '1 day'
       FROM bench_providers`,
  );
  await client.query(
    `UPDATE providers target SET (stats_active_episodes, stats_accepted_this_week, stats_week_ends_at, stats_answered_90d, stats_accepted_90d,
                                  stats_median_response_ms, stats_p90_response_ms, stats_refreshed_at) = (
            floor(s.a * s.weekly_capacity * 1.5)::int,
            CASE WHEN s.full < 0.2 THEN s.weekly_capacity ELSE floor(s.b * s.weekly_capacity)::int END,
            date_trunc('week', now()) + interval '7 days',
            s.answered, floor(s.answered * (0.5 + 0.5 * s.c))::int,
            CASE WHEN s.answered > 0 THEN s.median END, CASE WHEN s.answered > 0 THEN s.median * (1.5 + s.d) END, now())
       FROM (SELECT p.id, p.weekly_capacity, random() AS a, random() AS b, random() AS c, random() AS d, random() AS full,
                    floor(random() * 60)::int AS answered,
                    -- log-normal: median 18 h, most between 3 h and 4 days
                    18 * 3600000 * exp(0.9 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) AS median,
                    random() AS has
               FROM bench_providers p) s
      WHERE target.id = s.id AND s.has < 0.8`,
  );
  const stats = (
    await client.query(
      `SELECT count(*)::int AS providers, count(*) FILTER (WHERE accepting_new_patients)::int AS accepting,
              (SELECT count(*)::int FROM providers WHERE stats_refreshed_at IS NOT NULL) AS with_stats, (SELECT count(*)::int FROM bench_providers WHERE city IS NULL) AS rural
         FROM bench_providers`,
    )
  ).rows[0];
  await client.query('DROP TABLE bench_providers');
  log(`bulk-seeded ${stats.providers} providers (${stats.accepting} accepting, ${stats.rural} rural, ${stats.with_stats} with stats) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return stats;
}

/**
 * `count` unclaimed open referrals (SENT, no provider yet), each for its own patient at the
 * clinic of the metro the pool is around, copied from the API-made template of the same
 * priority (every other column as the application wrote it): pool centre where patients live,
 * radius from POOL_RADII, modality by the same weights as providers, 1–3 conditions, 0–2
 * techniques, about one in six URGENT, sent during the first 90 % of the response window so none
 * is due yet. Also copies the templates' events.
 */
async function bulkSeedOpenReferrals(client, templates, count, seed) {
  const started = Date.now();
  await client.query('SELECT setseed($1::float8)', [seedFraction(seed + 1)]);
  await client.query(
    `CREATE TEMP TABLE bench_pools AS
     SELECT r.i, gen_random_uuid() AS id, gen_random_uuid() AS patient_id, m.clinic_id, m.coordinator_id,
            ${POINT_SQL.latitude} AS pool_latitude, ${POINT_SQL.longitude} AS pool_longitude,
            (ARRAY[${POOL_RADII.map(Number).join(', ')}]::float8[])[1 + floor(r.u4 * ${POOL_RADII.length})::int] AS pool_radius_km,
            ${MODALITY_SQL('r.u5')} AS modality,
            ARRAY(SELECT c FROM unnest(${textArray(client, CONDITIONS)}) c ORDER BY random() LIMIT 1 + floor(r.u6 * 3)::int) AS conditions,
            ARRAY(SELECT t FROM unnest(${textArray(client, TECHNIQUES)}) t ORDER BY random() LIMIT floor(r.u7 * 3)::int) AS techniques,
            CASE WHEN r.u8 < 0.16 THEN 'URGENT' ELSE 'ROUTINE' END AS priority,
            r.u9 AS age_of_window,
            DATE '1940-01-01' + floor(r.u10 * 27000)::int AS date_of_birth
       FROM (SELECT i, random() AS u, random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5, random() AS u6,
                    random() AS u7, random() AS u8, random() AS u9, random() AS u10
               FROM generate_series(1, ${wholeNumber(count)}) AS i) r
       JOIN bench_metros m ON r.u >= m.lo AND r.u < m.hi`,
  );
  await client.query(
    `INSERT INTO patients (id, clinic_id, first_name, last_name, email, date_of_birth, phone, email_consent, created_at, updated_at)
     SELECT patient_id, clinic_id, 'Patient' || i, 'Pool' || (i % 997), 'pool-patient-' || i || '@bench.example', date_of_birth,
            '+1 312 555 ' || lpad((i % 10000)::text, 4, '0'), i % 3 <> 0, now() - interval '10 days', now() - interval '10 days'
       FROM bench_pools`,
  );

  // Every column of the template, except those that make each referral its own.
  const columns = (
    await client.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'referrals' ORDER BY ordinal_position`,
    )
  ).rows.map((row) => row.column_name);
  const window = '(t.due_at - t.sent_at)';
  const sentAt = `(now() - g.age_of_window * 0.9 * ${window})`;
  const own = {
    id: 'g.id',
    reference: `'OP' || lpad(g.i::text, 9, '0')`,
    priority: 'g.priority',
    modality: 'g.modality',
    conditions: 'g.conditions',
    techniques: 'g.techniques',
    reason: `'Open referral ' || g.i || ': ' || array_to_string(g.conditions, ', ') || ', treatment near home requested.'`,
    patient_id: 'g.patient_id',
    referring_clinic_id: 'g.clinic_id',
    referring_user_id: 'g.coordinator_id',
    sent_by_user_id: 'g.coordinator_id',
    idempotency_key: 'NULL',
    pool_latitude: 'g.pool_latitude',
    pool_longitude: 'g.pool_longitude',
    pool_radius_km: 'g.pool_radius_km',
    created_at: sentAt,
    updated_at: sentAt,
    sent_at: sentAt,
    due_at: `${sentAt} + ${window}`,
  };
  const quote = (name) => `"${name.replace(/"/g, '""')}"`;
  const inserted = await client.query(
    `INSERT INTO referrals (${columns.map(quote).join(', ')})
     SELECT ${columns.map((column) => own[column] ?? `t.${quote(column)}`).join(', ')}
       FROM bench_pools g JOIN referrals t ON t.id = CASE g.priority WHEN 'URGENT' THEN $2::uuid ELSE $1::uuid END`,
    [templates.ROUTINE, templates.URGENT],
  );
  // The template's events (created, sent), for each copy, at its own time.
  const eventColumns = (
    await client.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'referral_events' ORDER BY ordinal_position`,
    )
  ).rows.map((row) => row.column_name);
  const eventOwn = {
    id: 'gen_random_uuid()',
    referral_id: 'g.id',
    actor_id: 'g.coordinator_id',
    at: `(now() - g.age_of_window * 0.9 * (t.due_at - t.sent_at))`,
  };
  // seq is a serial: left to its default, in the templates' order.
  const copied = eventColumns.filter((column) => column !== 'seq');
  const events = await client.query(
    `INSERT INTO referral_events (${copied.map(quote).join(', ')})
     SELECT ${copied.map((column) => eventOwn[column] ?? `e.${quote(column)}`).join(', ')}
       FROM bench_pools g
       JOIN referrals t ON t.id = CASE g.priority WHEN 'URGENT' THEN $2::uuid ELSE $1::uuid END
       JOIN referral_events e ON e.referral_id = t.id
      ORDER BY g.i, e.seq`,
    [templates.ROUTINE, templates.URGENT],
  );
  await client.query('DROP TABLE bench_pools');
  log(`bulk-seeded ${inserted.rowCount} open referrals (${events.rowCount} events) and as many patients in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { openReferrals: inserted.rowCount, events: events.rowCount };
}

const textArray = (client, values) => `ARRAY[${values.map((value) => client.escapeLiteral(value)).join(', ')}]::text[]`;

function wholeNumber(value) {
  if (!Number.isSafeInteger(value) || value < 0) throw new HarnessError(`not a whole number: ${value}`);
  return String(value);
}

/** setseed() wants a value in [-1, 1]. */
const seedFraction = (seed) => ((seed % 2_000_000) - 1_000_000) / 1_000_001;

module.exports = {
  METROS,
  RURAL_SHARE,
  REGION,
  ACTING_PROVIDER_LOCATION,
  seedActors,
  bulkSeedProviders,
  bulkSeedOpenReferrals,
  matchVariants,
};
