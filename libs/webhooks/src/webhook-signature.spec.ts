import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signature, signedHeaders } from './webhook-signature';

/**
 * The signature against the Standard Webhooks reference package (`standardwebhooks`), which
 * is what receivers verify with: same bytes signed, same encoding, several signatures accepted.
 */

/** The specification's own example (standard-webhooks/spec, the reference libraries' tests). */
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const BODY = JSON.stringify({ type: 'referral.sent', timestamp: '2026-01-02T03:04:05.000Z', data: { referralId: 'f6a1', reference: 'R-1', status: 'SENT', version: 2 } });

describe('webhook signature', () => {
  it("matches the specification's example signature", () => {
    expect(signature(SPEC.secret, SPEC.id, SPEC.timestamp, SPEC.body)).toBe(SPEC.signature);
    // And the reference package agrees with the example.
    expect(new Webhook(SPEC.secret).sign(SPEC.id, new Date(SPEC.timestamp * 1000), SPEC.body)).toBe(SPEC.signature);
  });

  it("equals the reference package's signature for known inputs (unicode bodies included)", () => {
    const secrets = [SPEC.secret, `whsec_${Buffer.alloc(32, 7).toString('base64')}`, `whsec_${Buffer.from('a short key').toString('base64')}`];
    const bodies = [BODY, '{"note":"Åsa’s café – 東京 🚑"}', '{}'];
    for (const secret of secrets) {
      for (const body of bodies) {
        expect(signature(secret, '2b0f1a7e-1d7e-4f7a-9a33-0c7e51b1b7c1', 1767312000, body)).toBe(
          new Webhook(secret).sign('2b0f1a7e-1d7e-4f7a-9a33-0c7e51b1b7c1', new Date(1767312000 * 1000), body),
        );
      }
    }
  });

  it('changes with the id, the timestamp, the body and the secret', () => {
    const base = signature(SPEC.secret, SPEC.id, SPEC.timestamp, SPEC.body);
    expect(signature(SPEC.secret, `${SPEC.id}x`, SPEC.timestamp, SPEC.body)).not.toBe(base);
    expect(signature(SPEC.secret, SPEC.id, SPEC.timestamp + 1, SPEC.body)).not.toBe(base);
    expect(signature(SPEC.secret, SPEC.id, SPEC.timestamp, `${SPEC.body} `)).not.toBe(base);
    expect(signature(newWebhookSecret(), SPEC.id, SPEC.timestamp, SPEC.body)).not.toBe(base);
  });

  it('signs headers the reference package verifies, and that it refuses once the body is altered', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], 'evt-1', new Date(), BODY);
    expect(Object.keys(headers).sort()).toEqual(['webhook-id', 'webhook-signature', 'webhook-timestamp']);
    expect(headers['webhook-id']).toBe('evt-1');
    expect(headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(new Webhook(secret).verify(BODY, headers)).toEqual(JSON.parse(BODY));
    expect(() => new Webhook(secret).verify(BODY.replace('SENT', 'DECLINED'), headers)).toThrow(/No matching signature/);
    expect(() => new Webhook(newWebhookSecret()).verify(BODY, headers)).toThrow(/No matching signature/);
  });

  it('puts whole seconds in webhook-timestamp, the same the signature covers', () => {
    const at = new Date(1767312000_999);
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], 'evt-2', at, BODY);
    expect(headers['webhook-timestamp']).toBe('1767312000');
    expect(headers['webhook-signature']).toBe(new Webhook(secret).sign('evt-2', at, BODY));
  });

  it('signs with every secret given (after a rotation), space-separated, each verifying on its own', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signedHeaders([current, previous], 'evt-3', new Date(), BODY);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of [current, previous]) expect(() => new Webhook(secret).verify(BODY, headers)).not.toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(BODY, headers)).toThrow();
  });

  it('refuses a secret without the whsec_ prefix', () => {
    const bare = SPEC.secret.slice('whsec_'.length);
    expect(() => signature(bare, SPEC.id, SPEC.timestamp, SPEC.body)).toThrow('Not a webhook secret');
    expect(() => signature('', SPEC.id, SPEC.timestamp, SPEC.body)).toThrow('Not a webhook secret');
    expect(() => signature('WHSEC_' + bare, SPEC.id, SPEC.timestamp, SPEC.body)).toThrow('Not a webhook secret');
    expect(() => signedHeaders([newWebhookSecret(), bare], 'evt-4', new Date(), BODY)).toThrow('Not a webhook secret');
  });

  it('makes new secrets of 32 random bytes, in the form the reference package reads', () => {
    const secrets = Array.from({ length: 20 }, newWebhookSecret);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
      expect(() => new Webhook(secret)).not.toThrow();
    }
    expect(new Set(secrets).size).toBe(secrets.length);
  });
});
