import { formatCredential, hashSecret, newSecret, parseCredential } from './session-credential';

const SESSION_ID = '3f1c2a9e-7b6d-4c5e-9f8a-0b1c2d3e4f50';

describe('session credentials', () => {
  it('makes a new 256-bit secret each time, in cookie-safe characters', () => {
    const secrets = new Set(Array.from({ length: 50 }, newSecret));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('hashes a secret the same way every time, and never to the secret itself', () => {
    const secret = newSecret();
    expect(hashSecret(secret)).toBe(hashSecret(secret));
    expect(hashSecret(secret)).not.toBe(secret);
    expect(hashSecret(secret)).not.toBe(hashSecret(newSecret()));
  });

  it('reads back what it formats', () => {
    const credential = { sessionId: SESSION_ID, secret: newSecret() };
    expect(parseCredential(formatCredential(credential))).toEqual(credential);
    expect(parseCredential(`${SESSION_ID.toUpperCase()}.${credential.secret}`)).toEqual(credential);
  });

  it.each([
    ['nothing', undefined],
    ['an empty value', ''],
    ['a session id alone', SESSION_ID],
    ['an id that is not a uuid', `not-a-session.${newSecret()}`],
    ['a short secret', `${SESSION_ID}.abc`],
    ['a secret with other characters', `${SESSION_ID}.${newSecret().slice(1)}+`],
    ['a third part', `${SESSION_ID}.${newSecret()}.extra`],
  ])('reads %s as no credential', (_label, value) => {
    expect(parseCredential(value)).toBeNull();
  });
});
