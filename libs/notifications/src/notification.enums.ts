import { registerEnumType } from '@nestjs/graphql';

/** Who an email is for. PROVIDER is the referral's target provider; REFERRER the user who sent it. */
export enum RecipientKind {
  PATIENT = 'PATIENT',
  PROVIDER = 'PROVIDER',
  REFERRER = 'REFERRER',
}

export enum NotificationStatus {
  /** Written by the transition, waiting for (or being retried by) the worker. */
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Every attempt failed; an admin can retry it. */
  FAILED = 'FAILED',
  /** Deliberately not sent: no consent, unsubscribed, or no address. */
  SUPPRESSED = 'SUPPRESSED',
  /** No longer due when its turn came (a reminder for a referral already answered). */
  SKIPPED = 'SKIPPED',
}

/** One email per (template, recipient kind); the text lives in templates/. */
export enum NotificationTemplate {
  REFERRAL_SENT = 'REFERRAL_SENT',
  INFO_REQUESTED = 'INFO_REQUESTED',
  INFO_PROVIDED = 'INFO_PROVIDED',
  REFERRAL_ACCEPTED = 'REFERRAL_ACCEPTED',
  REFERRAL_DECLINED = 'REFERRAL_DECLINED',
  APPOINTMENT_SCHEDULED = 'APPOINTMENT_SCHEDULED',
  REFERRAL_COMPLETED = 'REFERRAL_COMPLETED',
  REFERRAL_CANCELLED = 'REFERRAL_CANCELLED',
  REFERRAL_EXPIRED = 'REFERRAL_EXPIRED',
  RESPONSE_REMINDER = 'RESPONSE_REMINDER',
  /** The patient has missed several visits of an episode. */
  VISITS_MISSED = 'VISITS_MISSED',
  /** The treating provider has written an interim progress report. */
  PROGRESS_REPORT = 'PROGRESS_REPORT',
  /** The outcome has waited a while for the referrer's acknowledgement. */
  OUTCOME_REMINDER = 'OUTCOME_REMINDER',
}

/** Why a notification was suppressed or skipped. */
export enum NotificationSkipReason {
  NO_EMAIL_CONSENT = 'NO_EMAIL_CONSENT',
  NO_ADDRESS = 'NO_ADDRESS',
  NO_LONGER_DUE = 'NO_LONGER_DUE',
}

registerEnumType(RecipientKind, { name: 'RecipientKind' });
registerEnumType(NotificationStatus, { name: 'NotificationStatus' });
registerEnumType(NotificationTemplate, { name: 'NotificationTemplate' });
registerEnumType(NotificationSkipReason, { name: 'NotificationSkipReason' });
