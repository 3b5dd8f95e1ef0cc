import { NotificationTemplate as T, OutboxItem, RecipientKind } from '@referloop/notifications';
import { ReferralEventType as E, ReferralStatus as S } from '@referloop/lifecycle';
import { notificationsFor, REMINDER, VISITS_MISSED } from './referral-notifications';

/*
 * Who is emailed about what, written by hand from the table in docs/notifications.md ("Who is
 * emailed about what"), not derived from the code's table: a wrong cell there fails here.
 * Recipients are compared as a set; the order rows are written in does not matter.
 */
const { PATIENT, PROVIDER, REFERRER } = RecipientKind;

const EXPECTED: Record<E, ReadonlyArray<[RecipientKind, T]>> = {
  [E.CREATED]: [],
  [E.UPDATED]: [],
  [E.SENT]: [
    [PATIENT, T.REFERRAL_SENT],
    [PROVIDER, T.REFERRAL_SENT],
  ],
  [E.INFO_REQUESTED]: [[REFERRER, T.INFO_REQUESTED]],
  [E.INFO_PROVIDED]: [[PROVIDER, T.INFO_PROVIDED]],
  [E.ACCEPTED]: [
    [PATIENT, T.REFERRAL_ACCEPTED],
    [REFERRER, T.REFERRAL_ACCEPTED],
  ],
  [E.DECLINED]: [
    [PATIENT, T.REFERRAL_DECLINED],
    [REFERRER, T.REFERRAL_DECLINED],
  ],
  // A pass on an open referral changes nothing anyone is waiting on.
  [E.PASSED]: [],
  [E.SCHEDULED]: [[PATIENT, T.APPOINTMENT_SCHEDULED]],
  [E.RESCHEDULED]: [[PATIENT, T.APPOINTMENT_SCHEDULED]],
  [E.TREATMENT_STARTED]: [],
  [E.TREATMENT_PLAN_SET]: [],
  [E.VISIT_RECORDED]: [],
  [E.NO_SHOW]: [],
  [E.COMPLETED]: [
    [PATIENT, T.REFERRAL_COMPLETED],
    [REFERRER, T.REFERRAL_COMPLETED],
  ],
  [E.OUTCOME_ACKNOWLEDGED]: [],
  // Reports and reminders go to the referrer only: the patient hears of care from the clinic treating them.
  [E.PROGRESS_REPORTED]: [[REFERRER, T.PROGRESS_REPORT]],
  [E.OUTCOME_REMINDED]: [[REFERRER, T.OUTCOME_REMINDER]],
  // The onward referral is SENT and announced as such; the episode's entry emails nobody.
  [E.REFERRED_ONWARD]: [],
  [E.CANCELLED]: [
    [PATIENT, T.REFERRAL_CANCELLED],
    [PROVIDER, T.REFERRAL_CANCELLED],
    [REFERRER, T.REFERRAL_CANCELLED],
  ],
  [E.EXPIRED]: [[REFERRER, T.REFERRAL_EXPIRED]],
  // The redirect's new referral is SENT and announced as such; the old one's REDIRECTED emails nobody.
  [E.REDIRECTED]: [],
};

/** The status each event leaves from, as the lifecycle has it (the first one where several apply). */
const FROM: Record<E, S | null> = {
  [E.CREATED]: null,
  [E.UPDATED]: S.DRAFT,
  [E.SENT]: S.DRAFT,
  [E.INFO_REQUESTED]: S.SENT,
  [E.INFO_PROVIDED]: S.ON_HOLD,
  [E.ACCEPTED]: S.SENT,
  [E.DECLINED]: S.SENT,
  [E.PASSED]: S.SENT,
  [E.SCHEDULED]: S.ACCEPTED,
  [E.RESCHEDULED]: S.SCHEDULED,
  [E.TREATMENT_STARTED]: S.SCHEDULED,
  [E.TREATMENT_PLAN_SET]: S.ACCEPTED,
  [E.VISIT_RECORDED]: S.IN_TREATMENT,
  [E.NO_SHOW]: S.SCHEDULED,
  [E.COMPLETED]: S.IN_TREATMENT,
  [E.OUTCOME_ACKNOWLEDGED]: S.COMPLETED,
  [E.PROGRESS_REPORTED]: S.IN_TREATMENT,
  [E.OUTCOME_REMINDED]: S.COMPLETED,
  [E.REFERRED_ONWARD]: S.IN_TREATMENT,
  [E.CANCELLED]: S.SENT,
  [E.EXPIRED]: S.SENT,
  [E.REDIRECTED]: S.DECLINED,
};

const pairs = (items: readonly OutboxItem[]) => items.map((item) => `${item.recipient} ${item.template}`).sort();
const expected = (rows: ReadonlyArray<[RecipientKind, T]>) => rows.map(([recipient, template]) => `${recipient} ${template}`).sort();

describe('notificationsFor', () => {
  it.each(Object.values(E))('emails the right people about %s', (event) => {
    expect(pairs(notificationsFor(event, FROM[event]))).toEqual(expected(EXPECTED[event]));
  });

  it.each([S.SENT, S.ON_HOLD, S.ACCEPTED, S.SCHEDULED, S.IN_TREATMENT])('tells everyone when a referral is cancelled from %s', (from) => {
    expect(pairs(notificationsFor(E.CANCELLED, from))).toEqual(expected(EXPECTED[E.CANCELLED]));
  });

  it('emails nobody when a DRAFT is cancelled: it was never anyone else’s business', () => {
    expect(notificationsFor(E.CANCELLED, S.DRAFT)).toEqual([]);
  });

  it('declines the same way from SENT and from ON_HOLD', () => {
    expect(pairs(notificationsFor(E.DECLINED, S.ON_HOLD))).toEqual(expected(EXPECTED[E.DECLINED]));
  });

  it('tells only the referrer of missed visits', () => {
    expect(pairs(VISITS_MISSED)).toEqual(expected([[REFERRER, T.VISITS_MISSED]]));
  });

  it('reminds only the receiving provider at half time', () => {
    expect(pairs(REMINDER)).toEqual(expected([[PROVIDER, T.RESPONSE_REMINDER]]));
  });
});
