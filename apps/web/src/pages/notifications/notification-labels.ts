import type { NotificationStatus, NotificationTemplate, RecipientKind } from '../../gql/graphql';

/** What each email was about, as a support person would name it. */
export const TEMPLATE_LABELS: Record<NotificationTemplate, string> = {
  REFERRAL_SENT: 'Referral sent',
  REFERRAL_ACCEPTED: 'Referral accepted',
  REFERRAL_DECLINED: 'Referral declined',
  REFERRAL_CANCELLED: 'Referral cancelled',
  REFERRAL_COMPLETED: 'Referral completed',
  REFERRAL_EXPIRED: 'Referral expired',
  INFO_REQUESTED: 'Information requested',
  INFO_PROVIDED: 'Information provided',
  APPOINTMENT_SCHEDULED: 'Appointment scheduled',
  RESPONSE_REMINDER: 'Reminder to answer',
  OUTCOME_REMINDER: 'Reminder to acknowledge the outcome',
  PROGRESS_REPORT: 'Progress report',
  VISITS_MISSED: 'Missed visits',
  INVITATION: 'Invitation to ReferLoop',
  PASSWORD_RESET: 'Password reset link',
  WEBHOOK_ENDPOINT_DISABLED: 'Webhook endpoint turned off',
};

export const RECIPIENT_LABELS: Record<RecipientKind, string> = {
  PATIENT: 'Patient',
  PROVIDER: 'Receiving provider',
  REFERRER: 'Referrer',
  ACCOUNT_HOLDER: 'Account holder',
  CLINIC_ADMIN: 'Clinic admins',
};

/** A retried email leaves FAILED at once; the row says where it is now. */
export const NOTIFICATION_STATUS_LABELS: Record<NotificationStatus, string> = {
  FAILED: 'Failed',
  PENDING: 'Sending again',
  SENT: 'Sent',
  SKIPPED: 'Skipped',
  SUPPRESSED: 'Not sent (no consent)',
};
