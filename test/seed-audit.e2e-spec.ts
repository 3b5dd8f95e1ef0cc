import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate } from '@referloop/database';
import { parseSeedArgs } from '../apps/demo/src/seed-args';
import { runSeed, SeedOptions } from '../apps/demo/src/seed';
import { databaseUrl, dropTestDatabase, RUN_ID_ENV } from './support/test-database';

/*
 * `npm run seed`'s audit trail, at a tiny size: every entry as the product writes it, about
 * a referral its actor may see; and the indexes and keys the seed takes down for the load,
 * back exactly as the migrations made them.
 */
const DATABASE = `${process.env[RUN_ID_ENV]}_seed_audit_${randomBytes(4).toString('hex')}`;
const SETTINGS = { responseWindowHours: { ROUTINE: 72, URGENT: 24 }, outcomeReminderAfterHours: 168 };

/** Every index, key and foreign key of the schema, as the catalog would make them again. */
const STRUCTURE = `
  SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'public'::regnamespace
  UNION ALL
  SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || CASE WHEN convalidated THEN '' ELSE ' NOT VALID' END
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  ORDER BY 1`;

describe('npm run seed -- --providers 10 --referrals 100 (audit entries)', () => {
  let db: Client;
  let migrated: string[];
  const options = (argv: string[]): SeedOptions => ({ ...parseSeedArgs(argv), ...SETTINGS, databaseUrl: databaseUrl(DATABASE), print: () => undefined });
  const rows = async (sql: string) => (await db.query(sql)).rows;
  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);

  beforeAll(async () => {
    await migrate(databaseUrl(DATABASE));
    db = new Client({ connectionString: databaseUrl(DATABASE) });
    await db.connect();
    migrated = (await rows(STRUCTURE)).map((row) => row.definition);
    await runSeed(options(['--providers', '10', '--referrals', '100']));
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await dropTestDatabase(DATABASE);
  });

  it('makes again every index, key and foreign key it took down for the load', async () => {
    expect((await rows(STRUCTURE)).map((row) => row.definition)).toEqual(migrated);
  });

  it('writes ten entries to a referral, the first its creation by the referrer', async () => {
    expect(await count('SELECT count(*) AS n FROM audit_entries')).toBe(1000);
    expect(
      await count(
        `SELECT count(*) AS n FROM referrals r WHERE (SELECT count(*) FROM audit_entries a
           WHERE a.operation = 'mutation CreateReferral' AND a.referral_ids = ARRAY[r.id] AND a.actor_id = r.referring_user_id) <> 1`,
      ),
    ).toBe(0);
    const operations = (await rows('SELECT DISTINCT operation FROM audit_entries ORDER BY 1')).map((row) => row.operation);
    expect(operations).toEqual(
      expect.arrayContaining(['mutation CreateReferral', 'query Referral', 'query Inbox', 'query Episode', 'query PatientsDetail', 'query PatientsReferrals']),
    );
  });

  it("names a referral's patient and clinics, read by someone of a clinic that may see it, during its life", async () => {
    // The actor is a user of the clinic and role the entry names.
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_id
          WHERE u.id IS NULL OR u.clinic_id IS DISTINCT FROM a.actor_clinic_id OR u.role IS DISTINCT FROM a.actor_role`,
      ),
    ).toBe(0);
    // A referral's entry: its patient, its clinics (each with the ids it may see), by either side; the receiving side once sent.
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_entries a JOIN referrals r ON a.referral_ids = ARRAY[r.id]
          WHERE a.patient_ids <> ARRAY[r.patient_id]
             OR NOT (a.clinic_ids @> ARRAY[r.referring_clinic_id] AND (r.to_clinic_id IS NULL OR a.clinic_ids @> ARRAY[r.to_clinic_id]))
             OR cardinality(a.clinic_ids) <> (SELECT count(DISTINCT c) FROM unnest(ARRAY[r.referring_clinic_id, r.to_clinic_id]) c)
             OR (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(a.subjects) k) <> (SELECT array_agg(c::text ORDER BY c::text) FROM unnest(a.clinic_ids) c)
             OR EXISTS (SELECT 1 FROM jsonb_each(a.subjects) s
                         WHERE s.value <> jsonb_build_object('patientIds', jsonb_build_array(r.patient_id), 'referralIds', jsonb_build_array(r.id)))
             OR a.actor_clinic_id NOT IN (r.referring_clinic_id, coalesce(r.to_clinic_id, r.referring_clinic_id))
             OR (a.actor_clinic_id <> r.referring_clinic_id AND (r.sent_at IS NULL OR a.at < r.sent_at))
             OR a.at < r.created_at OR a.at > now()`,
      ),
    ).toBe(0);
    // A read of the patient alone: by the patient's own clinic, filed under it.
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_entries a JOIN patients p ON a.patient_ids = ARRAY[p.id]
          WHERE a.referral_ids = '{}' AND (a.actor_clinic_id <> p.clinic_id OR a.clinic_ids <> ARRAY[p.clinic_id]
             OR a.subjects <> jsonb_build_object(p.clinic_id::text, jsonb_build_object('patientIds', jsonb_build_array(p.id), 'referralIds', '[]'::jsonb))
             OR a.operation <> 'query PatientsDetail')`,
      ),
    ).toBe(0);
    // Every entry is one of the two kinds, and the patient is one of its referrals' (or its own clinic's) patients.
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_entries a
          WHERE NOT EXISTS (SELECT 1 FROM referrals r WHERE a.referral_ids = ARRAY[r.id])
            AND NOT (a.referral_ids = '{}' AND EXISTS (SELECT 1 FROM patients p WHERE a.patient_ids = ARRAY[p.id]))`,
      ),
    ).toBe(0);
  });

  it('takes --audit-entries as the number to write, none included', async () => {
    const appended = await runSeed(options(['--providers', '3', '--referrals', '20', '--audit-entries', '0', '--append']));
    expect(appended.counts).toMatchObject({ referrals: 120, audit_entries: 1000 });
    const more = await runSeed(options(['--providers', '3', '--referrals', '20', '--audit-entries', '45', '--append']));
    expect(more.counts).toMatchObject({ referrals: 140, audit_entries: 1045 });
    expect((await rows(STRUCTURE)).map((row) => row.definition)).toEqual(migrated);
  }, 120_000);
});
