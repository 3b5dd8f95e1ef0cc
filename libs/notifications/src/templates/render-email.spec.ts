import { Condition } from '@referloop/common';
import { NotificationTemplate, RecipientKind } from '../notification.enums';
import { EmailView, RenderedEmail } from './email-view';
import { renderEmail } from './render-email';

const T = NotificationTemplate;
const K = RecipientKind;

const SUPPORTED: Array<[NotificationTemplate, RecipientKind]> = [
  [T.REFERRAL_SENT, K.PROVIDER],
  [T.REFERRAL_SENT, K.PATIENT],
  [T.INFO_REQUESTED, K.REFERRER],
  [T.INFO_PROVIDED, K.PROVIDER],
  [T.REFERRAL_ACCEPTED, K.REFERRER],
  [T.REFERRAL_ACCEPTED, K.PATIENT],
  [T.REFERRAL_DECLINED, K.REFERRER],
  [T.REFERRAL_DECLINED, K.PATIENT],
  [T.APPOINTMENT_SCHEDULED, K.PATIENT],
  [T.REFERRAL_COMPLETED, K.REFERRER],
  [T.REFERRAL_COMPLETED, K.PATIENT],
  [T.REFERRAL_CANCELLED, K.PATIENT],
  [T.REFERRAL_CANCELLED, K.PROVIDER],
  [T.REFERRAL_CANCELLED, K.REFERRER],
  [T.REFERRAL_EXPIRED, K.REFERRER],
  [T.RESPONSE_REMINDER, K.PROVIDER],
  [T.VISITS_MISSED, K.REFERRER],
  [T.PROGRESS_REPORT, K.REFERRER],
  [T.OUTCOME_REMINDER, K.REFERRER],
];
const isSupported = (template: NotificationTemplate, kind: RecipientKind): boolean =>
  SUPPORTED.some(([t, k]) => t === template && k === kind);
const UNSUPPORTED = Object.values(T).flatMap((template) =>
  Object.values(K)
    .filter((kind) => !isSupported(template, kind))
    .map((kind): [NotificationTemplate, RecipientKind] => [template, kind]),
);
const PATIENT_PAIRS = SUPPORTED.filter(([, kind]) => kind === K.PATIENT);
const STAFF_PAIRS = SUPPORTED.filter(([, kind]) => kind !== K.PATIENT);

// 20:30 UTC: 14:30 on Tuesday in Chicago (CST, before the March change), 05:30 on Wednesday in Tokyo.
const INSTANT = new Date('2026-03-03T20:30:00Z');

/** A view of a referral with a provider (every one but an unclaimed open referral). */
type ClaimedView = EmailView & { provider: NonNullable<EmailView['provider']>; receivingClinic: NonNullable<EmailView['receivingClinic']> };

function viewFor(template: NotificationTemplate, recipientKind: RecipientKind, overrides: Partial<ClaimedView> = {}): ClaimedView {
  return {
    template,
    recipientKind,
    referral: {
      reference: 'RL-7K3QX9',
      modality: 'MASSAGE',
      priority: 'ROUTINE',
      status: 'SENT',
      dueAt: INSTANT,
      appointmentAt: INSTANT,
    },
    provider: { displayName: 'Sam Ortiz, PT', email: 'sam@eastside.example' },
    referringClinic: {
      name: 'Northside Orthopedic Bodywork',
      email: 'front@northside.example',
      phone: '+1 651 323 0005',
      timeZone: 'America/Chicago',
      addressLine: '1 Main St',
      city: 'Saint Paul',
    },
    receivingClinic: {
      name: 'Eastside Physio',
      email: 'desk@eastside.example',
      phone: '+81 3 1234 5678',
      timeZone: 'Asia/Tokyo',
      addressLine: '2 Side St',
      city: 'Tokyo',
    },
    links: {
      status: 'https://referloop.example/s/abc?sig=1&v=2',
      unsubscribe: 'https://referloop.example/u/abc?sig=1&v=2',
      app: 'https://referloop.example/referrals/r1',
    },
    ...overrides,
  };
}

function allParts(email: RenderedEmail): string {
  return [email.subject, email.html, email.text].join('\n');
}

describe('renderEmail', () => {
  it.each(SUPPORTED)('renders %s for %s', (template, kind) => {
    const email = renderEmail(viewFor(template, kind));

    expect(email.subject.trim()).not.toBe('');
    expect(email.html.trim()).not.toBe('');
    expect(email.text.trim()).not.toBe('');
    expect(email.html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(email.html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it.each(UNSUPPORTED)('refuses %s for %s, naming the pair', (template, kind) => {
    expect(() => renderEmail(viewFor(template, kind))).toThrow(`(${template}, ${kind})`);
  });

  it('escapes values in HTML and keeps them readable in text', () => {
    const name = '<script>alert("x")</script> & Co';
    for (const [template, kind] of SUPPORTED) {
      const email = renderEmail(viewFor(template, kind, { provider: { displayName: name, email: 'x@example.com' } }));

      expect(email.html).not.toContain('<script');
      expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
      expect(email.text).toContain(name);
    }
  });

  it('escapes links inside href attributes and writes them out in text', () => {
    const email = renderEmail(viewFor(T.REFERRAL_ACCEPTED, K.PATIENT));

    expect(email.html).toContain('href="https://referloop.example/s/abc?sig=1&amp;v=2"');
    expect(email.html).not.toContain('sig=1&v=2');
    expect(email.text).toContain('https://referloop.example/s/abc?sig=1&v=2');
    expect(email.text).toContain('Stop these emails: https://referloop.example/u/abc?sig=1&v=2');
  });

  it('refuses links that are not web links', () => {
    const view = viewFor(T.REFERRAL_SENT, K.PROVIDER);
    view.links.app = 'javascript:alert(1)';

    expect(() => renderEmail(view)).toThrow('http(s)');
  });

  it('loads nothing from outside the email', () => {
    for (const [template, kind] of SUPPORTED) {
      const { html } = renderEmail(viewFor(template, kind));

      expect(html).not.toMatch(/<(script|link|img|iframe|style)\b/i);
      expect(html).not.toMatch(/\bsrc=/i);
    }
  });

  it('keeps every condition out of patient emails', () => {
    const conditionWords = Object.values(Condition).flatMap((code) => [code, code.toLowerCase().replace(/_/g, ' ')]);
    for (const [template, kind] of PATIENT_PAIRS) {
      for (const status of ['SENT', 'ACCEPTED', 'DECLINED', 'SCHEDULED', 'COMPLETED', 'CANCELLED']) {
        const view = viewFor(template, kind);
        view.referral.status = status;
        const content = allParts(renderEmail(view)).toLowerCase();
        for (const words of conditionWords) {
          expect(content).not.toContain(words.toLowerCase());
        }
      }
    }
  });

  it('keeps the reference and the priority out of patient emails', () => {
    for (const [template, kind] of PATIENT_PAIRS) {
      const view = viewFor(template, kind);
      view.referral.priority = 'URGENT';
      const content = allParts(renderEmail(view));

      expect(content).not.toContain('RL-7K3QX9');
      expect(content.toLowerCase()).not.toContain('urgent');
    }
  });

  it('greets patients by first name and gives the status page and the way out', () => {
    for (const [template, kind] of PATIENT_PAIRS) {
      const { text, html } = renderEmail(viewFor(template, kind));

      expect(text).toContain('Hello,');
      expect(text).not.toMatch(/Hello \w/);
      expect(text).toContain('massage therapy');
      expect(text).toContain('https://referloop.example/s/abc?sig=1&v=2');
      expect(html).toContain('>Stop these emails</a>');
    }
  });

  it('refuses a patient email without its signed links', () => {
    const view = viewFor(T.REFERRAL_ACCEPTED, K.PATIENT);
    view.links.unsubscribe = null;

    expect(() => renderEmail(view)).toThrow('links.unsubscribe');
  });

  it('never names the patient in staff emails, and links to ReferLoop', () => {
    for (const [template, kind] of STAFF_PAIRS) {
      const email = renderEmail(viewFor(template, kind));

      expect(allParts(email)).not.toContain('Philippa');
      expect(email.text).toContain('RL-7K3QX9');
      expect(email.text).toContain('https://referloop.example/referrals/r1');
    }
  });

  it('flags urgent referrals in the subject for the provider', () => {
    const view = viewFor(T.REFERRAL_SENT, K.PROVIDER);
    view.referral.priority = 'URGENT';

    expect(renderEmail(view).subject).toBe('URGENT: New referral RL-7K3QX9 for massage therapy');
    expect(renderEmail(viewFor(T.REFERRAL_SENT, K.PROVIDER)).subject).toBe('New referral RL-7K3QX9 for massage therapy');
  });

  it("shows the appointment in the referring clinic's zone", () => {
    const inChicago = renderEmail(viewFor(T.APPOINTMENT_SCHEDULED, K.PATIENT));
    expect(inChicago.text).toContain('Tuesday, 3 March 2026 at 14:30 (America/Chicago)');
    expect(inChicago.html).toContain('Tuesday, 3 March 2026 at 14:30 (America/Chicago)');
    expect(inChicago.text).not.toContain('05:30');

    const swapped = viewFor(T.APPOINTMENT_SCHEDULED, K.PATIENT);
    swapped.referringClinic.timeZone = 'Asia/Tokyo';
    swapped.receivingClinic.timeZone = 'America/Chicago';
    const inTokyo = renderEmail(swapped);
    expect(inTokyo.text).toContain('Wednesday, 4 March 2026 at 05:30 (Asia/Tokyo)');
    expect(inTokyo.text).not.toContain('14:30');
  });

  it("shows deadlines in each staff recipient's own clinic zone", () => {
    expect(renderEmail(viewFor(T.RESPONSE_REMINDER, K.PROVIDER)).text).toContain(
      'Answer by: Wednesday, 4 March 2026 at 05:30 (Asia/Tokyo)',
    );
    expect(renderEmail(viewFor(T.REFERRAL_EXPIRED, K.REFERRER)).text).toContain(
      'Answer was due: Tuesday, 3 March 2026 at 14:30 (America/Chicago)',
    );
  });

  it('leaves the deadline out when there is none', () => {
    const view = viewFor(T.RESPONSE_REMINDER, K.PROVIDER);
    view.referral.dueAt = null;

    expect(renderEmail(view).text).not.toContain('Answer by');
  });

  it('tells the patient of a decline that another provider is being found, without a reason', () => {
    const view = viewFor(T.REFERRAL_DECLINED, K.PATIENT);
    view.referral.status = 'DECLINED';
    const email = renderEmail(view);

    expect(email.text).toContain('we are finding another provider');
    expect(email.html).toContain('we are finding another provider');
    expect(email.text.toLowerCase()).not.toContain('reason');
  });

  it('keeps line breaks in values out of subjects and text', () => {
    const injected = 'Eastside\r\nBcc: victim@example.com\nX';
    for (const [template, kind] of SUPPORTED) {
      const view = viewFor(template, kind);
      view.receivingClinic.name = injected;
      view.referringClinic.name = injected;
      view.provider.displayName = injected;
      const email = renderEmail(view);

      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.text).not.toMatch(/\nBcc:/);
      expect(email.text).not.toContain('\r');
    }
  });

  it('tells the referrer of an unclaimed open referral that expired or was cancelled, naming no provider', () => {
    for (const [template, words] of [
      [T.REFERRAL_EXPIRED, 'No provider took open referral RL-7K3QX9 for massage therapy in time.'],
      [T.REFERRAL_CANCELLED, 'Open referral RL-7K3QX9 for massage therapy has been cancelled before any provider took it.'],
    ] as const) {
      const email = renderEmail({ ...viewFor(template, K.REFERRER), provider: null, receivingClinic: null });
      expect(email.text).toContain(words);
      expect(email.text).toContain('Provider: not taken yet (open referral)');
      expect(allParts(email)).not.toContain('Eastside');
      expect(allParts(email)).not.toContain('Sam Ortiz');
    }
  });

  it('refuses a modality it has no words for', () => {
    const view = viewFor(T.REFERRAL_SENT, K.PROVIDER);
    view.referral.modality = 'REIKI';

    expect(() => renderEmail(view)).toThrow('REIKI');
  });
});
