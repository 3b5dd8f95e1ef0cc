import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '@referloop/auth';
import { createDataSource, migrate } from '@referloop/database';
import { ProviderStatsStore } from '@referloop/providers';
import { Print, seconds } from './output';
import { writeAuditEntries } from './seeding/audit';
import { withoutIndexes } from './seeding/bulk-load';
import { drawEpisodes } from './seeding/episodes';
import { writeHistory } from './seeding/history';
import { AUDIT_ENTRIES_PER_REFERRAL, createParams, SeedSize } from './seeding/params';
import { seedPeople } from './seeding/people';
import { drawReferralPaths } from './seeding/referral-paths';
import { writeRecords } from './seeding/records';
import { Query } from './seeding/sql';

/** Every seeded user signs in with this: the dataset is for development and benchmarks only. */
export const SEED_PASSWORD = 'referloop-seed-password';

export interface SeedOptions extends SeedSize {
  databaseUrl: string;
  /** Add to a database that already has referrals; refused otherwise. */
  append: boolean;
  /** Audit entries to write over the referrals; unset, ten to a referral. */
  auditEntries?: number;
  responseWindowHours: { ROUTINE: number; URGENT: number };
  outcomeReminderAfterHours: number;
  print?: Print;
}

export interface SeedResult {
  /** Rows in each table afterwards. */
  counts: Record<string, number>;
  byStatus: Record<string, number>;
  tag: string;
}

export class SeedRefused extends Error {}

export const SEEDED_TABLES = ['clinics', 'users', 'providers', 'patients', 'referrals', 'referral_events', 'treatment_plans', 'visits', 'audit_entries'];
/** Serialises seeding runs on one database: the second waits, then continues the references after the first. */
const SEED_LOCK = 7_265_016_077;

/**
 * Loads a large, realistic dataset with set-based SQL in one transaction (all of it or none):
 * clinics over the Twin Cities, their staff, providers and patients, referrals in every status
 * with their history, plans and visits, and the audit trail of reading them. Not through the
 * API: it would take hours.
 */
export async function runSeed(options: SeedOptions): Promise<SeedResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const started = Date.now();
  const applied = await migrate(options.databaseUrl);
  if (applied > 0) print(`applied ${applied} migration(s)`);
  const db = createDataSource({ url: options.databaseUrl, poolSize: 2, applicationName: 'referloop-seed' });
  await db.initialize();
  try {
    const tag = randomBytes(3).toString('hex');
    const passwordHash = await hashPassword(SEED_PASSWORD);
    const runner = db.createQueryRunner();
    try {
      await runner.startTransaction();
      const query: Query = (sql, parameters) => runner.query(sql, parameters);
      await query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      // Compiling these one-off statements costs more than running them.
      await query('SET LOCAL jit = off');
      // The working tables' joins and sorts in memory.
      await query(`SET LOCAL work_mem = '1GB'`);
      // The working tables hold a few GB at a million referrals: in this backend's memory, not
      // evicted to disk 8 MB at a time. Only settable before the connection's first temporary table.
      await query(`SET LOCAL temp_buffers = '2GB'`);
      // The commit need not wait for the disk: a crash loses a seed that is simply run again.
      await query('SET LOCAL synchronous_commit = off');
      const [{ existing }] = await query<{ existing: number }>('SELECT count(*)::int AS existing FROM referrals');
      if (existing > 0 && !options.append) {
        throw new SeedRefused(`the database already has ${existing.toLocaleString('en-US')} referrals; pass --append to add to them`);
      }
      const auditEntries = options.auditEntries ?? AUDIT_ENTRIES_PER_REFERRAL * options.referrals;
      print(
        `seeding ${options.providers.toLocaleString('en-US')} providers, ${options.referrals.toLocaleString('en-US')} referrals and ` +
          `${auditEntries.toLocaleString('en-US')} audit entries (run tag ${tag})`,
      );
      await createParams(query, { ...options, auditEntries, tag, referenceOffset: existing, passwordHash });
      const phases: Array<[string, (query: Query) => Promise<void>]> = [
        ['clinics, staff, providers and patients', seedPeople],
        ['referral paths', drawReferralPaths],
        ['visits and outcomes', drawEpisodes],
        ['history', writeHistory],
        ['referrals, history, plans and visits written', writeRecords],
        ['audit entries written', writeAuditEntries],
      ];
      await withoutIndexes(query, print, async () => {
        for (const [name, phase] of phases) {
          const phaseStarted = Date.now();
          await phase(query);
          print(`  ${name}: ${seconds(Date.now() - phaseStarted)}`);
        }
      });
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
    await finish(db, print);
    const result = { ...(await tally(db)), tag };
    print(`rows: ${SEEDED_TABLES.map((table) => `${table} ${result.counts[table].toLocaleString('en-US')}`).join(', ')}`);
    print(`referrals by status: ${Object.entries(result.byStatus).map(([status, count]) => `${status} ${count.toLocaleString('en-US')}`).join(', ')}`);
    print(`done in ${seconds(Date.now() - started)}; seeded users sign in with password "${SEED_PASSWORD}" (e.g. coordinator-1-1@${tag}.seed.example)`);
    return result;
  } finally {
    await db.destroy();
  }
}

/** What matching ranks by (the providers' stats columns), and the planner's statistics. */
async function finish(db: DataSource, print: Print): Promise<void> {
  const started = Date.now();
  await new ProviderStatsStore(db).refreshAll();
  await db.query(`VACUUM (ANALYZE) ${SEEDED_TABLES.join(', ')}`);
  print(`  provider stats and ANALYZE: ${seconds(Date.now() - started)}`);
}

async function tally(db: DataSource): Promise<Omit<SeedResult, 'tag'>> {
  const counts: Record<string, number> = {};
  for (const table of SEEDED_TABLES) counts[table] = (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const rows: Array<{ status: string; n: number }> = await db.query('SELECT status, count(*)::int AS n FROM referrals GROUP BY status ORDER BY n DESC');
  return { counts, byStatus: Object.fromEntries(rows.map((row) => [row.status, row.n])) };
}
