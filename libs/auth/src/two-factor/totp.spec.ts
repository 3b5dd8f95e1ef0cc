import { acceptedStep, newTotpSecret, otpauthUri, stepAt, totpCode } from './totp';

/** RFC 6238, Appendix B: the SHA-1 seed "12345678901234567890", in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('gives the RFC test vector at T = %i s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000, 8)).toBe(code);
  });

  it('accepts a code one step early or late, not two', () => {
    const secret = newTotpSecret();
    const now = 1_765_000_000_000;
    const at = (offsetSteps: number) => totpCode(secret, now + offsetSteps * 30_000);
    expect(acceptedStep(secret, at(0), now, null)).toBe(stepAt(now));
    expect(acceptedStep(secret, at(-1), now, null)).toBe(stepAt(now) - 1);
    expect(acceptedStep(secret, at(1), now, null)).toBe(stepAt(now) + 1);
    expect(acceptedStep(secret, at(-2), now, null)).toBeNull();
    expect(acceptedStep(secret, at(2), now, null)).toBeNull();
  });

  it('never accepts a code of a step already used, nor an older one', () => {
    const secret = newTotpSecret();
    const now = 1_765_000_000_000;
    const code = totpCode(secret, now);
    expect(acceptedStep(secret, code, now, stepAt(now))).toBeNull();
    expect(acceptedStep(secret, totpCode(secret, now - 30_000), now, stepAt(now))).toBeNull();
    expect(acceptedStep(secret, totpCode(secret, now + 30_000), now, stepAt(now))).toBe(stepAt(now) + 1);
  });

  it('refuses a code of the wrong length or digits, and reads spaces away', () => {
    const secret = newTotpSecret();
    const now = 1_765_000_000_000;
    const code = totpCode(secret, now);
    expect(acceptedStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(stepAt(now));
    expect(acceptedStep(secret, code.slice(0, 5), now, null)).toBeNull();
    expect(acceptedStep(secret, 'abcdef', now, null)).toBeNull();
  });

  it('writes the otpauth URI apps scan: issuer, account, SHA-1, 6 digits, 30 s', () => {
    const uri = new URL(otpauthUri(RFC_SECRET, 'dana@northside.example'));
    expect({ protocol: uri.protocol, type: uri.host, label: decodeURIComponent(uri.pathname) }).toEqual({
      protocol: 'otpauth:',
      type: 'totp',
      label: '/ReferLoop:dana@northside.example',
    });
    expect(Object.fromEntries(uri.searchParams)).toEqual({ issuer: 'ReferLoop', secret: RFC_SECRET, algorithm: 'SHA1', digits: '6', period: '30' });
  });
});
