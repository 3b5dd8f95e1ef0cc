import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@referloop/core';
import { migrate } from '@referloop/database';
import { RunningWorker, startWorker } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  // The handlers are in place before anything starts: the ready line is written during start-up,
  // and a SIGTERM sent on seeing it (or during the migrations) must stop the worker cleanly.
  const starting: Promise<RunningWorker> = migrate(config.databaseUrl).then(() => startWorker(config));
  const logger = new Logger('Worker');
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing running jobs, then exiting`);
    starting.then(
      (worker) =>
        worker.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error(`Shutdown failed: ${(error as Error).message}`);
            process.exit(1);
          },
        ),
      // Start-up failed: main's own handler reports it and exits.
      () => undefined,
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
