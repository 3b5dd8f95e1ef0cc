import { ReferralRow, ResponseClock } from '@referloop/referrals';
import { ReferralTransitions } from '../support/referrals-internals';
import { referralInState, Services, useServices } from '../support/services';

/**
 * The response clock's timers and sweep, called directly on the services: what a reminder at
 * half time, an expiry at the deadline and a sweep write, and that a timer that is early, stale
 * or repeated writes nothing. The delayed jobs that call them, and the emails, are in
 * response-clock.e2e-spec.ts.
 */
const HOUR_MS = 3_600_000;

interface Clock {
  status: string;
  sent_at: Date;
  due_at: Date | null;
  clock_seq: number;
  reminded_at: Date | null;
}

const clockOf = async (services: Services, id: string): Promise<Clock> =>
  (await services.db.query<Clock[]>('SELECT status, sent_at, due_at, clock_seq, reminded_at FROM referrals WHERE id = $1', [id]))[0];
const history = async (services: Services, id: string) =>
  services.db.query<Array<{ type: string; from_status: string | null; to_status: string; actor_id: string | null }>>(
    'SELECT type, from_status, to_status, actor_id FROM referral_events WHERE referral_id = $1 ORDER BY seq',
    [id],
  );
/** The referral's emails in the outbox, as (recipient kind, template), in a fixed order. */
const emails = async (services: Services, id: string) =>
  (await services.db.query<Array<{ recipient_kind: string; template: string }>>('SELECT recipient_kind, template FROM notifications WHERE referral_id = $1', [id]))
    .map((row) => `${row.recipient_kind} ${row.template}`)
    .sort();
/** As if the referral had been sent `byMs` earlier: its deadline moves back with it. */
const sentEarlier = (services: Services, id: string, byMs: number) =>
  services.db.query(`UPDATE referrals SET sent_at = sent_at - $2 * interval '1 millisecond', due_at = due_at - $2 * interval '1 millisecond' WHERE id = $1`, [id, byMs]);

describe('response clock on the services: the timers', () => {
  // URGENT answers are due within the hour, ROUTINE ones within 72 hours (the default).
  const services = useServices({ env: { RESPONSE_WINDOW_URGENT_HOURS: '1' } });
  const clock = () => services.get(ResponseClock);
  const sentUrgent = () => referralInState(services, 'SENT', { priority: 'URGENT' });

  it('does nothing when a timer fires before its time, and names when it is due', async () => {
    const referral = await sentUrgent();
    const before = await clockOf(services, referral.id);

    await expect(clock().expire(referral.id, before.clock_seq)).resolves.toEqual({ kind: 'early', runAt: before.due_at });
    await expect(clock().remind(referral.id, before.clock_seq)).resolves.toEqual({ kind: 'early', runAt: new Date((before.due_at as Date).getTime() - HOUR_MS / 2) });
    // A timer of an earlier run of the clock is stale, not early.
    await expect(clock().expire(referral.id, before.clock_seq - 1)).resolves.toEqual({ kind: 'stale' });

    expect(await clockOf(services, referral.id)).toEqual(before);
    expect((await history(services, referral.id)).map((event) => event.type)).toEqual(['CREATED', 'SENT']);
    expect(await emails(services, referral.id)).toEqual(['PATIENT REFERRAL_SENT', 'PROVIDER REFERRAL_SENT']);
  });

  it('past half time reminds the target provider once, changing nothing else; a second reminder is stale', async () => {
    const referral = await sentUrgent();
    await sentEarlier(services, referral.id, 40 * 60_000);
    const before = await clockOf(services, referral.id);

    await expect(clock().remind(referral.id, before.clock_seq)).resolves.toEqual({ kind: 'done' });
    const after = await clockOf(services, referral.id);
    expect(after).toEqual({ ...before, reminded_at: expect.any(Date) });
    expect(await emails(services, referral.id)).toEqual(['PATIENT REFERRAL_SENT', 'PROVIDER REFERRAL_SENT', 'PROVIDER RESPONSE_REMINDER']);

    await expect(clock().remind(referral.id, before.clock_seq)).resolves.toEqual({ kind: 'stale' });
    expect(await clockOf(services, referral.id)).toEqual(after);
    expect(await emails(services, referral.id)).toHaveLength(3);
  });

  it('at the deadline expires the referral, by nobody, and tells the referrer; a second expiry is stale', async () => {
    const referral = await sentUrgent();
    await sentEarlier(services, referral.id, 2 * HOUR_MS);
    const { clock_seq } = await clockOf(services, referral.id);

    await expect(clock().expire(referral.id, clock_seq)).resolves.toEqual({ kind: 'done' });
    expect((await clockOf(services, referral.id)).status).toBe('EXPIRED');
    expect((await history(services, referral.id)).at(-1)).toEqual({ type: 'EXPIRED', from_status: 'SENT', to_status: 'EXPIRED', actor_id: null });
    expect(await emails(services, referral.id)).toEqual(['PATIENT REFERRAL_SENT', 'PROVIDER REFERRAL_SENT', 'REFERRER REFERRAL_EXPIRED']);

    await expect(clock().expire(referral.id, clock_seq)).resolves.toEqual({ kind: 'stale' });
    expect(await history(services, referral.id)).toHaveLength(3);
  });

  it('on a referral answered before its deadline, both timers are stale and write nothing', async () => {
    const referral = await sentUrgent();
    await services.get(ReferralTransitions).accept(services.actors.targetProvider, { id: referral.id });
    await sentEarlier(services, referral.id, 2 * HOUR_MS);
    const before = await clockOf(services, referral.id);
    const [historyBefore, emailsBefore] = [await history(services, referral.id), await emails(services, referral.id)];

    await expect(clock().remind(referral.id, before.clock_seq)).resolves.toEqual({ kind: 'stale' });
    await expect(clock().expire(referral.id, before.clock_seq)).resolves.toEqual({ kind: 'stale' });
    expect(await clockOf(services, referral.id)).toEqual(before);
    expect(await history(services, referral.id)).toEqual(historyBefore);
    expect(await emails(services, referral.id)).toEqual(emailsBefore);
  });
});

describe('response clock on the services: the sweep', () => {
  // A 180 s window (half time at 90 s) and a sweep every 60 s: a sweep arms the timers falling due within 120 s.
  const services = useServices({ env: { RESPONSE_WINDOW_ROUTINE_HOURS: '0.05', RESPONSE_WINDOW_URGENT_HOURS: '0.05', CLOCK_SWEEP_INTERVAL_MS: '60000' } });

  it('expires what is overdue, reminds what is past half time, and arms the timers due before the sweep after next', async () => {
    const sent = (): Promise<ReferralRow> => referralInState(services, 'SENT');
    const [overdue, pastHalfTime, fresh] = [await sent(), await sent(), await sent()];
    await sentEarlier(services, overdue.id, 200_000); // deadline passed 20 s ago
    await sentEarlier(services, pastHalfTime.id, 120_000); // half time passed 30 s ago, deadline in 60 s

    // The overdue referral's expiry; the reminded one's expiry (in 60 s) and the fresh one's reminder (in 90 s) are armed.
    expect(await services.get(ResponseClock).sweep()).toEqual({ expired: 1, reminded: 1, armed: 2 });

    expect((await clockOf(services, overdue.id)).status).toBe('EXPIRED');
    // Past its deadline a reminder would be pointless: the sweep expires first.
    expect(await emails(services, overdue.id)).toEqual(['PATIENT REFERRAL_SENT', 'PROVIDER REFERRAL_SENT', 'REFERRER REFERRAL_EXPIRED']);
    expect(await clockOf(services, pastHalfTime.id)).toMatchObject({ status: 'SENT', reminded_at: expect.any(Date) });
    expect(await emails(services, pastHalfTime.id)).toEqual(['PATIENT REFERRAL_SENT', 'PROVIDER REFERRAL_SENT', 'PROVIDER RESPONSE_REMINDER']);
    expect(await clockOf(services, fresh.id)).toMatchObject({ status: 'SENT', reminded_at: null });
  });
});
