import { OutcomeReminders } from '@referloop/episode';
import { referralInState, Services, useServices } from '../support/services';

/**
 * The outcome reminder's sweep (OutcomeReminders.sweep), called directly on the services with
 * OUTCOME_REMINDER_AFTER_HOURS=24: which completed referrals it reminds the referrer of, and
 * that it does so once, however many sweeps run at once. Over HTTP, outcome-reminders.e2e-spec.ts
 * keeps what the referrer reads and does after a reminder, and the worker's own sweep.
 */
const completedHoursAgo = async (services: Services, referralId: string, hours: number) => {
  await services.db.query('UPDATE referrals SET completed_at = now() - make_interval(secs => $2::double precision) WHERE id = $1', [referralId, hours * 3600]);
};

/** The reminder's traces on one referral: the stamp, the history entries and the emails. */
const reminderState = async (services: Services, referralId: string) => {
  const [row] = await services.db.query<Array<{ outcome_reminded_at: Date | null; loop_closed_at: Date | null }>>(
    'SELECT outcome_reminded_at, loop_closed_at FROM referrals WHERE id = $1',
    [referralId],
  );
  const reminders = await services.db.query<unknown[]>("SELECT id FROM referral_events WHERE referral_id = $1 AND type = 'OUTCOME_REMINDED'", [referralId]);
  const emails = await services.db.query<unknown[]>("SELECT id FROM notifications WHERE referral_id = $1 AND template = 'OUTCOME_REMINDER'", [referralId]);
  return { ...row, reminders: reminders.length, emails: emails.length };
};

describe('outcome reminders on the services: the sweep (OUTCOME_REMINDER_AFTER_HOURS=24)', () => {
  const services = useServices({ env: { OUTCOME_REMINDER_AFTER_HOURS: '24' } });
  const sweep = () => services.get(OutcomeReminders).sweep();

  it('does not remind of an outcome 23 hours old; it does once it is past the wait', async () => {
    const completed = await referralInState(services, 'COMPLETED');
    await completedHoursAgo(services, completed.id, 23);
    expect(await sweep()).toBe(0);
    expect(await reminderState(services, completed.id)).toMatchObject({ outcome_reminded_at: null, reminders: 0, emails: 0 });

    // The same referral, past the wait: only its age held it back.
    await completedHoursAgo(services, completed.id, 24.1);
    expect(await sweep()).toBe(1);
    expect(await reminderState(services, completed.id)).toMatchObject({ reminders: 1, emails: 1 });
  });

  it('never reminds of an outcome the referrer has acknowledged', async () => {
    const closed = await referralInState(services, 'LOOP_CLOSED');
    await completedHoursAgo(services, closed.id, 500);
    expect(await sweep()).toBe(0);
    const state = await reminderState(services, closed.id);
    expect(state.loop_closed_at).not.toBeNull();
    expect(state).toMatchObject({ outcome_reminded_at: null, reminders: 0, emails: 0 });
  });

  it('does not remind of a fresh outcome (completed just now)', async () => {
    const completed = await referralInState(services, 'COMPLETED');
    expect(await sweep()).toBe(0);
    expect(await reminderState(services, completed.id)).toMatchObject({ outcome_reminded_at: null, reminders: 0, emails: 0 });
  });

  it('two sweeps at once remind each due referral once in total', async () => {
    const due: string[] = [];
    for (let n = 0; n < 4; n += 1) {
      const completed = await referralInState(services, 'COMPLETED');
      await completedHoursAgo(services, completed.id, 30 + n);
      due.push(completed.id);
    }
    const counts = await Promise.all([sweep(), sweep(), sweep()]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(due.length);
    for (const id of due) {
      const state = await reminderState(services, id);
      expect(state.outcome_reminded_at).not.toBeNull();
      expect(state).toMatchObject({ reminders: 1, emails: 1 });
    }
    expect(await sweep()).toBe(0);
  });
});
