import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UserRole } from '@referloop/common';
import { APP_CONFIG, AppConfig } from '@referloop/core';
import { NotificationTemplate, RecipientKind } from '@referloop/notifications';
import { AttemptResult } from './post-webhook';

/** A delivery as its attempt needs it: the event's bytes and the endpoint's address and secrets. */
export interface DeliveryForAttempt {
  id: string;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  attempts: number;
  eventId: string;
  body: string;
  endpointId: string;
  url: string;
  endpointDisabled: boolean;
  secretCiphertext: string;
  /** The secret before the last rotation, while it is still valid. */
  previousSecretCiphertext: string | null;
}

/** Why an endpoint was turned off by the service (rather than by an admin). */
export enum EndpointDisabledReason {
  BY_ADMIN = 'BY_ADMIN',
  /** It answered 410 Gone. */
  GONE = 'GONE',
  /** Every attempt failed for WEBHOOK_DISABLE_AFTER_HOURS. */
  FAILING = 'FAILING',
}

/** How a failed attempt left the endpoint. */
export interface AfterFailure {
  /** The endpoint was disabled by this failure (gone, or failing for too long). */
  disabled: EndpointDisabledReason | null;
  /** Emails to the clinic's admins written with it (disabled for failing), to be queued. */
  noticeIds: string[];
}

/** A delivery whose next attempt is due, for the relay. */
export interface DueDelivery {
  id: string;
  nextAttempt: number;
}

/** webhook_deliveries and webhook_attempts, as the worker writes them. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forAttempt(id: string): Promise<DeliveryForAttempt | null> {
    const rows: {
      id: string;
      status: DeliveryForAttempt['status'];
      attempts: number;
      event_id: string;
      body: string;
      endpoint_id: string;
      url: string;
      disabled: boolean;
      secret_ciphertext: string;
      previous_secret_ciphertext: string | null;
    }[] = await this.db.query(
      `SELECT d.id, d.status, d.attempts, d.event_id, e.body, d.endpoint_id, w.url, w.disabled_at IS NOT NULL AS disabled, w.secret_ciphertext,
              CASE WHEN w.previous_secret_expires_at > now() THEN w.previous_secret_ciphertext END AS previous_secret_ciphertext
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id JOIN webhook_endpoints w ON w.id = d.endpoint_id
        WHERE d.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      status: row.status,
      attempts: row.attempts,
      eventId: row.event_id,
      body: row.body,
      endpointId: row.endpoint_id,
      url: row.url,
      endpointDisabled: row.disabled,
      secretCiphertext: row.secret_ciphertext,
      previousSecretCiphertext: row.previous_secret_ciphertext,
    };
  }

  /**
   * Records attempt `attempt` as a success, unless another run recorded it first (a job run twice
   * after a crash): the delivery is done, and the endpoint no longer failing.
   */
  async recordSuccess(delivery: DeliveryForAttempt, attempt: number, result: AttemptResult): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [, updated] = await manager.query<[unknown[], number]>(
        `UPDATE webhook_deliveries SET status = 'SUCCEEDED', attempts = $2, last_attempt_at = now(), last_status_code = $3, last_error = NULL, succeeded_at = now()
          WHERE id = $1 AND status = 'PENDING' AND attempts = $2 - 1`,
        [delivery.id, attempt, result.statusCode],
      );
      if (updated === 0) return;
      await this.insertAttempt(manager, delivery, attempt, result, true);
      await manager.query('UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL', [delivery.endpointId]);
    });
  }

  /**
   * Records a failed attempt: due again at `nextAt`, or FAILED when null. The endpoint is failing
   * since its first failure after a success; answering 410 Gone, or failing for
   * WEBHOOK_DISABLE_AFTER_HOURS, disables it. What this failure did to the endpoint.
   */
  async recordFailure(delivery: DeliveryForAttempt, attempt: number, result: AttemptResult, nextAt: Date | null, gone: boolean): Promise<AfterFailure> {
    return this.db.transaction(async (manager) => {
      const [, updated] = await manager.query<[unknown[], number]>(
        `UPDATE webhook_deliveries SET status = $3, attempts = $2, next_attempt_at = COALESCE($4, next_attempt_at), last_attempt_at = now(), last_status_code = $5, last_error = $6
          WHERE id = $1 AND status = 'PENDING' AND attempts = $2 - 1`,
        [delivery.id, attempt, nextAt ? 'PENDING' : 'FAILED', nextAt, result.statusCode, result.error?.slice(0, 500) ?? null],
      );
      if (updated === 0) return { disabled: null, noticeIds: [] };
      await this.insertAttempt(manager, delivery, attempt, result, false);
      const [rows] = await manager.query<[{ disabled_reason: EndpointDisabledReason | null; newly: boolean }[], number]>(
        `UPDATE webhook_endpoints w
            SET failing_since = COALESCE(w.failing_since, now()),
                disabled_at = CASE WHEN w.disabled_at IS NULL AND ($2 OR COALESCE(w.failing_since, now()) <= now() - make_interval(hours => $3)) THEN now() ELSE w.disabled_at END,
                disabled_reason = CASE WHEN w.disabled_at IS NOT NULL THEN w.disabled_reason WHEN $2 THEN $4 WHEN COALESCE(w.failing_since, now()) <= now() - make_interval(hours => $3) THEN $5 END
          WHERE w.id = $1
          RETURNING w.disabled_reason, (w.disabled_at = now()) AS newly`,
        [delivery.endpointId, gone, this.config.webhooks.disableAfterHours, EndpointDisabledReason.GONE, EndpointDisabledReason.FAILING],
      );
      const disabled = rows[0]?.newly ? rows[0].disabled_reason : null;
      // Nothing more goes to a disabled endpoint: this delivery ends here, saying why, for recoverWebhookEndpoint.
      if (disabled && nextAt) await manager.query(`UPDATE webhook_deliveries SET status = 'FAILED' WHERE id = $1`, [delivery.id]);
      // Failing for days: the clinic's admins are told, by email through the outbox, in this transaction.
      const notices: { id: string }[] =
        disabled === EndpointDisabledReason.FAILING
          ? await manager.query(
              `INSERT INTO notifications (id, webhook_endpoint_id, recipient_kind, recipient_email, template)
               SELECT gen_random_uuid(), w.id, $2, u.email, $3 FROM webhook_endpoints w
                 JOIN users u ON u.clinic_id = w.clinic_id AND u.role = $4 AND u.disabled_at IS NULL AND u.password_hash IS NOT NULL
                WHERE w.id = $1
               RETURNING id`,
              [delivery.endpointId, RecipientKind.CLINIC_ADMIN, NotificationTemplate.WEBHOOK_ENDPOINT_DISABLED, UserRole.CLINIC_ADMIN],
            )
          : [];
      return { disabled, noticeIds: notices.map((notice) => notice.id) };
    });
  }

  /** A delivery to an endpoint disabled meanwhile is not attempted: it fails, for `recoverWebhookEndpoint` to bring back. */
  async failUnattempted(id: string, why: string): Promise<void> {
    await this.db.query(`UPDATE webhook_deliveries SET status = 'FAILED', last_error = $2 WHERE id = $1 AND status = 'PENDING'`, [id, why]);
  }

  /**
   * PENDING deliveries whose attempt has been due for `overdueMs` (the gateway died before
   * queueing it, Redis lost it), oldest first after the keyset `after`.
   */
  async overdue(overdueMs: number, limit: number, after: { nextAttemptAt: Date; id: string } | null): Promise<(DueDelivery & { nextAttemptAt: Date })[]> {
    const rows: { id: string; attempts: number; next_attempt_at: Date }[] = await this.db.query(
      `SELECT id, attempts, next_attempt_at FROM webhook_deliveries
        WHERE status = 'PENDING' AND next_attempt_at <= now() - make_interval(secs => $1::double precision / 1000)
          ${after ? 'AND (next_attempt_at, id) > ($3, $4)' : ''}
        ORDER BY next_attempt_at, id LIMIT $2`,
      after ? [overdueMs, limit, after.nextAttemptAt, after.id] : [overdueMs, limit],
    );
    return rows.map((row) => ({ id: row.id, nextAttempt: row.attempts + 1, nextAttemptAt: row.next_attempt_at }));
  }

  private async insertAttempt(manager: EntityManager, delivery: DeliveryForAttempt, attempt: number, result: AttemptResult, ok: boolean): Promise<void> {
    await manager.query(
      `INSERT INTO webhook_attempts (delivery_id, endpoint_id, attempt, status_code, duration_ms, succeeded, error) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [delivery.id, delivery.endpointId, attempt, result.statusCode, result.durationMs, ok, result.error?.slice(0, 500) ?? null],
    );
  }
}
