import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, GroupBatcher } from '@referloop/core';
import { Metrics } from '@referloop/metrics';
import { UserRole } from '@referloop/common';
import { AccountLinkKind, accountLinkUrl } from '../links/account-link-kind';
import { AccountLinkTokens } from '../links/account-link-tokens';
import { LinkSigner } from '../links/link-signer';
import { Accepted, Mailer } from '../mail/mailer';
import { AccountTemplate, NotificationSkipReason, NotificationStatus, NotificationTemplate, RecipientKind } from '../notification.enums';
import { AccountDeliveryRow, AnyDeliveryRow, DeliveryRow, EndpointNoticeRow, isAccountDelivery, isEndpointNotice, NotificationRepository, SentRecord } from '../notification.repository';
import { renderEndpointNotice } from '../templates/render-endpoint-notice';
import { renderAccountEmail } from '../templates/render-account-email';
import { EmailView } from '../templates/email-view';
import { renderEmail } from '../templates/render-email';
import { maskAddressesIn } from '../masking';
import { stillDue } from './still-due';

/** Rows per statement when reads and SENT records are grouped (see GroupBatcher). */
const MAX_BATCH = 200;

export type DeliveryOutcome = 'sent' | 'not-due' | NotificationStatus.SUPPRESSED | NotificationStatus.SKIPPED;

const clinic = (columns: DeliveryRow['referring']) => ({
  name: columns.name,
  email: columns.email,
  phone: columns.phone,
  timeZone: columns.time_zone,
  addressLine: columns.address_line1,
  city: columns.address_city,
});

/**
 * Delivers one notification. It re-reads the row and does nothing unless it is still PENDING,
 * so a job that runs twice (relay and gateway both enqueued it, or a retry after a crash)
 * sends at most once more — and the Message-ID it carries is the same every time.
 */
@Injectable()
export class NotificationSender {
  private readonly logger = new Logger('NotificationSender');
  /**
   * The worker runs many deliveries at once; their reads and their SENT records are grouped
   * into one statement each while a previous one is in flight. Each delivery still waits for
   * its own row, so nothing is acknowledged before it is recorded.
   */
  private readonly reads: GroupBatcher<string, AnyDeliveryRow | null>;
  private readonly sentRecords: GroupBatcher<SentRecord, undefined>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationRepository,
    private readonly mailer: Mailer,
    private readonly links: LinkSigner,
    private readonly accountLinks: AccountLinkTokens,
    private readonly metrics: Metrics,
  ) {
    this.reads = new GroupBatcher((ids) => notifications.findForDelivery(ids), MAX_BATCH);
    this.sentRecords = new GroupBatcher(async (records) => {
      await notifications.markSent(records);
      return records.map(() => undefined);
    }, MAX_BATCH);
  }

  /**
   * Throws when sending failed, so the queue retries with backoff; `finalAttempt` makes that
   * failure permanent (FAILED) on the row.
   */
  async deliver(notificationId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
    let accepted: Accepted;
    let address: string;
    try {
      const row = await this.reads.add(notificationId);
      if (!row || row.status !== NotificationStatus.PENDING) return 'not-due';
      const skipped = isEndpointNotice(row) ? await this.skipIfEndpointBack(row) : isAccountDelivery(row) ? await this.skipIfLinkDead(row) : await this.skipIfNotDue(row);
      if (skipped) return skipped;
      address = row.current_email as string;
      accepted = isEndpointNotice(row)
        ? await this.sendEndpointNotice(row, address)
        : isAccountDelivery(row)
          ? await this.sendAccountEmail(row, address)
          : await this.send(row, address);
    } catch (error) {
      // Whatever failed before the server accepted the email — reading, rendering, signing,
      // sending — counts as a failed attempt, so the last one leaves the row FAILED and visible.
      // Rethrown masked: BullMQ keeps the message in Redis (and the dashboard shows it).
      throw await this.recordFailure(notificationId, error, finalAttempt);
    }
    // Outside the try: the server has the email; failing to record that must not count as a
    // failed send (the job retries, re-reads the row and, if it is still PENDING, sends again).
    await this.sentRecords.add({ id: notificationId, address, messageId: accepted.messageId, smtpResponse: accepted.response });
    this.metrics.emails.inc({ outcome: 'sent' });
    return 'sent';
  }

  /** Marks a row that must not be sent (any more); null when it is still due. */
  private async skipIfNotDue(row: DeliveryRow): Promise<DeliveryOutcome | null> {
    if (row.recipient_kind === RecipientKind.PATIENT && !row.patient_email_consent) {
      // Consent was withdrawn (unsubscribed) after the row was written.
      await this.notifications.markNotSent(row.id, NotificationStatus.SUPPRESSED, NotificationSkipReason.NO_EMAIL_CONSENT);
      this.metrics.emails.inc({ outcome: 'suppressed' });
      return NotificationStatus.SUPPRESSED;
    }
    if (!stillDue(row.template, { status: row.referral_status, loopClosed: row.loop_closed }) || !row.current_email) {
      await this.notifications.markNotSent(row.id, NotificationStatus.SKIPPED, row.current_email ? NotificationSkipReason.NO_LONGER_DUE : NotificationSkipReason.NO_ADDRESS);
      this.metrics.emails.inc({ outcome: 'skipped' });
      return NotificationStatus.SKIPPED;
    }
    return null;
  }

  /** An account email whose link was used, withdrawn, replaced or has expired would only mislead. */
  private async skipIfLinkDead(row: AccountDeliveryRow): Promise<DeliveryOutcome | null> {
    if (row.link_open) return null;
    await this.notifications.markNotSent(row.id, NotificationStatus.SKIPPED, NotificationSkipReason.NO_LONGER_DUE);
    this.metrics.emails.inc({ outcome: 'skipped' });
    return NotificationStatus.SKIPPED;
  }

  /** An endpoint enabled again before its notice went out: the notice would only mislead. */
  private async skipIfEndpointBack(row: EndpointNoticeRow): Promise<DeliveryOutcome | null> {
    if (!row.endpoint_enabled) return null;
    await this.notifications.markNotSent(row.id, NotificationStatus.SKIPPED, NotificationSkipReason.NO_LONGER_DUE);
    this.metrics.emails.inc({ outcome: 'skipped' });
    return NotificationStatus.SKIPPED;
  }

  private async sendEndpointNotice(row: EndpointNoticeRow, to: string): Promise<Accepted> {
    const email = renderEndpointNotice({
      displayName: row.display_name,
      clinic: { name: row.clinic_name, timeZone: row.clinic_time_zone },
      url: row.url,
      description: row.description,
      failingSince: row.failing_since ?? row.created_at,
      appUrl: this.config.links.publicUrl,
    });
    return this.mailer.send({ to, ...email, messageId: this.mailer.messageIdFor(row.id), headers: { 'Auto-Submitted': 'auto-generated' } });
  }

  private async sendAccountEmail(row: AccountDeliveryRow, to: string): Promise<Accepted> {
    const kind = row.link_kind as AccountLinkKind;
    const email = renderAccountEmail({
      template: row.template as AccountTemplate,
      displayName: row.display_name,
      role: row.role as UserRole,
      clinic: row.clinic_name === null ? null : { name: row.clinic_name, timeZone: row.clinic_time_zone ?? 'UTC' },
      invitedBy: row.invited_by,
      url: accountLinkUrl(this.config.links.publicUrl, kind, await this.accountLinks.tokenFor(row.account_link_id)),
      expiresAt: row.link_expires_at,
      appUrl: this.config.links.publicUrl,
    });
    return this.mailer.send({ to, ...email, messageId: this.mailer.messageIdFor(row.id), headers: { 'Auto-Submitted': 'auto-generated' } });
  }

  private async send(row: DeliveryRow, to: string): Promise<Accepted> {
    const view = await this.viewOf(row);
    const email = renderEmail(view);
    const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
    if (view.links.unsubscribe) {
      // RFC 8058 one-click unsubscribe: mail clients POST to the link without a page.
      headers['List-Unsubscribe'] = `<${view.links.unsubscribe}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    return this.mailer.send({ to, ...email, messageId: this.mailer.messageIdFor(row.id), headers });
  }

  /** Records the failed attempt; returns the error to rethrow, with addresses masked. */
  private async recordFailure(notificationId: string, error: unknown, finalAttempt: boolean): Promise<Error> {
    const message = maskAddressesIn(error instanceof Error ? error.message : String(error));
    try {
      await this.notifications.markAttemptFailed(notificationId, message, finalAttempt);
    } catch (recordError) {
      // The database is likely what failed; the job's retry (or the relay) comes back to it.
      this.logger.warn(`Notification ${notificationId}: could not record a failed attempt: ${(recordError as Error).message}`);
    }
    if (finalAttempt) {
      this.metrics.emails.inc({ outcome: 'failed' });
      this.logger.warn(`Notification ${notificationId} FAILED after its last attempt: ${message}`);
    }
    return new Error(message, { cause: error });
  }

  private async viewOf(row: DeliveryRow): Promise<EmailView> {
    const toPatient = row.recipient_kind === RecipientKind.PATIENT;
    const token = toPatient ? await this.links.sign({ patientId: row.patient_id, referralId: row.referral_id }) : null;
    return {
      template: row.template as NotificationTemplate,
      recipientKind: row.recipient_kind as RecipientKind,
      referral: {
        reference: row.reference,
        modality: row.modality,
        priority: row.priority,
        status: row.referral_status,
        dueAt: row.due_at,
        appointmentAt: row.appointment_at,
      },
      provider:
        row.provider_display_name === null || row.provider_email === null ? null : { displayName: row.provider_display_name, email: row.provider_email },
      referringClinic: clinic(row.referring),
      receivingClinic: row.receiving === null ? null : clinic(row.receiving),
      links: {
        status: token ? this.links.statusUrl(token) : null,
        unsubscribe: token ? this.links.unsubscribeUrl(token) : null,
        app: this.config.links.publicUrl,
      },
    };
  }
}
