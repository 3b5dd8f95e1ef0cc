import { RunningWorker } from '../../apps/worker/src/bootstrap';
import { SmtpSink } from './smtp-sink';
import { startTestApp, TestApp } from './test-app';
import { teardownAll } from './teardown';
import { startTestWorker } from './test-worker';
import { buildWorld, World } from './world';

/** The whole notification pipeline of one test file: SMTP sink, gateway, worker and the usual cast. */
export interface Pipeline {
  app: TestApp;
  worker: RunningWorker;
  smtp: SmtpSink;
  world: World;
  close(): Promise<void>;
}

/** `env` goes to both the gateway and the worker (retry settings are read by whoever enqueues). */
export async function startPipeline(env: Record<string, string> = {}): Promise<Pipeline> {
  const smtp = await SmtpSink.start();
  let app: TestApp | undefined;
  let worker: RunningWorker | undefined;
  try {
    app = await startTestApp(env);
    worker = await startTestWorker(app.config, { SMTP_URL: smtp.url, ...env });
    const world = await buildWorld(app.anonymous);
    const started = { app, worker, smtp, world };
    return { ...started, close: () => teardownAll([() => started.worker.stop(), () => started.app.close(), () => smtp.close()]) };
  } catch (error) {
    await teardownAll([() => worker?.stop(), () => app?.close(), () => smtp.close()]);
    throw error;
  }
}
