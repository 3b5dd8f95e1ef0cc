import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { JobName, jobRequest, JobRequest } from '@referloop/jobs';

/** What happened, as the receiver is told it: thin and PHI-free, the rest is read through the API. */
export interface WebhookEvent {
  type: string;
  /** The referral it is about, if any: kept beside the body for the endpoint's lists. */
  referralId: string | null;
  /** Standard Webhooks' `data`. */
  data: Record<string, string | number | null>;
  at: Date;
}

/**
 * Writes a webhook event, and one delivery per listening endpoint, in the caller's transaction:
 * the change and its webhooks commit together, like its emails. Endpoints listen when they
 * belong to one of `clinicIds` (the clinics allowed to see what the event is about), are
 * enabled and subscribe to the event's type. With none listening nothing is written. The body
 * is fixed now, so every attempt sends, and signs, the same bytes. Returns the deliveries' ids,
 * to be queued once committed.
 */
@Injectable()
export class WebhookOutbox {
  async record(manager: EntityManager, clinicIds: readonly string[], event: WebhookEvent): Promise<string[]> {
    if (clinicIds.length === 0) return [];
    const eventId = randomUUID();
    const body = JSON.stringify({ type: event.type, timestamp: event.at.toISOString(), data: event.data });
    const rows: { id: string }[] = await manager.query(
      `WITH listening AS (
         SELECT id FROM webhook_endpoints WHERE clinic_id = ANY($1::uuid[]) AND disabled_at IS NULL AND $3 = ANY(events)
       ), written AS (
         INSERT INTO webhook_events (id, type, referral_id, body, created_at)
         SELECT $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM listening) RETURNING id
       )
       INSERT INTO webhook_deliveries (id, event_id, endpoint_id, next_attempt_at)
       SELECT gen_random_uuid(), written.id, listening.id, $6 FROM written CROSS JOIN listening
       RETURNING id`,
      [clinicIds, eventId, event.type, event.referralId, body, event.at],
    );
    return rows.map((row) => row.id);
  }
}

/** The first attempt of each delivery just committed. */
export const webhookJobs = (deliveryIds: readonly string[]): JobRequest[] =>
  deliveryIds.map((deliveryId) => jobRequest(JobName.DELIVER_WEBHOOK, { deliveryId, attempt: 1 }));
