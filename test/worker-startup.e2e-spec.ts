import { WebhookRelay } from '@referloop/webhooks';
import { WebhookProcessor } from '../apps/worker/src/processors/webhook.processor';
import { AccountHousekeeping } from '@referloop/auth';
import { createServer } from 'node:net';
import { RunningWorker } from '../apps/worker/src/bootstrap';
import { assertEveryJobHandled } from '../apps/worker/src/processors/catalogue-processor';
import { NotificationProcessor } from '../apps/worker/src/processors/notification.processor';
import { ResponseClockProcessor } from '../apps/worker/src/processors/response-clock.processor';
import { WorkerRuntime } from '../apps/worker/src/worker-runtime';
import { WorkerHealth } from '../apps/worker/src/health/worker-health';
import { WorkerGauges } from '../apps/worker/src/metrics/worker-gauges';
import { Metrics } from '@referloop/metrics';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { JobName, JobQueues, QueueName } from '@referloop/jobs';
import { OutboxRelay } from '@referloop/notifications';
import { ProviderStatsStore } from '@referloop/providers';
import { OutcomeReminders } from '@referloop/episode';
import { ResponseClock } from '@referloop/referrals';
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

  it('answers GET /health/live and /health/ready with 200 once it consumes jobs (database, Redis and each queue), and 404 for anything else', async () => {
    const live = await fetch(healthUrl('/health/live'));
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok' });

    const ready = await fetch(healthUrl('/health/ready'));
    expect(ready.status).toBe(200);
    const up = {
      database: { status: 'up' },
      redis: { status: 'up' },
      queues: { status: 'up', [QueueName.NOTIFICATIONS]: 'consuming', [QueueName.RESPONSE_CLOCK]: 'consuming', [QueueName.WEBHOOKS]: 'consuming' },
    };
    expect(await ready.json()).toEqual({ status: 'ok', info: up, error: {}, details: up });

    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/health'],
      ['GET', '/health/extra'],
      ['GET', '/health/ready?x=1'],
      ['POST', '/health/ready'],
    ]) {
      const response = await fetch(healthUrl(path), { method });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
      await response.arrayBuffer();
    }
  });

  it('has a handler for every job of the catalogue in the processors it was built with', () => {
    expect(() => assertEveryJobHandled([running().app.get(NotificationProcessor), running().app.get(ResponseClockProcessor), running().app.get(WebhookProcessor)])).not.toThrow();
  });

  it('refuses to start, naming the job, when one has no handler — before it consumes or listens', async () => {
    const context = running().app;
    const config: AppConfig = { ...context.get<AppConfig>(APP_CONFIG), workerPort: await unusedPort() };
    const runtime = new WorkerRuntime(
      config,
      context.get(NotificationProcessor),
      new ClockProcessorWithoutExpiry(context.get(ResponseClock)),
      context.get(WebhookProcessor),
      context.get(OutboxRelay),
      context.get(WebhookRelay),
      context.get(ResponseClock),
      context.get(JobQueues),
      context.get(ProviderStatsStore),
      context.get(OutcomeReminders),
      context.get(AccountHousekeeping),
      context.get(WorkerHealth),
      context.get(Metrics),
      context.get(WorkerGauges),
    );

    await expect(runtime.start()).rejects.toThrow(`Refusing to start: no handler for job(s) ${JobName.EXPIRE_REFERRAL}`);
    // Nothing was started: no health endpoint on the port it would have used.
    await expect(fetch(`http://127.0.0.1:${config.workerPort}/health/live`)).rejects.toThrow();
  });

  it('stops answering /health/live once stopped', async () => {
    const url = healthUrl('/health/live');
    await running().stop();
    worker = undefined;
    await expect(fetch(url)).rejects.toThrow();
  }, 30_000);
});
