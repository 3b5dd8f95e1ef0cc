import { registerEnumType } from '@nestjs/graphql';

/**
 * Who an email is for. PROVIDER is the referral's target provider; REFERRER the user who sent it;
 * ACCOUNT_HOLDER the user an account email (invitation, password reset) is about.
 */
export enum RecipientKind {
  PATIENT = 'PATIENT',
  PROVIDER = 'PROVIDER',
  REFERRER = 'REFERRER',
  ACCOUNT_HOLDER = 'ACCOUNT_HOLDER',
  /** The active admins of a clinic, about the clinic's own set-up (a webhook endpoint disabled). */
  CLINIC_ADMIN = 'CLINIC_ADMIN',
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
  /** A new user's link to set their password and sign in. */
  INVITATION = 'INVITATION',
  /** A link to choose a new password, which the account holder asked for. */
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** A clinic's webhook endpoint failed for days and was disabled: its admins are told. */
  WEBHOOK_ENDPOINT_DISABLED = 'WEBHOOK_ENDPOINT_DISABLED',
}

/** The emails about an account rather than a referral. */
export type AccountTemplate = NotificationTemplate.INVITATION | NotificationTemplate.PASSWORD_RESET;
export type ReferralTemplate = Exclude<NotificationTemplate, AccountTemplate | NotificationTemplate.WEBHOOK_ENDPOINT_DISABLED>;

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
