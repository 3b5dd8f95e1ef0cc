import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { JobName, jobRequest, JobQueues } from '@referloop/jobs';
import { sendJobs } from '@referloop/notifications';
import { checkTargetUrl, TargetRefused } from '../target-guard';
import { WebhookSecretBox } from '../webhook-secret-box';
import { signedHeaders } from '../webhook-signature';
import { AttemptResult, postWebhook, succeeded } from './post-webhook';
import { nextAttemptDelay } from './retry-schedule';
import { DeliveryForAttempt, WebhookDeliveryRepository } from './webhook-delivery.repository';

export type AttemptOutcome = 'succeeded' | 'retrying' | 'failed' | 'not-due';

/**
 * Makes one attempt of one delivery. It re-reads the delivery and does nothing unless it is
 * still PENDING with exactly the attempts before this one made, so a job run twice (a crash
 * after the POST, before the record) sends at most once more, with the same `webhook-id`.
 * A receiver's failure is recorded and the next attempt queued at the schedule's time; only a
 * failure to record (the database) throws, and the queue runs the attempt again.
 */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger('WebhookSender');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly box: WebhookSecretBox,
    private readonly jobs: JobQueues,
  ) {}

  async attempt(deliveryId: string, attempt: number): Promise<AttemptOutcome> {
    const delivery = await this.deliveries.forAttempt(deliveryId);
    if (!delivery || delivery.status !== 'PENDING' || delivery.attempts !== attempt - 1) return 'not-due';
    if (delivery.endpointDisabled) {
      await this.deliveries.failUnattempted(delivery.id, 'the endpoint is disabled');
      return 'failed';
    }
    const result = await this.post(delivery);
    if (succeeded(result)) {
      await this.deliveries.recordSuccess(delivery, attempt, result);
      return 'succeeded';
    }
    // 410 Gone: the receiver says the endpoint is no more; nothing more is sent to it.
    const gone = result.statusCode === 410;
    const delay = gone ? null : nextAttemptDelay(this.config.webhooks.retryDelaysMs, attempt, result.retryAfterMs);
    const nextAt = delay === null ? null : new Date(Date.now() + delay);
    const { disabled, noticeIds } = await this.deliveries.recordFailure(delivery, attempt, result, nextAt, gone);
    if (disabled) this.logger.warn(`Webhook endpoint ${delivery.endpointId} disabled (${disabled})`);
    // Best effort: if Redis does not take them now, the relays queue them once they are overdue.
    const retry = nextAt && !disabled ? [jobRequest(JobName.DELIVER_WEBHOOK, { deliveryId: delivery.id, attempt: attempt + 1 }, nextAt)] : [];
    await this.jobs.addBestEffort([...retry, ...sendJobs(noticeIds)]);
    return retry.length > 0 ? 'retrying' : 'failed';
  }

  private async post(delivery: DeliveryForAttempt): Promise<AttemptResult> {
    const { allowPrivateTargets: allowPrivate, timeoutMs } = this.config.webhooks;
    let url: URL;
    try {
      // Checked again: the rules may have tightened since the endpoint was registered.
      url = checkTargetUrl(delivery.url, { production: this.config.production, allowPrivate });
    } catch (error) {
      if (!(error instanceof TargetRefused)) throw error;
      return { statusCode: null, durationMs: 0, error: error.message, retryAfterMs: null };
    }
    const secrets = [await this.box.open(delivery.secretCiphertext)];
    if (delivery.previousSecretCiphertext) secrets.push(await this.box.open(delivery.previousSecretCiphertext));
    return postWebhook(url, signedHeaders(secrets, delivery.eventId, new Date(), delivery.body), delivery.body, { timeoutMs, allowPrivate });
  }
}
