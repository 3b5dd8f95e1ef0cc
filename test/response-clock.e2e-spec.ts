import { DataSource } from 'typeorm';
import { RunningWorker } from '../apps/worker/src/bootstrap';
import { JobQueues, QueueName } from '@referloop/jobs';
import { clockRow, eventRows, expiryJobId, FinishedClockJobs, notificationRows, reminderJobId } from './support/clock-jobs';
import { readReferral, Referral, runReferralMutation } from './support/fixtures';
import { pollUntil } from './support/poll-until';
import { ReceivedEmail, SmtpSink } from './support/smtp-sink';
import { startTestWorker } from './support/test-worker';
import { createDraft, World } from './support/world';
import { usePipeline, useWorld } from './support/file-setup';

/*
 * The response clock end to end: the gateway arms a referral's timers when it is sent, the
 * worker's delayed jobs remind the receiver at half time and expire the referral at its
 * deadline, and the sweep repairs whatever Redis lost. Gateway and worker are given the same
 * windows (the gateway sets the deadline, the worker derives half time from it).
 *
 * Time is never measured by the test: it waits on emails and job completions, and checks
 * the product's own timestamps against each other (reminded_at against due_at, the EXPIRED
 * event against due_at). What a timer called early, late or twice does is checked on the
 * services, in service/response-clock.service-spec.ts.
 */

const sent = (world: World, overrides: Record<string, unknown> = {}): Promise<Referral> =>
  createDraft(world, overrides).then((draft) => runReferralMutation(world.coordinatorA.client, 'sendReferral', { id: draft.id }));

const reminderSubject = (referral: Referral) => `Reminder: referral ${referral.reference} needs an answer`;
const expiredSubject = (referral: Referral) => `Referral ${referral.reference} expired without an answer`;
const withSubject = (subject: string) => (all: ReceivedEmail[]) => all.some((mail) => mail.subject === subject);

/** The email the worker sent for a notification row: its Message-ID is derived from the row's id. */
const emailsOf = (smtp: SmtpSink, notificationId: string) => smtp.received.filter((mail) => mail.messageId.startsWith(`<${notificationId}@`));

const ms = (date: Date | null) => (date as Date).getTime();

describe('response clock: the delayed timers remind, expire, pause and stand down', () => {
  // ROUTINE answers are due in 6 s, so half time comes after 3 s.
  const WINDOW_MS = 6000;
  const CLOCK_ENV = {
    RESPONSE_WINDOW_ROUTINE_HOURS: String(WINDOW_MS / 3_600_000),
    // One sweep at start (before any referral exists), none after: the delayed jobs alone act.
    CLOCK_SWEEP_INTERVAL_MS: '600000',
  };
  const JOB_WAIT_MS = 20_000;

  let finished: FinishedClockJobs | undefined;
  afterAll(() => finished?.close());
  const { app, world, smtp } = usePipeline({ env: CLOCK_ENV });
  let db: DataSource;

  beforeAll(async () => {
    finished = new FinishedClockJobs(app.config);
    await finished.ready();
    db = app.app.get(DataSource);
  });

  const jobs = () => finished as FinishedClockJobs;

  // Each test waits on timers of its own referral (the window is 6 s): they run side by side,
  // so the waits overlap instead of adding up.

  it.concurrent('reminds the target provider once at half time, then expires the referral at its deadline and tells the referrer', async () => {
    const referral = await sent(world);
    const { clock_seq } = await clockRow(db, referral.id);

    await smtp.waitFor(withSubject(expiredSubject(referral)), JOB_WAIT_MS, 'the expiry email');
    // The delayed jobs did it (the sweep is not running): each reports having acted.
    expect(await jobs().waitFor(reminderJobId(referral.id, clock_seq), JOB_WAIT_MS)).toBe('done');
    expect(await jobs().waitFor(expiryJobId(referral.id, clock_seq), JOB_WAIT_MS)).toBe('done');

    const clock = await clockRow(db, referral.id);
    expect(clock.status).toBe('EXPIRED');
    expect(ms(clock.due_at) - ms(clock.sent_at)).toBe(WINDOW_MS);
    // Not before half time, by the product's own record.
    expect(ms(clock.reminded_at)).toBeGreaterThanOrEqual(ms(clock.due_at) - WINDOW_MS / 2);

    const notifications = await notificationRows(db, referral.id);
    const reminders = notifications.filter((row) => row.template === 'RESPONSE_REMINDER');
    expect(reminders).toEqual([expect.objectContaining({ recipient_kind: 'PROVIDER', recipient_email: world.targetProvider.email })]);
    expect(emailsOf(smtp, reminders[0].id).map((mail) => mail.to)).toEqual([[world.targetProvider.email]]);
    expect(smtp.received.filter((mail) => mail.subject === reminderSubject(referral))).toHaveLength(1);

    const expiries = notifications.filter((row) => row.template === 'REFERRAL_EXPIRED');
    expect(expiries).toEqual([expect.objectContaining({ recipient_kind: 'REFERRER', recipient_email: world.coordinatorA.email })]);
    expect(emailsOf(smtp, expiries[0].id).map((mail) => mail.to)).toEqual([[world.coordinatorA.email]]);

    const events = await eventRows(db, referral.id);
    const expired = events.filter((event) => event.type === 'EXPIRED');
    expect(expired).toEqual([expect.objectContaining({ from_status: 'SENT', to_status: 'EXPIRED', actor_id: null })]);
    expect(ms(expired[0].at)).toBeGreaterThanOrEqual(ms(clock.due_at));

    // What the referrer sees through the API.
    const { status, events: history } = await readReferral(world.coordinatorA.client, referral.id);
    expect(status).toBe('EXPIRED');
    expect(history.at(-1)).toMatchObject({ type: 'EXPIRED', fromStatus: 'SENT', toStatus: 'EXPIRED', actor: null });
  }, 30_000);

  it.concurrent('expires an open referral nobody claimed and tells its referrer, naming no provider; its reminder goes to nobody', async () => {
    const referral = await sent(world, { toProviderId: null, toPool: { near: { latitude: 41.88, longitude: -87.63 }, radiusKm: 10 } });
    const { clock_seq } = await clockRow(db, referral.id);

    await smtp.waitFor(withSubject(expiredSubject(referral)), JOB_WAIT_MS, 'the expiry email of the open referral');
    expect(await jobs().waitFor(reminderJobId(referral.id, clock_seq), JOB_WAIT_MS)).toBe('done');
    expect((await clockRow(db, referral.id)).status).toBe('EXPIRED');

    // No provider to remind and nothing to tell the patient before someone takes it.
    const notifications = await notificationRows(db, referral.id);
    expect(notifications).toEqual([
      expect.objectContaining({ template: 'REFERRAL_EXPIRED', recipient_kind: 'REFERRER', recipient_email: world.coordinatorA.email }),
    ]);
    const [email] = emailsOf(smtp, notifications[0].id);
    expect(email.text).toContain(`No provider took open referral ${referral.reference} for physical therapy in time.`);
  }, 30_000);

  it.concurrent('pauses while ON_HOLD, resumes with the time that was left, and expires at the new deadline', async () => {
    const referral = await sent(world);
    // Half time has come once the reminder has run: pause with about half the window left.
    const running = await clockRow(db, referral.id);
    expect(await jobs().waitFor(reminderJobId(referral.id, running.clock_seq), JOB_WAIT_MS)).toBe('done');

    const held = await runReferralMutation(world.targetProvider.client, 'requestReferralInfo', { id: referral.id, question: 'Any imaging since the injury?' });
    expect(held.status).toBe('ON_HOLD');
    const paused = await clockRow(db, referral.id);
    const pausedAt = (await eventRows(db, referral.id)).find((event) => event.type === 'INFO_REQUESTED')?.at as Date;
    expect(paused.due_at).toBeNull();
    expect(Math.abs((paused.clock_remaining_ms as number) - (ms(running.due_at) - ms(pausedAt)))).toBeLessThanOrEqual(1);

    // The timer armed for the first run of the clock fires at the original deadline, finds the
    // referral on hold and stands down.
    expect(await jobs().waitFor(expiryJobId(referral.id, running.clock_seq), JOB_WAIT_MS)).toBe('stale');
    expect((await clockRow(db, referral.id)).status).toBe('ON_HOLD');
    expect((await eventRows(db, referral.id)).map((event) => event.type)).not.toContain('EXPIRED');

    const resumed = await runReferralMutation(world.coordinatorA.client, 'provideReferralInfo', { id: referral.id, answer: 'X-ray clear, report attached.' });
    expect(resumed.status).toBe('SENT');
    const restarted = await clockRow(db, referral.id);
    const resumedAt = (await eventRows(db, referral.id)).find((event) => event.type === 'INFO_PROVIDED')?.at as Date;
    expect(restarted.clock_seq).toBe(running.clock_seq + 1);
    expect(restarted.clock_remaining_ms).toBeNull();
    expect(Math.abs(ms(restarted.due_at) - (ms(resumedAt) + (paused.clock_remaining_ms as number)))).toBeLessThanOrEqual(1);

    await smtp.waitFor(withSubject(expiredSubject(referral)), JOB_WAIT_MS, 'the expiry email');
    expect(await jobs().waitFor(expiryJobId(referral.id, restarted.clock_seq), JOB_WAIT_MS)).toBe('done');
    const expired = (await eventRows(db, referral.id)).filter((event) => event.type === 'EXPIRED');
    expect(expired).toEqual([expect.objectContaining({ actor_id: null })]);
    expect(ms(expired[0].at)).toBeGreaterThanOrEqual(ms(restarted.due_at));
    // The receiver was reminded in the first run; resuming does not remind again.
    const reminders = (await notificationRows(db, referral.id)).filter((row) => row.template === 'RESPONSE_REMINDER');
    expect(reminders).toHaveLength(1);
  }, 45_000);

  it.concurrent('never expires a referral accepted before its deadline: its timers run and do nothing', async () => {
    const referral = await sent(world);
    const accepted = await runReferralMutation(world.targetProvider.client, 'acceptReferral', { id: referral.id, note: 'Can see them Monday' });
    expect(accepted.status).toBe('ACCEPTED');
    const { clock_seq, due_at } = await clockRow(db, referral.id);
    const acceptedAt = (await eventRows(db, referral.id)).find((event) => event.type === 'ACCEPTED')?.at as Date;
    expect(ms(acceptedAt)).toBeLessThan(ms(due_at));

    expect(await jobs().waitFor(reminderJobId(referral.id, clock_seq), JOB_WAIT_MS)).toBe('stale');
    expect(await jobs().waitFor(expiryJobId(referral.id, clock_seq), JOB_WAIT_MS)).toBe('stale');

    const clock = await clockRow(db, referral.id);
    expect(clock.status).toBe('ACCEPTED');
    expect(clock.reminded_at).toBeNull();
    expect((await eventRows(db, referral.id)).map((event) => event.type)).not.toContain('EXPIRED');
    const templates = (await notificationRows(db, referral.id)).map((row) => row.template);
    expect(templates).not.toContain('RESPONSE_REMINDER');
    expect(templates).not.toContain('REFERRAL_EXPIRED');
    expect(smtp.received.filter((mail) => [reminderSubject(referral), expiredSubject(referral)].includes(mail.subject))).toEqual([]);
  }, 30_000);
});

describe('response clock: the sweep repairs what Redis lost', () => {
  // A 180 s window (half time at 90 s) and one sweep at start: the sweep re-arms the timers
  // due within two sweep intervals (120 s), so of a fresh referral it re-arms the reminder only.
  const SWEEP_ENV = {
    RESPONSE_WINDOW_ROUTINE_HOURS: '0.05',
    RESPONSE_WINDOW_URGENT_HOURS: '0.05',
    CLOCK_SWEEP_INTERVAL_MS: '60000',
  };

  let worker: RunningWorker | undefined;
  afterAll(() => worker?.stop());
  const { app, world, smtp } = useWorld({ env: SWEEP_ENV, smtp: true });
  let db: DataSource;

  beforeAll(() => {
    db = app.app.get(DataSource);
  });

  /** As if the referral had been sent `byMs` earlier: its deadline moves back with it. */
  const sentEarlier = (id: string, byMs: number) =>
    db.query(`UPDATE referrals SET sent_at = sent_at - $2 * interval '1 millisecond', due_at = due_at - $2 * interval '1 millisecond' WHERE id = $1`, [id, byMs]);

  it('expires what is overdue, reminds what is past half time and re-arms upcoming timers, with every delayed job gone', async () => {
    const overdue = await sent(world);
    const pastHalfTime = await sent(world);
    const fresh = await sent(world);
    await sentEarlier(overdue.id, 200_000); // deadline passed 20 s ago
    await sentEarlier(pastHalfTime.id, 120_000); // half time passed 30 s ago, deadline in 60 s

    // Redis loses the timers the gateway armed (two per referral), before any worker runs.
    const queue = app.app.get(JobQueues).queue(QueueName.RESPONSE_CLOCK);
    const armed = await queue.getJobs(['delayed', 'wait']);
    expect(armed).toHaveLength(6);
    await Promise.all(armed.map((job) => job.remove()));
    expect(await queue.getJobs(['delayed', 'wait', 'active'])).toEqual([]);

    worker = await startTestWorker(app.config, { ...SWEEP_ENV, SMTP_URL: smtp.url });

    await smtp.waitFor(
      (all) => withSubject(expiredSubject(overdue))(all) && withSubject(reminderSubject(pastHalfTime))(all),
      20_000,
      'the expiry and reminder emails the sweep causes',
    );
    const [pastHalfTimeSeq, freshSeq] = [(await clockRow(db, pastHalfTime.id)).clock_seq, (await clockRow(db, fresh.id)).clock_seq];
    await pollUntil(
      () => Promise.all([queue.getJobState(expiryJobId(pastHalfTime.id, pastHalfTimeSeq)), queue.getJobState(reminderJobId(fresh.id, freshSeq))]),
      (states) => states.every((state) => state === 'delayed'),
      { timeoutMs: 10_000, what: 'the re-armed expiry of the reminded referral and reminder of the fresh one' },
    );

    const expired = await clockRow(db, overdue.id);
    expect(expired.status).toBe('EXPIRED');
    expect((await eventRows(db, overdue.id)).filter((event) => event.type === 'EXPIRED')).toEqual([
      expect.objectContaining({ from_status: 'SENT', to_status: 'EXPIRED', actor_id: null }),
    ]);
    const overdueMail = await notificationRows(db, overdue.id);
    expect(overdueMail.filter((row) => row.template === 'REFERRAL_EXPIRED')).toEqual([
      expect.objectContaining({ recipient_kind: 'REFERRER', recipient_email: world.coordinatorA.email }),
    ]);
    // Past its deadline a reminder would be pointless: the sweep expires first.
    expect(overdueMail.map((row) => row.template)).not.toContain('RESPONSE_REMINDER');

    const reminded = await clockRow(db, pastHalfTime.id);
    expect(reminded.status).toBe('SENT');
    expect(reminded.reminded_at).not.toBeNull();
    const reminders = (await notificationRows(db, pastHalfTime.id)).filter((row) => row.template === 'RESPONSE_REMINDER');
    expect(reminders).toEqual([expect.objectContaining({ recipient_kind: 'PROVIDER', recipient_email: world.targetProvider.email })]);
    expect(smtp.to(world.targetProvider.email).filter((mail) => mail.subject === reminderSubject(pastHalfTime))).toHaveLength(1);

    const untouched = await clockRow(db, fresh.id);
    expect(untouched).toMatchObject({ status: 'SENT', reminded_at: null });
  }, 45_000);
});
