import { DataSource } from 'typeorm';
import { loadConfig } from '@referloop/core';
import { LinkSigner } from './link-signer';

const SECRET = 'unit-test-link-secret-0123456789abcdef';
const link = { referralId: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', patientId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a' };
// On a whole second, so "one second before expiry" is exact.
const signedAt = new Date('2031-06-01T12:00:00.000Z');
const DAY = 86_400_000;

/** With LINK_SECRET configured the signer must never touch the database. */
const noDatabase = {
  query: () => {
    throw new Error('LinkSigner used the database although LINK_SECRET is set');
  },
} as unknown as DataSource;

const signerWith = (env: Record<string, string>) => new LinkSigner(loadConfig(env), noDatabase);

describe('LinkSigner', () => {
  const signer = signerWith({ LINK_SECRET: SECRET, STATUS_LINK_TTL_DAYS: '30', PUBLIC_URL: 'https://referloop.example/' });

  it('verifies what it signed, giving back the referral and the patient', async () => {
    const token = await signer.sign(link, signedAt);
    await expect(signer.verify(token, signedAt)).resolves.toEqual(link);
  });

  it('refuses a token whose signature was altered', async () => {
    const token = await signer.sign(link, signedAt);
    const mac = token.slice(token.lastIndexOf('.') + 1);
    const altered = `${token.slice(0, token.lastIndexOf('.') + 1)}${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    await expect(signer.verify(altered, signedAt)).resolves.toBeNull();
  });

  it('refuses a signature moved to another referral, patient or expiry', async () => {
    const [referralId, patientId, expires, mac] = (await signer.sign(link, signedAt)).split('.');
    const otherId = '11111111-2222-4333-8444-555555555555';
    for (const forged of [
      [otherId, patientId, expires, mac],
      [referralId, otherId, expires, mac],
      [referralId, patientId, String(Number(expires) + 86_400), mac],
      [patientId, referralId, expires, mac],
    ]) {
      await expect(signer.verify(forged.join('.'), signedAt)).resolves.toBeNull();
    }
  });

  it('accepts a token until its time-to-live has passed, and refuses it from then on', async () => {
    const token = await signer.sign(link, signedAt);
    await expect(signer.verify(token, new Date(signedAt.getTime() + 30 * DAY - 1000))).resolves.toEqual(link);
    await expect(signer.verify(token, new Date(signedAt.getTime() + 30 * DAY))).resolves.toBeNull();
    await expect(signer.verify(token, new Date(signedAt.getTime() + 365 * DAY))).resolves.toBeNull();
  });

  it.each([
    ['empty', ''],
    ['too few parts', 'a.b.c'],
    ['too many parts', `${link.referralId}.${link.patientId}.1999999999.mac.extra`],
    ['not uuids', 'referral.patient.1999999999.mac'],
    ['a non-numeric expiry', `${link.referralId}.${link.patientId}.soon.mac`],
    ['a negative expiry', `${link.referralId}.${link.patientId}.-1.mac`],
    ['an absurd expiry', `${link.referralId}.${link.patientId}.1234567890123.mac`],
    ['no signature', `${link.referralId}.${link.patientId}.1999999999.`],
  ])('refuses a malformed token (%s)', async (_what, token) => {
    await expect(signer.verify(token, signedAt)).resolves.toBeNull();
  });

  it('refuses a token signed with another secret', async () => {
    const other = signerWith({ LINK_SECRET: 'another-link-secret-that-is-long-enough' });
    const token = await other.sign(link, signedAt);
    await expect(signer.verify(token, signedAt)).resolves.toBeNull();
    await expect(other.verify(token, signedAt)).resolves.toEqual(link);
  });

  it('builds the status and unsubscribe links on the public URL', () => {
    expect(signer.statusUrl('tok')).toBe('https://referloop.example/status/tok');
    expect(signer.unsubscribeUrl('tok')).toBe('https://referloop.example/unsubscribe/tok');
  });
});
