import { NotificationSkipReason, NotificationStatus, RecipientKind } from './notification.enums';

/** One email a transition asks for. */
export interface OutboxItem {
  recipient: RecipientKind;
  template: string;
}

/** Placeholders (`$n`) of an outbox insert's parameters. */
interface OutboxParams {
  recipients: string;
  templates: string;
  /** The user who made the move; null for the system. */
  actorId: string;
}

/**
 * The INSERT that writes a transition's notifications, for the referral rows of `source` (the
 * referrals table narrowed to one id, or a CTE that just inserted one). Addresses are chosen
 * here, inside the transition's transaction: the target provider's email, the email of the user
 * who sent the referral, and the patient's — which is SUPPRESSED at once without consent. People
 * are not emailed about what they did themselves. While an open referral is unclaimed there
 * is no provider to email and nothing to tell the patient yet, so only the referrer is
 * written to (its expiry or cancellation). Returns (id, status) of each row.
 */
function outboxInsertSql(source: string, params: OutboxParams): string {
  // created_at to the millisecond, like every keyset column here: a cursor carries milliseconds,
  // and rows of one insert share their instant, so finer digits would make pages skip rows.
  return `INSERT INTO notifications (id, referral_id, recipient_kind, template, recipient_email, status, skip_reason, created_at, updated_at)
    SELECT gen_random_uuid(), r.id, n.kind, n.template, address.email,
           CASE WHEN address.suppress IS NULL THEN '${NotificationStatus.PENDING}' ELSE '${NotificationStatus.SUPPRESSED}' END,
           address.suppress, date_trunc('milliseconds', now()), date_trunc('milliseconds', now())
      FROM ${source} r
      JOIN patients pa ON pa.id = r.patient_id
      LEFT JOIN providers pr ON pr.id = r.to_provider_id
      JOIN users sender ON sender.id = COALESCE(r.sent_by_user_id, r.referring_user_id)
     CROSS JOIN unnest(${params.recipients}::text[], ${params.templates}::text[]) AS n (kind, template)
     CROSS JOIN LATERAL (
       SELECT CASE n.kind WHEN '${RecipientKind.PATIENT}' THEN pa.email WHEN '${RecipientKind.PROVIDER}' THEN pr.email ELSE sender.email END AS email,
              CASE WHEN n.kind = '${RecipientKind.PATIENT}' AND NOT pa.email_consent THEN '${NotificationSkipReason.NO_EMAIL_CONSENT}'
                   WHEN (CASE n.kind WHEN '${RecipientKind.PATIENT}' THEN pa.email WHEN '${RecipientKind.PROVIDER}' THEN pr.email ELSE sender.email END) IS NULL
                     THEN '${NotificationSkipReason.NO_ADDRESS}'
              END AS suppress
     ) address
     WHERE (pr.id IS NOT NULL OR n.kind = '${RecipientKind.REFERRER}')
       AND NOT (n.kind = '${RecipientKind.PROVIDER}' AND pr.user_id IS NOT DISTINCT FROM ${params.actorId}::uuid)
       AND NOT (n.kind = '${RecipientKind.REFERRER}' AND sender.id IS NOT DISTINCT FROM ${params.actorId}::uuid)
    RETURNING id, status`;
}

/**
 * What writes referrals and needs their emails written in the same statement: data-modifying
 * CTEs (`ctes`, may be empty), the referral rows to write emails for (`source`: a CTE's name or
 * a subquery) and the parameters the CTEs use.
 */
export interface OutboxWrite {
  ctes: string;
  source: string;
  values: unknown[];
  /** The columns of `source` to return beside the outbox's own, if any (`inserted.*`). */
  returning?: string;
}

/** The outbox's own columns of a statement's answer. */
export interface OutboxAnswer {
  pending_notification_ids: string[];
  suppressed_notifications: number;
}

/**
 * One statement: the caller's write, then the emails it asks for, then the ids of those PENDING
 * (to queue once the transaction commits) and how many were SUPPRESSED at once. One round trip,
 * so a new referral with its history and emails needs no transaction of its own. With
 * `returning`, a write that wrote no row answers no row.
 */
export function outboxStatement(write: OutboxWrite, actorId: string | null, items: readonly OutboxItem[]): { sql: string; values: unknown[] } {
  const values = [...write.values, items.map((item) => item.recipient), items.map((item) => item.template), actorId];
  const n = write.values.length;
  const insert = outboxInsertSql(write.source, { recipients: `$${n + 1}`, templates: `$${n + 2}`, actorId: `$${n + 3}` });
  const counts = `(SELECT COALESCE(array_agg(outbox.id) FILTER (WHERE outbox.status = '${NotificationStatus.PENDING}'), '{}') FROM outbox) AS pending_notification_ids,
              (SELECT count(*)::int FROM outbox WHERE outbox.status = '${NotificationStatus.SUPPRESSED}') AS suppressed_notifications`;
  const select = write.returning ? `SELECT ${write.returning}, ${counts} FROM ${write.source}` : `SELECT ${counts}`;
  return { sql: `WITH ${write.ctes ? `${write.ctes},\n` : ''}outbox AS (${insert})\n${select}`, values };
}
