import { timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as authenticator apps use it by default: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** Codes one step early or late are accepted too: phones' clocks drift, and people type slowly. */
const WINDOW = 1;
const ISSUER = 'ReferLoop';

const totpOf = (secretBase32: string, digits = DIGITS) => new TOTP({ issuer: ISSUER, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits, period: PERIOD_SECONDS });

/** A fresh secret, 160 random bits as RFC 4226 recommends, in base32 as apps take it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://` URI an authenticator app scans (as a QR code) to add the account. */
export function otpauthUri(secretBase32: string, accountName: string): string {
  const totp = totpOf(secretBase32);
  totp.label = accountName;
  return totp.toString();
}

/** The time step a moment falls in. */
export const stepAt = (timestampMs: number): number => Math.floor(timestampMs / 1000 / PERIOD_SECONDS);

/** The code for the step of `timestampMs` (`digits` for the RFC's own test vectors, which use 8). */
export const totpCode = (secretBase32: string, timestampMs: number, digits = DIGITS): string => totpOf(secretBase32, digits).generate({ timestamp: timestampMs });

/**
 * The step whose code `code` is, among the steps within the window around `nowMs` and after
 * `lastUsedStep` (a code is never accepted twice, nor one older than the last accepted); null
 * when it matches none. Compared in constant time.
 */
export function acceptedStep(secretBase32: string, code: string, nowMs: number, lastUsedStep: number | null): number | null {
  const given = Buffer.from(code.replace(/\s/g, ''));
  const now = stepAt(nowMs);
  for (let step = now - WINDOW; step <= now + WINDOW; step += 1) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    const expected = Buffer.from(totpCode(secretBase32, step * PERIOD_SECONDS * 1000));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return step;
  }
  return null;
}
