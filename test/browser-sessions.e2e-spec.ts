import { sign } from 'jsonwebtoken';
import { ErrorReason } from '@referloop/core';
import { Browser, claimsOf, REFRESH_SESSION, SIGN_OUT, SIGN_OUT_EVERYWHERE } from './support/browser';
import { expectGraphqlError, expectGraphqlReason } from './support/expectations';
import { Actor, createSignedInUser, USER_PASSWORD } from './support/fixtures';
import { graphqlBody, rawRequest, setCookies } from './support/gateway-http';
import { GraphqlClient } from './support/graphql-client';
import { DISABLE_USER, LOGIN, ME } from './support/operations';
import { ADMIN_EMAIL, ADMIN_PASSWORD, JWT_SECRET } from './support/test-app';
import { useTestApp, useWorld } from './support/file-setup';

/*
 * Browser sessions over real HTTP: signIn sets the session cookie, refreshSession trades it for
 * a new one and a fresh access token, signOut and signOutEverywhere end sessions, and an access
 * token naming a session stops working the moment that session ends. Each test signs in users
 * of its own, so that ending their sessions touches no other test.
 */

const SESSION_VALUE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/;
const CSRF_MESSAGE = /Cross-Site Request Forgery/;
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) ReferLoopTest/1.0';
const HOUR = 3600;
const API_LOGIN = `mutation login($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const REFRESH_WITH = `mutation refreshSession($refreshToken: String) { refreshSession(refreshToken: $refreshToken) { accessToken refreshToken } }`;
type ApiSession = { accessToken: string; refreshToken: string };

describe('browser sessions: signIn, refreshSession, signOut, signOutEverywhere', () => {
  const { app, world, db } = useWorld({ env: { LOGIN_MAX_FAILURES: '100' } });
  const { app: throttled } = useTestApp({ env: { LOGIN_MAX_FAILURES: '2' } });
  const { app: production } = useTestApp({ env: { NODE_ENV: 'production' } });

  /** An API client's session for `user`, by login. */
  async function apiLogin(user: Actor): Promise<ApiSession> {
    return (await app.anonymous.ok<{ login: ApiSession }>(API_LOGIN, { input: { email: user.email, password: USER_PASSWORD } })).login;
  }

  const newUser = (): Promise<Actor> => createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);

  /** A browser signed in as `user`; fails unless signIn succeeded. */
  async function signedIn(user: Actor): Promise<Browser> {
    const browser = new Browser(app.baseUrl, undefined, { 'user-agent': USER_AGENT });
    const answer = await browser.signIn(user.email, USER_PASSWORD);
    expect({ errors: answer.errors, cookies: answer.sessionCookies.length }).toEqual({ errors: undefined, cookies: 1 });
    return browser;
  }

  const sessionIdOf = (browser: Browser): string => (browser.cookie as string).split('.')[0];
  const bearer = (token: string | undefined): GraphqlClient => app.anonymous.as(token);
  const expectSignedIn = async (token: string | undefined, userId: string) => expect((await bearer(token).ok<{ me: { id: string } }>(ME)).me.id).toBe(userId);
  const expectRefused = async (token: string | undefined) => expectGraphqlError(await bearer(token).request(ME), 'UNAUTHENTICATED');

  async function sessionRow(id: string) {
    const { rows } = await db.query(
      `SELECT user_id, secret_hash, ip_address, user_agent, created_at, last_used_at, expires_at, absolute_expires_at, revoked_at, revoked_reason, now() AS now
         FROM user_sessions WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  describe('signIn', () => {
    it('sets an HttpOnly, SameSite=Strict cookie for /graphql only (not Secure outside production), and returns an access token naming the session', async () => {
      const user = await newUser();
      const browser = new Browser(app.baseUrl, undefined, { 'user-agent': USER_AGENT });
      const answer = await browser.signIn(user.email.toUpperCase(), USER_PASSWORD);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.signIn.user).toEqual({ id: user.id, email: user.email });

      expect(answer.sessionCookies).toHaveLength(1);
      const [cookie] = answer.sessionCookies;
      expect(cookie).toEqual({
        name: 'referloop_session',
        value: expect.stringMatching(SESSION_VALUE),
        attributes: { path: '/graphql', 'max-age': expect.any(String), httponly: true, samesite: 'Strict' },
      });
      // The cookie lasts as long as the session would unrefreshed: the idle timeout (24 hours).
      expect(Number(cookie.attributes['max-age'])).toBeGreaterThan(24 * HOUR - 60);
      expect(Number(cookie.attributes['max-age'])).toBeLessThanOrEqual(24 * HOUR);

      const claims = claimsOf(browser.accessToken as string);
      expect(claims).toMatchObject({ sub: user.id, sid: sessionIdOf(browser) });
      expect(claims.exp - Date.now() / 1000).toBeLessThanOrEqual(app.config.jwtTtlSeconds);
      await expectSignedIn(browser.accessToken, user.id);
    });

    it('marks the cookie Secure in production, with the same other attributes', async () => {
      const answer = await new Browser(production.baseUrl).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      expect(answer.errors).toBeUndefined();
      expect(answer.sessionCookies).toEqual([
        expect.objectContaining({ attributes: { path: '/graphql', 'max-age': expect.any(String), httponly: true, samesite: 'Strict', secure: true } }),
      ]);
    });

    it('records the session with a hash of the secret only, the address, the user agent and both expiries', async () => {
      const user = await newUser();
      const browser = await signedIn(user);
      const [sessionId, secret] = (browser.cookie as string).split('.');
      const row = await sessionRow(sessionId);
      expect(row).toMatchObject({ user_id: user.id, ip_address: '127.0.0.1', user_agent: USER_AGENT, revoked_at: null, revoked_reason: null });
      expect(row.secret_hash).not.toContain(secret);
      const hoursFromNow = (at: Date) => (at.getTime() - row.now.getTime()) / 1000 / HOUR;
      expect(hoursFromNow(row.expires_at)).toBeCloseTo(24, 1);
      expect(hoursFromNow(row.absolute_expires_at)).toBeCloseTo(14 * 24, 1);
    });

    it('refuses a wrong password exactly as login does, with no cookie and no session', async () => {
      const user = await newUser();
      const sessionsOf = async () => (await db.query('SELECT id FROM user_sessions WHERE user_id = $1 ORDER BY id', [user.id])).rows;
      const before = await sessionsOf();
      const browser = new Browser(app.baseUrl);
      const refused = await browser.signIn(user.email, 'not-the-password-123');
      expectGraphqlError(refused, 'UNAUTHENTICATED');
      const byLogin = await app.anonymous.request(LOGIN, { input: { email: user.email, password: 'not-the-password-123' } });
      expect(refused.errors?.[0]?.message).toBe(byLogin.errors?.[0]?.message);
      expect(refused.sessionCookies).toEqual([]);
      expect(await sessionsOf()).toEqual(before);
    });

    it('shares the throttle with login: failures at either count toward both', async () => {
      const anonymous = throttled.anonymous;
      for (const attempt of [1, 2]) {
        const failed = attempt === 1 ? await anonymous.request(LOGIN, { input: { email: ADMIN_EMAIL, password: 'wrong-password-123' } }) : await new Browser(throttled.baseUrl).signIn(ADMIN_EMAIL, 'wrong-password-123');
        expectGraphqlError(failed, 'UNAUTHENTICATED');
      }
      const browser = new Browser(throttled.baseUrl);
      const refused = await browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
      expectGraphqlReason(refused, 'TOO_MANY_REQUESTS', ErrorReason.TOO_MANY_SIGN_IN_FAILURES);
      expect(refused.sessionCookies).toEqual([]);
      expectGraphqlError(await anonymous.request(LOGIN, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } }), 'TOO_MANY_REQUESTS');
    });
  });

  describe('refreshSession', () => {
    it('needs no bearer token: it trades the cookie for a new one of the same session, and a fresh access token', async () => {
      const user = await newUser();
      const browser = await signedIn(user);
      const first = { cookie: browser.cookie as string, token: browser.accessToken as string };
      const before = await sessionRow(sessionIdOf(browser));

      const answer = await browser.send<{ refreshSession: { accessToken: string; user: { id: string } } }>(REFRESH_SESSION, {}, { bearer: false });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.refreshSession.user).toEqual({ id: user.id });
      expect(answer.sessionCookies).toEqual([expect.objectContaining({ attributes: expect.objectContaining({ path: '/graphql', httponly: true, samesite: 'Strict' }) })]);
      expect(browser.cookie).toMatch(SESSION_VALUE);
      expect(browser.cookie).not.toBe(first.cookie);
      expect(sessionIdOf(browser)).toBe(first.cookie.split('.')[0]);
      const token = answer.data?.refreshSession.accessToken as string;
      expect(claimsOf(token)).toMatchObject({ sub: user.id, sid: sessionIdOf(browser) });

      const after = await sessionRow(sessionIdOf(browser));
      expect(after.secret_hash).not.toBe(before.secret_hash);
      expect(after.last_used_at.getTime()).toBeGreaterThan(before.last_used_at.getTime());
      expect(after.expires_at.getTime()).toBeGreaterThan(before.expires_at.getTime());
      // Both tokens are the session's, and it is open.
      await expectSignedIn(first.token, user.id);
      await expectSignedIn(token, user.id);
    });

    it('ends the session when a replaced cookie comes back: then neither cookie refreshes and no access token of the session works', async () => {
      const user = await newUser();
      const browser = await signedIn(user);
      const sessionId = sessionIdOf(browser);
      const stolen = browser.copy();
      const firstToken = browser.accessToken;
      expect((await browser.refresh()).errors).toBeUndefined();
      const secondToken = browser.accessToken;

      // The copy's secret was replaced by that refresh: whoever presents it, the session ends.
      const reused = await stolen.refresh();
      expectGraphqlReason(reused, 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
      expect(reused.sessionCookies).toEqual([expect.objectContaining({ value: '', attributes: expect.objectContaining({ 'max-age': '0', path: '/graphql' }) })]);

      expectGraphqlReason(await browser.refresh(), 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
      await expectRefused(firstToken);
      await expectRefused(secondToken);
      expect(await sessionRow(sessionId)).toMatchObject({ revoked_at: expect.any(Date), revoked_reason: 'CREDENTIAL_REUSED' });
      // The user can sign in again: a new session.
      await expectSignedIn((await signedIn(user)).accessToken, user.id);
    });

    it('lets exactly one of two refreshes presenting the same cookie at once succeed', async () => {
      for (let round = 0; round < 5; round += 1) {
        const user = await newUser();
        const browser = await signedIn(user);
        const [one, two] = [browser.copy(), browser.copy()];
        const answers = await Promise.all([one.refresh(), two.refresh()]);
        const succeeded = answers.filter((answer) => answer.errors === undefined && answer.data?.refreshSession);
        expect({ round, succeeded: succeeded.length }).toEqual({ round, succeeded: 1 });
        const [failed] = answers.filter((answer) => answer.errors !== undefined);
        expectGraphqlReason(failed, 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
        // The loser presented a secret the winner had replaced: the session is ended for both.
        expect(await sessionRow(sessionIdOf(browser))).toMatchObject({ revoked_reason: 'CREDENTIAL_REUSED' });
        await expectRefused(succeeded[0].data?.refreshSession.accessToken);
      }
    });

    it('answers UNAUTHENTICATED with no reason, and sets no cookie, without a session cookie or with one that is not ours', async () => {
      const user = await newUser();
      const sessionId = sessionIdOf(await signedIn(user));
      for (const cookie of [undefined, 'garbage', `${sessionId}.short`, `${sessionId}.${'A'.repeat(43)}.x`]) {
        const answer = await new Browser(app.baseUrl, cookie).refresh();
        const error = expectGraphqlError(answer, 'UNAUTHENTICATED');
        expect({ cookie, reason: error.extensions?.reason, cookies: answer.sessionCookies }).toEqual({ cookie, reason: undefined, cookies: [] });
      }
      // A well-formed cookie naming no session: no reason either, and the cookie is cleared.
      const unknown = await new Browser(app.baseUrl, `00000000-0000-4000-8000-000000000000.${'A'.repeat(43)}`).refresh();
      expect(expectGraphqlError(unknown, 'UNAUTHENTICATED').extensions?.reason).toBeUndefined();
      expect(unknown.sessionCookies).toEqual([expect.objectContaining({ value: '' })]);
      // None of that touched the real session.
      expect(await sessionRow(sessionId)).toMatchObject({ revoked_at: null });
    });

    it('refuses an expired session (SESSION_EXPIRED), whose access tokens stop working too', async () => {
      const user = await newUser();
      const browser = await signedIn(user);
      await expectSignedIn(browser.accessToken, user.id);
      await db.query(`UPDATE user_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [sessionIdOf(browser)]);

      await expectRefused(browser.accessToken);
      const answer = await browser.copy().refresh();
      expectGraphqlReason(answer, 'UNAUTHENTICATED', ErrorReason.SESSION_EXPIRED);
      expect(answer.sessionCookies).toEqual([expect.objectContaining({ value: '', attributes: expect.objectContaining({ 'max-age': '0' }) })]);
      // Expired is not ended: nothing was revoked.
      expect(await sessionRow(sessionIdOf(browser))).toMatchObject({ revoked_at: null, revoked_reason: null });
    });

    it('never moves a session past its absolute expiry, however often it is refreshed', async () => {
      const user = await newUser();
      const browser = await signedIn(user);
      await db.query(
        `UPDATE user_sessions SET absolute_expires_at = now() + interval '1 minute', expires_at = now() + interval '1 minute' WHERE id = $1`,
        [sessionIdOf(browser)],
      );
      const answer = await browser.refresh();
      expect(answer.errors).toBeUndefined();
      const row = await sessionRow(sessionIdOf(browser));
      expect(row.expires_at).toEqual(row.absolute_expires_at);
      expect(Number(answer.sessionCookies[0].attributes['max-age'])).toBeLessThanOrEqual(60);
    });
  });

  describe('signOut', () => {
    it("clears the cookie and ends the session: its access tokens stop working at once and the cookie no longer refreshes", async () => {
      const user = await newUser();
      const browser = await signedIn(user);
      const sessionId = sessionIdOf(browser);
      const [kept, keptToo] = [browser.copy(), browser.copy()];
      const token = browser.accessToken;

      const answer = await browser.send<{ signOut: boolean }>(SIGN_OUT);
      expect(answer.data).toEqual({ signOut: true });
      expect(answer.sessionCookies).toEqual([
        { name: 'referloop_session', value: '', attributes: { path: '/graphql', 'max-age': '0', httponly: true, samesite: 'Strict' } },
      ]);
      expect(browser.cookie).toBeUndefined();

      await expectRefused(token);
      expectGraphqlReason(await kept.refresh(), 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
      expect(await sessionRow(sessionId)).toMatchObject({ revoked_at: expect.any(Date), revoked_reason: 'SIGNED_OUT' });
      // Signing out again with the same cookie finds nothing to end.
      expect((await keptToo.send<{ signOut: boolean }>(SIGN_OUT)).data).toEqual({ signOut: false });
    });

    it("ends the access token's session when only the token is sent (no cookie), and nobody else's", async () => {
      const user = await newUser();
      const browser = await signedIn(user);
      const other = await signedIn(user);
      const answer = await bearer(browser.accessToken).request<{ signOut: boolean }>(SIGN_OUT);
      expect(answer.data).toEqual({ signOut: true });
      await expectRefused(browser.accessToken);
      await expectSignedIn(other.accessToken, user.id);
      expect((await other.refresh()).errors).toBeUndefined();
    });

    it('needs no sign-in: without a cookie or a session token it ends nothing and answers false', async () => {
      expect(await app.anonymous.ok(SIGN_OUT)).toEqual({ signOut: false });
    });
  });

  describe('signOutEverywhere', () => {
    it("ends every session of the user, in two browsers and an API client; other users' sessions are untouched", async () => {
      const user = await newUser();
      const [laptop, phone] = [await signedIn(user), await signedIn(user)];
      const someoneElse = await signedIn(await newUser());

      const answer = await laptop.send<{ signOutEverywhere: boolean }>(SIGN_OUT_EVERYWHERE);
      expect(answer.data).toEqual({ signOutEverywhere: true });
      expect(answer.sessionCookies).toEqual([expect.objectContaining({ value: '', attributes: expect.objectContaining({ 'max-age': '0' }) })]);

      for (const browser of [laptop, phone]) await expectRefused(browser.accessToken);
      expectGraphqlReason(await phone.refresh(), 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
      // The API client's session (the user signed in with login) ended with them.
      await expectRefused(user.client.token);
      const { rows } = await db.query('SELECT revoked_reason FROM user_sessions WHERE user_id = $1', [user.id]);
      expect(rows).toEqual(Array.from({ length: 3 }, () => ({ revoked_reason: 'SIGNED_OUT_EVERYWHERE' })));
      expect((await someoneElse.refresh()).errors).toBeUndefined();
    });

    it('needs a signed-in caller', async () => {
      expectGraphqlError(await app.anonymous.request(SIGN_OUT_EVERYWHERE), 'UNAUTHENTICATED');
    });
  });

  describe('mySessions and revokeSession', () => {
    const MY_SESSIONS = `query mySessions { mySessions { id device ipAddress createdAt lastUsedAt expiresAt current } }`;
    const REVOKE_SESSION = `mutation revokeSession($id: ID!) { revokeSession(id: $id) }`;
    const LAPTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    const TABLET = 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

    /** A browser with its own user agent, signed in as `user`. */
    async function signedInOn(user: Actor, userAgent: string): Promise<Browser> {
      const browser = new Browser(app.baseUrl, undefined, { 'user-agent': userAgent });
      expect((await browser.signIn(user.email, USER_PASSWORD)).errors).toBeUndefined();
      return browser;
    }
    type Listed = { mySessions: { id: string; device: string; ipAddress: string | null; current: boolean; createdAt: string; lastUsedAt: string; expiresAt: string }[] };

    it("lists the user's open sessions, most recently used first, each with its device and address, the current one marked; nobody else's, nothing ended", async () => {
      const user = await newUser();
      // The session the user was created with (login, by an API client) is not part of this test.
      await user.client.ok(SIGN_OUT);
      const ended = await signedInOn(user, LAPTOP);
      await ended.send(SIGN_OUT);
      const laptop = await signedInOn(user, LAPTOP);
      const tablet = await signedInOn(user, TABLET);
      await signedInOn(await newUser(), LAPTOP);
      // The laptop renews its token last: it was used most recently.
      expect((await laptop.refresh()).errors).toBeUndefined();

      const answer = await tablet.send<Listed>(MY_SESSIONS);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.mySessions).toEqual([
        expect.objectContaining({ id: sessionIdOf(laptop), device: 'Chrome 131 on Windows', current: false }),
        expect.objectContaining({ id: sessionIdOf(tablet), device: 'Mobile Safari 17 on iOS', current: true }),
      ]);
      for (const session of answer.data?.mySessions ?? []) {
        expect(session.ipAddress).toMatch(/127\.0\.0\.1/);
        expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.parse(session.lastUsedAt));
      }
      // An API client signed in with login is listed too, by the name its user agent gives.
      const script = app.anonymous.withHeaders({ 'user-agent': 'referral-sync/2.4.1' });
      const { login: scripted } = await script.ok<{ login: { accessToken: string } }>(LOGIN, { input: { email: user.email, password: USER_PASSWORD } });
      const listed = (await bearer(scripted.accessToken).ok<Listed>(MY_SESSIONS)).mySessions;
      expect(listed.map(({ device, current }) => ({ device, current }))).toEqual([
        { device: 'referral-sync 2.4', current: true },
        { device: 'Chrome 131 on Windows', current: false },
        { device: 'Mobile Safari 17 on iOS', current: false },
      ]);
    });

    it('ends another of your sessions: its access token stops working at once, it no longer refreshes, and yours carries on', async () => {
      const user = await newUser();
      await user.client.ok(SIGN_OUT);
      const [laptop, lostTablet] = [await signedInOn(user, LAPTOP), await signedInOn(user, TABLET)];
      // Read now: a refused refresh clears the browser's cookie.
      const lostTabletId = sessionIdOf(lostTablet);

      const answer = await laptop.send<{ revokeSession: boolean }>(REVOKE_SESSION, { id: lostTabletId });
      expect(answer.data).toEqual({ revokeSession: true });
      // Ending another session leaves this browser's cookie alone.
      expect(answer.sessionCookies).toEqual([]);

      await expectRefused(lostTablet.accessToken);
      expectGraphqlReason(await lostTablet.refresh(), 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
      expect((await sessionRow(lostTabletId)).revoked_reason).toBe('REVOKED');
      await expectSignedIn(laptop.accessToken, user.id);
      expect((await laptop.send<Listed>(MY_SESSIONS)).data?.mySessions.map((session) => session.id)).toEqual([sessionIdOf(laptop)]);
    });

    it('ends the current session too, clearing its cookie', async () => {
      const user = await newUser();
      const laptop = await signedInOn(user, LAPTOP);
      const answer = await laptop.send<{ revokeSession: boolean }>(REVOKE_SESSION, { id: sessionIdOf(laptop) });
      expect(answer.data).toEqual({ revokeSession: true });
      expect(answer.sessionCookies).toEqual([expect.objectContaining({ value: '', attributes: expect.objectContaining({ 'max-age': '0' }) })]);
      await expectRefused(laptop.accessToken);
    });

    it("answers NOT_FOUND for another user's session, one already ended or one that never was, and touches nothing; a malformed id is refused naming it", async () => {
      const user = await newUser();
      const mine = await signedInOn(user, LAPTOP);
      const ended = await signedInOn(user, TABLET);
      const endedId = sessionIdOf(ended);
      await ended.send(SIGN_OUT);
      const someoneElse = await signedInOn(await newUser(), LAPTOP);

      for (const id of [sessionIdOf(someoneElse), endedId, '7f0c2a94-5d1e-4c3b-9a8f-2b6e1d0c9a71']) {
        expectGraphqlError(await mine.send(REVOKE_SESSION, { id }), 'NOT_FOUND');
      }
      expect((await sessionRow(sessionIdOf(someoneElse))).revoked_at).toBeNull();
      expect((await sessionRow(endedId)).revoked_reason).toBe('SIGNED_OUT');
      expect((await someoneElse.refresh()).errors).toBeUndefined();
      expectGraphqlError(await mine.send(REVOKE_SESSION, { id: 'not-a-session' }), 'BAD_USER_INPUT', 'id');
    });

    it('needs a signed-in caller', async () => {
      expectGraphqlError(await app.anonymous.request(MY_SESSIONS), 'UNAUTHENTICATED');
      expectGraphqlError(await app.anonymous.request(REVOKE_SESSION, { id: '7f0c2a94-5d1e-4c3b-9a8f-2b6e1d0c9a71' }), 'UNAUTHENTICATED');
    });
  });

  describe('disableUser', () => {
    it("ends all the user's sessions: their access tokens stop working and their refresh credentials no longer refresh", async () => {
      const user = await newUser();
      const [laptop, phone] = [await signedIn(user), await signedIn(user)];
      const script = await apiLogin(user);
      await world.platformAdmin.ok(DISABLE_USER, { input: { id: user.id } });

      for (const browser of [laptop, phone]) {
        await expectRefused(browser.accessToken);
        expectGraphqlReason(await browser.refresh(), 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
      }
      await expectRefused(script.accessToken);
      expectGraphqlReason(await app.anonymous.request(REFRESH_WITH, { refreshToken: script.refreshToken }), 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
      const { rows } = await db.query('SELECT revoked_reason FROM user_sessions WHERE user_id = $1', [user.id]);
      expect(rows).toEqual(Array.from({ length: 4 }, () => ({ revoked_reason: 'USER_DISABLED' })));
    });
  });

  describe('API clients: login and refreshSession(refreshToken), the same sessions without a cookie', () => {
    it('login opens a session: a short-lived access token naming it, and the refresh token in the answer, no cookie', async () => {
      const user = await newUser();
      const response = await rawRequest(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'referral-sync/2.4.1' },
        body: JSON.stringify({ query: API_LOGIN, variables: { input: { email: user.email, password: USER_PASSWORD } } }),
      });
      expect(setCookies(response)).toEqual([]);
      const { login: answer } = graphqlBody(response).data as { login: ApiSession };
      expect(answer.refreshToken).toMatch(SESSION_VALUE);
      const claims = claimsOf(answer.accessToken);
      expect(claims).toMatchObject({ sub: user.id, sid: answer.refreshToken.split('.')[0] });
      // Fifteen minutes by default.
      expect(app.config.jwtTtlSeconds).toBe(15 * 60);
      expect(claims.exp - Date.now() / 1000).toBeLessThanOrEqual(15 * 60);
      expect(await sessionRow(claims.sid as string)).toMatchObject({ user_id: user.id, user_agent: 'referral-sync/2.4.1', revoked_at: null });
      expect((await sessionRow(claims.sid as string)).secret_hash).not.toContain(answer.refreshToken.split('.')[1]);
      await expectSignedIn(answer.accessToken, user.id);
    });

    it('refreshSession(refreshToken) answers a new refresh token and access token, never a cookie; the used one, presented again, ends the session', async () => {
      const user = await newUser();
      const first = await apiLogin(user);
      const response = await rawRequest(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REFRESH_WITH, variables: { refreshToken: first.refreshToken } }),
      });
      expect(setCookies(response)).toEqual([]);
      const second = (graphqlBody(response).data as { refreshSession: ApiSession }).refreshSession;
      expect(second.refreshToken).toMatch(SESSION_VALUE);
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.refreshToken.split('.')[0]).toBe(first.refreshToken.split('.')[0]);
      await expectSignedIn(second.accessToken, user.id);

      // The first refresh token was used: whoever presents it again, the session ends.
      expectGraphqlReason(await app.anonymous.request(REFRESH_WITH, { refreshToken: first.refreshToken }), 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
      expectGraphqlReason(await app.anonymous.request(REFRESH_WITH, { refreshToken: second.refreshToken }), 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
      await expectRefused(first.accessToken);
      await expectRefused(second.accessToken);
      expect((await sessionRow(first.refreshToken.split('.')[0])).revoked_reason).toBe('CREDENTIAL_REUSED');
    });

    it('signOut with the access token ends the session: the refresh token no longer refreshes', async () => {
      const user = await newUser();
      const session = await apiLogin(user);
      expect(await bearer(session.accessToken).ok(SIGN_OUT)).toEqual({ signOut: true });
      await expectRefused(session.accessToken);
      expectGraphqlReason(await app.anonymous.request(REFRESH_WITH, { refreshToken: session.refreshToken }), 'UNAUTHENTICATED', ErrorReason.SESSION_REVOKED);
    });

    it('refuses a refresh token that is not one we could have issued, with no reason, and ignores any cookie beside it', async () => {
      const user = await newUser();
      const browser = await signedIn(user);
      for (const refreshToken of ['', 'garbage', `${sessionIdOf(browser)}.short`]) {
        const answer = await browser.send(REFRESH_WITH, { refreshToken }, { bearer: false });
        expect({ refreshToken, reason: expectGraphqlError(answer, 'UNAUTHENTICATED').extensions?.reason, cookies: answer.sessionCookies }).toEqual({
          refreshToken,
          reason: undefined,
          cookies: [],
        });
      }
      // The browser's own session, whose cookie went along, was not touched.
      expect((await browser.refresh()).errors).toBeUndefined();
    });

    it('refuses a token that names no session, even one signed with our secret', async () => {
      const user = await newUser();
      await expectRefused(sign({}, JWT_SECRET, { algorithm: 'HS256', issuer: 'referloop', subject: user.id, expiresIn: 600 }));
    });

    it('refuses a token whose session id is not a uuid (a token we did not issue)', async () => {
      const user = await newUser();
      const browser = await signedIn(user);
      const [header, , signature] = (browser.accessToken as string).split('.');
      const claims = { ...claimsOf(browser.accessToken as string), sid: 'not-a-session' };
      const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
      await expectRefused(tampered);
    });
  });

  describe('requests another site could make a browser send', () => {
    it('refuses a text/plain POST to refreshSession before it runs: no new cookie, the session untouched', async () => {
      const user = await newUser();
      const browser = await signedIn(user);
      const before = await sessionRow(sessionIdOf(browser));
      const response = await rawRequest(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', cookie: `referloop_session=${browser.cookie}`, origin: 'https://elsewhere.example' },
        body: JSON.stringify({ query: REFRESH_SESSION }),
      });
      expect(response.status).toBe(400);
      const body = graphqlBody(response);
      expect({ code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message, data: body.data }).toEqual({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(CSRF_MESSAGE),
        data: undefined,
      });
      expect(setCookies(response)).toEqual([]);
      expect((await sessionRow(sessionIdOf(browser))).secret_hash).toBe(before.secret_hash);
      // The cookie still refreshes: it was never used.
      expect((await browser.refresh()).errors).toBeUndefined();
    });

    it('refuses refreshSession by GET, with or without the preflight header: a mutation never runs from a GET', async () => {
      const user = await newUser();
      const browser = await signedIn(user);
      const before = await sessionRow(sessionIdOf(browser));
      const url = `${app.baseUrl}/graphql?query=${encodeURIComponent(REFRESH_SESSION)}`;
      const cookie = `referloop_session=${browser.cookie}`;
      const plain = await rawRequest(url, { headers: { cookie } });
      const preflighted = await rawRequest(url, { headers: { cookie, 'apollo-require-preflight': 'true' } });
      expect(plain.status).toBe(400);
      expect(graphqlBody(plain).errors?.[0]?.message).toMatch(CSRF_MESSAGE);
      expect(preflighted.status).toBe(405);
      for (const response of [plain, preflighted]) expect(setCookies(response)).toEqual([]);
      expect((await sessionRow(sessionIdOf(browser))).secret_hash).toBe(before.secret_hash);
    });
  });
});
