import { ErrorReason } from '@referloop/core';
import { stepAt, totpCode } from '../libs/auth/src/two-factor/totp';
import { Browser } from './support/browser';
import { expectGraphqlError, expectGraphqlReason } from './support/expectations';
import { Actor, createClinic, createSignedInUser, signInAsPlatformAdmin, USER_PASSWORD } from './support/fixtures';
import { CHANGE_PASSWORD } from './support/operations';
import { GraphqlClient } from './support/graphql-client';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/test-app';
import { useTestApp, useWorld } from './support/file-setup';
import { referralIn } from './support/world';

/*
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238), over real HTTP: enrolment with
 * a code the test computes from the secret, then every sign-in in two steps (password, then a
 * code within a step of now, never the same one twice, or a recovery code, once); required for
 * a clinic that asks for it and for platform admins when configured, where a session may only
 * enrol until it has.
 */

const LOGIN = `mutation login($input: LoginInput!) { login(input: $input) { accessToken refreshToken mustEnrolTwoFactor twoFactorChallenge { token expiresAt } } }`;
const VERIFY = `mutation verifySignInCode($input: SignInCodeInput!) { verifySignInCode(input: $input) { accessToken refreshToken mustEnrolTwoFactor user { id } } }`;
const BEGIN = `mutation { beginTotpEnrolment { otpauthUri secret } }`;
const CONFIRM = `mutation confirmTotpEnrolment($input: ConfirmTotpEnrolmentInput!) { confirmTotpEnrolment(input: $input) { codes } }`;
const STATUS = `query { twoFactorStatus { enabled required recoveryCodesLeft } }`;
const REMOVE = `mutation removeTwoFactor($input: RemoveTwoFactorInput!) { removeTwoFactor(input: $input) }`;
const UPDATE_CLINIC = `mutation updateClinic($input: UpdateClinicInput!) { updateClinic(input: $input) { id requireTwoFactor } }`;
const REFERRALS = `query { referrals(first: 1) { totalCount } }`;
const REFRESH = `mutation refreshSession($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken refreshToken mustEnrolTwoFactor } }`;
const RESET = `mutation resetTwoFactor($input: ResetTwoFactorInput!) { resetTwoFactor(input: $input) { id twoFactorEnabled } }`;
const USERS = `query users($filter: UserFilter) { users(filter: $filter, first: 50) { edges { node { id twoFactorEnabled } } } }`;
const ME = `query { me { id twoFactorEnabled } }`;
const BROWSER_SIGN_IN = `mutation signIn($input: LoginInput!) { signIn(input: $input) { accessToken refreshToken mustEnrolTwoFactor twoFactorChallenge { token expiresAt } } }`;

type LoginAnswer = { accessToken: string | null; refreshToken: string | null; mustEnrolTwoFactor: boolean; twoFactorChallenge: { token: string; expiresAt: string } | null };
type Enrolled = { secret: string; recoveryCodes: string[]; confirmedAt: number };

/** A code of the step `offset` steps from now. */
const codeAt = (secret: string, offset = 0) => totpCode(secret, Date.now() + offset * 30_000);

/** Six digits that are none of the codes the window around now accepts: certainly wrong. */
function notACode(secret: string): string {
  const accepted = new Set([-2, -1, 0, 1, 2].map((offset) => codeAt(secret, offset)));
  let guess = 0;
  while (accepted.has(String(guess).padStart(6, '0'))) guess += 1;
  return String(guess).padStart(6, '0');
}

describe('two-factor sign-in (TOTP)', () => {
  const { app, world, db } = useWorld({ env: { LOGIN_MAX_FAILURES: '100' } });
  const { app: strict } = useTestApp({ env: { TWO_FACTOR_REQUIRED_FOR_PLATFORM_ADMINS: 'on' } });
  const { app: throttled } = useTestApp({ env: { LOGIN_MAX_FAILURES: '3' } });

  const login = async (client: GraphqlClient, email: string, password = USER_PASSWORD): Promise<LoginAnswer> =>
    (await client.ok<{ login: LoginAnswer }>(LOGIN, { input: { email, password } })).login;
  const verify = (client: GraphqlClient, token: string, code: string) => client.request<{ verifySignInCode: LoginAnswer & { user: { id: string } } }>(VERIFY, { input: { token, code } });

  /** Enrols an app for the user, with the code of the current step; the secret and the recovery codes. */
  async function enrolled(user: Actor): Promise<Enrolled> {
    const { beginTotpEnrolment } = await user.client.ok<{ beginTotpEnrolment: { otpauthUri: string; secret: string } }>(BEGIN);
    expect(new URL(beginTotpEnrolment.otpauthUri).searchParams.get('secret')).toBe(beginTotpEnrolment.secret);
    const confirmedAt = Date.now();
    const { confirmTotpEnrolment } = await user.client.ok<{ confirmTotpEnrolment: { codes: string[] } }>(CONFIRM, { input: { code: codeAt(beginTotpEnrolment.secret), password: USER_PASSWORD } });
    return { secret: beginTotpEnrolment.secret, recoveryCodes: confirmTotpEnrolment.codes, confirmedAt };
  }
  const newUser = () => createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);

  it('enrols with a code from the app, and hands out ten recovery codes once', async () => {
    const user = await newUser();
    expect(await user.client.ok(STATUS)).toEqual({ twoFactorStatus: { enabled: false, required: false, recoveryCodesLeft: 0 } });
    const { recoveryCodes } = await enrolled(user);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(await user.client.ok(STATUS)).toEqual({ twoFactorStatus: { enabled: true, required: false, recoveryCodesLeft: 10 } });
    // Stored as hashes only.
    const { rows } = await db.query('SELECT code_hash FROM totp_recovery_codes WHERE user_id = $1', [user.id]);
    expect(rows.map((row: { code_hash: string }) => row.code_hash).some((hash: string) => recoveryCodes.some((code) => hash.includes(code.replace('-', ''))))).toBe(false);
    // On already: a second enrolment is refused until it is removed.
    expectGraphqlError(await user.client.request(BEGIN), 'BAD_USER_INPUT');
  });

  it('refuses a wrong code at enrolment, naming it, and stays off', async () => {
    const user = await newUser();
    const { beginTotpEnrolment } = await user.client.ok<{ beginTotpEnrolment: { secret: string } }>(BEGIN);
    expectGraphqlError(await user.client.request(CONFIRM, { input: { code: codeAt(beginTotpEnrolment.secret, 3), password: USER_PASSWORD } }), 'BAD_USER_INPUT', 'input.code');
    expect((await user.client.ok<{ twoFactorStatus: { enabled: boolean } }>(STATUS)).twoFactorStatus.enabled).toBe(false);
  });

  it('asks for the password again before turning it on, and stays off without it', async () => {
    const user = await newUser();
    const { beginTotpEnrolment } = await user.client.ok<{ beginTotpEnrolment: { secret: string } }>(BEGIN);
    const refused = await user.client.request(CONFIRM, { input: { code: codeAt(beginTotpEnrolment.secret), password: 'not-my-password-at-all' } });
    expectGraphqlError(refused, 'BAD_USER_INPUT', 'input.password');
    expect((await user.client.ok<{ twoFactorStatus: { enabled: boolean } }>(STATUS)).twoFactorStatus.enabled).toBe(false);
    expect((await db.query('SELECT count(*)::int AS n FROM totp_recovery_codes WHERE user_id = $1', [user.id])).rows[0].n).toBe(0);
  });

  it('shows a pending secret again only to the session that began it; another session gets a new one and cannot confirm the first', async () => {
    const user = await newUser();
    const other = app.anonymous.as((await login(app.anonymous, user.email)).accessToken as string);
    const first = (await user.client.ok<{ beginTotpEnrolment: { secret: string } }>(BEGIN)).beginTotpEnrolment.secret;
    expect((await user.client.ok<{ beginTotpEnrolment: { secret: string } }>(BEGIN)).beginTotpEnrolment.secret).toBe(first);
    const second = (await other.ok<{ beginTotpEnrolment: { secret: string } }>(BEGIN)).beginTotpEnrolment.secret;
    expect(second).not.toBe(first);
    // The first session's code is for a secret that was replaced: refused, and nothing turns on.
    expectGraphqlError(await user.client.request(CONFIRM, { input: { code: codeAt(first), password: USER_PASSWORD } }), 'BAD_USER_INPUT', 'input.code');
    expect((await user.client.ok<{ twoFactorStatus: { enabled: boolean } }>(STATUS)).twoFactorStatus.enabled).toBe(false);
    await other.ok(CONFIRM, { input: { code: codeAt(second), password: USER_PASSWORD } });
    expect((await other.ok<{ twoFactorStatus: { enabled: boolean } }>(STATUS)).twoFactorStatus.enabled).toBe(true);
  });

  it('turning it on ends every other session of the user, which were opened without the code', async () => {
    const user = await newUser();
    const other = await login(app.anonymous, user.email);
    const otherClient = app.anonymous.as(other.accessToken as string);
    expect((await otherClient.ok<{ me: { id: string } }>(ME)).me.id).toBe(user.id);
    await enrolled(user);
    expectGraphqlError(await otherClient.request(ME), 'UNAUTHENTICATED');
    expectGraphqlError(await app.anonymous.request(REFRESH, { refreshToken: other.refreshToken }), 'UNAUTHENTICATED');
    // The session that enrolled carries on, and says it is on.
    expect((await user.client.ok<{ me: { twoFactorEnabled: boolean } }>(ME)).me.twoFactorEnabled).toBe(true);
  });

  it('signs in in two steps: the password gives no token but a challenge, the code a session', async () => {
    const user = await newUser();
    const { secret } = await enrolled(user);
    const first = await login(app.anonymous, user.email);
    expect(first).toMatchObject({ accessToken: null, refreshToken: null, twoFactorChallenge: { token: expect.any(String) } });
    const expiresIn = Date.parse(first.twoFactorChallenge?.expiresAt as string) - Date.now();
    expect(expiresIn).toBeGreaterThan(4 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(5 * 60_000);

    // A wrong code is refused on its field; the challenge stands.
    expectGraphqlError(await verify(app.anonymous, first.twoFactorChallenge?.token as string, notACode(secret)), 'BAD_USER_INPUT', 'input.code');
    const answer = await verify(app.anonymous, first.twoFactorChallenge?.token as string, codeAt(secret, 1));
    expect(answer.errors).toBeUndefined();
    const session = answer.data?.verifySignInCode;
    expect(session).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), mustEnrolTwoFactor: false, user: { id: user.id } });
    expect((await app.anonymous.as(session?.accessToken as string).ok<{ me: { id: string } }>('query { me { id } }')).me.id).toBe(user.id);
    // The challenge is spent.
    expectGraphqlError(await verify(app.anonymous, first.twoFactorChallenge?.token as string, codeAt(secret, 1)), 'UNAUTHENTICATED');
  });

  it('never accepts the same code twice, nor an older one', async () => {
    const user = await newUser();
    const { secret } = await enrolled(user);
    const code = codeAt(secret, 1);
    expect((await verify(app.anonymous, (await login(app.anonymous, user.email)).twoFactorChallenge?.token as string, code)).errors).toBeUndefined();
    const again = (await login(app.anonymous, user.email)).twoFactorChallenge?.token as string;
    expectGraphqlError(await verify(app.anonymous, again, code), 'BAD_USER_INPUT', 'input.code');
    // Older than the last accepted: the enrolment's own step, still within the window.
    expectGraphqlError(await verify(app.anonymous, again, codeAt(secret, 0)), 'BAD_USER_INPUT', 'input.code');
    expect(stepAt(Date.now())).toBeGreaterThan(0);
  });

  it('accepts each recovery code once, and says so in the account events', async () => {
    const user = await newUser();
    const { recoveryCodes } = await enrolled(user);
    const recovery = recoveryCodes[3].toUpperCase();
    expect((await verify(app.anonymous, (await login(app.anonymous, user.email)).twoFactorChallenge?.token as string, recovery)).errors).toBeUndefined();
    expectGraphqlError(await verify(app.anonymous, (await login(app.anonymous, user.email)).twoFactorChallenge?.token as string, recovery), 'BAD_USER_INPUT', 'input.code');
    expect((await user.client.ok<{ twoFactorStatus: { recoveryCodesLeft: number } }>(STATUS)).twoFactorStatus.recoveryCodesLeft).toBe(9);
    const { rows } = await db.query(`SELECT event, detail FROM account_events WHERE user_id = $1 AND event IN ('RECOVERY_CODE_USED', 'SIGN_IN_FAILED', 'TWO_FACTOR_ENROLLED') ORDER BY at, id`, [user.id]);
    expect(rows).toEqual([
      { event: 'TWO_FACTOR_ENROLLED', detail: null },
      { event: 'RECOVERY_CODE_USED', detail: null },
      { event: 'SIGN_IN_FAILED', detail: 'WRONG_CODE' },
    ]);
  });

  it('ends a challenge after five wrong codes, or five minutes: sign in again', async () => {
    const user = await newUser();
    const { secret } = await enrolled(user);
    const token = (await login(app.anonymous, user.email)).twoFactorChallenge?.token as string;
    for (let wrong = 0; wrong < 5; wrong += 1) expectGraphqlError(await verify(app.anonymous, token, notACode(secret)), 'BAD_USER_INPUT', 'input.code');
    expectGraphqlError(await verify(app.anonymous, token, codeAt(secret, 1)), 'UNAUTHENTICATED');

    const late = (await login(app.anonymous, user.email)).twoFactorChallenge?.token as string;
    await db.query(`UPDATE sign_in_challenges SET expires_at = now() - interval '1 second' WHERE id = $1`, [late.split('.')[0]]);
    expectGraphqlError(await verify(app.anonymous, late, codeAt(secret, 1)), 'UNAUTHENTICATED');
  });

  it('counts parallel guesses at one challenge before checking them: five at most are tried', async () => {
    const user = await newUser();
    const { secret } = await enrolled(user);
    const token = (await login(app.anonymous, user.email)).twoFactorChallenge?.token as string;
    const answers = await Promise.all(Array.from({ length: 20 }, () => verify(app.anonymous, token, notACode(secret))));
    const codes = answers.map((answer) => answer.errors?.[0]?.extensions?.code).sort();
    expect(codes).toEqual([...Array(5).fill('BAD_USER_INPUT'), ...Array(15).fill('UNAUTHENTICATED')]);
  });

  it('limits wrong codes per account across challenges: a correct password opens a new challenge, never more guesses', async () => {
    const admin = await signInAsPlatformAdmin(throttled.anonymous);
    const user = await createSignedInUser(admin, 'COORDINATOR', (await createClinic(admin)).id);
    const { beginTotpEnrolment } = await user.client.ok<{ beginTotpEnrolment: { secret: string } }>(BEGIN);
    const secret = beginTotpEnrolment.secret;
    await user.client.ok(CONFIRM, { input: { code: codeAt(secret), password: USER_PASSWORD } });
    for (let challenge = 0; challenge < 3; challenge += 1) {
      const token = (await login(throttled.anonymous, user.email)).twoFactorChallenge?.token as string;
      expectGraphqlError(await verify(throttled.anonymous, token, notACode(secret)), 'BAD_USER_INPUT', 'input.code');
    }
    const token = (await login(throttled.anonymous, user.email)).twoFactorChallenge?.token as string;
    const refused = expectGraphqlReason(await verify(throttled.anonymous, token, codeAt(secret, 1)), 'TOO_MANY_REQUESTS', ErrorReason.TOO_MANY_SIGN_IN_FAILURES);
    expect(refused.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
  });

  it('ends a waiting challenge when the password changes', async () => {
    const user = await newUser();
    const { secret } = await enrolled(user);
    const token = (await login(app.anonymous, user.email)).twoFactorChallenge?.token as string;
    await user.client.ok(CHANGE_PASSWORD, { input: { currentPassword: USER_PASSWORD, newPassword: 'lantern-orchard-velvet-81' } });
    expectGraphqlError(await verify(app.anonymous, token, codeAt(secret, 1)), 'UNAUTHENTICATED');
  });

  it('signs a browser in the same way: the cookie is set only after the code', async () => {
    const user = await newUser();
    const { secret } = await enrolled(user);
    const browser = new Browser(app.baseUrl);
    const first = await browser.send<{ signIn: LoginAnswer }>(BROWSER_SIGN_IN, { input: { email: user.email, password: USER_PASSWORD } });
    expect(first.sessionCookies).toEqual([]);
    expect(first.data?.signIn.accessToken).toBeNull();
    const token = first.data?.signIn.twoFactorChallenge?.token;
    expect(token).toEqual(expect.any(String));
    const second = await browser.send<{ verifySignInCode: { accessToken: string; refreshToken: string | null } }>(VERIFY, { input: { token, code: codeAt(secret, 1) } });
    expect(second.errors).toBeUndefined();
    expect(second.data?.verifySignInCode.refreshToken).toBeNull();
    expect(second.sessionCookies).toHaveLength(1);
    expect((await browser.refresh()).errors).toBeUndefined();
  });

  it('turns off with the password again, and then signs in with the password alone', async () => {
    const user = await newUser();
    await enrolled(user);
    expectGraphqlError(await user.client.request(REMOVE, { input: { password: 'not-my-password-at-all' } }), 'BAD_USER_INPUT', 'input.password');
    expect(await user.client.ok(REMOVE, { input: { password: USER_PASSWORD } })).toEqual({ removeTwoFactor: true });
    expect((await login(app.anonymous, user.email)).accessToken).toEqual(expect.any(String));
  });

  describe('when it is required', () => {
    it('a clinic that requires it lets its staff sign in only to enrol; enrolling frees the same session', async () => {
      const clinic = await createClinic(world.platformAdmin);
      const coordinator = await createSignedInUser(world.platformAdmin, 'COORDINATOR', clinic.id);
      expect((await world.platformAdmin.ok<{ updateClinic: { requireTwoFactor: boolean } }>(UPDATE_CLINIC, { input: { id: clinic.id, requireTwoFactor: true } })).updateClinic.requireTwoFactor).toBe(true);

      const restricted = await login(app.anonymous, coordinator.email);
      expect(restricted).toMatchObject({ accessToken: expect.any(String), mustEnrolTwoFactor: true, twoFactorChallenge: null });
      const client = app.anonymous.as(restricted.accessToken as string);
      expect((await client.ok<{ me: { id: string } }>('query { me { id } }')).me.id).toBe(coordinator.id);
      expectGraphqlReason(await client.request(REFERRALS), 'FORBIDDEN', ErrorReason.TWO_FACTOR_ENROLMENT_REQUIRED);
      expect((await client.ok<{ twoFactorStatus: { required: boolean } }>(STATUS)).twoFactorStatus.required).toBe(true);

      const { beginTotpEnrolment } = await client.ok<{ beginTotpEnrolment: { secret: string } }>(BEGIN);
      await client.ok(CONFIRM, { input: { code: codeAt(beginTotpEnrolment.secret), password: USER_PASSWORD } });
      expect((await client.ok<{ referrals: { totalCount: number } }>(REFERRALS)).referrals.totalCount).toBe(0);
      // From now on its sign-ins ask for the code.
      expect((await login(app.anonymous, coordinator.email)).twoFactorChallenge).not.toBeNull();
    });

    it('a session that may only enrol cannot slip another mutation in beside an allowed one', async () => {
      const clinic = await createClinic(world.platformAdmin);
      const admin = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', clinic.id);
      await world.platformAdmin.ok(UPDATE_CLINIC, { input: { id: clinic.id, requireTwoFactor: true } });
      const client = app.anonymous.as((await login(app.anonymous, admin.email)).accessToken as string);
      const both = await client.request<{ beginTotpEnrolment: { secret: string } | null; updateClinic: unknown }>(
        `mutation { beginTotpEnrolment { secret } updateClinic(input: { id: "${clinic.id}", requireTwoFactor: false }) { id requireTwoFactor } }`,
      );
      // updateClinic is refused (its non-null answer takes the whole data with it).
      expect(both.errors?.map((error) => [error.path?.[0], error.extensions?.reason])).toEqual([['updateClinic', ErrorReason.TWO_FACTOR_ENROLMENT_REQUIRED]]);
      expect((await world.platformAdmin.ok<{ clinic: { requireTwoFactor: boolean } }>(`query($id: ID!) { clinic(id: $id) { requireTwoFactor } }`, { id: clinic.id })).clinic.requireTwoFactor).toBe(true);
    });

    it('turning it off where it is required ends the other sessions, and this one may only enrol again', async () => {
      const clinic = await createClinic(world.platformAdmin);
      const admin = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', clinic.id);
      await world.platformAdmin.ok(UPDATE_CLINIC, { input: { id: clinic.id, requireTwoFactor: true } });
      const first = app.anonymous.as((await login(app.anonymous, admin.email)).accessToken as string);
      const { beginTotpEnrolment } = await first.ok<{ beginTotpEnrolment: { secret: string } }>(BEGIN);
      await first.ok(CONFIRM, { input: { code: codeAt(beginTotpEnrolment.secret), password: USER_PASSWORD } });
      const second = await login(app.anonymous, admin.email);
      const signedIn = (await verify(app.anonymous, second.twoFactorChallenge?.token as string, codeAt(beginTotpEnrolment.secret, 1))).data?.verifySignInCode;
      const other = app.anonymous.as(signedIn?.accessToken as string);

      expect(await first.ok(REMOVE, { input: { password: USER_PASSWORD } })).toEqual({ removeTwoFactor: true });
      expectGraphqlError(await other.request('query { me { id } }'), 'UNAUTHENTICATED');
      expectGraphqlReason(await first.request(REFERRALS), 'FORBIDDEN', ErrorReason.TWO_FACTOR_ENROLMENT_REQUIRED);
    });

    it("a clinic turning it on restricts its staff's open sessions at their next request, and their refresh says so", async () => {
      const clinic = await createClinic(world.platformAdmin);
      const admin = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', clinic.id);
      const coordinator = await createSignedInUser(world.platformAdmin, 'COORDINATOR', clinic.id);
      const apiSession = await login(app.anonymous, coordinator.email);
      expect((await coordinator.client.ok<{ referrals: { totalCount: number } }>(REFERRALS)).referrals.totalCount).toBe(0);

      await world.platformAdmin.ok(UPDATE_CLINIC, { input: { id: clinic.id, requireTwoFactor: true } });
      expectGraphqlReason(await coordinator.client.request(REFERRALS), 'FORBIDDEN', ErrorReason.TWO_FACTOR_ENROLMENT_REQUIRED);
      const refreshed = (await app.anonymous.ok<{ refreshSession: LoginAnswer }>(REFRESH, { refreshToken: apiSession.refreshToken })).refreshSession;
      expect(refreshed.mustEnrolTwoFactor).toBe(true);
      expectGraphqlReason(await app.anonymous.as(refreshed.accessToken as string).request(REFERRALS), 'FORBIDDEN', ErrorReason.TWO_FACTOR_ENROLMENT_REQUIRED);
      // The clinic's admin, without it too, is restricted as well.
      expectGraphqlReason(await admin.client.request(REFERRALS), 'FORBIDDEN', ErrorReason.TWO_FACTOR_ENROLMENT_REQUIRED);

      // A staff member who enrols is free at once.
      const { beginTotpEnrolment } = await coordinator.client.ok<{ beginTotpEnrolment: { secret: string } }>(BEGIN);
      await coordinator.client.ok(CONFIRM, { input: { code: codeAt(beginTotpEnrolment.secret), password: USER_PASSWORD } });
      expect((await coordinator.client.ok<{ referrals: { totalCount: number } }>(REFERRALS)).referrals.totalCount).toBe(0);
    });

    it('a clinic admin may require it only once they use it themselves, or they would lock themselves out', async () => {
      const clinic = await createClinic(world.platformAdmin);
      const admin = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', clinic.id);
      expectGraphqlError(await admin.client.request(UPDATE_CLINIC, { input: { id: clinic.id, requireTwoFactor: true } }), 'BAD_USER_INPUT', 'input.requireTwoFactor');
      expect((await world.platformAdmin.ok<{ clinic: { requireTwoFactor: boolean } }>(`query($id: ID!) { clinic(id: $id) { requireTwoFactor } }`, { id: clinic.id })).clinic.requireTwoFactor).toBe(false);
      await enrolled(admin);
      expect((await admin.client.ok<{ updateClinic: { requireTwoFactor: boolean } }>(UPDATE_CLINIC, { input: { id: clinic.id, requireTwoFactor: true } })).updateClinic.requireTwoFactor).toBe(true);
      expect((await admin.client.ok<{ referrals: { totalCount: number } }>(REFERRALS)).referrals.totalCount).toBe(0);
    });

    it('platform admins must enrol when configured so (on by default in production)', async () => {
      const restricted = await login(strict.anonymous, ADMIN_EMAIL, ADMIN_PASSWORD);
      expect(restricted.mustEnrolTwoFactor).toBe(true);
      expectGraphqlReason(await strict.anonymous.as(restricted.accessToken as string).request(`query { clinics { totalCount } }`), 'FORBIDDEN', ErrorReason.TWO_FACTOR_ENROLMENT_REQUIRED);
      expect(strict.config.twoFactorRequiredForPlatformAdmins).toBe(true);
      expect(app.config.twoFactorRequiredForPlatformAdmins).toBe(false);
    });
  });

  describe('reset by an admin (a lost phone and lost recovery codes)', () => {
    /** A clinic with an admin, and a coordinator who has enrolled and is signed in twice. */
    async function staffWhoLostTheirPhone() {
      const clinic = await createClinic(world.platformAdmin);
      const admin = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', clinic.id);
      const coordinator = await createSignedInUser(world.platformAdmin, 'COORDINATOR', clinic.id);
      const { secret } = await enrolled(coordinator);
      const challenge = (await login(app.anonymous, coordinator.email)).twoFactorChallenge?.token as string;
      const second = (await verify(app.anonymous, challenge, codeAt(secret, 1))).data?.verifySignInCode as LoginAnswer;
      return { clinic, admin, coordinator, second };
    }

    it("turns it off, ends the user's sessions, and lets them sign in with the password to enrol again", async () => {
      const { clinic, admin, coordinator, second } = await staffWhoLostTheirPhone();
      const waiting = (await login(app.anonymous, coordinator.email)).twoFactorChallenge?.token as string;
      expect(await admin.client.ok(RESET, { input: { id: coordinator.id, password: USER_PASSWORD } })).toEqual({ resetTwoFactor: { id: coordinator.id, twoFactorEnabled: false } });

      expectGraphqlError(await coordinator.client.request(ME), 'UNAUTHENTICATED');
      expectGraphqlError(await app.anonymous.request(REFRESH, { refreshToken: second.refreshToken }), 'UNAUTHENTICATED');
      // A sign-in that was waiting for its code cannot finish with any code now.
      expectGraphqlError(await verify(app.anonymous, waiting, '000000'), 'UNAUTHENTICATED');
      const { rows } = await db.query(`SELECT event, actor_id FROM account_events WHERE user_id = $1 AND event = 'TWO_FACTOR_RESET'`, [coordinator.id]);
      expect(rows).toEqual([{ event: 'TWO_FACTOR_RESET', actor_id: admin.id }]);

      const fresh = await login(app.anonymous, coordinator.email);
      expect(fresh).toMatchObject({ accessToken: expect.any(String), twoFactorChallenge: null, mustEnrolTwoFactor: false });
      // Where the clinic requires it, the password signs in only to enrol again.
      await world.platformAdmin.ok(UPDATE_CLINIC, { input: { id: clinic.id, requireTwoFactor: true } });
      expect((await login(app.anonymous, coordinator.email)).mustEnrolTwoFactor).toBe(true);
    });

    it('shows who has it on to the user and to the admins who manage them, to nobody else', async () => {
      const { admin, coordinator } = await staffWhoLostTheirPhone();
      type Listed = { users: { edges: { node: { id: string; twoFactorEnabled: boolean | null } }[] } };
      const listed = (await admin.client.ok<Listed>(USERS)).users.edges.map((edge) => edge.node);
      expect(listed.find((node) => node.id === coordinator.id)?.twoFactorEnabled).toBe(true);
      expect(listed.find((node) => node.id === admin.id)?.twoFactorEnabled).toBe(false);
      const platformView = (await world.platformAdmin.ok<Listed>(USERS, { filter: { clinicId: coordinator.clinicId } })).users.edges.map((edge) => edge.node);
      expect(platformView.find((node) => node.id === coordinator.id)?.twoFactorEnabled).toBe(true);
      expect((await coordinator.client.ok<{ me: { twoFactorEnabled: boolean } }>(ME)).me.twoFactorEnabled).toBe(true);
      // A user reached other than through account management shows null to anyone who does not
      // manage them: the receiving clinic's admin reading who sent a referral.
      const sent = await referralIn(world, 'SENT');
      const REFERRER = `query($id: ID!) { referral(id: $id) { referringUser { id twoFactorEnabled } } }`;
      type Read = { referral: { referringUser: { id: string; twoFactorEnabled: boolean | null } } };
      expect((await world.adminB.client.ok<Read>(REFERRER, { id: sent.id })).referral.referringUser).toEqual({ id: world.coordinatorA.id, twoFactorEnabled: null });
      expect((await world.adminA.client.ok<Read>(REFERRER, { id: sent.id })).referral.referringUser.twoFactorEnabled).toBe(false);
      expect((await world.coordinatorA.client.ok<Read>(REFERRER, { id: sent.id })).referral.referringUser.twoFactorEnabled).toBe(false);
    });

    it('is refused for your own account, for someone without it, and to anyone who does not manage the account; nothing changes', async () => {
      const { admin, coordinator } = await staffWhoLostTheirPhone();
      const otherClinicAdmin = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', (await createClinic(world.platformAdmin)).id);
      const colleague = await createSignedInUser(world.platformAdmin, 'COORDINATOR', coordinator.clinicId);
      const { secret } = await enrolled(admin);

      expectGraphqlError(await admin.client.request(RESET, { input: { id: admin.id, password: USER_PASSWORD } }), 'BAD_USER_INPUT', 'input.id');
      expectGraphqlError(await admin.client.request(RESET, { input: { id: coordinator.id, password: 'not-my-password-at-all' } }), 'BAD_USER_INPUT', 'input.password');
      expectGraphqlError(await admin.client.request(RESET, { input: { id: colleague.id, password: USER_PASSWORD } }), 'BAD_USER_INPUT', 'input.id');
      expectGraphqlReason(await colleague.client.request(RESET, { input: { id: coordinator.id, password: USER_PASSWORD } }), 'FORBIDDEN', ErrorReason.NOT_YOUR_ROLE);
      expectGraphqlError(await otherClinicAdmin.client.request(RESET, { input: { id: coordinator.id, password: USER_PASSWORD } }), 'NOT_FOUND');
      const platformAdminId = (await world.platformAdmin.ok<{ me: { id: string } }>(ME)).me.id;
      expectGraphqlError(await admin.client.request(RESET, { input: { id: platformAdminId, password: USER_PASSWORD } }), 'NOT_FOUND');

      for (const id of [coordinator.id, admin.id]) {
        const { rows } = await db.query('SELECT confirmed_at IS NOT NULL AS on FROM totp_factors WHERE user_id = $1', [id]);
        expect(rows).toEqual([{ on: true }]);
      }
      expect(secret).toEqual(expect.any(String));
      expect((await coordinator.client.ok<{ me: { id: string } }>(ME)).me.id).toBe(coordinator.id);
    });
  });
});
