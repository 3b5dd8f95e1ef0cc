import { DEFAULT_DEMO_DATABASE_URL } from './demo-database';
import { runDemo } from './demo';

/**
 * `npm run demo`. Settings come from the environment: DEMO_DATABASE_URL (the demo's own
 * database, dropped and re-created), REDIS_URL, DEMO_LOG_LEVEL for the apps' log lines.
 */
async function main(): Promise<void> {
  if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
    console.log('npm run demo: seeds four clinics through the GraphQL API and drives one referral through its whole lifecycle.');
    console.log(`  DEMO_DATABASE_URL  the demo's database, dropped and re-created each run (default ${DEFAULT_DEMO_DATABASE_URL})`);
    console.log('  REDIS_URL          Redis for the job queues (default redis://127.0.0.1:6379)');
    console.log('  DEMO_LOG_LEVEL     log level of the gateway and worker (default error)');
    return;
  }
  const unknown = process.argv.slice(2);
  if (unknown.length > 0) throw new Error(`npm run demo takes no arguments (got ${unknown.join(' ')}); see --help`);
  const env = (name: string) => (process.env[name]?.trim() ? process.env[name]?.trim() : undefined);
  await runDemo({
    databaseUrl: env('DEMO_DATABASE_URL'),
    developmentDatabaseUrl: env('DATABASE_URL') ?? 'postgres://postgres@127.0.0.1:5432/referloop',
    redisUrl: env('REDIS_URL'),
    logLevel: env('DEMO_LOG_LEVEL'),
  });
}

// No process.exit on success: everything the demo started is closed by then, so Node ends by itself.
main().catch((error: unknown) => {
  console.error(`\nThe demo stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
