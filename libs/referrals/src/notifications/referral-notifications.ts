import { NotificationTemplate as T, OutboxItem, RecipientKind as To } from '@referloop/notifications';
import { ReferralEventType as E, ReferralStatus } from '@referloop/lifecycle';

const item = (recipient: To, template: T): OutboxItem => ({ recipient, template });

/**
 * Who hears about each step, in one table. The patient hears what changes for them (never
 * about questions between clinics); the receiving provider hears of new work and answers to
 * its questions; the referrer hears every answer and the outcome. Whoever made the move is not
 * emailed about it (the outbox drops that recipient).
 */
const BY_EVENT: Partial<Record<E, readonly OutboxItem[]>> = {
  [E.SENT]: [item(To.PROVIDER, T.REFERRAL_SENT), item(To.PATIENT, T.REFERRAL_SENT)],
  [E.INFO_REQUESTED]: [item(To.REFERRER, T.INFO_REQUESTED)],
  [E.INFO_PROVIDED]: [item(To.PROVIDER, T.INFO_PROVIDED)],
  [E.ACCEPTED]: [item(To.REFERRER, T.REFERRAL_ACCEPTED), item(To.PATIENT, T.REFERRAL_ACCEPTED)],
  [E.DECLINED]: [item(To.REFERRER, T.REFERRAL_DECLINED), item(To.PATIENT, T.REFERRAL_DECLINED)],
  [E.SCHEDULED]: [item(To.PATIENT, T.APPOINTMENT_SCHEDULED)],
  [E.RESCHEDULED]: [item(To.PATIENT, T.APPOINTMENT_SCHEDULED)],
  [E.PROGRESS_REPORTED]: [item(To.REFERRER, T.PROGRESS_REPORT)],
  [E.OUTCOME_REMINDED]: [item(To.REFERRER, T.OUTCOME_REMINDER)],
  [E.COMPLETED]: [item(To.REFERRER, T.REFERRAL_COMPLETED), item(To.PATIENT, T.REFERRAL_COMPLETED)],
  [E.CANCELLED]: [item(To.PATIENT, T.REFERRAL_CANCELLED), item(To.PROVIDER, T.REFERRAL_CANCELLED), item(To.REFERRER, T.REFERRAL_CANCELLED)],
  [E.EXPIRED]: [item(To.REFERRER, T.REFERRAL_EXPIRED)],
};

export function notificationsFor(event: E, from: ReferralStatus | null): readonly OutboxItem[] {
  // A draft was never anyone's business but its author's.
  if (event === E.CANCELLED && from === ReferralStatus.DRAFT) return [];
  return BY_EVENT[event] ?? [];
}

/** What a missed visit adds to its NO_SHOW entry's emails from the NO_SHOWS_BEFORE_TELLING_REFERRER-th on. */
export const VISITS_MISSED: readonly OutboxItem[] = [item(To.REFERRER, T.VISITS_MISSED)];

/** The reminder the response clock sends the receiver at half time. */
export const REMINDER: readonly OutboxItem[] = [item(To.PROVIDER, T.RESPONSE_REMINDER)];
