import { Client } from 'pg';
import { RunningWorker } from '../apps/worker/src/bootstrap';
import { OutcomeReminders } from '@referloop/episode';
import { historyOf, notificationsOf } from './support/episode-reports';
import { expectGraphqlError } from './support/expectations';
import { readReferral, Referral, runReferralMutation } from './support/fixtures';
import { notificationIdOf } from './support/notification-rows';
import { pollUntil, withDeadline } from './support/poll-until';
import { ReceivedEmail, SmtpSink } from './support/smtp-sink';
import { teardownAll } from './support/teardown';
import { startTestWorker } from './support/test-worker';
import { referralIn } from './support/world';
import { usePipeline, useWorld } from './support/file-setup';
import { referralMutation } from './support/operations';

/** Reminder columns and history of one referral, as stored. */
async function reminderState(db: Client, referralId: string) {
  const { rows } = await db.query<{ status: string; version: number; outcome_reminded_at: Date | null; loop_closed_at: Date | null }>(
    'SELECT status, version, outcome_reminded_at, loop_closed_at FROM referrals WHERE id = $1',
    [referralId],
  );
  const reminders = (await historyOf(db, referralId)).filter((entry) => entry.type === 'OUTCOME_REMINDED');
  const emails = (await notificationsOf(db, referralId)).filter((row) => row.template === 'OUTCOME_REMINDER');
  return { ...rows[0], reminders, emails };
}

/** Moves a referral's completion `hours` into the past, as if the outcome had waited that long. */
async function completedHoursAgo(db: Client, referralId: string, hours: number): Promise<void> {
  const { rowCount } = await db.query(`UPDATE referrals SET completed_at = now() - make_interval(secs => $2::double precision) WHERE id = $1`, [
    referralId,
    hours * 3600,
  ]);
  expect(rowCount).toBe(1);
}

/** Where each of a referral's notification rows stands, as stored. */
async function deliveryOf(db: Client, referralId: string) {
  const { rows } = await db.query<{ id: string; recipient_kind: string; template: string; status: string; skip_reason: string | null }>(
    'SELECT id, recipient_kind, template, status, skip_reason FROM notifications WHERE referral_id = $1 ORDER BY created_at, id',
    [referralId],
  );
  return rows;
}

/**
 * The last step of the closed loop: an outcome the referrer has not acknowledged after
 * OUTCOME_REMINDER_AFTER_HOURS reminds them — once. The sweep is called directly here, so each
 * test decides exactly when it runs. Which outcomes a sweep reminds of, and sweeps at once, are
 * checked on the services (service/outcome-reminders.service-spec.ts); here, what the referrer
 * reads and does after a reminder.
 */
describe('outcome reminders: the sweep (OUTCOME_REMINDER_AFTER_HOURS=24)', () => {
  const { app, world, db } = useWorld({ env: { OUTCOME_REMINDER_AFTER_HOURS: '24' } });
  let reminders: OutcomeReminders;

  beforeAll(async () => {
    reminders = app.app.get(OutcomeReminders);
  });

  it('reminds the referrer of an outcome unacknowledged for 25 hours once, without changing the referral', async () => {
    const completed = await referralIn(world, 'COMPLETED');
    await completedHoursAgo(db, completed.id, 25);
    const seen = await readReferral(world.coordinatorA.client, completed.id);
    const before = await reminderState(db, completed.id);
    expect(before).toMatchObject({ status: 'COMPLETED', outcome_reminded_at: null, reminders: [], emails: [] });

    const sweepStarted = Date.now();
    expect(await reminders.sweep()).toBe(1);
    const sweepEnded = Date.now();

    const after = await reminderState(db, completed.id);
    expect(after.status).toBe('COMPLETED');
    expect(after.version).toBe(before.version);
    expect(after.loop_closed_at).toBeNull();
    expect(after.outcome_reminded_at).not.toBeNull();
    // Stamped by the sweep itself (this process's clock), not carried over from anything earlier.
    expect((after.outcome_reminded_at as Date).getTime()).toBeGreaterThanOrEqual(sweepStarted);
    expect((after.outcome_reminded_at as Date).getTime()).toBeLessThanOrEqual(sweepEnded);
    expect(after.reminders).toEqual([{ type: 'OUTCOME_REMINDED', from_status: 'COMPLETED', to_status: 'COMPLETED', actor_id: null, data: null }]);
    expect(after.emails.map((row) => [row.recipient_kind, row.recipient_email])).toEqual([['REFERRER', world.coordinatorA.email]]);
    // Nobody else hears of it.
    const all = await notificationsOf(db, completed.id);
    expect(all.filter((row) => row.template === 'OUTCOME_REMINDER')).toHaveLength(1);

    // The API shows the reminder in the history, and the same version as before.
    const read = await readReferral(world.coordinatorA.client, completed.id);
    expect(read.version).toBe(seen.version);
    expect(read.events.at(-1)).toMatchObject({ type: 'OUTCOME_REMINDED', fromStatus: 'COMPLETED', toStatus: 'COMPLETED', actor: null });

    // Once only: the next sweep reminds nobody.
    expect(await reminders.sweep()).toBe(0);
    const again = await reminderState(db, completed.id);
    expect(again.reminders).toHaveLength(1);
    expect(again.emails).toHaveLength(1);
    expect(again.outcome_reminded_at).toEqual(after.outcome_reminded_at);

    // The referrer acknowledges with the version loaded before the reminder.
    const acknowledged = await runReferralMutation(world.coordinatorA.client, 'acknowledgeReferralOutcome', { id: completed.id, expectedVersion: seen.version });
    expect(acknowledged.loopClosedAt).not.toBeNull();
    expect(acknowledged.version).toBe(seen.version + 1);
    expect(await reminders.sweep()).toBe(0);
  });

  it('an acknowledgement after the reminder still closes the loop, and a stale version there is still a conflict', async () => {
    const completed = await referralIn(world, 'COMPLETED');
    await completedHoursAgo(db, completed.id, 48);
    const stale = completed.version - 1;
    expect(await reminders.sweep()).toBe(1);
    const acknowledge = referralMutation('acknowledgeReferralOutcome');
    expectGraphqlError(await world.coordinatorA.client.request(acknowledge, { input: { id: completed.id, expectedVersion: stale } }), 'CONFLICT');
    // The treating side cannot close the referrer's loop, reminder or not.
    expectGraphqlError(await world.targetProvider.client.request(acknowledge, { input: { id: completed.id } }), 'FORBIDDEN');
    const closed = await runReferralMutation(world.coordinatorA.client, 'acknowledgeReferralOutcome', { id: completed.id, expectedVersion: completed.version });
    expect(closed.status).toBe('COMPLETED');
    expect(closed.loopClosedAt).not.toBeNull();
  });
});

/** The same reminder through the real worker's periodic sweep, down to the referrer's inbox. */
describe('outcome reminders: through the worker to the referrer', () => {
  // About 1 s of waiting, swept every 200 ms.
  const ENV = { OUTCOME_REMINDER_AFTER_HOURS: '0.0003', CLOCK_SWEEP_INTERVAL_MS: '200' };
  const EMAIL_WAIT_MS = 20_000;
  const { world, smtp } = usePipeline({ env: ENV });

  const reminderSubject = (referral: Referral) => `Reminder: outcome of referral ${referral.reference} is waiting`;
  const remindersOf = (referral: Referral): ReceivedEmail[] => smtp.received.filter((mail) => mail.subject.includes(referral.reference) && mail.subject.startsWith('Reminder'));

  it('emails the referrer one reminder naming the referral, with no clinical content', async () => {
    const first = await referralIn(world, 'COMPLETED');
    await withDeadline(
      smtp.waitFor((all) => all.some((mail) => mail.subject === reminderSubject(first)), EMAIL_WAIT_MS, `the outcome reminder of ${first.reference}`),
      EMAIL_WAIT_MS + 1000,
      'the outcome reminder',
    );
    const [email] = remindersOf(first);
    expect(email.to).toEqual([world.coordinatorA.email]);
    expect(email.text).toContain(first.reference);
    expect(email.text).toMatch(/acknowledge/i);
    // The outcome, the reason and the findings stay in ReferLoop.
    const full = await readReferral(world.coordinatorA.client, first.id);
    for (const body of [email.text, email.html]) {
      expect(body).not.toContain('Flexion restored');
      expect(body).not.toContain('home programme');
      expect(body).not.toContain(full.reason);
      expect(body).not.toContain(world.patient.lastName);
      expect(body).not.toContain(world.patient.dateOfBirth);
      expect(body).not.toMatch(/SHOULDER/i);
    }

    // A later referral's reminder arrives after many more sweeps: the first was not reminded again.
    const second = await referralIn(world, 'COMPLETED');
    await withDeadline(
      smtp.waitFor((all) => all.some((mail) => mail.subject === reminderSubject(second)), EMAIL_WAIT_MS, `the outcome reminder of ${second.reference}`),
      EMAIL_WAIT_MS + 1000,
      'the second outcome reminder',
    );
    expect(remindersOf(first)).toHaveLength(1);
    expect(remindersOf(second)).toHaveLength(1);
  }, 60_000);
});

/**
 * A reminder written while the outcome waited, but delivered only after the referrer
 * acknowledged it, would ask them to do what they have done: the worker drops it instead. The
 * gateway runs alone until the acknowledgement, so the reminder is still undelivered then.
 */
describe('outcome reminders: acknowledged before the worker delivers the reminder', () => {
  const EMAIL_WAIT_MS = 20_000;
  let smtp: SmtpSink | undefined;
  let worker: RunningWorker | undefined;
  // Declared first, so it runs first: the worker stops before the gateway and its database go.
  afterAll(() => teardownAll([() => worker?.stop(), () => smtp?.close()]));
  const { app, world, db } = useWorld({ env: { OUTCOME_REMINDER_AFTER_HOURS: '24' } });

  it('the reminder is SKIPPED as NO_LONGER_DUE and never emailed, while the referral\'s other emails go out', async () => {
    const completed = await referralIn(world, 'COMPLETED');
    await completedHoursAgo(db, completed.id, 25);
    expect(await app.app.get(OutcomeReminders).sweep()).toBe(1);
    const [reminder] = (await deliveryOf(db, completed.id)).filter((row) => row.template === 'OUTCOME_REMINDER');
    expect(reminder).toMatchObject({ recipient_kind: 'REFERRER', status: 'PENDING', skip_reason: null });

    const acknowledged = await runReferralMutation(world.coordinatorA.client, 'acknowledgeReferralOutcome', { id: completed.id });
    expect(acknowledged.loopClosedAt).not.toBeNull();
    // No worker yet: nothing has been delivered, the reminder included.
    expect((await deliveryOf(db, completed.id)).find((row) => row.id === reminder.id)?.status).toBe('PENDING');

    smtp = await SmtpSink.start();
    worker = await startTestWorker(app.config, { SMTP_URL: smtp.url });
    const sink = smtp;
    const settled = await pollUntil(
      () => deliveryOf(db, completed.id),
      (rows) => rows.every((row) => row.status !== 'PENDING'),
      { timeoutMs: EMAIL_WAIT_MS, what: `every notification of ${completed.reference} handled by the worker` },
    );
    expect(settled.find((row) => row.id === reminder.id)).toEqual({ ...reminder, status: 'SKIPPED', skip_reason: 'NO_LONGER_DUE' });

    // The worker did deliver: every other row of the referral was sent (the outcome itself to the
    // referrer among them) and each arrived, so the reminder's absence is its own decision.
    const others = settled.filter((row) => row.id !== reminder.id);
    expect(others.map((row) => row.status)).toEqual(others.map(() => 'SENT'));
    expect(others).toContainEqual(expect.objectContaining({ recipient_kind: 'REFERRER', template: 'REFERRAL_COMPLETED' }));
    await withDeadline(
      sink.waitFor((all) => others.every((row) => all.some((mail) => notificationIdOf(mail) === row.id)), EMAIL_WAIT_MS, `the emails of ${completed.reference}`),
      EMAIL_WAIT_MS + 1000,
      'the emails of the referral',
    );
    expect(sink.received.filter((mail) => notificationIdOf(mail) === reminder.id)).toEqual([]);
    expect(sink.received.filter((mail) => mail.subject.startsWith('Reminder') && mail.subject.includes(completed.reference))).toEqual([]);
  }, 60_000);
});
