import { randomUUID } from 'node:crypto';
import { RunningWorker } from '../apps/worker/src/bootstrap';
import { expectGraphqlError } from './support/expectations';
import {
  Actor,
  createClinic,
  createPatient,
  createSignedInUser,
  outcomeInput,
  Referral,
  referralInput,
  runReferralMutation,
} from './support/fixtures';
import { listHeaders, notificationIdOf, NotificationRowView, settledNotifications } from './support/notification-rows';
import { referralMutation } from './support/operations';
import { ReceivedEmail, SmtpSink } from './support/smtp-sink';
import { TestApp } from './support/test-app';
import { startTestWorker } from './support/test-worker';
import { startWorldApp, World } from './support/world';

type Kind = 'PATIENT' | 'PROVIDER' | 'REFERRER';

/** What the tests need to know of a referral to predict its emails. */
interface Names {
  id: string;
  reference: string;
  providerName: string;
  providerEmail: string;
  receivingClinic: string;
}

interface ExpectedEmail {
  kind: Kind;
  template: string;
  to: string;
  /** A stable fragment of the subject (render-email.ts), checked with `includes`. */
  subject: string;
}

/**
 * The subjects, written by hand from libs/notifications/src/templates/render-email.ts. Every
 * referral here is ROUTINE physical therapy, so no "URGENT:" prefix and the modality in words
 * is always "physical therapy".
 */
const SUBJECT: Record<string, (n: Names) => string> = {
  'REFERRAL_SENT/PROVIDER': (n) => `New referral ${n.reference} for physical therapy`,
  'REFERRAL_SENT/PATIENT': (n) => `Your referral to ${n.providerName} at ${n.receivingClinic}`,
  'INFO_REQUESTED/REFERRER': (n) => `Question about referral ${n.reference}`,
  'INFO_PROVIDED/PROVIDER': (n) => `Answer received for referral ${n.reference}`,
  'REFERRAL_ACCEPTED/REFERRER': (n) => `Referral ${n.reference} accepted`,
  'REFERRAL_ACCEPTED/PATIENT': (n) => `${n.providerName} has accepted your referral`,
  'REFERRAL_DECLINED/REFERRER': (n) => `Referral ${n.reference} declined`,
  'REFERRAL_DECLINED/PATIENT': () => 'An update on your referral for physical therapy',
  'APPOINTMENT_SCHEDULED/PATIENT': () => 'Your physical therapy appointment is booked',
  'REFERRAL_COMPLETED/REFERRER': (n) => `Outcome ready for referral ${n.reference}`,
  'REFERRAL_COMPLETED/PATIENT': () => 'Your physical therapy treatment is complete',
  'REFERRAL_CANCELLED/PATIENT': (n) => `Your referral to ${n.providerName} has been cancelled`,
  'REFERRAL_CANCELLED/PROVIDER': (n) => `Referral ${n.reference} cancelled`,
  'REFERRAL_CANCELLED/REFERRER': (n) => `Referral ${n.reference} cancelled`,
};

/** The patient's clinic is far from the receiving clinic (Chicago) and from the test process's TZ, at a half-hour offset. */
const PATIENT_ZONE = 'Australia/Adelaide';
const CONDITIONS = ['SHOULDER_PAIN', 'NECK_PAIN'];
const REASON = 'Limited shoulder flexion after six weeks of orthopedic massage; needs strengthening.';
const POSTURE_NOTES = 'Forward head posture, elevated left shoulder.';
const DECLINE_NOTE = 'Caseload full until the spring intake';
const CANCEL_REASON = 'Patient relocated interstate for work';
const DATE_OF_BIRTH = '1975-11-23';

const NAMES = `query names($id: ID!) {
  referral(id: $id) { id reference toProvider { displayName email } toClinic { name } }
}`;

describe('notifications: each transition emails exactly the expected people, once each', () => {
  let app: TestApp;
  let worker: RunningWorker;
  let smtp: SmtpSink;
  let world: World;
  /** A coordinator at the patient's clinic: the referrer of every referral in this file. */
  let referrer: Actor;
  let patient: { id: string; email: string; firstName: string; lastName: string; dateOfBirth: string };
  /** Emails already accounted for by an earlier step (an index into smtp.received). */
  let emailsChecked = 0;
  const rowsChecked = new Set<string>();

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    ({ app, world } = await startWorldApp());
    worker = await startTestWorker(app.config, { SMTP_URL: smtp.url });
    const patientClinic = await createClinic(world.platformAdmin, { name: 'Harbourside Bodywork', timeZone: PATIENT_ZONE });
    referrer = await createSignedInUser(world.platformAdmin, 'COORDINATOR', patientClinic.id);
    patient = await createPatient(referrer.client, patientClinic.id, { dateOfBirth: DATE_OF_BIRTH });
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await smtp?.close();
  });

  const provider = () => world.targetProvider.client;

  async function createReferral(send: boolean): Promise<Referral> {
    return runReferralMutation(referrer.client, 'createReferral', {
      ...referralInput(patient.id, world.targetProvider.providerId, {
        conditions: CONDITIONS,
        reason: REASON,
        assessment: { postureNotes: POSTURE_NOTES, rangeOfMotion: [] },
      }),
      idempotencyKey: randomUUID(),
      send,
    });
  }

  async function namesOf(id: string): Promise<Names> {
    const data = await referrer.client.ok<{
      referral: { id: string; reference: string; toProvider: { displayName: string; email: string }; toClinic: { name: string } };
    }>(NAMES, { id });
    const { referral } = data;
    return {
      id: referral.id,
      reference: referral.reference,
      providerName: referral.toProvider.displayName,
      providerEmail: referral.toProvider.email,
      receivingClinic: referral.toClinic.name,
    };
  }

  function email(kind: Kind, template: string, n: Names): ExpectedEmail {
    const to = kind === 'PATIENT' ? patient.email : kind === 'PROVIDER' ? n.providerEmail : referrer.email;
    return { kind, template, to, subject: SUBJECT[`${template}/${kind}`](n) };
  }

  /**
   * After a move: waits for the expected number of emails, then until no row of the watched
   * referrals is PENDING (so a duplicate would have had its chance to arrive), and asserts the
   * emails and the new rows are exactly the expected ones. Returns the step's emails.
   */
  async function expectEmails(referralIds: string[], expected: ExpectedEmail[]): Promise<ReceivedEmail[]> {
    try {
      await smtp.waitForCount(emailsChecked + expected.length);
      const rows = await settledNotifications(referrer.client, referralIds);
      const newRows = rows.filter((row) => !rowsChecked.has(row.id));
      for (const row of newRows) rowsChecked.add(row.id);
      const arrived = smtp.received.slice(emailsChecked);
      expectExactly(arrived, newRows, expected);
      return arrived;
    } finally {
      // A failed step does not spill its emails into the next step's count.
      emailsChecked = smtp.received.length;
    }
  }

  function expectExactly(arrived: ReceivedEmail[], newRows: NotificationRowView[], expected: ExpectedEmail[]): void {
    const label = (x: ExpectedEmail) => `${x.kind} ${x.template} → ${x.to}`;
    const matchOf = (mail: ReceivedEmail) =>
      expected.filter((x) => mail.to.length === 1 && mail.to[0] === x.to && mail.subject.includes(x.subject));
    // Each email matches one expectation; a duplicate shows up as the same label twice.
    const seen = arrived.map((mail) => {
      const matches = matchOf(mail);
      return matches.length === 1 ? label(matches[0]) : `unexpected: to ${mail.to.join(',')} "${mail.subject}"`;
    });
    expect(seen.sort()).toEqual(expected.map(label).sort());

    // The rows say the same: one SENT row per expected email, and nothing else was written.
    expect(newRows.map((row) => `${row.recipientKind} ${row.template} ${row.status}`).sort()).toEqual(
      expected.map((x) => `${x.kind} ${x.template} SENT`).sort(),
    );
    // Message-ID is <notificationId@domain>, naming the row that the email is for.
    const rowById = new Map<string, NotificationRowView>(newRows.map((row) => [row.id, row]));
    for (const mail of arrived) {
      const row = rowById.get(notificationIdOf(mail) ?? '');
      const [match] = matchOf(mail);
      expect(row ? `${row.recipientKind} ${row.template}` : `no new row for Message-ID ${mail.messageId}`).toBe(`${match.kind} ${match.template}`);
    }
    for (const mail of arrived.filter((m) => m.to.includes(patient.email))) expectPatientEmailIsSafe(mail);
  }

  /** No clinical content, no name or other identifying details; a working one-click unsubscribe. */
  function expectPatientEmailIsSafe(mail: ReceivedEmail): void {
    const forbidden = [
      ...CONDITIONS,
      ...CONDITIONS.map((code) => code.toLowerCase().replace(/_/g, ' ')),
      'shoulder',
      REASON,
      'orthopedic massage',
      POSTURE_NOTES,
      DECLINE_NOTE,
      CANCEL_REASON,
      patient.firstName,
      patient.lastName,
      DATE_OF_BIRTH,
      '23/11/1975',
      '11/23/1975',
      '23 November 1975',
      'November 23, 1975',
    ];
    const content = `${mail.subject}\n${mail.text}\n${mail.html}`.toLowerCase();
    expect(forbidden.filter((text) => content.includes(text.toLowerCase()))).toEqual([]);

    const { unsubscribeUrl, unsubscribePost } = listHeaders(mail);
    expect(unsubscribeUrl).toMatch(new RegExp(`^${escapeRegExp(app.baseUrl)}/unsubscribe/[A-Za-z0-9._-]+$`));
    expect(unsubscribePost).toBe('List-Unsubscribe=One-Click');
  }

  it('happy path: send, accept, schedule, start treatment, complete, acknowledge', async () => {
    const draft = await createReferral(false);
    await expectEmails([draft.id], []);
    const n = await namesOf(draft.id);

    await runReferralMutation(referrer.client, 'sendReferral', { id: n.id });
    await expectEmails([n.id], [email('PROVIDER', 'REFERRAL_SENT', n), email('PATIENT', 'REFERRAL_SENT', n)]);

    await runReferralMutation(provider(), 'acceptReferral', { id: n.id, note: 'Happy to see them' });
    await expectEmails([n.id], [email('REFERRER', 'REFERRAL_ACCEPTED', n), email('PATIENT', 'REFERRAL_ACCEPTED', n)]);

    // On the hour in UTC: Adelaide is at a half-hour offset, so its wall time differs from UTC's and Chicago's.
    const appointment = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 3 * 86_400_000);
    await runReferralMutation(provider(), 'scheduleReferral', { id: n.id, appointmentAt: appointment.toISOString() });
    const [scheduled] = await expectEmails([n.id], [email('PATIENT', 'APPOINTMENT_SCHEDULED', n)]);
    const local = wallClock(appointment, PATIENT_ZONE);
    expect(scheduled.text).toContain(local.date);
    expect(scheduled.text).toContain(local.time);
    expect(scheduled.text).not.toContain(wallClock(appointment, 'America/Chicago').time);
    expect(scheduled.text).not.toContain(wallClock(appointment, 'UTC').time);

    await runReferralMutation(provider(), 'startReferralTreatment', { id: n.id });
    await expectEmails([n.id], []);

    await runReferralMutation(provider(), 'completeReferral', { id: n.id, outcome: outcomeInput() });
    await expectEmails([n.id], [email('REFERRER', 'REFERRAL_COMPLETED', n), email('PATIENT', 'REFERRAL_COMPLETED', n)]);

    await runReferralMutation(referrer.client, 'acknowledgeReferralOutcome', { id: n.id });
    await expectEmails([n.id], []);
  });

  it('request info emails only the referrer; the answer emails only the provider', async () => {
    const n = await namesOf((await createReferral(true)).id);
    await expectEmails([n.id], [email('PROVIDER', 'REFERRAL_SENT', n), email('PATIENT', 'REFERRAL_SENT', n)]);

    await runReferralMutation(provider(), 'requestReferralInfo', { id: n.id, question: 'Any imaging of the cervical spine?' });
    await expectEmails([n.id], [email('REFERRER', 'INFO_REQUESTED', n)]);

    await runReferralMutation(referrer.client, 'provideReferralInfo', { id: n.id, answer: 'X-ray in March, unremarkable.' });
    await expectEmails([n.id], [email('PROVIDER', 'INFO_PROVIDED', n)]);
  });

  it('decline emails the referrer and the patient; the redirect is a new referral sent to the new provider', async () => {
    const n = await namesOf((await createReferral(true)).id);
    await expectEmails([n.id], [email('PROVIDER', 'REFERRAL_SENT', n), email('PATIENT', 'REFERRAL_SENT', n)]);

    await runReferralMutation(provider(), 'declineReferral', { id: n.id, reason: 'OTHER', note: DECLINE_NOTE });
    await expectEmails([n.id], [email('REFERRER', 'REFERRAL_DECLINED', n), email('PATIENT', 'REFERRAL_DECLINED', n)]);

    const redirected = await runReferralMutation(referrer.client, 'redirectReferral', { id: n.id, toProviderId: world.alternateProvider.providerId });
    const r = await namesOf(redirected.id);
    expect(r.providerEmail).toBe(world.alternateProvider.email);
    // The declined referral writes nothing more; the new one is announced like any sent referral.
    await expectEmails([n.id, r.id], [email('PROVIDER', 'REFERRAL_SENT', r), email('PATIENT', 'REFERRAL_SENT', r)]);
  });

  it('cancel before acceptance by the referrer emails the patient and the provider, not the referrer', async () => {
    const n = await namesOf((await createReferral(true)).id);
    await expectEmails([n.id], [email('PROVIDER', 'REFERRAL_SENT', n), email('PATIENT', 'REFERRAL_SENT', n)]);

    // The receiving side may cancel only once it has accepted: refused for now, and nobody is emailed.
    const refused = await provider().request(referralMutation('cancelReferral'), { input: { id: n.id, reason: CANCEL_REASON } });
    expectGraphqlError(refused, 'INVALID_TRANSITION');
    await expectEmails([n.id], []);

    await runReferralMutation(referrer.client, 'cancelReferral', { id: n.id });
    await expectEmails([n.id], [email('PATIENT', 'REFERRAL_CANCELLED', n), email('PROVIDER', 'REFERRAL_CANCELLED', n)]);
  });

  describe('cancel after acceptance', () => {
    async function accepted(): Promise<Names> {
      const n = await namesOf((await createReferral(true)).id);
      await expectEmails([n.id], [email('PROVIDER', 'REFERRAL_SENT', n), email('PATIENT', 'REFERRAL_SENT', n)]);
      await runReferralMutation(provider(), 'acceptReferral', { id: n.id });
      await expectEmails([n.id], [email('REFERRER', 'REFERRAL_ACCEPTED', n), email('PATIENT', 'REFERRAL_ACCEPTED', n)]);
      return n;
    }

    it('by the referrer: the patient and the provider', async () => {
      const n = await accepted();
      await runReferralMutation(referrer.client, 'cancelReferral', { id: n.id, reason: CANCEL_REASON });
      await expectEmails([n.id], [email('PATIENT', 'REFERRAL_CANCELLED', n), email('PROVIDER', 'REFERRAL_CANCELLED', n)]);
    });

    it('by the receiving provider: the patient and the referrer', async () => {
      const n = await accepted();
      await runReferralMutation(provider(), 'cancelReferral', { id: n.id, reason: CANCEL_REASON });
      await expectEmails([n.id], [email('PATIENT', 'REFERRAL_CANCELLED', n), email('REFERRER', 'REFERRAL_CANCELLED', n)]);
    });

    it("by the receiving clinic's coordinator (no party to the emails): all three", async () => {
      const n = await accepted();
      await runReferralMutation(world.coordinatorB.client, 'cancelReferral', { id: n.id, reason: CANCEL_REASON });
      await expectEmails(
        [n.id],
        [email('PATIENT', 'REFERRAL_CANCELLED', n), email('PROVIDER', 'REFERRAL_CANCELLED', n), email('REFERRER', 'REFERRAL_CANCELLED', n)],
      );
    });
  });

  it('cancelling a draft emails nobody', async () => {
    const draft = await createReferral(false);
    await runReferralMutation(referrer.client, 'cancelReferral', { id: draft.id });
    await expectEmails([draft.id], []);
  });

  it('over the whole file, no email arrived late or twice', async () => {
    expect(smtp.received.length).toBe(emailsChecked);
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(smtp.received.length);
  });
});

/** The date and time a person in `timeZone` reads on their clock, computed here with Intl. */
function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('day')} ${part('month')} ${part('year')}`, time: `${part('hour')}:${part('minute')}` };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
