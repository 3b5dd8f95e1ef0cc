import { createHash, randomBytes } from 'node:crypto';
import { isUuid } from '@referloop/core';

/**
 * What the session cookie holds, as `<session id>.<secret>`. The secret is 32 random bytes
 * (base64url), replaced at every refresh; the database keeps only its SHA-256. A fast hash is
 * enough, unlike for passwords: 256 random bits cannot be guessed from their hash.
 */
export interface SessionCredential {
  sessionId: string;
  secret: string;
}

const SECRET = /^[A-Za-z0-9_-]{43}$/;

export const newSecret = (): string => randomBytes(32).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export const formatCredential = ({ sessionId, secret }: SessionCredential): string => `${sessionId}.${secret}`;

/** The credential in a cookie's value; null for anything that is not one we could have issued. */
export function parseCredential(value: string | undefined): SessionCredential | null {
  const [sessionId, secret, ...rest] = (value ?? '').split('.');
  if (rest.length > 0 || !isUuid(sessionId) || secret === undefined || !SECRET.test(secret)) return null;
  return { sessionId: sessionId.toLowerCase(), secret };
}
