import { createHmac, randomUUID } from 'node:crypto';
import { AuditEntry } from './support/audit-entry';
import { createPatient, Referral, referralInput, runReferralMutation } from './support/fixtures';
import { listHeaders, NotificationRowView, settledNotifications } from './support/notification-rows';
import { AUDIT_ENTRIES, PATIENT } from './support/operations';
import { ReceivedEmail } from './support/smtp-sink';
import { usePipeline } from './support/file-setup';

type Patient = { id: string; email: string; firstName: string; lastName: string; dateOfBirth: string };

const REASON = 'Limited shoulder flexion after six weeks of orthopedic massage; needs strengthening.';
const DATE_OF_BIRTH = '1969-07-20';
/** Nothing of this may appear on a patient page: clinical content, and identity beyond the first name. */
const CLINICAL = ['SHOULDER_PAIN', 'shoulder pain', 'shoulder', REASON, 'orthopedic massage'];

const CONTACT = `query contact($id: ID!) {
  referral(id: $id) { reference toProvider { displayName } toClinic { name email phone } }
}`;

interface Page {
  status: number;
  contentType: string;
  body: string;
}

async function fetchPage(url: string, init: RequestInit = {}): Promise<Page> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

/** What a browser sends for the confirmation page's form (it has no fields). */
const formPost = (url: string) =>
  fetchPage(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });

/** What a mail client sends for RFC 8058 one-click unsubscribe. */
const oneClickPost = (url: string) =>
  fetchPage(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });

/** The same as multipart/form-data, which RFC 8058 recommends. */
function oneClickMultipartPost(url: string): Promise<Page> {
  const form = new FormData();
  form.append('List-Unsubscribe', 'One-Click');
  return fetchPage(url, { method: 'POST', body: form });
}

/** The page's text as a reader sees it: tags dropped, the few entities the pages use decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The token format of LinkSigner, re-implemented here: referralId.patientId.expiry.HMAC-SHA256(secret) in base64url. */
function craftToken(referralId: string, patientId: string, expiresAtSeconds: number, secret: string): string {
  const body = `${referralId}.${patientId}.${expiresAtSeconds}`;
  return `${body}.${createHmac('sha256', Buffer.from(secret)).update(body).digest('base64url')}`;
}

describe('patient emails: consent, unsubscribe and signed links', () => {
  const { app, smtp, world } = usePipeline();

  const newPatient = (emailConsent: boolean): Promise<Patient> =>
    createPatient(world.coordinatorA.client, world.clinicA.id, { emailConsent, dateOfBirth: DATE_OF_BIRTH });

  function sendReferral(patientId: string): Promise<Referral> {
    return runReferralMutation(world.coordinatorA.client, 'createReferral', {
      ...referralInput(patientId, world.targetProvider.providerId, { reason: REASON }),
      idempotencyKey: randomUUID(),
      send: true,
    });
  }

  /** Waits for a staff email about `referral` (staff subjects carry the reference) to `address`. */
  const staffEmail = (address: string, referral: Referral) =>
    smtp.waitFor((all) => all.some((mail) => mail.to.includes(address) && mail.subject.includes(referral.reference)), undefined, `email to ${address} about ${referral.reference}`);

  async function firstPatientEmail(patient: Patient): Promise<ReceivedEmail> {
    await smtp.waitFor((all) => all.some((mail) => mail.to.includes(patient.email)), undefined, `an email to ${patient.email}`);
    return smtp.to(patient.email)[0];
  }

  async function emailConsentOf(patientId: string): Promise<boolean> {
    const data = await world.coordinatorA.client.ok<{ patient: { emailConsent: boolean } }>(PATIENT, { id: patientId });
    return data.patient.emailConsent;
  }

  async function unsubscribeAudits(patientId: string): Promise<AuditEntry[]> {
    const data = await world.platformAdmin.ok<{ auditEntries: { edges: { node: AuditEntry }[] } }>(AUDIT_ENTRIES, { filter: { patientId }, first: 100 });
    return data.auditEntries.edges.map((edge) => edge.node).filter((entry) => entry.operation === 'patientUnsubscribed');
  }

  const rowSummary = (rows: NotificationRowView[]) =>
    rows.map((row) => `${row.recipientKind} ${row.template} ${row.status} ${row.skipReason ?? '-'}`).sort();

  it('without email consent the patient rows are SUPPRESSED and nothing is sent to the patient; staff still get theirs', async () => {
    const patient = await newPatient(false);
    const referral = await sendReferral(patient.id);
    await staffEmail(world.targetProvider.email, referral);
    expect(rowSummary(await settledNotifications(world.coordinatorA.client, [referral.id]))).toEqual([
      'PATIENT REFERRAL_SENT SUPPRESSED NO_EMAIL_CONSENT',
      'PROVIDER REFERRAL_SENT SENT -',
    ]);

    await runReferralMutation(world.targetProvider.client, 'acceptReferral', { id: referral.id });
    await staffEmail(world.coordinatorA.email, referral);
    const rows = await settledNotifications(world.coordinatorA.client, [referral.id]);
    expect(rowSummary(rows)).toEqual([
      'PATIENT REFERRAL_ACCEPTED SUPPRESSED NO_EMAIL_CONSENT',
      'PATIENT REFERRAL_SENT SUPPRESSED NO_EMAIL_CONSENT',
      'PROVIDER REFERRAL_SENT SENT -',
      'REFERRER REFERRAL_ACCEPTED SENT -',
    ]);
    // Never attempted: suppressed when written.
    expect(rows.filter((row) => row.recipientKind === 'PATIENT').map((row) => [row.attempts, row.sentAt])).toEqual([[0, null], [0, null]]);
    expect(smtp.to(patient.email)).toEqual([]);
  });

  describe('unsubscribe', () => {
    it('GET shows a confirmation and changes nothing; the form POST unsubscribes, is audited, and later emails are suppressed', async () => {
      const patient = await newPatient(true);
      const referral = await sendReferral(patient.id);
      const mail = await firstPatientEmail(patient);
      const link = listHeaders(mail).unsubscribeUrl as string;
      expect(link).toMatch(new RegExp(`^${app.baseUrl.replace(/\./g, '\\.')}/unsubscribe/[A-Za-z0-9._-]+$`));
      // The link the reader clicks in the email is the one in the header.
      expect(mail.text).toContain(link);
      await settledNotifications(world.coordinatorA.client, [referral.id]);

      // Mail scanners follow links: GET must only ask.
      const confirm = await fetchPage(link);
      expect(confirm).toMatchObject({ status: 200, contentType: expect.stringContaining('text/html') });
      const action = /<form[^>]*method="post"[^>]*action="([^"]+)"/i.exec(confirm.body)?.[1];
      expect(action).toBe(new URL(link).pathname);
      expect(await emailConsentOf(patient.id)).toBe(true);
      expect(await unsubscribeAudits(patient.id)).toEqual([]);

      // The button on that page.
      const done = await formPost(`${app.baseUrl}${action}`);
      expect(done.status).toBe(200);
      expect(done.contentType).toContain('text/html');
      expect(await emailConsentOf(patient.id)).toBe(false);
      const audits = await unsubscribeAudits(patient.id);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ patientIds: [patient.id], referralIds: [referral.id] });

      // The next move writes the patient's row SUPPRESSED; the referrer still hears.
      const patientEmailsBefore = smtp.to(patient.email).length;
      await runReferralMutation(world.targetProvider.client, 'acceptReferral', { id: referral.id });
      await staffEmail(world.coordinatorA.email, referral);
      const rows = await settledNotifications(world.coordinatorA.client, [referral.id]);
      expect(rowSummary(rows.filter((row) => row.template === 'REFERRAL_ACCEPTED'))).toEqual([
        'PATIENT REFERRAL_ACCEPTED SUPPRESSED NO_EMAIL_CONSENT',
        'REFERRER REFERRAL_ACCEPTED SENT -',
      ]);
      expect(smtp.to(patient.email)).toHaveLength(patientEmailsBefore);

      // Posting again is harmless: same answer, consent stays withdrawn, and since nothing
      // changed nothing more is recorded.
      const again = await formPost(link);
      expect(again.status).toBe(200);
      expect(await emailConsentOf(patient.id)).toBe(false);
      expect(await unsubscribeAudits(patient.id)).toHaveLength(1);
    });

    it('an RFC 8058 one-click POST unsubscribes too', async () => {
      const patient = await newPatient(true);
      const referral = await sendReferral(patient.id);
      const mail = await firstPatientEmail(patient);
      expect(listHeaders(mail).unsubscribePost).toBe('List-Unsubscribe=One-Click');
      await settledNotifications(world.coordinatorA.client, [referral.id]);

      const done = await oneClickPost(listHeaders(mail).unsubscribeUrl as string);
      expect(done.status).toBe(200);
      expect(await emailConsentOf(patient.id)).toBe(false);
      expect(await unsubscribeAudits(patient.id)).toHaveLength(1);

      await runReferralMutation(world.targetProvider.client, 'declineReferral', { id: referral.id, reason: 'NO_CAPACITY' });
      await staffEmail(world.coordinatorA.email, referral);
      const rows = await settledNotifications(world.coordinatorA.client, [referral.id]);
      expect(rowSummary(rows.filter((row) => row.template === 'REFERRAL_DECLINED'))).toEqual([
        'PATIENT REFERRAL_DECLINED SUPPRESSED NO_EMAIL_CONSENT',
        'REFERRER REFERRAL_DECLINED SENT -',
      ]);
      expect(smtp.to(patient.email)).toHaveLength(1);
    });

    it('a one-click POST sent as multipart/form-data unsubscribes too', async () => {
      const patient = await newPatient(true);
      const referral = await sendReferral(patient.id);
      const mail = await firstPatientEmail(patient);
      await settledNotifications(world.coordinatorA.client, [referral.id]);

      const done = await oneClickMultipartPost(listHeaders(mail).unsubscribeUrl as string);
      expect(done.status).toBe(200);
      expect(done.contentType).toContain('text/html');
      expect(await emailConsentOf(patient.id)).toBe(false);
      expect(await unsubscribeAudits(patient.id)).toHaveLength(1);
    });
  });

  describe('signed links', () => {
    let patient: Patient;
    let referral: Referral;
    let token: string;
    let contact: { reference: string; toProvider: { displayName: string }; toClinic: { name: string; email: string; phone: string | null } };

    beforeAll(async () => {
      patient = await newPatient(true);
      referral = await sendReferral(patient.id);
      const mail = await firstPatientEmail(patient);
      const statusLink = /https?:\/\/\S+\/status\/([A-Za-z0-9._-]+)/.exec(mail.text);
      expect(statusLink).not.toBeNull();
      token = (statusLink as RegExpExecArray)[1];
      // One token serves both pages.
      expect(listHeaders(mail).unsubscribeUrl).toBe(`${app.baseUrl}/unsubscribe/${token}`);
      await settledNotifications(world.coordinatorA.client, [referral.id]);
      contact = (await world.coordinatorA.client.ok<{ referral: typeof contact }>(CONTACT, { id: referral.id })).referral;
    });

    /** Nothing that identifies the referral, the patient or the people on it. */
    function expectNothingAbout(body: string): void {
      const leaks = [
        referral.id,
        referral.reference,
        patient.id,
        patient.firstName,
        patient.lastName,
        patient.email,
        contact.toProvider.displayName,
        contact.toClinic.name,
        contact.toClinic.email,
        ...CLINICAL,
      ];
      expect(leaks.filter((text) => body.toLowerCase().includes(text.toLowerCase()))).toEqual([]);
    }

    it('the status page shows the status in words, the provider and the clinic to contact, and nothing clinical', async () => {
      const page = await fetchPage(`${app.baseUrl}/status/${token}`);
      expect(page).toMatchObject({ status: 200, contentType: expect.stringContaining('text/html') });
      const text = visibleText(page.body);
      expect(text).toContain("waiting for the provider's answer");
      expect(text).toContain(contact.toProvider.displayName);
      expect(text).toContain(contact.toClinic.name);
      expect(text).toContain(contact.toClinic.email);
      expect(text).toContain(contact.toClinic.phone as string);
      const forbidden = [...CLINICAL, patient.lastName, DATE_OF_BIRTH, '20/07/1969', '07/20/1969', 'July 20, 1969', '20 July 1969'];
      expect(forbidden.filter((item) => text.toLowerCase().includes(item.toLowerCase()))).toEqual([]);
      // Words, not the status code.
      expect(text).not.toMatch(/\bSENT\b/);

      // The page is live: it follows the referral.
      await runReferralMutation(world.targetProvider.client, 'acceptReferral', { id: referral.id });
      expect(visibleText((await fetchPage(`${app.baseUrl}/status/${token}`)).body)).toContain('accepted');
      await settledNotifications(world.coordinatorA.client, [referral.id]);
    });

    it('answers every bad token on every page with the same plain 404 that says nothing, and changes nothing', async () => {
      const secret = app.config.links.secret as string;
      expect(secret).toBeTruthy();
      const [referralId, patientId, expires, mac] = token.split('.');
      const flip = (text: string, at: number) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
      const now = Math.floor(Date.now() / 1000);
      const otherPatient = await newPatient(true);
      const otherReferral = await sendReferral(otherPatient.id);
      const sameAsEmail = craftToken(referralId, patientId, Number(expires), secret);
      // The crafted tokens use the product's scheme: the same inputs give the emailed token, and a fresh expiry works.
      expect(sameAsEmail).toBe(token);
      expect((await fetchPage(`${app.baseUrl}/status/${craftToken(referralId, patientId, now + 3600, secret)}`)).status).toBe(200);

      const bad: Record<string, string> = {
        'one MAC character flipped': `${referralId}.${patientId}.${expires}.${flip(mac, Math.floor(mac.length / 2))}`,
        'last MAC character flipped': `${referralId}.${patientId}.${expires}.${flip(mac, mac.length - 1)}`,
        'another referral id, same MAC': `${otherReferral.id}.${patientId}.${expires}.${mac}`,
        'a random referral id': `${randomUUID()}.${patientId}.${expires}.${mac}`,
        'another patient id': `${referralId}.${otherPatient.id}.${expires}.${mac}`,
        'a later expiry, same MAC': `${referralId}.${patientId}.${Number(expires) + 86_400}.${mac}`,
        'truncated MAC': token.slice(0, -6),
        'MAC dropped': `${referralId}.${patientId}.${expires}`,
        'truncated to the referral id': referralId,
        garbage: 'garbage',
        dots: '...',
        // Past the controller's length limit.
        overlong: `${token}${'x'.repeat(100)}`,
        'signed with another secret': craftToken(referralId, patientId, Number(expires), 'another-link-secret-that-is-long-enough-9876'),
        expired: craftToken(referralId, patientId, now - 60, secret),
        // Validly signed, but the referral is not this patient's.
        "signed, but someone else's referral": craftToken(otherReferral.id, patientId, now + 3600, secret),
      };

      const reference404 = await fetchPage(`${app.baseUrl}/status/garbage`);
      expect(reference404.status).toBe(404);
      expect(reference404.contentType).toContain('text/html');
      expectNothingAbout(reference404.body);

      const answers: Record<string, string> = {};
      for (const [name, badToken] of Object.entries(bad)) {
        const pages = {
          status: await fetchPage(`${app.baseUrl}/status/${badToken}`),
          confirm: await fetchPage(`${app.baseUrl}/unsubscribe/${badToken}`),
          form: await formPost(`${app.baseUrl}/unsubscribe/${badToken}`),
          oneClick: await oneClickPost(`${app.baseUrl}/unsubscribe/${badToken}`),
        };
        for (const [page, answer] of Object.entries(pages)) {
          answers[`${name} → ${page}`] = answer.status === 404 && answer.body === reference404.body ? 'plain 404' : `${answer.status}: ${answer.body.slice(0, 200)}`;
        }
      }
      expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((key) => [key, 'plain 404'])));

      expect(await emailConsentOf(patient.id)).toBe(true);
      expect(await emailConsentOf(otherPatient.id)).toBe(true);
      expect(await unsubscribeAudits(patient.id)).toEqual([]);
      expect(await unsubscribeAudits(otherPatient.id)).toEqual([]);
      await settledNotifications(world.coordinatorA.client, [otherReferral.id]);
    });
  });
});
