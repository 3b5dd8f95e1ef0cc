import { ReferralEventType } from '@referloop/lifecycle';

/**
 * Every event a webhook endpoint can subscribe to, by its name on the wire. A referral's events
 * are its history entries that make a new version (one per move, in version order); moves that
 * leave the version as it was (a pool provider's pass, a reminder, referring onward from a
 * completed episode) are no change a receiver has to act on. Completing an episode is where its
 * outcome is reported: its event says so.
 */
export const REFERRAL_EVENT_NAMES: { readonly [K in ReferralEventType]: string | null } = {
  [ReferralEventType.CREATED]: 'referral.created',
  [ReferralEventType.UPDATED]: 'referral.updated',
  [ReferralEventType.SENT]: 'referral.sent',
  [ReferralEventType.INFO_REQUESTED]: 'referral.info_requested',
  [ReferralEventType.INFO_PROVIDED]: 'referral.info_provided',
  [ReferralEventType.ACCEPTED]: 'referral.accepted',
  [ReferralEventType.DECLINED]: 'referral.declined',
  [ReferralEventType.PASSED]: null,
  [ReferralEventType.CANCELLED]: 'referral.cancelled',
  [ReferralEventType.EXPIRED]: 'referral.expired',
  [ReferralEventType.SCHEDULED]: 'referral.scheduled',
  [ReferralEventType.RESCHEDULED]: 'referral.rescheduled',
  [ReferralEventType.TREATMENT_STARTED]: 'referral.treatment_started',
  [ReferralEventType.TREATMENT_PLAN_SET]: 'referral.treatment_plan_set',
  [ReferralEventType.VISIT_RECORDED]: 'referral.visit_recorded',
  [ReferralEventType.NO_SHOW]: 'referral.no_show',
  [ReferralEventType.PROGRESS_REPORTED]: 'referral.progress_reported',
  [ReferralEventType.COMPLETED]: 'referral.outcome_reported',
  [ReferralEventType.OUTCOME_REMINDED]: null,
  [ReferralEventType.REFERRED_ONWARD]: null,
  [ReferralEventType.OUTCOME_ACKNOWLEDGED]: 'referral.outcome_acknowledged',
  [ReferralEventType.REDIRECTED]: 'referral.redirected',
};

/** An email to a patient or a clinic that failed for good (it shows in failedNotifications too). */
export const NOTIFICATION_FAILED = 'notification.failed';

/** Every event name an endpoint may subscribe to, in a stable order. */
export const WEBHOOK_EVENT_NAMES: readonly string[] = [
  ...Object.values(REFERRAL_EVENT_NAMES).filter((name): name is string => name !== null),
  NOTIFICATION_FAILED,
];
