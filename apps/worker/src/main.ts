import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@referloop/common';
import { migrate } from '@referloop/database';
import { RunningWorker, startWorker } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  await migrate(config.databaseUrl);
  // The handlers are in place before the worker starts: its ready line is written during
  // start-up, and a SIGTERM sent on seeing it must stop it cleanly, not kill it.
  const starting: Promise<RunningWorker> = startWorker(config);
  const logger = new Logger('Worker');
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing running jobs, then exiting`);
    starting.then((worker) => worker.stop()).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await starting;
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || (error instanceof Error && /PostgreSQL|Refusing to start/.test(error.message)) ? error.message : error;
  console.error(message);
  process.exit(1);
});
