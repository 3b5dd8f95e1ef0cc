import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { verifyPassword } from '../libs/auth/src/password-hasher';
import { parseSeedArgs } from '../apps/demo/src/seed-args';
import { runSeed, SEED_PASSWORD, SeedOptions, SeedRefused } from '../apps/demo/src/seed';
import { databaseUrl, dropTestDatabase, RUN_ID_ENV } from './support/test-database';

/*
 * `npm run seed` with tiny numbers on a database of its own: the counts it promises, and a
 * history every referral agrees with, as the lifecycle would have written it.
 */
const DATABASE = `${process.env[RUN_ID_ENV]}_seed_${randomBytes(4).toString('hex')}`;
const SETTINGS = { responseWindowHours: { ROUTINE: 72, URGENT: 24 }, outcomeReminderAfterHours: 168 };

describe('npm run seed -- --providers 20 --referrals 200', () => {
  let db: Client;
  const lines: string[] = [];
  const options = (argv: string[]): SeedOptions => ({ ...parseSeedArgs(argv), ...SETTINGS, databaseUrl: databaseUrl(DATABASE), print: (line) => lines.push(line) });
  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);

  beforeAll(async () => {
    await runSeed(options(['--providers', '20', '--referrals', '200']));
    db = new Client({ connectionString: databaseUrl(DATABASE) });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await dropTestDatabase(DATABASE);
  });

  it('loads the promised numbers: a clinic per three providers, its staff, two referrals per patient', async () => {
    // 7 clinics; each a clinic admin and one or two coordinators (18 staff), plus a user per provider.
    expect(await count('SELECT count(*) AS n FROM clinics')).toBe(7);
    expect(await count(`SELECT count(*) AS n FROM users WHERE role IN ('CLINIC_ADMIN', 'COORDINATOR')`)).toBe(18);
    expect(await count(`SELECT count(*) AS n FROM users WHERE role = 'PROVIDER'`)).toBe(20);
    expect(await count('SELECT count(*) AS n FROM providers')).toBe(20);
    expect(await count('SELECT count(*) AS n FROM patients')).toBe(100);
    expect(await count('SELECT count(*) AS n FROM referrals')).toBe(200);
    expect(await count('SELECT count(DISTINCT reference) AS n FROM referrals')).toBe(200);
    // Every clinic has providers and patients; every referral has its history.
    expect(await count('SELECT count(*) AS n FROM clinics c WHERE NOT EXISTS (SELECT 1 FROM providers p WHERE p.clinic_id = c.id)')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM referrals r WHERE NOT EXISTS (SELECT 1 FROM referral_events e WHERE e.referral_id = r.id)')).toBe(0);
    expect(lines).toContainEqual(expect.stringMatching(/^rows: clinics 7, users 38, providers 20, patients 100, referrals 200, referral_events [\d,]+/));
  });

  it('spreads referrals over the lifecycle, and every status agrees with the last entry of its history', async () => {
    const statuses = (await db.query<{ status: string }>('SELECT DISTINCT status FROM referrals')).rows.map((row) => row.status);
    expect(statuses).toEqual(expect.arrayContaining(['COMPLETED', 'DECLINED', 'EXPIRED', 'CANCELLED', 'IN_TREATMENT']));
    const disagreeing = await db.query(
      `SELECT r.reference, r.status, last.to_status FROM referrals r
         CROSS JOIN LATERAL (SELECT to_status FROM referral_events e WHERE e.referral_id = r.id ORDER BY seq DESC LIMIT 1) last
        WHERE last.to_status <> r.status`,
    );
    expect(disagreeing.rows).toEqual([]);
    // Each entry starts where the one before it ended, no later than it happened, and none is in the future.
    const broken = await db.query(
      `SELECT referral_id, type FROM (
         SELECT referral_id, type, from_status, at, lag(to_status) OVER w AS previous_status, lag(at) OVER w AS previous_at
           FROM referral_events WINDOW w AS (PARTITION BY referral_id ORDER BY seq)) e
        WHERE e.from_status IS DISTINCT FROM e.previous_status OR e.at < e.previous_at OR e.at > now()`,
    );
    expect(broken.rows).toEqual([]);
  });

  it('keeps the columns that follow from the history consistent with it', async () => {
    // Version: 1 at creation (sent with it), one more per move; reminders leave it alone.
    expect(
      await count(
        `SELECT count(*) AS n FROM referrals r WHERE r.version <> 1 + (SELECT count(*) FROM referral_events e WHERE e.referral_id = r.id
           AND e.type NOT IN ('CREATED', 'OUTCOME_REMINDED') AND NOT (e.type = 'SENT' AND e.at = r.created_at))`,
      ),
    ).toBe(0);
    // One visit row per visit entry, a plan only where the plan was set, and each field where its status says so.
    expect(
      await count(
        `SELECT count(*) AS n FROM referrals r WHERE
           (SELECT count(*) FROM visits v WHERE v.referral_id = r.id)
             <> (SELECT count(*) FROM referral_events e WHERE e.referral_id = r.id AND e.type IN ('TREATMENT_STARTED', 'VISIT_RECORDED', 'NO_SHOW'))
           OR EXISTS (SELECT 1 FROM treatment_plans t WHERE t.referral_id = r.id)
             <> EXISTS (SELECT 1 FROM referral_events e WHERE e.referral_id = r.id AND e.type = 'TREATMENT_PLAN_SET')`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM referrals WHERE
              (status = 'DRAFT') <> (sent_at IS NULL)
           OR (status = 'SENT' AND (due_at <= now() OR responded_at IS NOT NULL))
           OR (status = 'ON_HOLD' AND (due_at IS NOT NULL OR clock_remaining_ms IS NULL))
           OR (status IN ('ACCEPTED', 'SCHEDULED', 'IN_TREATMENT', 'COMPLETED', 'DECLINED') AND responded_at IS NULL)
           OR (status IN ('SCHEDULED', 'IN_TREATMENT', 'COMPLETED') AND appointment_at IS NULL)
           OR (status IN ('IN_TREATMENT', 'COMPLETED') AND treatment_started_at IS NULL)
           OR (status = 'COMPLETED') <> (outcome IS NOT NULL AND completed_at IS NOT NULL)
           OR (loop_closed_at IS NOT NULL AND status <> 'COMPLETED')
           OR (status = 'CANCELLED') <> (cancelled_at IS NOT NULL)
           OR (status = 'DECLINED') <> (decline_reason IS NOT NULL)
           OR (status = 'COMPLETED' AND loop_closed_at IS NULL AND outcome_reminded_at IS NULL AND completed_at <= now() - interval '168 hours')`,
      ),
    ).toBe(0);
  });

  it('seeded users sign in with the documented password', async () => {
    const { rows } = await db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE role = 'COORDINATOR' LIMIT 1`);
    expect(await verifyPassword(SEED_PASSWORD, rows[0].password_hash)).toBe(true);
  });

  it('refuses a database that already has referrals, and adds to it with --append', async () => {
    await expect(runSeed(options(['--providers', '5', '--referrals', '50']))).rejects.toThrow(SeedRefused);
    await expect(runSeed(options(['--providers', '5', '--referrals', '50']))).rejects.toThrow(/already has 200 referrals; pass --append/);
    expect(await count('SELECT count(*) AS n FROM providers')).toBe(20);

    const appended = await runSeed(options(['--providers', '5', '--referrals', '50', '--append']));
    expect(appended.counts).toMatchObject({ providers: 25, referrals: 250 });
    expect(await count('SELECT count(DISTINCT reference) AS n FROM referrals')).toBe(250);
  }, 120_000);
});
