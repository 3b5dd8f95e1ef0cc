import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { KeysetCursor } from '@referloop/common';
import { lazyCount } from '@referloop/core';
import { EndpointDisabledReason } from '../delivery/webhook-delivery.repository';
import { WebhookAttempt, WebhookEndpoint } from './webhook-endpoint.model';
import { eventTypeOf } from './webhook-event-type';

interface EndpointRow {
  id: string;
  clinic_id: string;
  url: string;
  description: string;
  events: string[];
  disabled_at: Date | null;
  disabled_reason: EndpointDisabledReason | null;
  failing_since: Date | null;
  previous_secret_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const toEndpoint = (row: EndpointRow): WebhookEndpoint => ({
  id: row.id,
  clinicId: row.clinic_id,
  url: row.url,
  description: row.description,
  events: row.events.map(eventTypeOf),
  enabled: row.disabled_at === null,
  disabledReason: row.disabled_reason,
  disabledAt: row.disabled_at,
  failingSince: row.failing_since,
  previousSecretValidUntil: row.previous_secret_expires_at !== null && row.previous_secret_expires_at > new Date() ? row.previous_secret_expires_at : null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const COLUMNS = 'id, clinic_id, url, description, events, disabled_at, disabled_reason, failing_since, previous_secret_expires_at, created_at, updated_at';

/**
 * The scope of every statement: the clinic whose endpoints the caller manages, or null for a
 * platform admin (every clinic). In SQL, so another clinic's endpoint is never found.
 */
const IN_SCOPE = '($1::uuid IS NULL OR clinic_id = $1)';

export interface NewEndpoint {
  clinicId: string;
  url: string;
  description: string;
  /** Wire names. */
  events: string[];
  secretCiphertext: string;
  createdBy: string;
}

export interface EndpointChanges {
  url?: string;
  description?: string;
  events?: string[];
}

/** The API's side of webhook_endpoints, webhook_attempts and webhook_deliveries. TypeORM answers an UPDATE with [rows, affectedCount]. */
@Injectable()
export class WebhookEndpointRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(endpoint: NewEndpoint): Promise<WebhookEndpoint> {
    const rows: EndpointRow[] = await this.db.query(
      `INSERT INTO webhook_endpoints (id, clinic_id, url, description, events, secret_ciphertext, created_by_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [randomUUID(), endpoint.clinicId, endpoint.url, endpoint.description, endpoint.events, endpoint.secretCiphertext, endpoint.createdBy],
    );
    return toEndpoint(rows[0]);
  }

  async find(scope: string | null, id: string): Promise<WebhookEndpoint | null> {
    const rows: EndpointRow[] = await this.db.query(`SELECT ${COLUMNS} FROM webhook_endpoints WHERE ${IN_SCOPE} AND id = $2`, [scope, id]);
    return rows[0] ? toEndpoint(rows[0]) : null;
  }

  /** Endpoints newest first after the keyset `after`, of the scope, narrowed to one clinic if asked. */
  async page(scope: string | null, clinicId: string | null, limit: number, after: KeysetCursor | null): Promise<WebhookEndpoint[]> {
    const rows: EndpointRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM webhook_endpoints WHERE ${IN_SCOPE} AND ($2::uuid IS NULL OR clinic_id = $2)
        ${after ? 'AND (created_at, id) < ($4, $5)' : ''} ORDER BY created_at DESC, id DESC LIMIT $3`,
      after ? [scope, clinicId, limit, after.createdAt, after.id] : [scope, clinicId, limit],
    );
    return rows.map(toEndpoint);
  }

  count(scope: string | null, clinicId: string | null): () => Promise<number> {
    return lazyCount(this.db, `SELECT count(*)::int AS total FROM webhook_endpoints WHERE ${IN_SCOPE} AND ($2::uuid IS NULL OR clinic_id = $2)`, [scope, clinicId]);
  }

  async update(scope: string | null, id: string, changes: EndpointChanges): Promise<WebhookEndpoint | null> {
    const [rows] = await this.db.query<[EndpointRow[], number]>(
      `UPDATE webhook_endpoints SET url = COALESCE($3, url), description = COALESCE($4, description), events = COALESCE($5, events), updated_at = now()
        WHERE ${IN_SCOPE} AND id = $2 RETURNING ${COLUMNS}`,
      [scope, id, changes.url ?? null, changes.description ?? null, changes.events ?? null],
    );
    return rows[0] ? toEndpoint(rows[0]) : null;
  }

  /** Disables it as an admin asked, or enables it again (clearing why it was off and how long it was failing). */
  async setEnabled(scope: string | null, id: string, enabled: boolean): Promise<WebhookEndpoint | null> {
    const [rows] = await this.db.query<[EndpointRow[], number]>(
      enabled
        ? `UPDATE webhook_endpoints SET disabled_at = NULL, disabled_reason = NULL, failing_since = NULL, updated_at = now() WHERE ${IN_SCOPE} AND id = $2 RETURNING ${COLUMNS}`
        : `UPDATE webhook_endpoints SET disabled_at = COALESCE(disabled_at, now()), disabled_reason = COALESCE(disabled_reason, $3), updated_at = now()
            WHERE ${IN_SCOPE} AND id = $2 RETURNING ${COLUMNS}`,
      enabled ? [scope, id] : [scope, id, EndpointDisabledReason.BY_ADMIN],
    );
    return rows[0] ? toEndpoint(rows[0]) : null;
  }

  /** Deletes it with its deliveries and attempts; whether there was one. */
  async delete(scope: string | null, id: string): Promise<boolean> {
    const [, deleted] = await this.db.query<[unknown[], number]>(`DELETE FROM webhook_endpoints WHERE ${IN_SCOPE} AND id = $2`, [scope, id]);
    return deleted > 0;
  }

  /** A new secret; the current one keeps signing too until `previousValidHours` from now. */
  async rotate(scope: string | null, id: string, secretCiphertext: string, previousValidHours: number): Promise<WebhookEndpoint | null> {
    const [rows] = await this.db.query<[EndpointRow[], number]>(
      `UPDATE webhook_endpoints SET previous_secret_ciphertext = secret_ciphertext, previous_secret_expires_at = now() + make_interval(hours => $4),
              secret_ciphertext = $3, updated_at = now()
        WHERE ${IN_SCOPE} AND id = $2 RETURNING ${COLUMNS}`,
      [scope, id, secretCiphertext, previousValidHours],
    );
    return rows[0] ? toEndpoint(rows[0]) : null;
  }

  /** The endpoint's attempts, newest first after the keyset `after`. */
  async attempts(endpointId: string, limit: number, after: KeysetCursor | null): Promise<(WebhookAttempt & { createdAt: Date })[]> {
    const rows: { id: string; event_id: string; type: string; attempt: number; at: Date; status_code: number | null; duration_ms: number; succeeded: boolean; error: string | null }[] =
      await this.db.query(
        `SELECT a.id, d.event_id, e.type, a.attempt, a.at, a.status_code, a.duration_ms, a.succeeded, a.error
           FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id JOIN webhook_events e ON e.id = d.event_id
          WHERE a.endpoint_id = $1 ${after ? 'AND (a.at, a.id) < ($3, $4)' : ''} ORDER BY a.at DESC, a.id DESC LIMIT $2`,
        after ? [endpointId, limit, after.createdAt, after.id] : [endpointId, limit],
      );
    return rows.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      eventType: eventTypeOf(row.type),
      attempt: row.attempt,
      at: row.at,
      createdAt: row.at,
      statusCode: row.status_code,
      durationMs: row.duration_ms,
      succeeded: row.succeeded,
      error: row.error,
    }));
  }

  countAttempts(endpointId: string): () => Promise<number> {
    return lazyCount(this.db, 'SELECT count(*)::int AS total FROM webhook_attempts WHERE endpoint_id = $1', [endpointId]);
  }

  /**
   * Makes finished deliveries to the endpoint due again from their first attempt: `eventIds`
   * (resending one event, delivered or not), or every FAILED one of events since `since`. A
   * delivery still under way is left to finish. The ids made due.
   */
  async redeliver(endpointId: string, which: { eventId: string } | { failedSince: Date }): Promise<string[]> {
    const condition = 'eventId' in which ? `d.event_id = $2 AND d.status <> 'PENDING'` : `d.status = 'FAILED' AND d.created_at >= $2`;
    const [rows] = await this.db.query<[{ id: string }[], number]>(
      `UPDATE webhook_deliveries d SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL
        WHERE d.endpoint_id = $1 AND ${condition} RETURNING d.id`,
      [endpointId, 'eventId' in which ? which.eventId : which.failedSince],
    );
    return rows.map((row) => row.id);
  }

  /** Whether the endpoint was ever sent the event (a delivery exists, in any state). */
  async hasDelivery(endpointId: string, eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM webhook_deliveries WHERE endpoint_id = $1 AND event_id = $2', [endpointId, eventId]);
    return rows.length > 0;
  }
}
