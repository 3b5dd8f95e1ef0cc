import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lazyCount } from '@referloop/core';
import { clinicsThatSeeSql } from '@referloop/lifecycle';
import { AccountLinkKind } from './links/account-link-kind';
import { NotificationSkipReason, NotificationStatus } from './notification.enums';
import type { TableRow } from '@referloop/database';
import { NOTIFICATION_FAILED } from './webhooks/webhook-event-type';
import { WebhookOutbox } from './webhooks/webhook-outbox';

export type NotificationRow = TableRow<'notifications'>;

export interface SentRecord {
  id: string;
  /** The address it went to, recorded in place of the one chosen at commit. */
  address: string;
  messageId: string;
  smtpResponse: string;
}

export interface PendingKey {
  id: string;
  createdAt: Date;
}

/** A FAILED notification, with its referral's clinics for the audit trail (null for an account email). */
export interface FailedRow extends NotificationRow {
  referring_clinic_id: string | null;
  to_clinic_id: string | null;
}

/** A notification about a referral, with everything its email may show, read in one query when it is sent. */
export interface DeliveryRow extends NotificationRow {
  referral_id: string;
  /**
   * The recipient's address now. It is what a send uses: a retry after the clinic corrected a
   * mistyped address must not go to the old one.
   */
  current_email: string | null;
  reference: string;
  modality: string;
  priority: string;
  referral_status: string;
  /** The referrer has acknowledged the outcome. */
  loop_closed: boolean;
  due_at: Date | null;
  appointment_at: Date | null;
  patient_id: string;
  patient_email_consent: boolean;
  /** Null (with `receiving`) for an open referral nobody has claimed. */
  provider_display_name: string | null;
  provider_email: string | null;
  referring: ClinicColumns;
  receiving: ClinicColumns | null;
}

/** An email about an account (invitation, password reset), with what it shows, read when it is sent. */
export interface AccountDeliveryRow extends NotificationRow {
  account_link_id: string;
  /** The account holder's address now, as for referral emails. */
  current_email: string;
  link_kind: string;
  link_expires_at: Date;
  /** Not used, withdrawn, replaced or expired, nor the account changed under it: an email for a dead link is not sent. */
  link_open: boolean;
  display_name: string;
  role: string;
  clinic_name: string | null;
  clinic_time_zone: string | null;
  invited_by: string | null;
}

/** An email to a clinic's admins about one of its webhook endpoints, with what it shows. */
export interface EndpointNoticeRow extends NotificationRow {
  webhook_endpoint_id: string;
  /** Written with the row: the admin's address when the endpoint was turned off. */
  current_email: string;
  display_name: string | null;
  url: string;
  description: string;
  failing_since: Date | null;
  /** Re-enabled since: the notice would only mislead. */
  endpoint_enabled: boolean;
  clinic_name: string;
  clinic_time_zone: string;
}

export type AnyDeliveryRow = DeliveryRow | AccountDeliveryRow | EndpointNoticeRow;

export const isAccountDelivery = (row: AnyDeliveryRow): row is AccountDeliveryRow => row.account_link_id !== null;
export const isEndpointNotice = (row: AnyDeliveryRow): row is EndpointNoticeRow => (row as EndpointNoticeRow).webhook_endpoint_id != null;

interface ClinicColumns {
  name: string;
  email: string;
  phone: string | null;
  time_zone: string;
  address_line1: string;
  address_city: string;
}

const clinicJson = (alias: string) =>
  `json_build_object('name', ${alias}.name, 'email', ${alias}.email, 'phone', ${alias}.phone, 'time_zone', ${alias}.time_zone,
     'address_line1', ${alias}.address_line1, 'address_city', ${alias}.address_city)`;

/** Error text kept on a row: enough to diagnose, bounded so a chatty server cannot bloat it. */
const boundedError = (message: string) => message.slice(0, 1000);

@Injectable()
export class NotificationRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /**
   * The rows for `ids`, in the same order (null where there is none). Referral emails are nearly
   * all of them: account emails are looked for only among the ids the first query did not find.
   */
  async findForDelivery(ids: readonly string[]): Promise<(AnyDeliveryRow | null)[]> {
    const rows: DeliveryRow[] = await this.db.query(
      `SELECT n.*, r.reference, r.modality, r.priority, r.status AS referral_status, r.loop_closed_at IS NOT NULL AS loop_closed, r.due_at, r.appointment_at,
              CASE n.recipient_kind WHEN 'PATIENT' THEN pa.email WHEN 'PROVIDER' THEN pr.email ELSE sender.email END AS current_email,
              pa.id AS patient_id, pa.email_consent AS patient_email_consent,
              pr.display_name AS provider_display_name, pr.email AS provider_email,
              ${clinicJson('rc')} AS referring, CASE WHEN tc.id IS NULL THEN NULL ELSE ${clinicJson('tc')} END AS receiving
         FROM notifications n
         JOIN referrals r ON r.id = n.referral_id
         JOIN patients pa ON pa.id = r.patient_id
         JOIN clinics rc ON rc.id = r.referring_clinic_id
         -- Both absent while an open referral is unclaimed.
         LEFT JOIN providers pr ON pr.id = r.to_provider_id
         LEFT JOIN clinics tc ON tc.id = r.to_clinic_id
         JOIN users sender ON sender.id = COALESCE(r.sent_by_user_id, r.referring_user_id)
        WHERE n.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map<string, AnyDeliveryRow>(rows.map((row) => [row.id, row]));
    const rest = ids.filter((id) => !byId.has(id));
    if (rest.length > 0) for (const row of await this.accountEmailsForDelivery(rest)) byId.set(row.id, row);
    const notices = ids.filter((id) => !byId.has(id));
    if (notices.length > 0) for (const row of await this.endpointNoticesForDelivery(notices)) byId.set(row.id, row);
    return ids.map((id) => byId.get(id) ?? null);
  }

  private endpointNoticesForDelivery(ids: readonly string[]): Promise<EndpointNoticeRow[]> {
    return this.db.query(
      `SELECT n.*, n.recipient_email AS current_email, u.display_name, w.url, w.description, w.failing_since, w.disabled_at IS NULL AS endpoint_enabled,
              c.name AS clinic_name, c.time_zone AS clinic_time_zone
         FROM notifications n
         JOIN webhook_endpoints w ON w.id = n.webhook_endpoint_id
         JOIN clinics c ON c.id = w.clinic_id
         LEFT JOIN users u ON u.email = n.recipient_email
        WHERE n.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  private accountEmailsForDelivery(ids: readonly string[]): Promise<AccountDeliveryRow[]> {
    return this.db.query(
      `SELECT n.*, u.email AS current_email, l.kind AS link_kind, l.expires_at AS link_expires_at,
              -- An invitation is for an account without a password, a reset for one with; neither for a disabled one.
              (l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now() AND u.disabled_at IS NULL
                AND (l.kind = '${AccountLinkKind.PASSWORD_RESET}') = (u.password_hash IS NOT NULL)) AS link_open,
              u.display_name, u.role, c.name AS clinic_name, c.time_zone AS clinic_time_zone, inviter.display_name AS invited_by
         FROM notifications n
         JOIN account_links l ON l.id = n.account_link_id
         JOIN users u ON u.id = l.user_id
         LEFT JOIN clinics c ON c.id = u.clinic_id
         LEFT JOIN users inviter ON inviter.id = l.created_by_user_id
        WHERE n.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** Only a PENDING row becomes SENT: a duplicate delivery never rewrites the first record. */
  async markSent(sent: readonly SentRecord[]): Promise<void> {
    await this.db.query(
      `UPDATE notifications n SET status = $4, message_id = v.message_id, smtp_response = v.smtp_response, sent_at = now(),
              updated_at = now(), attempts = n.attempts + 1, last_error = NULL, recipient_email = v.address
         FROM unnest($1::uuid[], $2::text[], $3::text[], $6::text[]) AS v (id, message_id, smtp_response, address)
        WHERE n.id = v.id AND n.status = $5`,
      [
        sent.map((record) => record.id),
        sent.map((record) => record.messageId),
        sent.map((record) => boundedError(record.smtpResponse)),
        NotificationStatus.SENT,
        NotificationStatus.PENDING,
        sent.map((record) => record.address),
      ],
    );
  }

  /** Records a failed attempt; the last one leaves the row FAILED, visible to admins. */
  /**
   * Counts a failed attempt; the last one leaves the row FAILED and, for a referral's email,
   * writes a `notification.failed` webhook event in the same transaction (the worker's relay
   * queues its deliveries).
   */
  async markAttemptFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [failed] = await manager.query<[{ referral_id: string | null; template: string; recipient_kind: string }[], number]>(
        `UPDATE notifications SET attempts = attempts + 1, last_error = $2, updated_at = now(),
                status = CASE WHEN $3 THEN $4 ELSE status END
          WHERE id = $1 AND status = $5
          RETURNING CASE WHEN $3 THEN referral_id END AS referral_id, template, recipient_kind`,
        [id, boundedError(error), final, NotificationStatus.FAILED, NotificationStatus.PENDING],
      );
      const referralId = failed[0]?.referral_id;
      if (!referralId) return;
      const [referral]: { reference: string; clinics: string[] }[] = await manager.query(
        `SELECT r.reference, ${clinicsThatSeeSql('r')} AS clinics FROM referrals r WHERE r.id = $1`,
        [referralId],
      );
      const data = { notificationId: id, referralId, reference: referral.reference, template: failed[0].template, recipientKind: failed[0].recipient_kind };
      await this.webhooks.record(manager, referral.clinics, { type: NOTIFICATION_FAILED, referralId, data, at: new Date() });
    });
  }

  async markNotSent(id: string, status: NotificationStatus.SUPPRESSED | NotificationStatus.SKIPPED, reason: NotificationSkipReason): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET status = $2, skip_reason = $3, updated_at = now() WHERE id = $1 AND status = $4`,
      [id, status, reason, NotificationStatus.PENDING],
    );
  }

  /** PENDING rows old enough that their job may have been lost, oldest first, after the keyset `after`. */
  async pendingOlderThan(ageMs: number, limit: number, after: PendingKey | null = null): Promise<PendingKey[]> {
    return this.db.query(
      `SELECT id, created_at AS "createdAt" FROM notifications
        WHERE status = $1 AND created_at < now() - make_interval(secs => $2::double precision / 1000)
          ${after ? 'AND (created_at, id) > ($4, $5)' : ''}
        ORDER BY created_at, id LIMIT $3`,
      after ? [NotificationStatus.PENDING, ageMs, limit, after.createdAt, after.id] : [NotificationStatus.PENDING, ageMs, limit],
    );
  }

  async forReferrals(referralIds: readonly string[]): Promise<Map<string, NotificationRow[]>> {
    const rows: NotificationRow[] = await this.db.query(
      `SELECT * FROM notifications WHERE referral_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [referralIds],
    );
    const byReferral = new Map<string, NotificationRow[]>(referralIds.map((id) => [id, []]));
    for (const row of rows) if (row.referral_id !== null) byReferral.get(row.referral_id)?.push(row);
    return byReferral;
  }

  async findById(id: string): Promise<NotificationRow | null> {
    const rows: NotificationRow[] = await this.db.query('SELECT * FROM notifications WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  /** FAILED rows, newest first, after the keyset (created_at, id), with their referral's clinics (if any) for the audit trail. */
  async failed(limit: number, after: { createdAt: Date; id: string } | null): Promise<FailedRow[]> {
    return this.db.query(
      `SELECT n.*, r.referring_clinic_id, r.to_clinic_id FROM notifications n LEFT JOIN referrals r ON r.id = n.referral_id
        WHERE n.status = $1 ${after ? 'AND (n.created_at, n.id) < ($3, $4)' : ''}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      after ? [NotificationStatus.FAILED, limit, after.createdAt, after.id] : [NotificationStatus.FAILED, limit],
    );
  }

  countFailed(): () => Promise<number> {
    return lazyCount(this.db, 'SELECT count(*)::int AS total FROM notifications WHERE status = $1', [NotificationStatus.FAILED]);
  }

  /** FAILED → PENDING for another round of attempts, with its referral's clinics (if any); null if the row is not FAILED. */
  async requeueFailed(id: string): Promise<FailedRow | null> {
    const [rows] = await this.db.query<[FailedRow[], number]>(
      `UPDATE notifications n SET status = $2, updated_at = now()
        WHERE n.id = $1 AND n.status = $3
        RETURNING n.*, (SELECT r.referring_clinic_id FROM referrals r WHERE r.id = n.referral_id),
                       (SELECT r.to_clinic_id FROM referrals r WHERE r.id = n.referral_id)`,
      [id, NotificationStatus.PENDING, NotificationStatus.FAILED],
    );
    return rows[0] ?? null;
  }
}
