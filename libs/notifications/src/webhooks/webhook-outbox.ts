import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlParams } from '@referloop/core';
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
 * One event as SQL over the row `r` of a statement's source (the change it is about), so that
 * the change and its events are one statement: the clinics whose endpoints hear of it (a uuid[]),
 * the referral it is about and the body, fixed now so every attempt sends, and signs, the same
 * bytes. `type` and `at` are values.
 */
export interface WebhookEventSql {
  type: string;
  clinicIds: string;
  referralId: string;
  body: string;
  at: Date;
}

/** Data-modifying CTEs to splice into a statement, and the SQL of the deliveries' ids they write (a uuid[]). */
export interface WebhookCtes {
  ctes: string;
  deliveryIds: string;
}

/**
 * Writes each event, and one delivery per listening endpoint, for the one row of `source` (a
 * source of several rows would send each row's event to every row's endpoints), or nothing
 * when it has none, as when an insert hit its idempotency key. Endpoints listen
 * when they belong to one of the event's clinics (those allowed to see what it is about), are
 * enabled and subscribe to its type; with none listening nothing is written, so a change costs
 * one index probe per event while nobody listens. `name` keeps two such groups of one statement apart.
 */
export function webhookCtes(source: string, events: readonly WebhookEventSql[], param: (value: unknown) => string, name = 'webhook'): WebhookCtes {
  if (events.length === 0) return { ctes: '', deliveryIds: `'{}'::uuid[]` };
  const ctes = events.map((event, n) => {
    const [type, at] = [param(event.type), param(event.at)];
    const [listening, written, deliveries] = [`${name}_listening_${n}`, `${name}_event_${n}`, `${name}_deliveries_${n}`];
    return `${listening} AS (
         SELECT endpoint.id FROM ${source} r
           JOIN webhook_endpoints endpoint ON endpoint.clinic_id = ANY(${event.clinicIds})
          WHERE endpoint.disabled_at IS NULL AND ${type} = ANY(endpoint.events)),
       ${written} AS (
         INSERT INTO webhook_events (id, type, referral_id, body, created_at)
         SELECT gen_random_uuid(), ${type}, ${event.referralId}, ${event.body}, ${at} FROM ${source} r
          WHERE EXISTS (SELECT 1 FROM ${listening}) RETURNING id),
       ${deliveries} AS (
         INSERT INTO webhook_deliveries (id, event_id, endpoint_id, next_attempt_at)
         SELECT gen_random_uuid(), ${written}.id, ${listening}.id, ${at} FROM ${written} CROSS JOIN ${listening} RETURNING id)`;
  });
  const ids = events.map((_, n) => `SELECT ${n} AS n, id FROM ${name}_deliveries_${n}`).join(' UNION ALL ');
  return { ctes: ctes.join(',\n       '), deliveryIds: `(SELECT COALESCE(array_agg(id ORDER BY n), '{}') FROM (${ids}) AS delivered)` };
}

/**
 * Writes a webhook event about no change of the caller's statement (an email that failed for
 * good), in the caller's transaction: it commits with what caused it.
 */
@Injectable()
export class WebhookOutbox {
  /** The deliveries written, to be queued once committed. */
  async record(manager: EntityManager, clinicIds: readonly string[], event: WebhookEvent): Promise<string[]> {
    if (clinicIds.length === 0) return [];
    const { values, param } = sqlParams();
    const body = JSON.stringify({ type: event.type, timestamp: event.at.toISOString(), data: event.data });
    const { ctes, deliveryIds } = webhookCtes(
      '(SELECT 1)',
      [{ type: event.type, clinicIds: `${param(clinicIds)}::uuid[]`, referralId: `${param(event.referralId)}::uuid`, body: param(body), at: event.at }],
      param,
    );
    const [row]: { ids: string[] }[] = await manager.query(`WITH ${ctes} SELECT ${deliveryIds} AS ids`, values);
    return row.ids;
  }
}

/** The first attempt of each delivery just committed. */
export const webhookJobs = (deliveryIds: readonly string[]): JobRequest[] =>
  deliveryIds.map((deliveryId) => jobRequest(JobName.DELIVER_WEBHOOK, { deliveryId, attempt: 1 }));
