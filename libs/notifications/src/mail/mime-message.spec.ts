import { simpleParser } from 'mailparser';
import { canComposeDirectly, composeMime, plainAddress } from './mime-message';

const from = plainAddress('ReferLoop <no-reply@referloop.localhost>')!;

const email = {
  to: 'provider@clinic.example',
  subject: 'New referral R-0001 for physical therapy',
  text: 'New referral\n\nPlease answer by Monday.\n.a line starting with a dot\n',
  html: '<!DOCTYPE html>\n<html lang="en">\n<body style="margin:0;">\n<p>New referral</p>\n</body>\n</html>\n',
  messageId: '<7b0e9a6e-1b7c-4f0e-9a7a-2b1f0c3d4e5f@referloop.localhost>',
  headers: { 'Auto-Submitted': 'auto-generated', 'List-Unsubscribe': '<http://localhost:3000/unsubscribe/abc.def>' },
};

describe('composeMime', () => {
  it('writes a multipart/alternative message that a mail parser reads back field for field', async () => {
    const raw = composeMime({ ...email, from, date: new Date('2026-12-07T10:00:00Z') });
    expect(raw.toString('latin1')).not.toMatch(/(^|[^\r])\n/); // CRLF line breaks only
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value).toEqual([{ name: 'ReferLoop', address: 'no-reply@referloop.localhost' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0].address : null).toBe(email.to);
    expect(parsed.subject).toBe(email.subject);
    expect(parsed.messageId).toBe(email.messageId);
    expect(parsed.date?.toISOString()).toBe('2026-12-07T10:00:00.000Z');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.text).toBe(email.text);
    expect(parsed.html).toBe(email.html);
  });

  it('sends ASCII with short lines as 7bit, and encodes non-ASCII text and subjects', async () => {
    const plain = composeMime({ ...email, from }).toString('latin1');
    expect(plain.match(/Content-Transfer-Encoding: 7bit/g)).toHaveLength(2);

    const accented = {
      ...email,
      subject: 'Votre demande à la Clinique Saint-Jérôme, avec un sujet assez long pour être plié en deux lignes',
      text: 'Clinique Saint-Jérôme\n',
      html: `<p>Clinique Saint-Jérôme</p>\n<p>${'x'.repeat(1200)}</p>\n`,
    };
    const raw = composeMime({ ...accented, from });
    expect(raw.every((byte) => byte < 0x80)).toBe(true);
    expect(raw.toString('latin1').split('\r\n').every((line) => line.length <= 998)).toBe(true);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(accented.subject);
    expect(parsed.text).toBe(accented.text);
    expect(parsed.html).toBe(accented.html);
  });

  it('leaves non-ASCII addresses and unusual headers to the general composer', () => {
    expect(canComposeDirectly(email)).toBe(true);
    expect(canComposeDirectly({ ...email, to: 'josé@clinic.example' })).toBe(false);
    expect(canComposeDirectly({ ...email, to: 'a@b.example\r\nBcc: c@d.example' })).toBe(false);
    expect(canComposeDirectly({ ...email, headers: { 'X-Note': 'line\r\nBcc: c@d.example' } })).toBe(false);
    expect(canComposeDirectly({ ...email, headers: { Subject: 'twice' } })).toBe(false);
    expect(canComposeDirectly({ ...email, subject: 'Hello\r\nBcc: c@d.example' })).toBe(false);
    expect(plainAddress('"Referloop, Inc." <no-reply@referloop.localhost>')).toBeNull();
    expect(plainAddress('Référence <no-reply@referloop.localhost>')).toBeNull();
    expect(plainAddress('no-reply@referloop.localhost')).toEqual({ header: 'no-reply@referloop.localhost', address: 'no-reply@referloop.localhost' });
  });
});
