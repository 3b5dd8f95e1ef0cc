import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@referloop/common';
import { WorkerModule } from './worker.module';
import { WorkerRuntime } from './worker-runtime';

export interface RunningWorker {
  app: INestApplicationContext;
  healthPort: number;
  /** Graceful stop: running jobs get WORKER_SHUTDOWN_GRACE_MS, then everything closes. */
  stop(): Promise<void>;
}

/** Builds and starts the worker; shared by main and the tests. */
export async function startWorker(config: AppConfig): Promise<RunningWorker> {
  const order = ['error', 'warn', 'log', 'debug'] as const;
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: order.slice(0, order.indexOf(config.logLevel) + 1),
  });
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
