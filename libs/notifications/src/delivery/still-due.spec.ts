import { NotificationTemplate as T } from '../notification.enums';
import { stillDue } from './still-due';

const open = (status: string) => ({ status, loopClosed: false });

describe('stillDue', () => {
  it('keeps a reminder to answer only while the referral waits for an answer', () => {
    expect(stillDue(T.RESPONSE_REMINDER, open('SENT'))).toBe(true);
    for (const status of ['ON_HOLD', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED']) expect(stillDue(T.RESPONSE_REMINDER, open(status))).toBe(false);
  });

  it('keeps a question only while the referral is on hold', () => {
    expect(stillDue(T.INFO_REQUESTED, open('ON_HOLD'))).toBe(true);
    expect(stillDue(T.INFO_REQUESTED, open('SENT'))).toBe(false);
  });

  it('drops a reminder to acknowledge an outcome once the referrer has acknowledged it', () => {
    expect(stillDue(T.OUTCOME_REMINDER, open('COMPLETED'))).toBe(true);
    expect(stillDue(T.OUTCOME_REMINDER, { status: 'COMPLETED', loopClosed: true })).toBe(false);
  });

  it('sends every report of something that happened whatever came after', () => {
    for (const template of [T.REFERRAL_ACCEPTED, T.PROGRESS_REPORT, T.VISITS_MISSED, T.REFERRAL_COMPLETED]) {
      expect(stillDue(template, { status: 'CANCELLED', loopClosed: true })).toBe(true);
    }
  });

  it('treats a code it does not know, even an Object property name, as an ordinary report', () => {
    expect(stillDue('constructor', open('SENT'))).toBe(true);
  });
});
