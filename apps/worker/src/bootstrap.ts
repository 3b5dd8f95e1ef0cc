import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@referloop/core';
import { LoggingOptions, PinoNestLogger } from '@referloop/logging';
import { WorkerModule } from './worker.module';
import { WorkerRuntime } from './worker-runtime';

export interface RunningWorker {
  app: INestApplicationContext;
  healthPort: number;
  /** Graceful stop: running jobs get WORKER_SHUTDOWN_GRACE_MS, then everything closes. */
  stop(): Promise<void>;
}

/** Builds and starts the worker; shared by main and the tests. */
export async function startWorker(config: AppConfig, logging: LoggingOptions = {}): Promise<RunningWorker> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logging), { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  const runtime = app.get(WorkerRuntime);
  try {
    const healthPort = await runtime.start();
    return {
      app,
      healthPort,
      async stop() {
        await runtime.stop();
        await app.close();
      },
    };
  } catch (error) {
    await runtime.stop().catch(() => undefined);
    await app.close();
    throw error;
  }
}
