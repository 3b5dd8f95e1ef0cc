#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:plans`: proves the referral reads stay on indexes at scale. Seeds a database
 * with BENCH_PLAN_REFERRALS (default 1,000,000) referrals, most of them in one clinic's inbox,
 * then asks PostgreSQL for the plan of every list and lookup query the gateway sends — the
 * SQL is produced by the real ReferralRepository and ReferralStatsRepository, captured through a
 * recording DataSource — and fails if any plan scans the referrals or history table sequentially,
 * or if a search reads more referral rows than its bound (it must start from its own indexes,
 * not walk the caller's whole list).
 */

const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
process.chdir(ROOT);
const built = spawnSync(process.execPath, ['scripts/ensure-built.js'], { stdio: ['ignore', process.stderr, process.stderr] });
if (built.status !== 0) process.exit(built.status ?? 1);
require('../scripts/register-aliases');

const { Client } = require('pg');
const { migrate } = require('@referloop/database');
const { ReferralRepository } = require(path.join(ROOT, 'dist/libs/referrals/src/referral.repository'));
const { ReferralDirection } = require(path.join(ROOT, 'dist/libs/referrals/src/dto/referrals.args'));
const { ReferralStatsRepository } = require(path.join(ROOT, 'dist/libs/referrals/src/stats/referral-stats.repository'));
const { AuditRepository } = require(path.join(ROOT, 'dist/libs/audit/src/audit.repository'));

const SERVER = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432';
const COUNT = Number(process.env.BENCH_PLAN_REFERRALS || 1_000_000);
const dbName = `referloop_plans_${crypto.randomBytes(4).toString('hex')}`;
const url = (database) => Object.assign(new URL(SERVER), { pathname: `/${database}` }).toString();

/** Clinic 0 refers, clinic 1 receives; the other clinics make up the rest of the table. */
const CLINICS = 100;
/** Each clinic's patients; a referral is for one of its referring clinic's, about ten each. */
const PATIENTS_PER_CLINIC = 1000;
const BUSY_SHARE = Number(process.env.BENCH_PLAN_BUSY_SHARE || 0.1);
const clinics = Array.from({ length: CLINICS }, () => ({
  clinic: crypto.randomUUID(),
  coordinator: crypto.randomUUID(),
  providerUser: crypto.randomUUID(),
  provider: crypto.randomUUID(),
}));
const ids = {
  clinicA: clinics[0].clinic,
  clinicB: clinics[1].clinic,
  userA: clinics[0].coordinator,
  userB: clinics[1].coordinator,
  providerUser: clinics[1].providerUser,
  provider: clinics[1].provider,
};

async function seed(client) {
  for (const [index, c] of clinics.entries()) {
    await client.query(
      `INSERT INTO clinics (id, name, email, time_zone, address_line1, address_city, address_postal_code, address_country, latitude, longitude)
       VALUES ($1, $2, 'c@plans.example', 'America/Chicago', '1 Main', 'Chicago', '60601', 'US', 41.9, -87.6)`,
      [c.clinic, `Clinic ${index}`],
    );
    const user = (id, role) =>
      client.query(`INSERT INTO users (id, email, password_hash, display_name, role, clinic_id) VALUES ($1, $2, 'x', 'U', $3, $4)`, [
        id,
        `${id}@plans.example`,
        role,
        c.clinic,
      ]);
    await user(c.coordinator, 'COORDINATOR');
    await user(c.providerUser, 'PROVIDER');
    await client.query(
      `INSERT INTO providers (id, clinic_id, user_id, display_name, email, modalities, techniques, conditions, accepting_new_patients, weekly_capacity)
       VALUES ($1, $2, $3, 'P', 'p@plans.example', '{PHYSICAL_THERAPY}', '{}', '{}', true, 10)`,
      [c.provider, c.clinic, c.providerUser],
    );
    // Patient n of clinic i has a known id, so that referrals can name one without a lookup.
    // Names: a first name of twenty (some accented), a last name of three syllables out of
    // twenty each: four letters match a few hundred of the 100,000 patients, one letter a tenth.
    await client.query(
      `INSERT INTO patients (id, clinic_id, first_name, last_name, date_of_birth, email_consent)
       SELECT md5($2 || '-' || g)::uuid, $1,
              (ARRAY['Ana','Ben','Chloé','Dmitri','Élodie','Farah','Gus','Hana','Ivo','José','Kai','Lea','Mateo','Nora','Omar','Priya','Quinn','Rosa','Sven','Zoë'])[1 + g % 20],
              initcap((ARRAY['ka','lo','mi','ne','or','pa','qu','ri','sa','tu','va','we','xi','ya','zo','be','ce','da','fe','gi'])[1 + (g * 7) % 20]
                || (ARRAY['ra','le','mo','ni','ta','vi','so','du','ke','po','ma','li','no','re','si','tu','ga','be','fo','hu'])[1 + (g * 13 / 20) % 20]
                || (ARRAY['n','r','s','t','l','m','son','berg','ez','ova','ski','ton','ley','ard','ini','ani','ell','ick','ow','ur'])[1 + (g * 31 / 400) % 20]),
              '1980-01-01', true
         FROM generate_series(1, $3::int) g`,
      [c.clinic, index + 1, PATIENTS_PER_CLINIC],
    );
  }
  await client.query('VACUUM ANALYZE patients');
  process.stderr.write(`seeding ${COUNT} referrals over ${CLINICS} clinics, ${BUSY_SHARE * 100}% in the observed inbox and outbox…\n`);
  // Referral g goes to clinic 1 with probability BUSY_SHARE (else to one of clinics 2..99) and
  // comes from clinic 0 with the same probability (else from another clinic that is not its target).
  await client.query(
    `WITH c AS (
       SELECT array_agg(clinic ORDER BY n) AS clinic, array_agg(coordinator ORDER BY n) AS coordinator,
              array_agg(provider ORDER BY n) AS provider
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS t(clinic, coordinator, provider, n)),
     picks AS (
       SELECT g,
              CASE WHEN random() < $5 THEN 2 ELSE 3 + (g % ($6 - 2)) END AS dest,
              CASE WHEN random() < $5 THEN 1 ELSE 3 + ((g + 1) % ($6 - 2)) END AS src
         FROM generate_series(1, $4::int) g)
     INSERT INTO referrals (id, reference, status, priority, modality, conditions, techniques, reason, consent_to_share,
       patient_id, referring_clinic_id, referring_user_id, to_provider_id, to_clinic_id, created_at, updated_at, sent_at)
     SELECT gen_random_uuid(), 'RF-P' || lpad(g::text, 8, '0'),
            CASE WHEN g % 100 = 0 THEN 'ON_HOLD' ELSE (ARRAY['SENT','ACCEPTED','SCHEDULED','IN_TREATMENT','COMPLETED','DECLINED','DRAFT'])[1 + g % 7] END,
            CASE WHEN g % 10 = 3 THEN 'URGENT' ELSE 'ROUTINE' END, 'PHYSICAL_THERAPY', '{BACK_PAIN}', '{}', 'plan check', true,
            md5(src || '-' || (1 + g % $7))::uuid,
            c.clinic[src], c.coordinator[src], c.provider[dest], c.clinic[dest],
            now() - g * interval '1 second', now(),
            -- Sent when created (drafts never), so a period of referral statistics is a real slice of the table.
            CASE WHEN g % 100 <> 0 AND g % 7 = 6 THEN NULL ELSE now() - g * interval '1 second' END
       FROM picks, c`,
    [clinics.map((x) => x.clinic), clinics.map((x) => x.coordinator), clinics.map((x) => x.provider), COUNT, BUSY_SHARE, CLINICS, PATIENTS_PER_CLINIC],
  );
  // Each referral's history as the lifecycle writes it (CREATED, then SENT, then the answer), so
  // that the statistics read a history table of realistic size (about 2.5 entries a referral).
  await client.query(
    `INSERT INTO referral_events (id, referral_id, type, from_status, to_status, at)
     SELECT gen_random_uuid(), r.id, step.type, step.from_status, step.to_status, r.created_at + step.n * interval '1 hour'
       FROM referrals r, (VALUES (0, 'CREATED', NULL, 'DRAFT'), (1, 'SENT', 'DRAFT', 'SENT'), (2, 'ACCEPTED', 'SENT', 'ACCEPTED'), (2, 'DECLINED', 'SENT', 'DECLINED'))
            AS step (n, type, from_status, to_status)
      WHERE step.n = 0
         OR (step.n = 1 AND r.status <> 'DRAFT')
         OR (step.type = 'ACCEPTED' AND r.status IN ('ACCEPTED', 'SCHEDULED', 'IN_TREATMENT', 'COMPLETED'))
         OR (step.type = 'DECLINED' AND r.status = 'DECLINED')`,
  );
  // The audit trail: for each referral, the entry of its referring coordinator reading it (the
  // patient, the referral and both clinics, as AuditRepository.entryFor files them), spread over
  // the same seconds as the referrals.
  process.stderr.write(`seeding ${COUNT} audit entries…\n`);
  await client.query(
    `INSERT INTO audit_entries (id, actor_id, actor_clinic_id, actor_role, operation, patient_ids, referral_ids, clinic_ids, subjects, at)
     SELECT gen_random_uuid(), r.referring_user_id, r.referring_clinic_id, 'COORDINATOR', 'query referral',
            ARRAY[r.patient_id], ARRAY[r.id], array_remove(ARRAY[r.referring_clinic_id, r.to_clinic_id], NULL),
            jsonb_build_object(r.referring_clinic_id::text, jsonb_build_object('patientIds', jsonb_build_array(r.patient_id), 'referralIds', jsonb_build_array(r.id)))
              || CASE WHEN r.to_clinic_id IS NULL THEN '{}'::jsonb
                      ELSE jsonb_build_object(r.to_clinic_id::text, jsonb_build_object('patientIds', jsonb_build_array(r.patient_id), 'referralIds', jsonb_build_array(r.id))) END,
            r.created_at + interval '1 minute'
       FROM referrals r`,
  );
  await client.query('VACUUM ANALYZE referrals');
  await client.query('VACUUM ANALYZE referral_events');
  await client.query('VACUUM ANALYZE audit_entries');
}

/** A DataSource stand-in that records the SQL the repository sends instead of running it. */
function recorder() {
  const queries = [];
  const query = (sql, values) => {
    queries.push({ sql, values });
    // Shaped like an empty result for list and count queries, and for the statistics' one row.
    if (/FROM referral_events e WHERE/.test(sql)) return Promise.resolve([{ total: 0, by_status: {} }]);
    return Promise.resolve(/count\(\*\)/.test(sql) ? [{ total: 0 }] : []);
  };
  return { queries, dataSource: { query, manager: { query } } };
}

async function main() {
  const admin = new Client({ connectionString: url('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  let failed = false;
  try {
    await migrate(url(dbName));
    const client = new Client({ connectionString: url(dbName) });
    await client.connect();
    try {
      await seed(client);
      const actor = (role, clinicId, extra = {}) => ({ userId: ids.userA, role, clinicId, providerId: null, ipAddress: null, ...extra });
      const staffB = actor('COORDINATOR', ids.clinicB, { userId: ids.userB });
      const staffA = actor('COORDINATOR', ids.clinicA);
      const provider = actor('PROVIDER', ids.clinicB, { userId: ids.providerUser, providerId: ids.provider });
      const page = { limit: 20, after: null };
      const someId = (await client.query('SELECT id, reference, patient_id FROM referrals LIMIT 1')).rows[0];
      // A patient of a referral in the observed inbox, whose name the searches look for.
      const named = (
        await client.query(
          `SELECT p.first_name AS first, p.last_name AS last FROM referrals r JOIN patients p ON p.id = r.patient_id
            WHERE r.to_clinic_id = $1 AND r.status <> 'DRAFT' LIMIT 1`,
          [ids.clinicB],
        )
      ).rows[0];

      const cases = [
        ['clinic inbox page + count', (repo) => repo.list(staffB, { direction: ReferralDirection.INBOUND }, page)],
        ['clinic inbox, status filter', (repo) => repo.list(staffB, { direction: ReferralDirection.INBOUND, status: ['SENT'] }, page)],
        ['clinic inbox, rare status', (repo) => repo.list(staffB, { direction: ReferralDirection.INBOUND, status: ['ON_HOLD'] }, page)],
        ['clinic inbox, two statuses', (repo) => repo.list(staffB, { direction: ReferralDirection.INBOUND, status: ['ACCEPTED', 'SCHEDULED'] }, page)],
        ['platform admin, everything', (repo) => repo.list(actor('PLATFORM_ADMIN', null), {}, page)],
        ['provider inbox page + count', (repo) => repo.list(provider, { direction: ReferralDirection.INBOUND }, page)],
        ['clinic outbox page + count', (repo) => repo.list(staffA, { direction: ReferralDirection.OUTBOUND }, page)],
        ['all directions (union)', (repo) => repo.list(staffB, {}, page)],
        ['one patient', (repo) => repo.list(staffA, { patientId: someId.patient_id }, page)],
        ['referral by id', (repo) => repo.findVisible(staffB, someId.id)],
        ['referral by reference', (repo) => repo.findVisibleByReference(staffB, someId.reference)],
        ['urgent, clinic inbox', (repo) => repo.list(staffB, { direction: ReferralDirection.INBOUND, priority: 'URGENT' }, page)],
        ['needs action, clinic inbox', (repo) => repo.list(staffB, { direction: ReferralDirection.INBOUND, needsAction: true }, page)],
        ['nothing to do, clinic inbox', (repo) => repo.list(staffB, { direction: ReferralDirection.INBOUND, needsAction: false }, page)],
        ['needs action, all directions', (repo) => repo.list(staffB, { needsAction: true }, page)],
        ['needs action, provider inbox', (repo) => repo.list(provider, { direction: ReferralDirection.INBOUND, needsAction: true }, page)],
        // A search must start from its own index (references, patients' names) and read a small
        // part of the caller's list: each bound is a tenth of that list (~100,000, ~200,000 both ways).
        ['search: start of a reference, inbox', (repo) => repo.list(staffB, { direction: ReferralDirection.INBOUND, search: someId.reference.slice(0, 10) }, page), 10_000],
        ['search: last name start, clinic inbox', (repo) => repo.list(staffB, { direction: ReferralDirection.INBOUND, search: named.last.slice(0, 4) }, page), 10_000],
        ['search: first and last name, all directions', (repo) => repo.list(staffB, { search: `${named.first} ${named.last.slice(0, 3)}` }, page), 20_000],
        ['search: last name start, clinic outbox', (repo) => repo.list(staffA, { direction: ReferralDirection.OUTBOUND, search: named.last.slice(0, 4) }, page), 10_000],
        ['search: last name start, provider inbox', (repo) => repo.list(provider, { direction: ReferralDirection.INBOUND, search: named.last.slice(0, 4) }, page), 10_000],
        ['search: last name start, needs action', (repo) => repo.list(staffB, { search: named.last.slice(0, 4), needsAction: true }, page), 20_000],
        ['search: last name start, platform admin', (repo) => repo.list(actor('PLATFORM_ADMIN', null), { search: named.last.slice(0, 5) }, page), 100_000],
        // One letter matches a twentieth of all patients: no bound, the plan and time are reported.
        ['search: one letter, clinic inbox', (repo) => repo.list(staffB, { direction: ReferralDirection.INBOUND, search: named.last.slice(0, 1) }, page)],
      ];
      // Referral statistics over one day of the seeded ~11.6 days (about 86,000 sent referrals in all).
      const day = { from: new Date(Date.now() - 2 * 86_400_000), to: new Date(Date.now() - 86_400_000) };
      const statsCases = [
        ['stats: clinic, one day', (repo) => repo.stats(staffB, day)],
        // As the statistics page asks: naming the clinic.
        ['stats: clinic, one day, naming the clinic', (repo) => repo.stats(staffB, { ...day, clinicId: ids.clinicB })],
        ['stats: provider, one day', (repo) => repo.stats(provider, day)],
        ['stats: platform admin, one day', (repo) => repo.stats(actor('PLATFORM_ADMIN', null), day)],
      ];

      statsCases.push(['stats: one provider as referrer or target, platform admin, one day', (repo) => repo.stats(actor('PLATFORM_ADMIN', null), { ...day, providerId: ids.provider })]);
      cases.push(['referred onward from an episode', (repo) => repo.findVisibleOnwardFrom(staffB, [someId.id])]);
      // The audit trail, as a clinic (its own staff's entries and others' that name it) and as a platform admin.
      const auditCases = [
        ['audit: one patient, clinic', (repo) => repo.list({ clinicId: ids.clinicA }, { patientId: someId.patient_id }, page)],
        ['audit: one patient, platform admin', (repo) => repo.list({ clinicId: null }, { patientId: someId.patient_id }, page)],
        ['audit: one referral, receiving clinic', (repo) => repo.list({ clinicId: ids.clinicB }, { referralId: someId.id }, page)],
        ['audit: a clinic, everything', (repo) => repo.list({ clinicId: ids.clinicB }, {}, page)],
        ['audit: one person', (repo) => repo.list({ clinicId: ids.clinicA }, { actorId: ids.userA }, page)],
      ];

      const runs = [
        ...cases.map(([name, run, readsAtMost]) => [name, (dataSource) => run(new ReferralRepository(dataSource)), readsAtMost]),
        ...statsCases.map(([name, run]) => [name, (dataSource) => run(new ReferralStatsRepository(dataSource))]),
        ...auditCases.map(([name, run]) => [name, (dataSource) => run(new AuditRepository(dataSource))]),
      ];
      for (const [name, run, readsAtMost] of runs) {
        const { queries, dataSource } = recorder();
        const result = run(dataSource);
        if (result && typeof result.count === 'function') await result.count();
        await (result && result.rows ? result.rows : result);
        for (const { sql, values } of queries) {
          const started = process.hrtime.bigint();
          const [{ 'QUERY PLAN': [{ Plan: plan }] }] = (await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, values)).rows;
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const nodes = planNodes(plan);
          const seq = nodes.some((node) => node['Node Type'] === 'Seq Scan' && ['referrals', 'referral_events', 'audit_entries'].includes(node['Relation Name']));
          const read = referralRowsRead(nodes);
          const over = readsAtMost !== undefined && read > readsAtMost;
          failed ||= seq || over;
          const kind = /FROM referral_events e WHERE/.test(sql) ? 'stats' : /count\(\*\)/.test(sql) ? 'count' : 'rows';
          const scans = nodes.filter((node) => /Scan/.test(node['Node Type'])).map(describeScan);
          const verdict = seq ? 'SEQ SCAN' : over ? 'TOO MANY' : 'ok      ';
          const bound = readsAtMost !== undefined ? ` (at most ${readsAtMost})` : '';
          console.log(`${verdict}  ${name} [${kind}] ${ms.toFixed(1)} ms, ${read} referral rows read${bound}: ${[...new Set(scans)].join('; ')}`);
        }
      }
    } finally {
      await client.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
  if (failed) {
    console.error('A referral or audit query scans a whole table, or a search reads more referrals than its bound.');
    process.exit(1);
  }
}

/** A plan node and every node under it. */
function planNodes(node) {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** Rows of `referrals` the plan looked at: those its scans returned and those their filters dropped, over every loop. */
function referralRowsRead(nodes) {
  return nodes
    .filter((node) => node['Relation Name'] === 'referrals')
    .reduce((sum, node) => sum + (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * node['Actual Loops'], 0);
}

/** "Index Only Scan Backward using referrals_to_clinic_inbox_idx on referrals r", as EXPLAIN's text format says it. */
function describeScan(node) {
  const direction = node['Scan Direction'] === 'Backward' ? ' Backward' : '';
  const index = node['Index Name'] ? ` using ${node['Index Name']}` : '';
  const relation = node['Relation Name'] ? ` on ${node['Relation Name']}${node.Alias && node.Alias !== node['Relation Name'] ? ` ${node.Alias}` : ''}` : '';
  return `${node['Node Type']}${direction}${index}${relation}`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
