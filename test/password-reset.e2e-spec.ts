import { performance } from 'node:perf_hooks';
import { ErrorReason } from '@referloop/core';
import { linkTokenIn, nthEmailTo } from './support/account-links';
import { Browser } from './support/browser';
import { expectGraphqlError, expectGraphqlReason } from './support/expectations';
import { Actor, createClinic, createSignedInUser, signIn, signInAsPlatformAdmin, uniqueEmail, USER_PASSWORD } from './support/fixtures';
import { GraphqlClient, GraphqlResponse } from './support/graphql-client';
import { ACCOUNT_LINK, CHANGE_PASSWORD, DISABLE_USER, INVITE_USER, LOGIN, ME, REQUEST_PASSWORD_RESET, RESET_PASSWORD } from './support/operations';
import type { ReceivedEmail } from './support/smtp-sink';
import { usePipeline, useTestApp } from './support/file-setup';

/*
 * A forgotten password, over real HTTP and real email: requestPasswordReset emails the account's
 * holder a single-use link (`/reset-password#<token>`) that works for PASSWORD_RESET_TTL_MINUTES;
 * accountLink(token) tells its page how the link stands; resetPassword sets the new password
 * (through the password policy), spends the link and ends every earlier session of the account.
 * A used, replaced or expired link is refused with its reason, a token that is not ours with
 * none. Asking tells nobody whether an address has an account: the same answer, no email and
 * the same time for an unknown, disabled or invited address. Requests are throttled per address
 * and per client (ten times the per-address limit), in gateways of their own with low limits.
 * Each test makes users of its own.
 */

const RESET_SUBJECT = 'Reset your ReferLoop password';
const NEW_PASSWORD = 'a-quiet-river-under-glass-7';
const OTHER_PASSWORD = 'another-calm-morning-tide-4';
/** What requestPasswordReset answers, whoever the address belongs to (or nobody). */
const ACCEPTED = { status: 200, data: { requestPasswordReset: true }, errors: undefined };
const THROTTLE_LIMIT = 2;

type LinkCheck = { state: string; kind: string | null; problem: string | null; email: string | null; displayName: string | null; expiresAt: string | null };

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The answer to requestPasswordReset for `email`, as `client` asks it. */
const askForReset = (client: GraphqlClient, email: string): Promise<GraphqlResponse> => client.request(REQUEST_PASSWORD_RESET, { input: { email } });

describe('password reset: requestPasswordReset, accountLink, resetPassword', () => {
  const { app, world, db, smtp } = usePipeline({ env: { PASSWORD_RESET_MAX_REQUESTS: '1000', LOGIN_MAX_FAILURES: '100' } });
  // Gateways of their own for the throttle: every request of a file counts toward its client's limit.
  const { app: perAddress } = useTestApp({ env: { PASSWORD_RESET_MAX_REQUESTS: String(THROTTLE_LIMIT) } });
  const { app: perClient } = useTestApp({ env: { PASSWORD_RESET_MAX_REQUESTS: String(THROTTLE_LIMIT) } });

  const newUser = (): Promise<Actor> => createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);

  const resetWith = (token: string, password: string): Promise<GraphqlResponse> => app.anonymous.request(RESET_PASSWORD, { input: { token, password } });
  const linkCheck = async (token: string): Promise<LinkCheck> => (await app.anonymous.ok<{ accountLink: LinkCheck }>(ACCOUNT_LINK, { token })).accountLink;
  const linkIdOf = (token: string): string => token.split('.')[0];

  /** Asks for a reset of `user`'s password, and waits for the `nth` email to their address: the reset email. */
  async function requestResetEmail(user: Actor, nth = 1): Promise<ReceivedEmail> {
    expect(await askForReset(app.anonymous, user.email)).toEqual(ACCEPTED);
    const mail = await nthEmailTo(smtp, user.email, nth);
    expect(mail.subject).toBe(RESET_SUBJECT);
    return mail;
  }
  const requestResetToken = async (user: Actor, nth = 1): Promise<string> => linkTokenIn(await requestResetEmail(user, nth), 'reset-password');

  function expectResetDone(response: GraphqlResponse): void {
    expect({ errors: response.errors, data: response.data }).toEqual({ errors: undefined, data: { resetPassword: true } });
  }
  const expectSignsIn = (email: string, password: string) => signIn(app.anonymous, email, password);
  const expectSignInRefused = async (email: string, password: string) => expectGraphqlError(await app.anonymous.request(LOGIN, { input: { email, password } }), 'UNAUTHENTICATED');

  async function signedInBrowser(user: Actor): Promise<Browser> {
    const browser = new Browser(app.baseUrl);
    expect((await browser.signIn(user.email, USER_PASSWORD)).errors).toBeUndefined();
    return browser;
  }

  /** The password-reset emails written for `address` (sent or not): none means nobody will ever send one. */
  async function resetNotificationsFor(address: string): Promise<unknown[]> {
    const { rows } = await db.query(`SELECT id FROM notifications WHERE lower(recipient_email) = lower($1) AND template = 'PASSWORD_RESET'`, [address]);
    return rows;
  }

  it('emails a link that works once for 30 minutes; resetting replaces the password and ends every earlier session', async () => {
    const user = await newUser();
    const browser = await signedInBrowser(user);

    const mail = await requestResetEmail(user);
    expect(mail.text).toContain(`${app.config.links.publicUrl}/reset-password#`);
    const token = linkTokenIn(mail, 'reset-password');
    const { rows: notifications } = await db.query('SELECT template, recipient_kind, account_link_id FROM notifications WHERE recipient_email = $1', [user.email]);
    expect(notifications).toEqual([{ template: 'PASSWORD_RESET', recipient_kind: 'ACCOUNT_HOLDER', account_link_id: linkIdOf(token) }]);

    const check = await linkCheck(token);
    expect(check).toEqual({ state: 'OPEN', kind: 'PASSWORD_RESET', problem: null, email: user.email, displayName: 'Test COORDINATOR', expiresAt: expect.any(String) });
    const minutesAhead = (Date.parse(check.expiresAt as string) - Date.now()) / 60_000;
    expect(minutesAhead).toBeGreaterThan(29);
    expect(minutesAhead).toBeLessThanOrEqual(30);

    expectResetDone(await resetWith(token, NEW_PASSWORD));

    await expectSignInRefused(user.email, USER_PASSWORD);
    // Every earlier session ended: the API client's (login) and the browser's.
    expectGraphqlError(await user.client.request(ME), 'UNAUTHENTICATED');
    expectGraphqlError(await browser.send(ME), 'UNAUTHENTICATED');
    expectGraphqlReason(await browser.refresh(), 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
    const { rows: sessions } = await db.query('SELECT revoked_reason FROM user_sessions WHERE user_id = $1 ORDER BY created_at', [user.id]);
    expect(sessions).toEqual([{ revoked_reason: 'PASSWORD_RESET' }, { revoked_reason: 'PASSWORD_RESET' }]);

    const client = await expectSignsIn(user.email, NEW_PASSWORD);
    expect((await client.ok<{ me: { id: string } }>(ME)).me.id).toBe(user.id);
    // One email, however long the worker had to send another.
    expect(smtp.to(user.email)).toHaveLength(1);
  });

  it('refuses the same link a second time (LINK_USED), and accountLink says it was used', async () => {
    const user = await newUser();
    const token = await requestResetToken(user);
    expectResetDone(await resetWith(token, NEW_PASSWORD));

    const refused = expectGraphqlReason(await resetWith(token, OTHER_PASSWORD), 'BAD_USER_INPUT', ErrorReason.LINK_USED, 'input.token');
    expect(refused.message).toContain('already been used');
    expect(await linkCheck(token)).toEqual({ state: 'USED', kind: 'PASSWORD_RESET', problem: expect.stringContaining('already been used'), email: null, displayName: null, expiresAt: null });
    await expectSignInRefused(user.email, OTHER_PASSWORD);
    await expectSignsIn(user.email, NEW_PASSWORD);
  });

  it('replaces the first link with a second request: the first is refused (LINK_REVOKED), the second works', async () => {
    const user = await newUser();
    const first = await requestResetEmail(user, 1);
    const second = await requestResetEmail(user, 2);
    expect(second.messageId).not.toBe(first.messageId);
    const [firstToken, secondToken] = [linkTokenIn(first, 'reset-password'), linkTokenIn(second, 'reset-password')];
    expect(secondToken).not.toBe(firstToken);

    expect(await linkCheck(firstToken)).toMatchObject({ state: 'REVOKED', kind: 'PASSWORD_RESET', problem: expect.stringContaining('replaced by a newer one'), email: null });
    expectGraphqlReason(await resetWith(firstToken, OTHER_PASSWORD), 'BAD_USER_INPUT', ErrorReason.LINK_REVOKED, 'input.token');
    expect((await linkCheck(secondToken)).state).toBe('OPEN');
    expectResetDone(await resetWith(secondToken, NEW_PASSWORD));
    await expectSignsIn(user.email, NEW_PASSWORD);
  });

  it('stops a link working once the password was changed another way, or the account was disabled', async () => {
    const changed = await newUser();
    const beforeChange = await requestResetToken(changed);
    await changed.client.ok(CHANGE_PASSWORD, { input: { currentPassword: USER_PASSWORD, newPassword: NEW_PASSWORD } });
    expect((await linkCheck(beforeChange)).state).toBe('REVOKED');
    expectGraphqlReason(await resetWith(beforeChange, `${NEW_PASSWORD}-2`), 'BAD_USER_INPUT', ErrorReason.LINK_REVOKED, 'input.token');

    const disabled = await newUser();
    const beforeDisabling = await requestResetToken(disabled);
    await world.platformAdmin.ok(DISABLE_USER, { input: { id: disabled.id } });
    await world.platformAdmin.ok(`mutation($input: EnableUserInput!) { enableUser(input: $input) { id } }`, { input: { id: disabled.id } });
    // Enabled again, the account is not reopened by the link sent before.
    expectGraphqlReason(await resetWith(beforeDisabling, NEW_PASSWORD), 'BAD_USER_INPUT', ErrorReason.LINK_REVOKED, 'input.token');
    await expectSignsIn(disabled.email, USER_PASSWORD);
  });

  it('refuses an expired link (LINK_EXPIRED) and leaves the password as it was', async () => {
    const user = await newUser();
    const token = await requestResetToken(user);
    const expired = await db.query(`UPDATE account_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [linkIdOf(token)]);
    expect(expired.rowCount).toBe(1);

    expect(await linkCheck(token)).toMatchObject({ state: 'EXPIRED', kind: 'PASSWORD_RESET', problem: expect.stringContaining('expired'), email: null });
    expectGraphqlReason(await resetWith(token, NEW_PASSWORD), 'BAD_USER_INPUT', ErrorReason.LINK_EXPIRED, 'input.token');
    await expectSignInRefused(user.email, NEW_PASSWORD);
    await expectSignsIn(user.email, USER_PASSWORD);
  });

  it('refuses a token that is not ours, without a reason, and accountLink calls it INVALID', async () => {
    const user = await newUser();
    const token = await requestResetToken(user);
    // Each of its last three characters replaced by another of the token alphabet.
    const altered = token.slice(0, -3) + [...token.slice(-3)].map((char) => (char === 'A' ? 'B' : 'A')).join('');
    const otherLinkId = `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`;
    const notOurs = ['garbage', '', altered, `${otherLinkId}.${token.split('.')[1]}`, `${token}.extra`];

    for (const candidate of notOurs) {
      const refused = expectGraphqlError(await resetWith(candidate, NEW_PASSWORD), 'BAD_USER_INPUT', 'input.token');
      expect({ token: candidate, reason: refused.extensions?.reason, message: refused.message }).toEqual({ token: candidate, reason: undefined, message: expect.stringContaining('This link is not valid') });
      expect({ token: candidate, check: await linkCheck(candidate) }).toEqual({
        token: candidate,
        check: { state: 'INVALID', kind: null, problem: expect.stringContaining('not valid'), email: null, displayName: null, expiresAt: null },
      });
    }
    // None of them touched the real link.
    expectResetDone(await resetWith(token, NEW_PASSWORD));
  });

  it('puts the new password through the policy; a refused password leaves the link open', async () => {
    const user = await newUser();
    const token = await requestResetToken(user);

    const tooShort = expectGraphqlError(await resetWith(token, 'short-1'), 'BAD_USER_INPUT', 'input.password');
    expect(tooShort.message).toContain('12 to 200 characters');
    // The email address's local part is "coordinator.<uuid>".
    const personal = expectGraphqlError(await resetWith(token, 'my-coordinator-secret-99'), 'BAD_USER_INPUT', 'input.password');
    expect(personal.message).toContain('must not contain your email address');

    expect((await linkCheck(token)).state).toBe('OPEN');
    await expectSignsIn(user.email, USER_PASSWORD);
    expectResetDone(await resetWith(token, NEW_PASSWORD));
    await expectSignsIn(user.email, NEW_PASSWORD);
  });

  it('answers an unknown, a disabled and an invited address exactly as a known one, and emails none of them', async () => {
    const known = await newUser();
    const disabled = await newUser();
    await world.platformAdmin.ok(DISABLE_USER, { input: { id: disabled.id } });
    const invitedEmail = uniqueEmail('invited');
    await world.platformAdmin.ok(INVITE_USER, { input: { email: invitedEmail, displayName: 'Invited Coordinator', role: 'COORDINATOR', clinicId: world.clinicA.id } });
    const unknownEmail = uniqueEmail('nobody');

    const silent = [unknownEmail, disabled.email, invitedEmail];
    for (const address of silent) expect({ address, answer: await askForReset(app.anonymous, address) }).toEqual({ address, answer: ACCEPTED });
    expect(await askForReset(app.anonymous, known.email)).toEqual(ACCEPTED);

    // The reset email is written in the request's own statement: none written, none ever sent.
    for (const address of silent) expect({ address, written: await resetNotificationsFor(address) }).toEqual({ address, written: [] });
    expect(await resetNotificationsFor(known.email)).toHaveLength(1);
    const { rows: links } = await db.query(`SELECT user_id FROM account_links WHERE user_id = $1 AND kind = 'PASSWORD_RESET'`, [disabled.id]);
    expect(links).toEqual([]);
    // And in the SMTP sink, once the known address's email has arrived, none to the others.
    expect((await nthEmailTo(smtp, known.email, 1)).subject).toBe(RESET_SUBJECT);
    const resetEmailsTo = (address: string) => smtp.to(address).filter((mail) => mail.subject === RESET_SUBJECT);
    expect(silent.map(resetEmailsTo)).toEqual([[], [], []]);
  });

  it('takes the same time for an unknown address as for a known one (medians of 50 each, under 20 ms apart)', async () => {
    const known = await newUser();
    const unknownEmail = uniqueEmail('nobody');
    const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    const answers: GraphqlResponse[] = [];
    // One of each first, so neither side pays for a cold path.
    answers.push(await askForReset(app.anonymous, known.email), await askForReset(app.anonymous, unknownEmail));

    for (let i = 0; i < 100; i += 1) {
      const side = i % 2 === 0 ? 'known' : 'unknown';
      const started = performance.now();
      answers.push(await askForReset(app.anonymous, side === 'known' ? known.email : unknownEmail));
      times[side].push(performance.now() - started);
    }

    expect(answers.filter((answer) => JSON.stringify(answer) !== JSON.stringify(ACCEPTED))).toEqual([]);
    expect([times.known.length, times.unknown.length]).toEqual([50, 50]);
    expect(Math.abs(median(times.known) - median(times.unknown))).toBeLessThan(20);
  });

  it(`throttles per address: the request after ${THROTTLE_LIMIT} for one address is refused, for an unknown address exactly as for a known one`, async () => {
    const admin = await signInAsPlatformAdmin(perAddress.anonymous);
    const known = await createSignedInUser(admin, 'COORDINATOR', (await createClinic(admin)).id);
    const refusals: Record<string, { message: string; extensions: Record<string, unknown> }> = {};

    for (const [label, address] of [['known', known.email], ['unknown', uniqueEmail('nobody')]]) {
      for (let i = 0; i < THROTTLE_LIMIT; i += 1) expect({ label, answer: await askForReset(perAddress.anonymous, address) }).toEqual({ label, answer: ACCEPTED });
      // Counted per address as written: the same address in capitals is the same address.
      const refused = expectGraphqlReason(await askForReset(perAddress.anonymous, address.toUpperCase()), 'TOO_MANY_REQUESTS', ErrorReason.TOO_MANY_RESET_REQUESTS);
      const retryAfter = refused.extensions?.retryAfterSeconds;
      expect({ label, retryAfter }).toEqual({ label, retryAfter: expect.any(Number) });
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(perAddress.config.accounts.resetThrottleWindowSeconds);
      refusals[label] = { message: refused.message, extensions: refused.extensions ?? {} };
    }

    // Nothing in the refusal tells the two apart (the wait may differ by the second it took to ask).
    const withoutWait = ({ message, extensions: { retryAfterSeconds, ...extensions } }: (typeof refusals)[string]) => ({ message, extensions, retryAfterSeconds: typeof retryAfterSeconds });
    expect(withoutWait(refusals.unknown)).toEqual(withoutWait(refusals.known));
    expect(Math.abs((refusals.unknown.extensions.retryAfterSeconds as number) - (refusals.known.extensions.retryAfterSeconds as number))).toBeLessThanOrEqual(2);
  });

  it(`throttles per client: of ${THROTTLE_LIMIT * 15} requests at once over distinct addresses, exactly ${THROTTLE_LIMIT * 10} pass`, async () => {
    // All at once: requests for different addresses must not each count the client's earlier
    // requests before any of them is recorded.
    const answers = await Promise.all(Array.from({ length: THROTTLE_LIMIT * 15 }, (_, i) => askForReset(perClient.anonymous, uniqueEmail(`burst-${i}`))));
    const passed = answers.filter((answer) => answer.errors === undefined);
    expect(passed).toHaveLength(THROTTLE_LIMIT * 10);
    for (const answer of passed) expect(answer).toEqual(ACCEPTED);
    for (const refused of answers.filter((answer) => answer.errors !== undefined)) {
      expect(expectGraphqlReason(refused, 'TOO_MANY_REQUESTS', ErrorReason.TOO_MANY_RESET_REQUESTS).extensions?.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it('lets anonymous callers use both mutations, and refuses malformed input naming the field', async () => {
    const user = await newUser();
    expect(app.anonymous.token).toBeUndefined();
    const token = await requestResetToken(user);
    expectResetDone(await app.anonymous.request(RESET_PASSWORD, { input: { token, password: NEW_PASSWORD } }));
    await expectSignsIn(user.email, NEW_PASSWORD);

    const tooLong = `${'a'.repeat(255 - '@referloop.test'.length)}@referloop.test`;
    expect(tooLong).toHaveLength(255);
    expectGraphqlError(await askForReset(app.anonymous, tooLong), 'BAD_USER_INPUT', 'input.email');
    expectGraphqlError(await resetWith('x'.repeat(201), NEW_PASSWORD), 'BAD_USER_INPUT', 'input.token');
  });
});
