import { createHmac } from 'node:crypto';
import { JWT_SECRET } from './test-app';

/** The same token with its `exp` claim replaced, re-signed with the test secret (HS256). */
export function withExpiry(token: string, expiresAtSeconds: number): string {
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const body = Buffer.from(JSON.stringify({ ...claims, exp: expiresAtSeconds })).toString('base64url');
  const signature = createHmac('sha256', JWT_SECRET).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}
