import { loadConfig } from '@referloop/core';
import { JOB_ID, JobName, JobRequest } from '@referloop/jobs';
import { ClockState, clockTimers, reminderAt } from './clock-timers';

const HOUR = 3_600_000;
// The documented defaults: ROUTINE 72 h, URGENT 24 h.
const config = loadConfig({});
const referralId = '0b9c7f4e-2a51-4d7e-9a0c-3f5d1e8b6a21';
const due = new Date('2031-03-10T15:00:00.000Z');

const state = (overrides: Partial<ClockState> = {}): ClockState => ({
  id: referralId,
  status: 'SENT',
  priority: 'ROUTINE',
  due_at: due,
  clock_seq: 3,
  reminded_at: null,
  ...overrides,
});

const idOf = (timer: JobRequest) => (JOB_ID[timer.name] as (payload: unknown) => string)(timer.payload);

describe('reminderAt', () => {
  it('is half the ROUTINE window before the deadline', () => {
    expect(reminderAt(config, state())).toEqual(new Date(due.getTime() - 36 * HOUR));
  });

  it('is half the URGENT window before the deadline', () => {
    expect(reminderAt(config, state({ priority: 'URGENT' }))).toEqual(new Date(due.getTime() - 12 * HOUR));
  });

  it('moves with the deadline (after a pause the deadline is later, and so is the reminder)', () => {
    const later = new Date(due.getTime() + 5 * HOUR);
    expect(reminderAt(config, state({ due_at: later }))).toEqual(new Date(later.getTime() - 36 * HOUR));
  });

  it('follows configured windows, fractions of an hour included', () => {
    const seconds = loadConfig({ RESPONSE_WINDOW_ROUTINE_HOURS: '0.002' }); // 7.2 s
    expect(reminderAt(seconds, state())).toEqual(new Date(due.getTime() - 3600));
  });
});

describe('clockTimers', () => {
  it('arms the expiry at the deadline and the reminder at half time for a SENT referral not yet reminded', () => {
    expect(clockTimers(config, state())).toEqual([
      { name: JobName.EXPIRE_REFERRAL, payload: { referralId, clockSeq: 3 }, runAt: due },
      { name: JobName.REMIND_RECEIVER, payload: { referralId, clockSeq: 3 }, runAt: new Date(due.getTime() - 36 * HOUR) },
    ]);
  });

  it('uses the URGENT window for the reminder of an URGENT referral', () => {
    const reminder = clockTimers(config, state({ priority: 'URGENT' })).find((timer) => timer.name === JobName.REMIND_RECEIVER);
    expect(reminder?.runAt).toEqual(new Date(due.getTime() - 12 * HOUR));
  });

  it('arms only the expiry once the receiver has been reminded', () => {
    expect(clockTimers(config, state({ reminded_at: new Date(due.getTime() - 30 * HOUR) }))).toEqual([
      { name: JobName.EXPIRE_REFERRAL, payload: { referralId, clockSeq: 3 }, runAt: due },
    ]);
  });

  it.each(['DRAFT', 'ON_HOLD', 'ACCEPTED', 'DECLINED', 'SCHEDULED', 'IN_TREATMENT', 'COMPLETED', 'CANCELLED', 'EXPIRED'])(
    'arms nothing when the referral is %s (the clock is not running)',
    (status) => {
      expect(clockTimers(config, state({ status }))).toEqual([]);
    },
  );

  it('arms nothing for a SENT referral without a deadline', () => {
    expect(clockTimers(config, state({ due_at: null }))).toEqual([]);
  });

  it('names each timer after the referral and the run of its clock, without a ":" (BullMQ key separator)', () => {
    const ids = clockTimers(config, state()).map(idOf);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) {
      expect(id).not.toContain(':');
      expect(id).toContain(referralId);
    }
    // Another run of the clock gets other ids, so a stale timer can never stand in for a new one.
    const nextRun = clockTimers(config, state({ clock_seq: 4 })).map(idOf);
    expect(nextRun.filter((id) => ids.includes(id))).toEqual([]);
  });
});
