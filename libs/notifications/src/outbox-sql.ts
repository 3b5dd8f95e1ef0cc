import { NotificationSkipReason, NotificationStatus, RecipientKind } from './notification.enums';

/** One email a transition asks for. */
export interface OutboxItem {
  recipient: RecipientKind;
  template: string;
}

/** Placeholders (`$n`) of an outbox insert's parameters. */
export interface OutboxParams {
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
export function outboxInsertSql(source: string, params: OutboxParams): string {
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

export const outboxValues = (items: readonly OutboxItem[]) => ({
  recipients: items.map((item) => item.recipient),
  templates: items.map((item) => item.template),
});
