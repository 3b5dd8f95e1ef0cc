import { createServer } from 'node:net';
import { RunningWorker } from '../apps/worker/src/bootstrap';
import { assertEveryJobHandled } from '../apps/worker/src/processors/catalogue-processor';
import { NotificationProcessor } from '../apps/worker/src/processors/notification.processor';
import { ResponseClockProcessor } from '../apps/worker/src/processors/response-clock.processor';
import { WorkerRuntime } from '../apps/worker/src/worker-runtime';
import { APP_CONFIG, AppConfig } from '../libs/common/src/config/app-config';
import { JobName, JobQueues } from '../libs/jobs/src';
import { OutboxRelay } from '../libs/notifications/src';
import { ProviderStatsStore } from '../libs/providers/src';
import { OutcomeReminders, ResponseClock } from '../libs/referrals/src';
import { teardownAll } from './support/teardown';
import { startTestApp, TestApp } from './support/test-app';
import { startTestWorker } from './support/test-worker';

/** The real clock processor, except that it no longer lists the expiry among its jobs. */
class ClockProcessorWithoutExpiry extends ResponseClockProcessor {
  override handledJobs(): JobName[] {
    return super.handledJobs().filter((name) => name !== JobName.EXPIRE_REFERRAL);
  }
}

/** A port nothing listens on right now. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('worker start-up', () => {
  let app: TestApp;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    app = await startTestApp();
    worker = await startTestWorker(app.config);
  }, 60_000);

  afterAll(() => teardownAll([() => worker?.stop(), () => app?.close()]), 30_000);

  const running = () => worker as RunningWorker;
  const healthUrl = (path: string) => `http://127.0.0.1:${running().healthPort}${path}`;

  it('answers GET /health with 200 once it consumes jobs, and 404 for anything else', async () => {
    const health = await fetch(healthUrl('/health'));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', consuming: true, redis: 'up' });

    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/metrics'],
      ['GET', '/health/extra'],
      ['POST', '/health'],
    ]) {
      const response = await fetch(healthUrl(path), { method });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
      await response.arrayBuffer();
    }
  });

  it('has a handler for every job of the catalogue in the processors it was built with', () => {
    expect(() => assertEveryJobHandled([running().app.get(NotificationProcessor), running().app.get(ResponseClockProcessor)])).not.toThrow();
  });

  it('refuses to start, naming the job, when one has no handler — before it consumes or listens', async () => {
    const context = running().app;
    const config: AppConfig = { ...context.get<AppConfig>(APP_CONFIG), workerPort: await unusedPort() };
    const runtime = new WorkerRuntime(
      config,
      context.get(NotificationProcessor),
      new ClockProcessorWithoutExpiry(context.get(ResponseClock)),
      context.get(OutboxRelay),
      context.get(ResponseClock),
      context.get(JobQueues),
      context.get(ProviderStatsStore),
      context.get(OutcomeReminders),
    );

    await expect(runtime.start()).rejects.toThrow(`Refusing to start: no handler for job(s) ${JobName.EXPIRE_REFERRAL}`);
    // Nothing was started: no health endpoint on the port it would have used.
    await expect(fetch(`http://127.0.0.1:${config.workerPort}/health`)).rejects.toThrow();
  });

  it('stops answering /health once stopped', async () => {
    const url = healthUrl('/health');
    await running().stop();
    worker = undefined;
    await expect(fetch(url)).rejects.toThrow();
  }, 30_000);
});
