import { ConfigError, loadConfig } from '@referloop/core';
import { parseSeedArgs, SEED_DEFAULTS, SeedArgsError } from './seed-args';
import { runSeed, SeedRefused } from './seed';

/** `npm run seed -- [--referrals M] [--providers N] [--audit-entries A] [--append]` into DATABASE_URL. */
async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  if (args.help) {
    console.log('npm run seed -- [--referrals M] [--providers N] [--audit-entries A] [--append]');
    console.log(`  loads M referrals (default ${SEED_DEFAULTS.referrals.toLocaleString('en-US')}) and N providers (default one per 500 referrals,`);
    console.log(`  at least ${SEED_DEFAULTS.providers}) with their clinics, staff, patients, history, plans and visits, and A audit entries`);
    console.log('  (default ten per referral) into DATABASE_URL (migrated first). Refuses a database that already has');
    console.log('  referrals unless --append is given.');
    return;
  }
  if (process.env.NODE_ENV === 'production') throw new SeedArgsError('refusing to seed with NODE_ENV=production: the dataset is for development and benchmarks');
  const config = loadConfig();
  await runSeed({
    databaseUrl: config.databaseUrl,
    providers: args.providers,
    referrals: args.referrals,
    auditEntries: args.auditEntries,
    append: args.append,
    responseWindowHours: config.responseWindowHours,
    outcomeReminderAfterHours: config.episode.outcomeReminderAfterHours,
  });
}

main().catch((error: unknown) => {
  const expected = error instanceof SeedArgsError || error instanceof SeedRefused || error instanceof ConfigError || /PostgreSQL/.test(String(error));
  console.error(`seed: ${expected ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = expected && error instanceof SeedArgsError ? 2 : 1;
});
