import { createHmac, randomBytes } from 'node:crypto';

/** Standard Webhooks' secret prefix; what follows is the key, base64. */
const PREFIX = 'whsec_';

/** A new signing secret: `whsec_` and 32 random bytes in base64, shown to the clinic once. */
export const newWebhookSecret = (): string => `${PREFIX}${randomBytes(32).toString('base64')}`;

/**
 * One signature per Standard Webhooks: `v1,` and the base64 HMAC-SHA256, under the secret's
 * key, of `<webhook-id>.<webhook-timestamp>.<body>`.
 */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  if (!secret.startsWith(PREFIX)) throw new Error('Not a webhook secret');
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * The headers of one attempt. `secrets` is the endpoint's current secret and, for a day after
 * a rotation, the previous one: each signs, space-separated, so a receiver still holding the
 * old secret verifies while it moves to the new.
 */
export function signedHeaders(secrets: readonly string[], id: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => signature(secret, id, timestamp, body)).join(' '),
  };
}
