import { AppConfig, loadConfig } from '@referloop/core';
import { RunningWorker, startWorker } from '../../apps/worker/src/bootstrap';

/**
 * The real worker, in the test process, on the gateway's database and queues. `env` overrides
 * worker settings (SMTP_URL, short relay/sweep intervals, response windows in seconds, ...).
 */
export async function startTestWorker(gatewayConfig: AppConfig, env: Record<string, string> = {}): Promise<RunningWorker> {
  const settings = loadConfig({
    RESPONSE_WINDOW_ROUTINE_HOURS: String(gatewayConfig.responseWindowHours.ROUTINE),
    RESPONSE_WINDOW_URGENT_HOURS: String(gatewayConfig.responseWindowHours.URGENT),
    OUTBOX_RELAY_AFTER_MS: '1000',
    OUTBOX_RELAY_INTERVAL_MS: '300',
    NOTIFICATION_BACKOFF_MS: '100',
    WORKER_PORT: '0',
    ...env,
  });
  const config: AppConfig = {
    ...gatewayConfig,
    workerPort: settings.workerPort,
    host: '127.0.0.1',
    databasePoolSize: 4,
    logLevel: 'error',
    mail: env.SMTP_URL || env.MAIL_DIR ? settings.mail : gatewayConfig.mail,
    responseWindowHours: settings.responseWindowHours,
    worker: settings.worker,
  };
  return startWorker(config);
}
