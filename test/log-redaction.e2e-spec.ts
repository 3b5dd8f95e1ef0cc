import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { Client } from 'pg';
import { ANONYMOUS, RecordedRequest, RecordingClient, Session } from './support/log-redaction-client';
import {
  ACCEPT_REFERRAL,
  ACKNOWLEDGE_REFERRAL_OUTCOME,
  CANCEL_REFERRAL,
  COMPLETE_REFERRAL,
  CREATE_CLINIC,
  CREATE_PATIENT,
  CREATE_PROVIDER,
  CREATE_REFERRAL,
  CREATE_USER,
  DECLINE_REFERRAL,
  DISABLE_USER,
  RESET_TWO_FACTOR,
  CREATE_WEBHOOK_ENDPOINT,
  UPDATE_WEBHOOK_ENDPOINT,
  ROTATE_WEBHOOK_SECRET,
  DISABLE_WEBHOOK_ENDPOINT,
  ENABLE_WEBHOOK_ENDPOINT,
  DELETE_WEBHOOK_ENDPOINT,
  RESEND_WEBHOOK_EVENT,
  RECOVER_WEBHOOK_ENDPOINT,
  LOGIN,
  ME,
  PATIENT_SEARCH,
  PROVIDE_REFERRAL_INFO,
  RECORD_VISIT,
  REDIRECT_REFERRAL,
  REFER_ONWARD,
  REFERRAL_DETAIL,
  REFRESH_SESSION,
  REFRESH_WITH_TOKEN,
  INVITE_USER,
  BEGIN_TOTP_ENROLMENT,
  CONFIRM_TOTP_ENROLMENT,
  LOGIN_WITH_CHALLENGE,
  VERIFY_SIGN_IN_CODE,
  REMOVE_TWO_FACTOR,
  CHANGE_USER_ROLE,
  ENABLE_USER,
  UPDATE_CLINIC,
  RESEND_INVITATION,
  REVOKE_INVITATION,
  ACCOUNT_LINK,
  ACCEPT_INVITATION,
  REQUEST_PASSWORD_RESET,
  RESET_PASSWORD,
  REQUEST_REFERRAL_INFO,
  RETRY_NOTIFICATION,
  SCHEDULE_REFERRAL,
  SEND_PROGRESS_REPORT,
  SEND_REFERRAL,
  SET_TREATMENT_PLAN,
  SIGN_IN,
  SIGN_OUT,
  SIGN_OUT_EVERYWHERE,
  MY_SESSIONS,
  REVOKE_SESSION,
  CHANGE_PASSWORD,
  START_REFERRAL_TREATMENT,
  UPDATE_PATIENT,
  UPDATE_PROVIDER,
  UPDATE_REFERRAL,
} from './support/log-redaction-operations';
import { CapturedLine, LoggedStack, startLoggedStack } from './support/log-redaction-processes';
import { WebhookReceiver } from './support/webhook-receiver';
import { totpCode } from '../libs/auth/src/two-factor/totp';
import { AccountLinkPage, linkTokenIn } from './support/account-links';
import { notificationIdOf } from './support/notification-rows';
import { pollUntil } from './support/poll-until';
import { SmtpSink } from './support/smtp-sink';
import { teardownAll } from './support/teardown';

/**
 * Issue 6, logs: one structured JSON line per request (request id, operation, user id, result,
 * duration), and never a password, token, patient name, email, date of birth, phone number or
 * clinical text. The built gateway and worker run as child processes at the most verbose level;
 * the test sends distinctive values through every mutation of the schema (and through failing
 * requests that echo them back), waits for the worker to deliver the emails, then searches
 * everything both processes wrote.
 */

/** Makes every value of this run unique, so a hit in the output can only come from this test. */
const TAG = randomBytes(4).toString('hex');
const DIGITS = String(parseInt(TAG.slice(0, 4), 16) % 1000).padStart(3, '0');

const SECRETS = {
  jwtSecret: `jwt-secret-${TAG}-that-is-long-enough-0123456789`,
  linkSecret: `link-secret-${TAG}-that-is-long-enough-0123456789`,
  adminEmail: `root.${TAG}@operator.test`,
  adminPassword: `Admin-password-${TAG}!`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WAIT_MS = 30_000;

interface SensitiveValue {
  label: string;
  value: string;
  /** Emails are matched whatever their case: the gateway stores them lower-cased. */
  anyCase: boolean;
}

/** The values that must never reach a log line. */
class SensitiveValues {
  readonly all: SensitiveValue[] = [];

  add<T extends string>(label: string, value: T, options: { anyCase?: boolean } = {}): T {
    this.all.push({ label, value, anyCase: options.anyCase ?? false });
    return value;
  }

  email<T extends string>(label: string, value: T): T {
    return this.add(label, value, { anyCase: true });
  }

  /** A bearer or link token, and its signature alone (a log could hold a truncated token). */
  token(label: string, value: string): string {
    this.add(label, value);
    const signature = value.split('.').pop() ?? '';
    if (signature.length >= 16 && signature !== value) this.add(`${label} (signature)`, signature);
    return value;
  }
}

/** Paths probed and scraped every few seconds; their requests are not logged. */
const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];
const PROBE_ID_PREFIX = 'quiet-probe';

describe('logs: one structured line per request, and nothing sensitive in any of them', () => {
  const sensitive = new SensitiveValues();
  for (const [label, value] of Object.entries(SECRETS)) {
    if (label === 'adminEmail') sensitive.email('bootstrap admin email', value);
    else sensitive.add(`configured ${label}`, value);
  }

  let smtp: SmtpSink;
  let stack: LoggedStack | undefined;
  let db: Client | undefined;
  let http: RecordingClient;
  /** Set once the scenario stopped both processes: everything they will ever write is captured. */
  let captured: CapturedLine[] | undefined;
  /** Notifications the scenario made fail: the worker logs each (by id only). */
  let failedIds: string[] = [];
  let receiver: WebhookReceiver | undefined;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    stack = await startLoggedStack({
      smtpUrl: smtp.url,
      secrets: SECRETS,
      // Two quick attempts, so the test can make a notification FAILED and retry it.
      // Webhooks go to a receiver in this process, on 127.0.0.1.
      env: { NOTIFICATION_ATTEMPTS: '2', NOTIFICATION_BACKOFF_MS: '50', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on' },
    });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    http = new RecordingClient(stack.baseUrl, `lr-${TAG}`);
  }, 90_000);

  afterAll(() => teardownAll([() => db?.end(), () => stack?.release(), () => smtp?.close(), () => receiver?.close()]), 60_000);

  /** Notification rows by status, read from the database (reading them adds no log line). */
  const notificationCounts = async (): Promise<Record<string, number>> => {
    const { rows } = await (db as Client).query<{ status: string; count: string }>('SELECT status, count(*) AS count FROM notifications GROUP BY status');
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  };
  const settled = (what: string) =>
    pollUntil(notificationCounts, (counts) => (counts.PENDING ?? 0) === 0, { timeoutMs: WAIT_MS, what: `no PENDING notification (${what})` });

  const login = async (email: string, password: string, label: string): Promise<Session> => {
    const data = await http.ok<{ login: { accessToken: string; refreshToken: string; user: { id: string } } }>(ANONYMOUS, LOGIN, { input: { email, password } });
    sensitive.add(`refresh token of ${label}`, data.login.refreshToken);
    sensitive.add(`refresh secret of ${label}`, data.login.refreshToken.split('.')[1]);
    return { token: sensitive.token(`access token of ${label}`, data.login.accessToken), userId: data.login.user.id, label, refreshToken: data.login.refreshToken };
  };

  /** The browser session cookie an answer set, marked sensitive with the secret it holds. */
  const sessionCookieOf = (answer: { setCookies: string[] }, label: string): string => {
    const value = answer.setCookies.map((line) => line.split(';')[0]).find((pair) => pair.startsWith('referloop_session='))?.slice('referloop_session='.length);
    if (!value) throw new Error(`No session cookie was set (${label}): ${JSON.stringify(answer.setCookies)}`);
    sensitive.add(`${label} secret`, value.split('.')[1]);
    return sensitive.add(label, value);
  };

  /** A browser signed in (signIn): its cookie and access token are sensitive, and the log line names no user (none was signed in). */
  const browserSignIn = async (email: string, password: string, label: string): Promise<Session> => {
    const answer = await http.graphql<{ signIn: { accessToken: string; user: { id: string } } }>(ANONYMOUS, SIGN_IN, { input: { email, password } });
    expect(answer.errors).toBeUndefined();
    const signedIn = answer.data?.signIn as { accessToken: string; user: { id: string } };
    return { token: sensitive.token(`access token of ${label}`, signedIn.accessToken), sessionCookie: sessionCookieOf(answer, `session cookie of ${label}`), userId: signedIn.user.id, label };
  };

  const expectCode = (answer: { errors?: Array<{ extensions?: { code?: unknown } }> | undefined }, code: string) =>
    expect({ code: answer.errors?.[0]?.extensions?.code, errors: answer.errors }).toMatchObject({ code });

  it(
    'runs every mutation of the schema (and failing requests echoing sensitive input) against the built gateway; the worker delivers every email',
    async () => {
      const admin = await login(SECRETS.adminEmail.toUpperCase(), SECRETS.adminPassword, 'platform admin');

      // Clinics, users, providers.
      const clinicInput = (name: string, email: string, phone: string) => ({
        name,
        email,
        phone,
        timeZone: 'America/Chicago',
        address: { line1: '1 Main St', city: 'Chicago', region: 'IL', postalCode: '60601', country: 'US' },
        location: { latitude: 41.88, longitude: -87.63 },
      });
      const clinicIds: string[] = [];
      for (const letter of ['A', 'B', 'C']) {
        const data = await http.ok<{ createClinic: { id: string } }>(admin, CREATE_CLINIC, {
          input: clinicInput(`Clinic ${letter} ${TAG}`, sensitive.email(`clinic ${letter} email`, `Front.Desk.${letter}.${TAG}@Clinic-${letter}.test`), '+1 312 555 0100'),
        });
        clinicIds.push(data.createClinic.id);
      }
      const [clinicA, clinicB, clinicC] = clinicIds;

      const newUser = async (creator: Session, role: string, clinicId: string, name: string): Promise<{ id: string; email: string; password: string }> => {
        const email = sensitive.email(`${name} email`, `${name.replace(/\W/g, '.')}.${TAG}@Staff-Mail.test`);
        // Not built from TAG or the name: the policy refuses a password holding the user's email or name.
        const password = sensitive.add(`${name} password`, `Pass-${randomBytes(4).toString('hex')}-river-x9`);
        const data = await http.ok<{ createUser: { id: string } }>(creator, CREATE_USER, { input: { email, password, displayName: `${name} ${TAG}`, role, clinicId } });
        return { id: data.createUser.id, email, password };
      };
      const adminAUser = await newUser(admin, 'CLINIC_ADMIN', clinicA, 'Admin-A');
      const adminA = await login(adminAUser.email, adminAUser.password, 'admin A');
      // Staff with typed passwords, by the platform admin (clinic admins invite, below).
      const coordinatorUser = await newUser(admin, 'COORDINATOR', clinicA, 'Coordinator-A');
      const spareUser = await newUser(admin, 'COORDINATOR', clinicA, 'Spare-A');
      const providerBUser = await newUser(admin, 'PROVIDER', clinicB, 'Provider-B');
      const providerB2User = await newUser(admin, 'PROVIDER', clinicB, 'Provider-B2');
      const providerCUser = await newUser(admin, 'PROVIDER', clinicC, 'Provider-C');

      // The password never moves: a bad one is refused, and the line says UNAUTHENTICATED only.
      const wrongPassword = sensitive.add('wrong password', `Wrong-Guess-${TAG}-77`);
      expectCode(await http.graphql(ANONYMOUS, LOGIN, { input: { email: coordinatorUser.email, password: wrongPassword } }), 'UNAUTHENTICATED');
      let coordinator = await login(coordinatorUser.email.toUpperCase(), coordinatorUser.password, 'coordinator A');
      const spare = await login(spareUser.email, spareUser.password, 'spare A');
      const providerB = await login(providerBUser.email, providerBUser.password, 'provider B');
      const providerB2 = await login(providerB2User.email, providerB2User.password, 'provider B2');
      const providerC = await login(providerCUser.email, providerCUser.password, 'provider C');

      // Bad input that the answer echoes: a password too short, a malformed email.
      const shortPassword = sensitive.add('too short password', `s${TAG}`);
      expectCode(
        await http.graphql(admin, CREATE_USER, {
          input: { email: sensitive.email('refused user email', `Refused.${TAG}@Staff-Mail.test`), password: shortPassword, displayName: 'Refused', role: 'COORDINATOR', clinicId: clinicA },
        }),
        'BAD_USER_INPUT',
      );

      const providerIds: Record<string, string> = {};
      for (const [label, user, clinicId, modality] of [
        ['Provider-B', providerBUser, clinicB, 'PHYSICAL_THERAPY'],
        ['Provider-B2', providerB2User, clinicB, 'PHYSICAL_THERAPY'],
        ['Provider-C', providerCUser, clinicC, 'MASSAGE'],
      ] as const) {
        const data = await http.ok<{ createProvider: { id: string } }>(admin, CREATE_PROVIDER, {
          input: {
            clinicId,
            userId: user.id,
            displayName: `${label} ${TAG}`,
            email: sensitive.email(`${label} provider email`, `Profile.${label}.${TAG}@Provider-Mail.test`),
            modalities: [modality],
            techniques: modality === 'MASSAGE' ? ['ORTHOPEDIC_MASSAGE'] : ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY'],
            conditions: ['SHOULDER_PAIN', 'NECK_PAIN'],
            acceptingNewPatients: true,
            weeklyCapacity: 20,
            location: { latitude: 41.9, longitude: -87.65 },
          },
        });
        providerIds[label] = data.createProvider.id;
      }
      await http.ok(providerB, UPDATE_PROVIDER, {
        input: { id: providerIds['Provider-B'], weeklyCapacity: 12, email: sensitive.email('updated provider email', `New.Profile.${TAG}@Provider-Mail.test`) },
      });

      // The patient: names, email, date of birth, phone — then edited.
      const patientEmail = sensitive.email('patient email', `Zephyrine.Quill.${TAG}@Patient-Mail.test`);
      const patientInput = {
        clinicId: clinicA,
        firstName: sensitive.add('patient first name', `Zephyrine${TAG}`),
        lastName: sensitive.add('patient last name', `Quillfeather${TAG}`),
        email: patientEmail,
        dateOfBirth: sensitive.add('patient date of birth', '1931-11-27'),
        phone: sensitive.add('patient phone', `+1 (312) 555-0${DIGITS}`),
        emailConsent: true,
      };
      expectCode(await http.graphql(ANONYMOUS, CREATE_PATIENT, { input: patientInput }), 'UNAUTHENTICATED');
      const refusedBirthDate = await http.graphql(
        coordinator,
        CREATE_PATIENT,
        { input: { ...patientInput, dateOfBirth: sensitive.add('impossible date of birth', '1931-02-30') } },
        // The name from the document alone: a variable the scalar refuses fails before execution.
        { sendOperationName: false },
      );
      expectCode(refusedBirthDate, 'BAD_USER_INPUT');
      // The error carries the value back to the client; it must stay out of the log.
      expect(JSON.stringify(refusedBirthDate.errors)).toContain('1931-02-30');
      expectCode(
        await http.graphql(coordinator, CREATE_PATIENT, { input: { ...patientInput, email: sensitive.email('malformed patient email', `zephyrine-${TAG}-at-nowhere`) } }),
        'BAD_USER_INPUT',
      );
      const patient = (await http.ok<{ createPatient: { id: string } }>(coordinator, CREATE_PATIENT, { input: patientInput })).createPatient;
      await http.ok(coordinator, UPDATE_PATIENT, {
        input: {
          id: patient.id,
          lastName: sensitive.add('patient new last name', `Marchbanks${TAG}`),
          phone: sensitive.add('patient new phone', `+44 20 7946 0${DIGITS}`),
          dateOfBirth: sensitive.add('patient corrected date of birth', '1932-02-29'),
        },
      });
      await http.ok(coordinator, PATIENT_SEARCH, { search: `Marchbanks${TAG}` });

      // Referral 1: the whole episode.
      const clinical = (label: string, text: string) => sensitive.add(label, `${text} [${TAG}]`);
      const referralContent = {
        patientId: patient.id,
        toProviderId: providerIds['Provider-B'],
        modality: 'PHYSICAL_THERAPY',
        conditions: ['SHOULDER_PAIN'],
        techniques: ['STRENGTHENING_EXERCISE'],
        priority: 'ROUTINE',
        reason: clinical('referral reason', 'Left rotator cuff tear after a fall on black ice'),
        assessment: {
          postureNotes: clinical('posture notes', 'Marked thoracic kyphosis, left scapula winging'),
          rangeOfMotion: [{ joint: 'SHOULDER', movement: 'FLEXION', side: 'LEFT', measuredDegrees: 95, expectedDegrees: 180, painScore: 6 }],
        },
        goals: { longTerm: clinical('long-term goal', 'Hang washing on the line again'), shortTerm: [clinical('short-term goal', 'Comb hair without pain')] },
        redFlags: clinical('red flags', 'Anticoagulated on warfarin; history of syncope'),
        recommendedVisits: 6,
        visitsPerWeek: 1,
        consentToShare: true,
      };
      const tooLong = `${clinical('over-long reason prefix', 'Overlong history of repeated dislocations')} ${'x'.repeat(4100)}`;
      expectCode(await http.graphql(coordinator, CREATE_REFERRAL, { input: { ...referralContent, reason: tooLong } }), 'BAD_USER_INPUT');
      const episode = (await http.ok<{ createReferral: { id: string } }>(coordinator, CREATE_REFERRAL, { input: referralContent })).createReferral;
      await http.ok(coordinator, UPDATE_REFERRAL, { input: { id: episode.id, reason: clinical('updated referral reason', 'Rotator cuff tear, now also night pain') } });
      await http.ok(coordinator, SEND_REFERRAL, { input: { id: episode.id } });
      // Cancelling is not among the receiver's moves, whatever reason it gives.
      expectCode(
        await http.graphql(providerB, CANCEL_REFERRAL, { input: { id: episode.id, reason: clinical('refused cancel reason', 'Patient confided a new diagnosis') } }),
        'INVALID_TRANSITION',
      );
      await http.ok(providerB, REQUEST_REFERRAL_INFO, { input: { id: episode.id, question: clinical('info question', 'Any MRI of the left shoulder?') } });
      await http.ok(coordinator, PROVIDE_REFERRAL_INFO, { input: { id: episode.id, answer: clinical('info answer', 'MRI shows full-thickness supraspinatus tear') } });
      await http.ok(providerB, ACCEPT_REFERRAL, { input: { id: episode.id, note: clinical('accept note', 'Will see her with her daughter present') } });
      await http.ok(providerB, SET_TREATMENT_PLAN, {
        input: {
          referralId: episode.id,
          longTermGoal: clinical('plan long-term goal', 'Return to swimming breaststroke'),
          shortTermGoals: [
            { description: clinical('plan goal 1', 'Flexion to 140 degrees'), targetVisit: 3, measure: clinical('plan goal measure', 'Goniometer, supine') },
            { description: clinical('plan goal 2', 'Sleep on the left side'), targetVisit: 5 },
          ],
          plannedVisits: 6,
          visitsPerWeek: 1,
          techniques: ['STRENGTHENING_EXERCISE'],
        },
      });
      await http.ok(providerB, SCHEDULE_REFERRAL, { input: { id: episode.id, appointmentAt: new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString() } });
      await http.ok(providerB, START_REFERRAL_TREATMENT, { input: { id: episode.id } });
      const visitAt = new Date(Date.now() - 60_000).toISOString();
      // The referrer side may not record visits: FORBIDDEN, with the notes it sent.
      expectCode(
        await http.graphql(coordinator, RECORD_VISIT, {
          input: { referralId: episode.id, at: visitAt, attended: true, notes: clinical('forbidden visit notes', 'Coordinator notes: suspected elder abuse') },
        }),
        'FORBIDDEN',
      );
      expectCode(
        await http.graphql(providerB, RECORD_VISIT, {
          input: { referralId: episode.id, at: visitAt, attended: true, painScore: 11, notes: clinical('refused visit notes', 'Tearful, disclosed a fall at home') },
        }),
        'BAD_USER_INPUT',
      );
      await http.ok(providerB, RECORD_VISIT, {
        input: {
          referralId: episode.id,
          at: visitAt,
          attended: true,
          painScore: 4,
          notes: clinical('visit notes', 'Bruising over the left deltoid, patient anxious'),
          rangeOfMotion: [{ joint: 'SHOULDER', movement: 'FLEXION', side: 'LEFT', measuredDegrees: 120, expectedDegrees: 180, painScore: 4 }],
          shortTermGoalsMet: [1],
          techniquesUsed: ['STRENGTHENING_EXERCISE'],
        },
      });
      await http.ok(providerB, RECORD_VISIT, { input: { referralId: episode.id, at: visitAt, attended: false, notes: clinical('missed visit notes', 'Missed: hospital admission') } });
      await http.ok(providerB, SEND_PROGRESS_REPORT, { input: { referralId: episode.id, comments: clinical('progress comments', 'Progressing despite low mood') } });
      const onward = await http.ok<{ referOnward: { id: string } }>(providerB, REFER_ONWARD, {
        input: {
          referralId: episode.id,
          modality: 'MASSAGE',
          toProviderId: providerIds['Provider-C'],
          reason: clinical('onward reason', 'Soft tissue work for the trapezius spasm'),
        },
      });
      await http.ok(providerC, ACCEPT_REFERRAL, { input: { id: onward.referOnward.id, note: clinical('onward accept note', 'Knows her from church') } });
      await http.ok(providerB, COMPLETE_REFERRAL, {
        input: {
          id: episode.id,
          outcome: {
            summary: clinical('outcome summary', 'Flexion restored to 165 degrees; sleeps through'),
            goalsMet: 'PARTIALLY_MET',
            visitsUsed: 2,
            shortTermGoals: [
              { position: 1, attainment: 'MET' },
              { position: 2, attainment: 'NOT_MET', note: clinical('goal note', 'Still wakes on left side') },
            ],
            recommendations: [{ text: clinical('recommendation', 'Hydrotherapy for the left shoulder'), suggestedModality: 'PHYSICAL_THERAPY' }],
          },
        },
      });
      await http.ok(coordinator, ACKNOWLEDGE_REFERRAL_OUTCOME, { input: { id: episode.id } });
      await http.ok(coordinator, REFERRAL_DETAIL, { id: episode.id });

      // Referral 2: declined with a note, redirected.
      const declined = (
        await http.ok<{ createReferral: { id: string } }>(coordinator, CREATE_REFERRAL, {
          input: { ...referralContent, reason: clinical('second reason', 'Frozen shoulder, diabetic'), send: true },
        })
      ).createReferral;
      await http.ok(providerB, DECLINE_REFERRAL, { input: { id: declined.id, reason: 'OTHER', note: clinical('decline note', 'Patient is my neighbour') } });
      const redirected = await http.ok<{ redirectReferral: { id: string } }>(coordinator, REDIRECT_REFERRAL, {
        input: { id: declined.id, toProviderId: providerIds['Provider-B2'] },
      });
      await http.ok(providerB2, ACCEPT_REFERRAL, { input: { id: redirected.redirectReferral.id } });

      // Users: a disabled user's token no longer signs anybody in; the line still names whom its
      // valid signature claims, which is what an operator tracing the refusal needs.
      await http.ok(adminA, DISABLE_USER, { input: { id: spare.userId } });
      expectCode(await http.graphql(spare, ME), 'UNAUTHENTICATED');
      const forged = { token: sensitive.add('forged bearer token', `eyJhbGciOiJIUzI1NiJ9.forged${TAG}.c2lnbmF0dXJl${TAG}`), userId: null, label: 'forged token' };
      expectCode(await http.graphql(forged, ME), 'UNAUTHENTICATED');

      // Browser sessions: neither the session cookie nor the secret in it reaches a log. Requests
      // carrying only the cookie name no user on their line; a bearer token names its user.
      const laptop = await browserSignIn(coordinatorUser.email, coordinatorUser.password, 'coordinator A on a laptop');
      const phone = await browserSignIn(coordinatorUser.email, coordinatorUser.password, 'coordinator A on a phone');
      const tablet = await browserSignIn(coordinatorUser.email, coordinatorUser.password, 'coordinator A on a tablet');
      const byCookie = (browser: Session): Session => ({ sessionCookie: browser.sessionCookie, userId: null, label: `${browser.label}, cookie only` });
      const refreshed = await http.graphql<{ refreshSession: { accessToken: string } }>(byCookie(laptop), REFRESH_SESSION);
      expect(refreshed.errors).toBeUndefined();
      sensitive.token('refreshed access token', refreshed.data?.refreshSession.accessToken as string);
      sessionCookieOf(refreshed, 'refreshed session cookie');
      // The replaced cookie, presented again: the gateway ends the session and logs so, by id only.
      expectCode(await http.graphql(byCookie(laptop), REFRESH_SESSION), 'UNAUTHENTICATED');
      expect(await http.ok(byCookie(phone), SIGN_OUT)).toEqual({ signOut: true });
      // Another device's session, ended from the tablet's list of them.
      await browserSignIn(coordinatorUser.email, coordinatorUser.password, 'coordinator A at the front desk');
      const { mySessions } = await http.ok<{ mySessions: { id: string; current: boolean }[] }>(tablet, MY_SESSIONS);
      const frontDesk = mySessions.find((session) => !session.current);
      expect(await http.ok(tablet, REVOKE_SESSION, { id: frontDesk?.id })).toEqual({ revokeSession: true });
      expect(await http.ok(tablet, SIGN_OUT_EVERYWHERE)).toEqual({ signOutEverywhere: true });
      // That ended the coordinator's API session too, and with it its refresh token: signed in again.
      expectCode(await http.graphql(coordinator, ME), 'UNAUTHENTICATED');
      coordinator = await login(coordinatorUser.email, coordinatorUser.password, 'coordinator A, signed in again');
      // An API client renews its access token with its refresh token: neither the old nor the new one reaches a log.
      const renewed = await http.ok<{ refreshSession: { accessToken: string; refreshToken: string } }>(ANONYMOUS, REFRESH_WITH_TOKEN, {
        refreshToken: coordinator.refreshToken,
      });
      sensitive.add('renewed refresh token', renewed.refreshSession.refreshToken);
      coordinator = { ...coordinator, token: sensitive.token('renewed access token of coordinator A', renewed.refreshSession.accessToken) };

      // A password changed, after a wrong guess at the current one: none of the three reaches a log.
      // Not built from TAG: the user's email address holds TAG, and a password may not hold that.
      const providerCNewPassword = sensitive.add('provider C new password', `River-Glass-${randomBytes(4).toString('hex')}-42`);
      const wrongCurrent = sensitive.add('provider C wrong current password', `Not-It-${TAG}-13`);
      expectCode(await http.graphql(providerC, CHANGE_PASSWORD, { input: { currentPassword: wrongCurrent, newPassword: providerCNewPassword } }), 'BAD_USER_INPUT');
      expect(await http.ok(providerC, CHANGE_PASSWORD, { input: { currentPassword: providerCUser.password, newPassword: providerCNewPassword } })).toEqual({ changePassword: true });

      // Accounts, through their emailed links: an invitation re-sent, the replaced link refused,
      // the current one accepted; another withdrawn; a password reset. Neither the links' tokens
      // nor the passwords chosen with them reach a log.
      const emailsTo = (address: string, subject: RegExp) =>
        smtp.received.filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()) && subject.test(mail.subject));
      const linkFrom = async (address: string, subject: RegExp, count: number, page: AccountLinkPage, label: string): Promise<string> => {
        await smtp.waitFor(() => emailsTo(address, subject).length >= count, WAIT_MS, label);
        const token = linkTokenIn(emailsTo(address, subject)[count - 1], page);
        sensitive.add(`${label} secret`, token.split('.')[1]);
        return sensitive.add(label, token);
      };
      const invitedEmail = sensitive.email('invited user email', `Invited.${TAG}@Staff-Mail.test`);
      const invitedUser = (await http.ok<{ inviteUser: { id: string } }>(adminA, INVITE_USER, { input: { email: invitedEmail, displayName: 'Invited Person', role: 'COORDINATOR', clinicId: clinicA } })).inviteUser;
      const firstInvitation = await linkFrom(invitedEmail, /invited/, 1, 'welcome', 'first invitation token');
      await http.ok(adminA, RESEND_INVITATION, { input: { userId: invitedUser.id } });
      const invitation = await linkFrom(invitedEmail, /invited/, 2, 'welcome', 'second invitation token');
      expect(await http.ok(ANONYMOUS, ACCOUNT_LINK, { token: invitation })).toEqual({ accountLink: { state: 'OPEN', email: invitedEmail.toLowerCase() } });
      const invitedPassword = sensitive.add('invited user password', `Meadow-Lark-${randomBytes(4).toString('hex')}-7`);
      expectCode(await http.graphql(ANONYMOUS, ACCEPT_INVITATION, { input: { token: firstInvitation, password: invitedPassword } }), 'BAD_USER_INPUT');
      const accepted = await http.graphql<{ acceptInvitation: { accessToken: string } }>(ANONYMOUS, ACCEPT_INVITATION, { input: { token: invitation, password: invitedPassword } });
      expect(accepted.errors).toBeUndefined();
      sensitive.token('access token of the invited user', accepted.data?.acceptInvitation.accessToken as string);
      sessionCookieOf(accepted, 'session cookie of the invited user');
      const withdrawnEmail = sensitive.email('withdrawn invitation email', `Withdrawn.${TAG}@Staff-Mail.test`);
      const withdrawn = (await http.ok<{ inviteUser: { id: string } }>(adminA, INVITE_USER, { input: { email: withdrawnEmail, displayName: 'Withdrawn Person', role: 'PROVIDER', clinicId: clinicA } })).inviteUser;
      await linkFrom(withdrawnEmail, /invited/, 1, 'welcome', 'withdrawn invitation token');
      expect(await http.ok(adminA, REVOKE_INVITATION, { input: { userId: withdrawn.id } })).toEqual({ revokeInvitation: { id: withdrawn.id, status: 'DISABLED' } });

      // The clinic's admin brings the disabled user back in another role, and corrects the clinic's phone.
      expect(await http.ok(adminA, ENABLE_USER, { input: { id: spare.userId } })).toEqual({ enableUser: { id: spare.userId, status: 'ACTIVE' } });
      expect(await http.ok(adminA, CHANGE_USER_ROLE, { input: { id: spare.userId, role: 'PROVIDER' } })).toEqual({ changeUserRole: { id: spare.userId, role: 'PROVIDER' } });
      expect(await http.ok(adminA, UPDATE_CLINIC, { input: { id: clinicA, phone: '+1 312 555 0111' } })).toEqual({ updateClinic: { id: clinicA } });

      expect(await http.ok(ANONYMOUS, REQUEST_PASSWORD_RESET, { input: { email: providerB2User.email } })).toEqual({ requestPasswordReset: true });
      expect(await http.ok(ANONYMOUS, REQUEST_PASSWORD_RESET, { input: { email: sensitive.email('unknown reset email', `Nobody.${TAG}@Staff-Mail.test`) } })).toEqual({ requestPasswordReset: true });
      const resetToken = await linkFrom(providerB2User.email, /Reset your/, 1, 'reset-password', 'password reset token');
      const resetPassword = sensitive.add('password chosen by reset', `Harbour-Bell-${randomBytes(4).toString('hex')}-5`);
      expect(await http.ok(ANONYMOUS, RESET_PASSWORD, { input: { token: resetToken, password: resetPassword } })).toEqual({ resetPassword: true });

      // Two-factor sign-in: the secret, its URI, the codes and the challenge reach no log.
      const twoFactorUser = await login(providerB2User.email, resetPassword, 'provider B2 enrolling');
      const { beginTotpEnrolment } = await http.ok<{ beginTotpEnrolment: { otpauthUri: string; secret: string } }>(twoFactorUser, BEGIN_TOTP_ENROLMENT);
      sensitive.add('authenticator secret', beginTotpEnrolment.secret);
      sensitive.add('otpauth URI', beginTotpEnrolment.otpauthUri);
      const enrolCode = sensitive.add('enrolment code', totpCode(beginTotpEnrolment.secret, Date.now()));
      const { confirmTotpEnrolment } = await http.ok<{ confirmTotpEnrolment: { codes: string[] } }>(twoFactorUser, CONFIRM_TOTP_ENROLMENT, { input: { code: enrolCode, password: resetPassword } });
      for (const [i, code] of confirmTotpEnrolment.codes.entries()) sensitive.add(`recovery code ${i + 1}`, code);
      const challenged = await http.ok<{ login: { twoFactorChallenge: { token: string } } }>(ANONYMOUS, LOGIN_WITH_CHALLENGE, { input: { email: providerB2User.email, password: resetPassword } });
      const challenge = sensitive.add('sign-in challenge token', challenged.login.twoFactorChallenge.token);
      sensitive.add('sign-in challenge secret', challenge.split('.')[1]);
      const verified = await http.ok<{ verifySignInCode: { accessToken: string; refreshToken: string } }>(ANONYMOUS, VERIFY_SIGN_IN_CODE, {
        input: { token: challenge, code: confirmTotpEnrolment.codes[0] },
      });
      sensitive.add('refresh token after the code', verified.verifySignInCode.refreshToken);
      const afterCode = { token: sensitive.token('access token after the code', verified.verifySignInCode.accessToken), userId: twoFactorUser.userId, label: 'provider B2 after the code' };
      expect(await http.ok(afterCode, REMOVE_TWO_FACTOR, { input: { password: resetPassword } })).toEqual({ removeTwoFactor: true });
      // Enrolled again, then the phone is lost with the codes: an admin resets it.
      const again = (await http.ok<{ beginTotpEnrolment: { otpauthUri: string; secret: string } }>(afterCode, BEGIN_TOTP_ENROLMENT)).beginTotpEnrolment;
      sensitive.add('second authenticator secret', again.secret);
      sensitive.add('second otpauth URI', again.otpauthUri);
      const againCode = sensitive.add('second enrolment code', totpCode(again.secret, Date.now()));
      const secondCodes = await http.ok<{ confirmTotpEnrolment: { codes: string[] } }>(afterCode, CONFIRM_TOTP_ENROLMENT, { input: { code: againCode, password: resetPassword } });
      for (const [i, code] of secondCodes.confirmTotpEnrolment.codes.entries()) sensitive.add(`second recovery code ${i + 1}`, code);
      expect(await http.ok(admin, RESET_TWO_FACTOR, { input: { id: providerB2User.id, password: SECRETS.adminPassword } })).toEqual({ resetTwoFactor: { id: providerB2User.id } });

      // A document that does not parse, with a password written into it.
      const parseFailure = await http.rawGraphql(
        ANONYMOUS,
        JSON.stringify({ query: `mutation { login(input: { email: "${coordinatorUser.email}", password: "${coordinatorUser.password}" ` }),
        { expectOperation: 'anonymous', description: 'unparsable login' },
      );
      expect(parseFailure.status).toBe(400);
      expectCode(parseFailure, 'GRAPHQL_PARSE_FAILED');
      // A signed-in document that does not validate: the line still names the user.
      expectCode(await http.graphql(providerB, `query meWithHash { me { id email passwordHash } }`, {}, { sendOperationName: false }), 'GRAPHQL_VALIDATION_FAILED');
      // A malformed x-request-id is not kept: the gateway makes one.
      await http.ok(providerB, ME, {}, { requestId: 'has a space' });

      // The patient's links, from an email the worker delivered.
      await smtp.waitFor((all) => all.some((mail) => mail.to.some((to) => to.toLowerCase() === patientEmail.toLowerCase())), WAIT_MS, 'an email to the patient');
      const tokens = new Set<string>();
      for (const mail of smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === patientEmail.toLowerCase()))) {
        for (const match of `${mail.text}\n${mail.html}`.matchAll(/\/(?:status|unsubscribe)\/([A-Za-z0-9._-]{20,})/g)) tokens.add(match[1]);
      }
      expect(tokens.size).toBeGreaterThan(0);
      for (const token of tokens) sensitive.token('patient link token', token);
      const [linkToken] = tokens;
      expect((await http.page('GET', `/status/${linkToken}`, '/status/[token]')).status).toBe(200);
      expect((await http.page('GET', `/unsubscribe/${linkToken}`, '/unsubscribe/[token]')).status).toBe(200);
      const tampered = sensitive.add('tampered link token', `${linkToken.slice(0, -4)}AAAA`);
      expect((await http.page('GET', `/status/${tampered}?from=${patientEmail}`, '/status/[token]')).status).toBe(404);

      // Referral 3: its cancellation emails fail (SMTP refusing), then an admin retries them.
      const cancelled = (
        await http.ok<{ createReferral: { id: string } }>(coordinator, CREATE_REFERRAL, {
          input: { ...referralContent, reason: clinical('third reason', 'Whiplash after a car crash'), send: true },
        })
      ).createReferral;
      await settled('before refusing mail');
      smtp.refuseWith = 'mailbox busy, try later (test)';
      await http.ok(coordinator, CANCEL_REFERRAL, { input: { id: cancelled.id, reason: clinical('cancel reason', 'Patient admitted to a psychiatric ward') } });
      const failed = await pollUntil(
        async () =>
          (await (db as Client).query<{ id: string; status: string }>(`SELECT id, status FROM notifications WHERE referral_id = $1 AND template = 'REFERRAL_CANCELLED'`, [cancelled.id])).rows,
        (rows) => rows.length > 0 && rows.every((row) => row.status !== 'PENDING'),
        { timeoutMs: WAIT_MS, what: 'the cancellation emails to fail' },
      );
      expect(failed.map((row) => row.status)).toEqual(failed.map(() => 'FAILED'));
      failedIds = failed.map((row) => row.id);
      smtp.refuseWith = null;
      for (const row of failed) await http.ok(admin, RETRY_NOTIFICATION, { input: { id: row.id } });
      await settled('after the retries');
      expectCode(await http.graphql(admin, RETRY_NOTIFICATION, { input: { id: failed[0].id } }), 'INVALID_TRANSITION');

      // Webhooks: an endpoint's secret (and the rotated one) reaches no log; every mutation once.
      receiver = await WebhookReceiver.start();
      const hooks = receiver;
      const created = await http.ok<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(adminA, CREATE_WEBHOOK_ENDPOINT, {
        input: { url: hooks.url, events: ['REFERRAL_CREATED'], description: `EHR ${TAG}` },
      });
      const endpointId = created.createWebhookEndpoint.endpoint.id;
      sensitive.add('webhook secret', created.createWebhookEndpoint.secret);
      await http.ok(adminA, UPDATE_WEBHOOK_ENDPOINT, { input: { id: endpointId, events: ['REFERRAL_CREATED', 'REFERRAL_SENT'] } });
      const rotated = await http.ok<{ rotateWebhookSecret: { secret: string } }>(adminA, ROTATE_WEBHOOK_SECRET, { input: { id: endpointId } });
      sensitive.add('rotated webhook secret', rotated.rotateWebhookSecret.secret);
      hooks.secrets = [created.createWebhookEndpoint.secret, rotated.rotateWebhookSecret.secret];
      await http.ok(coordinator, CREATE_REFERRAL, { input: { ...referralContent, reason: clinical('webhook reason', 'Frozen shoulder after a fall') } });
      await hooks.waitFor((all) => all.length === 1, WAIT_MS, 'the webhook of the new referral');
      const webhookEvent = hooks.received[0].id;
      await pollUntil(
        async () => (await (db as Client).query(`SELECT status FROM webhook_deliveries WHERE endpoint_id = $1`, [endpointId])).rows,
        (rows) => rows.length === 1 && rows[0].status === 'SUCCEEDED',
        { timeoutMs: WAIT_MS, what: 'the webhook delivery recorded' },
      );
      expect(await http.ok(adminA, RESEND_WEBHOOK_EVENT, { input: { endpointId, eventId: webhookEvent } })).toEqual({ resendWebhookEvent: true });
      await hooks.waitFor((all) => all.length === 2, WAIT_MS, 'the resent webhook');
      expect(hooks.received.every((request) => request.verified)).toBe(true);
      await http.ok(adminA, DISABLE_WEBHOOK_ENDPOINT, { input: { id: endpointId } });
      await http.ok(adminA, ENABLE_WEBHOOK_ENDPOINT, { input: { id: endpointId } });
      expect(await http.ok(adminA, RECOVER_WEBHOOK_ENDPOINT, { input: { id: endpointId, since: new Date(Date.now() - 3600_000).toISOString() } })).toEqual({ recoverWebhookEndpoint: 0 });
      expect(await http.ok(adminA, DELETE_WEBHOOK_ENDPOINT, { input: { id: endpointId } })).toEqual({ deleteWebhookEndpoint: true });

      // Last: the patient unsubscribes (one-click).
      expect((await http.page('POST', `/unsubscribe/${linkToken}`, '/unsubscribe/[token]')).status).toBe(200);

      // The worker delivered every email: nothing pending or failed, each SENT row in the sink.
      const counts = await settled('at the end');
      expect(counts.FAILED ?? 0).toBe(0);
      const { rows: sent } = await (db as Client).query<{ id: string }>(`SELECT id FROM notifications WHERE status = 'SENT'`);
      const delivered = new Set(smtp.received.map(notificationIdOf));
      expect(sent.filter((row) => !delivered.has(row.id))).toEqual([]);
      expect(sent.length).toBeGreaterThan(10);

      // Probes and scrapes, as a load balancer and Prometheus make them every few seconds.
      const running = stack as LoggedStack;
      for (const path of QUIET_PATHS) {
        const probe = await fetch(`${running.baseUrl}${path}`, { headers: { 'x-request-id': `${PROBE_ID_PREFIX}${path.replace(/\W/g, '-')}` } });
        expect({ path, status: probe.status }).toEqual({ path, status: 200 });
      }

      // Both stop cleanly: what they wrote is complete.
      await Promise.all([running.gateway.stop(), running.worker.stop()]);
      captured = [...running.gateway.lines(), ...running.worker.lines()];
    },
    180_000,
  );

  it('exercised every mutation of schema.graphql successfully at least once', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(mutations.length).toBeGreaterThan(20);
    expect(mutations.filter((name) => !http.succeeded.has(name))).toEqual([]);
  });

  it('no password, token, patient name, email, date of birth, phone number or clinical text appears in anything either process wrote', () => {
    const lines = capturedLines();
    expect(lines.filter((line) => line.process === 'gateway').length).toBeGreaterThan(http.requests.length);
    expect(sensitive.all.length).toBeGreaterThan(60);
    const offending: string[] = [];
    for (const { label, value, anyCase } of sensitive.all) {
      const needle = anyCase ? value.toLowerCase() : value;
      for (const line of lines) {
        const haystack = anyCase ? line.text.toLowerCase() : line.text;
        if (haystack.includes(needle)) offending.push(`${label} "${value}" in ${line.process} ${line.stream}: ${line.text.slice(0, 600)}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it("the worker's delivery failures were captured, naming the notification and not its address", () => {
    const workerText = capturedLines()
      .filter((line) => line.process === 'worker')
      .map((line) => line.text);
    expect(failedIds.length).toBeGreaterThan(0);
    for (const id of failedIds) {
      expect(workerText.filter((text) => text.includes(`Notification ${id} FAILED after its last attempt`))).toHaveLength(1);
    }
  });

  it('health probes and metric scrapes leave no line', () => {
    const probeLines = capturedLines().filter((line) => line.process === 'gateway' && (line.text.includes(PROBE_ID_PREFIX) || /"path":"\/(health|metrics)/.test(line.text)));
    expect(probeLines.map((line) => line.text.slice(0, 300))).toEqual([]);
  });

  it('every line both processes wrote is one JSON object', () => {
    const notJson = capturedLines().filter((line) => {
      try {
        const parsed: unknown = JSON.parse(line.text);
        return typeof parsed !== 'object' || parsed === null || Array.isArray(parsed);
      } catch {
        return true;
      }
    });
    expect(notJson.map((line) => `${line.process} ${line.stream}: ${line.text.slice(0, 300)}`)).toEqual([]);
  });

  it('every request made exactly one request line: its id (the one sent, or a new uuid), operation, user id, result and duration', () => {
    const requestLines = capturedLines()
      .filter((line) => line.process === 'gateway')
      .flatMap((line) => {
        try {
          return [JSON.parse(line.text) as Record<string, any>];
        } catch {
          return [];
        }
      })
      .filter((entry) => entry.msg === 'request completed' || entry.msg === 'request failed');

    const answeredIds = http.requests.map((request) => request.answeredRequestId);
    // Ids answered back: the caller's when it was plausible, else a fresh uuid each.
    for (const request of http.requests) {
      const expectedId = request.keepsSentId ? request.sentRequestId : expect.stringMatching(UUID);
      expect({ request: request.description, sent: request.sentRequestId, answered: request.answeredRequestId }).toEqual({
        request: request.description,
        sent: request.sentRequestId,
        answered: expectedId,
      });
    }
    expect(new Set(answeredIds).size).toBe(answeredIds.length);
    expect(http.requests.some((request) => request.keepsSentId)).toBe(true);
    expect(http.requests.some((request) => request.sentRequestId !== undefined && !request.keepsSentId)).toBe(true);
    expect(http.requests.filter((request) => request.sentRequestId === undefined).length).toBeGreaterThan(10);

    const byId = new Map<string, Record<string, any>[]>();
    for (const entry of requestLines) {
      const id = String(entry.req?.id);
      byId.set(id, [...(byId.get(id) ?? []), entry]);
    }
    // Plain values on both sides, so each mismatch can be listed with the request it belongs to.
    const expectedLine = (request: RecordedRequest) => ({
      count: 1,
      level: 'number',
      msg: request.status >= 500 ? 'request failed' : 'request completed',
      req: { id: request.answeredRequestId, method: request.method, path: request.loggedPath },
      res: { statusCode: request.status },
      responseTime: 'number',
      // Patients' pages are not GraphQL: their lines carry no operation, user or result.
      operation: request.operation,
      userId: request.userId,
      result: request.result,
    });
    const actualLine = (request: RecordedRequest) => {
      const entries = byId.get(String(request.answeredRequestId)) ?? [];
      const [entry = {}] = entries;
      return {
        count: entries.length,
        level: typeof entry.level === 'number' ? 'number' : entry.level,
        msg: entry.msg,
        req: entry.req,
        res: entry.res,
        responseTime: typeof entry.responseTime === 'number' && entry.responseTime >= 0 ? 'number' : entry.responseTime,
        operation: entry.operation,
        userId: entry.userId,
        result: entry.result,
      };
    };
    const mismatches = http.requests.flatMap((request) => {
      const expected = expectedLine(request);
      const actual = actualLine(request);
      return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ request: request.description, expected, actual }];
    });
    expect(mismatches).toEqual([]);
    // And no request line that the test's requests do not account for.
    expect(requestLines.length).toBe(http.requests.length);
    // The spread of results the scenario produced.
    expect(new Set(http.requests.map((request) => request.result))).toEqual(
      new Set([undefined, 'OK', 'UNAUTHENTICATED', 'BAD_USER_INPUT', 'FORBIDDEN', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'INVALID_TRANSITION']),
    );
  });

  function capturedLines(): CapturedLine[] {
    if (!captured) throw new Error('The scenario did not get as far as stopping both processes; see its failure');
    return captured;
  }
});
