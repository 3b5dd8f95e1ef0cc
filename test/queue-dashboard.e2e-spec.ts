import { createHmac } from 'node:crypto';
import { QueueName } from '../libs/jobs/src/job-catalogue';
import { expectGraphqlError } from './support/expectations';
import { USER_PASSWORD, createSignedInUser, uniqueEmail } from './support/fixtures';
import { graphqlBody, rawRequest, RawResponse, setCookies } from './support/gateway-http';
import { DISABLE_USER, LOGIN, ME } from './support/operations';
import { totpCode } from '../libs/auth/src/two-factor/totp';
import { pollUntil } from './support/poll-until';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp } from './support/test-app';
import { referralIn, World } from './support/world';
import { withExpiry } from './support/tokens';
import { useTestApp, useWorld } from './support/file-setup';

/**
 * The queue dashboard (bull-board) at /admin/queues: platform admins only, by bearer token or
 * by the cookie the admin sign-in page sets; everyone else is turned away before bull-board
 * answers (pages, its JSON API, its static files and its actions alike).
 */
const DASHBOARD = '/admin/queues';
const QUEUES_API = `${DASHBOARD}/api/queues`;
const COOKIE_NAME = 'referloop_admin';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const GATEWAY_POLICY = ["default-src 'none'", "style-src 'unsafe-inline'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"];
/** Statuses in which a job waits to run (a worker is not running in this file, so nothing leaves them). */
const PENDING_STATUSES = ['waiting', 'delayed', 'prioritized', 'paused', 'waiting-children', 'active'];

interface QueueJob {
  id: string;
  name: string;
  data: Record<string, unknown>;
}
interface DashboardQueue {
  name: string;
  counts: Record<string, number>;
  jobs: QueueJob[];
  isPaused: boolean;
}

/** A policy as its directives, however it is spaced. */
const directives = (policy: unknown): string[] =>
  String(policy)
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '');

/** The same claims under a signature made with a key the gateway does not know. */
function forged(token: string): string {
  const [header, payload] = token.split('.');
  const signature = createHmac('sha256', 'not-the-gateway-secret-0123456789abcdef').update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

interface Credentials {
  token?: string;
  cookie?: string;
  accept?: string;
}

function credentialHeaders({ token, cookie, accept = 'application/json' }: Credentials): Record<string, string> {
  const headers: Record<string, string> = { accept };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (cookie !== undefined) headers.cookie = `${COOKIE_NAME}=${cookie}`;
  return headers;
}

/** The body of a refusal carries no queue data: no queue names, counts or jobs. */
function expectNoQueueData(response: RawResponse): void {
  expect(response.body).not.toMatch(/"counts"|"jobs"|"queues"/);
  for (const name of Object.values(QueueName)) expect(response.body).not.toContain(`"${name}"`);
}

describe('queue dashboard at /admin/queues', () => {
  const { app: testApp, world, db } = useWorld();
  const { app: production } = useTestApp({ env: { NODE_ENV: 'production' } });

  const get = (app: TestApp, path: string, credentials: Credentials = {}) =>
    rawRequest(`${app.baseUrl}${path}`, { headers: credentialHeaders(credentials) });

  const postForm = (app: TestApp, path: string, fields: Record<string, string>) =>
    rawRequest(`${app.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: BROWSER_ACCEPT },
      body: new URLSearchParams(fields).toString(),
    });

  /** The dashboard's queue listing, as `credentials` sees it; `activeQueue` also lists that queue's jobs. */
  async function listQueues(credentials: Credentials, activeQueue?: string): Promise<{ response: RawResponse; queues: DashboardQueue[] }> {
    const query = activeQueue === undefined ? '' : `?activeQueue=${encodeURIComponent(activeQueue)}&status=latest&page=1&jobsPerPage=100`;
    const response = await get(testApp, `${QUEUES_API}${query}`, credentials);
    expect({ status: response.status, contentType: response.headers['content-type'] }).toEqual({
      status: 200,
      contentType: expect.stringMatching(/^application\/json/),
    });
    return { response, queues: (JSON.parse(response.body) as { queues: DashboardQueue[] }).queues };
  }

  const adminToken = () => world.platformAdmin.token!;

  describe('a platform admin with a bearer token', () => {
    it('gets every queue of the catalogue, and only those, with its job counts', async () => {
      const { queues } = await listQueues({ token: adminToken() });
      expect(queues.map((queue) => queue.name).sort()).toEqual(Object.values(QueueName).sort());
      for (const queue of queues) {
        for (const status of ['waiting', 'active', 'delayed', 'completed', 'failed']) expect(typeof queue.counts[status]).toBe('number');
      }
    });

    it("sees the job a sent referral queued: its notification in the notifications queue, its response clock's timers", async () => {
      const referral = await referralIn(world, 'SENT');
      const notifications = await world.coordinatorA.client.ok<{ referral: { notifications: Array<{ id: string; template: string }> } }>(
        `query ($id: ID!) { referral(id: $id) { notifications { id template } } }`,
        { id: referral.id },
      );
      const sentNotice = notifications.referral.notifications.find((notification) => notification.template === 'REFERRAL_SENT');
      expect(sentNotice).toBeDefined();

      // The gateway enqueues after its transaction commits, so the job may land a moment after the answer.
      const queues = await pollUntil(
        async () => (await listQueues({ token: adminToken() }, QueueName.NOTIFICATIONS)).queues,
        (seen) => seen.find((queue) => queue.name === QueueName.NOTIFICATIONS)?.jobs.some((job) => job.id === sentNotice!.id) === true,
        { timeoutMs: 10_000, what: `the notification job ${sentNotice!.id} on the dashboard` },
      );
      const notificationQueue = queues.find((queue) => queue.name === QueueName.NOTIFICATIONS)!;
      const job = notificationQueue.jobs.find((candidate) => candidate.id === sentNotice!.id)!;
      expect(job).toMatchObject({ name: 'send-notification', data: { notificationId: sentNotice!.id } });
      const pending = PENDING_STATUSES.reduce((sum, status) => sum + (notificationQueue.counts[status] ?? 0), 0);
      expect(pending).toBeGreaterThanOrEqual(1);

      const clock = (await listQueues({ token: adminToken() }, QueueName.RESPONSE_CLOCK)).queues.find((queue) => queue.name === QueueName.RESPONSE_CLOCK)!;
      expect(clock.jobs.map((timer) => timer.id)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^expiry-${referral.id}-`))]));
      expect(clock.counts.delayed).toBeGreaterThanOrEqual(1);
    });

    it('gets the dashboard page as HTML under its own content policy, and its static files', async () => {
      const page = await get(testApp, DASHBOARD, { token: adminToken(), accept: BROWSER_ACCEPT });
      expect({ status: page.status, contentType: page.headers['content-type'] }).toEqual({ status: 200, contentType: expect.stringMatching(/^text\/html/) });
      expect(page.body).toContain('<title>ReferLoop queues</title>');
      expect(page.body).toContain(`<base href="${DASHBOARD}/" />`);

      const policy = directives(page.headers['content-security-policy']);
      expect(policy).not.toContain("default-src 'none'");
      expect(policy).toEqual(
        expect.arrayContaining(["default-src 'self'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"]),
      );
      // One policy header, not the gateway's and the dashboard's side by side (a browser would enforce both).
      expect(Array.isArray(page.headers['content-security-policy'])).toBe(false);

      const script = /<script defer src="(static\/js\/main\.[^"]+\.js)"/.exec(page.body)?.[1];
      expect(script).toBeDefined();
      const asset = await get(testApp, `${DASHBOARD}/${script}`, { token: adminToken(), accept: '*/*' });
      expect({ status: asset.status, contentType: asset.headers['content-type'] }).toEqual({
        status: 200,
        contentType: expect.stringMatching(/javascript/),
      });
    });

    it("leaves the rest of the gateway under the gateway's own policy", async () => {
      const graphql = await rawRequest(`${testApp.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(directives(graphql.headers['content-security-policy'])).toEqual(GATEWAY_POLICY);
      const login = await get(testApp, '/admin/login', { accept: BROWSER_ACCEPT });
      expect(directives(login.headers['content-security-policy'])).toEqual(GATEWAY_POLICY);
    });
  });

  describe('refusals', () => {
    it('answers an anonymous API call 401 with no queue data', async () => {
      const response = await get(testApp, QUEUES_API);
      expect({ status: response.status, contentType: response.headers['content-type'] }).toEqual({
        status: 401,
        contentType: expect.stringMatching(/^application\/json/),
      });
      expectNoQueueData(response);
      // HEAD, which Fastify answers for every GET route, is checked the same way.
      const head = await rawRequest(`${testApp.baseUrl}${QUEUES_API}`, { method: 'HEAD', headers: credentialHeaders({}) });
      expect(head.status).toBe(401);
    });

    it('sends an anonymous browser to the sign-in page', async () => {
      const response = await get(testApp, DASHBOARD, { accept: BROWSER_ACCEPT });
      expect({ status: response.status, location: response.headers.location }).toEqual({ status: 303, location: '/admin/login' });
      expect(response.body).toBe('');
    });

    it.each([
      ['a coordinator', (w: World) => w.coordinatorA.client.token!],
      ['a clinic admin', (w: World) => w.adminA.client.token!],
      ['a provider', (w: World) => w.targetProvider.client.token!],
    ])('answers %s 403 on the API and on the page, with no queue data', async (_who, tokenOf) => {
      const token = tokenOf(world);
      const api = await get(testApp, QUEUES_API, { token });
      expect(api.status).toBe(403);
      expectNoQueueData(api);
      // Signed in, so not sent to sign in again: refused outright.
      const page = await get(testApp, DASHBOARD, { token, accept: BROWSER_ACCEPT });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain('ReferLoop queues');
      expectNoQueueData(page);
    });

    it("refuses a non-admin the dashboard's actions, and the queue is left as it was", async () => {
      const before = (await listQueues({ token: adminToken() })).queues.find((queue) => queue.name === QueueName.NOTIFICATIONS)!;
      const token = world.coordinatorA.client.token!;
      for (const action of ['pause', 'empty']) {
        const response = await rawRequest(`${testApp.baseUrl}${QUEUES_API}/${QueueName.NOTIFICATIONS}/${action}`, {
          method: 'PUT',
          headers: credentialHeaders({ token }),
        });
        expect({ action, status: response.status }).toEqual({ action, status: 403 });
      }
      const anonymous = await rawRequest(`${testApp.baseUrl}${QUEUES_API}/${QueueName.NOTIFICATIONS}/empty`, { method: 'PUT', headers: credentialHeaders({}) });
      expect(anonymous.status).toBe(401);
      const after = (await listQueues({ token: adminToken() })).queues.find((queue) => queue.name === QueueName.NOTIFICATIONS)!;
      expect({ isPaused: after.isPaused, counts: after.counts }).toEqual({ isPaused: false, counts: before.counts });
    });

    it('answers a forged or an expired token 401 (and a browser holding one is sent to sign in)', async () => {
      const now = Math.floor(Date.now() / 1000);
      // The control: re-signed with the right key and still in date, the same claims are accepted.
      expect((await get(testApp, QUEUES_API, { token: withExpiry(adminToken(), now + 600) })).status).toBe(200);

      for (const token of [forged(adminToken()), withExpiry(adminToken(), now - 5), 'not-a-jwt']) {
        for (const credentials of [{ token }, { cookie: token }]) {
          const api = await get(testApp, QUEUES_API, credentials);
          expect(api.status).toBe(401);
          expectNoQueueData(api);
          const page = await get(testApp, DASHBOARD, { ...credentials, accept: BROWSER_ACCEPT });
          expect({ status: page.status, location: page.headers.location }).toEqual({ status: 303, location: '/admin/login' });
        }
      }
    });

    it('shuts out a platform admin once disabled, by bearer token and by cookie alike', async () => {
      const second = await createSignedInUser(world.platformAdmin, 'PLATFORM_ADMIN', null);
      const signedIn = await postForm(testApp, '/admin/login', { email: second.email, password: USER_PASSWORD });
      expect(signedIn.status).toBe(303);
      const cookie = setCookies(signedIn).find((candidate) => candidate.name === COOKIE_NAME)!.value;
      expect((await get(testApp, QUEUES_API, { token: second.client.token })).status).toBe(200);
      expect((await get(testApp, QUEUES_API, { cookie })).status).toBe(200);

      await world.platformAdmin.ok(DISABLE_USER, { input: { id: second.id } });

      for (const credentials of [{ token: second.client.token }, { cookie }]) {
        const api = await get(testApp, QUEUES_API, credentials);
        expect(api.status).toBe(401);
        expectNoQueueData(api);
        const page = await get(testApp, DASHBOARD, { ...credentials, accept: BROWSER_ACCEPT });
        expect({ status: page.status, location: page.headers.location }).toEqual({ status: 303, location: '/admin/login' });
      }
    });

    it("refuses the UI's static files to anonymous users and to non-admins", async () => {
      const page = await get(testApp, DASHBOARD, { token: adminToken(), accept: BROWSER_ACCEPT });
      const assets = [...page.body.matchAll(/(?:src|href)="(static\/[^"]+)"/g)].map((match) => match[1]);
      expect(assets.length).toBeGreaterThanOrEqual(2);
      for (const asset of assets) {
        const anonymous = await get(testApp, `${DASHBOARD}/${asset}`, { accept: '*/*' });
        expect({ asset, status: anonymous.status }).toEqual({ asset, status: 401 });
        const coordinator = await get(testApp, `${DASHBOARD}/${asset}`, { token: world.coordinatorA.client.token, accept: '*/*' });
        expect({ asset, status: coordinator.status }).toEqual({ asset, status: 403 });
      }
    });

    it('has no way around the check through other spellings of a path: what an admin can open, an anonymous caller is refused', async () => {
      const paths = [
        `${DASHBOARD}/`,
        `${DASHBOARD}/queue/${QueueName.NOTIFICATIONS}`,
        `${QUEUES_API}?activeQueue=${QueueName.NOTIFICATIONS}&status=latest`,
        `${DASHBOARD}/api/../api/queues`,
        `${DASHBOARD}/static/../api/queues`,
        `${DASHBOARD}/%61pi/queues`,
        `${DASHBOARD}/api/redis/stats`,
        `${QUEUES_API}/${QueueName.NOTIFICATIONS}/no-such-job`,
        // Not routes at all: not found for anyone.
        `${QUEUES_API}/`,
        `${DASHBOARD}//api/queues`,
        `/admin//queues/api/queues`,
        `/Admin/queues/api/queues`,
      ];
      const seen: Array<{ path: string; admin: number; anonymous: number }> = [];
      for (const path of paths) {
        const anonymous = await get(testApp, path);
        const admin = await get(testApp, path, { token: adminToken() });
        expectNoQueueData(anonymous);
        expect(anonymous.body).not.toMatch(/redis/i);
        seen.push({ path, admin: admin.status, anonymous: anonymous.status });
      }
      // Every path bull-board answers for an admin is refused to the anonymous caller; the rest are not found for both.
      expect(seen.map(({ path, admin, anonymous }) => ({ path, refused: admin === 404 ? [401, 404].includes(anonymous) : anonymous === 401 }))).toEqual(
        paths.map((path) => ({ path, refused: true })),
      );
      expect(seen.filter(({ admin }) => admin === 200).map(({ path }) => path)).toEqual(paths.slice(0, 7));
    });

    // A value that is not valid percent-encoding once made the check throw (a 500 naming the exception).
    it('a malformed admin cookie counts as no session: 401, or 303 to sign in for a browser', async () => {
      const cookie = `${COOKIE_NAME}=%E0%A4%A`;
      const api = await rawRequest(`${testApp.baseUrl}${QUEUES_API}`, { headers: { accept: 'application/json', cookie } });
      const page = await rawRequest(`${testApp.baseUrl}${DASHBOARD}`, { headers: { accept: BROWSER_ACCEPT, cookie } });
      expectNoQueueData(api);
      expectNoQueueData(page);
      expect({ api: api.status, page: page.status, location: page.headers.location }).toEqual({ api: 401, page: 303, location: '/admin/login' });
    });
  });

  describe('signing in through the admin page', () => {
    it('serves the sign-in form', async () => {
      const response = await get(testApp, '/admin/login', { accept: BROWSER_ACCEPT });
      expect({ status: response.status, contentType: response.headers['content-type'], cacheControl: response.headers['cache-control'] }).toEqual({
        status: 200,
        contentType: expect.stringMatching(/^text\/html/),
        cacheControl: 'no-store',
      });
      expect(response.body).toMatch(/<form method="post" action="\/admin\/login">/);
      expect(response.body).toMatch(/<input name="email"/);
      expect(response.body).toMatch(/<input name="password" type="password"/);
      expect(setCookies(response)).toEqual([]);
    });

    it('signs a platform admin in with an HttpOnly, SameSite=Strict cookie for /admin until the token expires, when its session ends too', async () => {
      const response = await postForm(testApp, '/admin/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect({ status: response.status, location: response.headers.location }).toEqual({ status: 303, location: DASHBOARD });
      const cookies = setCookies(response);
      expect(cookies.map((cookie) => cookie.name)).toEqual([COOKIE_NAME]);
      const [cookie] = cookies;
      expect(cookie.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/admin' });
      // Not Secure outside production: local development runs over plain HTTP.
      expect(cookie.attributes.secure).toBeUndefined();
      const maxAge = Number(cookie.attributes['max-age']);
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge).toBeLessThanOrEqual(testApp.config.jwtTtlSeconds);
      // The cookie is never renewed, so its session must not outlive it.
      const { sid, exp } = JSON.parse(Buffer.from(cookie.value.split('.')[1], 'base64url').toString()) as { sid: string; exp: number };
      const { rows } = await db.query('SELECT expires_at, absolute_expires_at FROM user_sessions WHERE id = $1', [sid]);
      expect(rows.map((row: { expires_at: Date; absolute_expires_at: Date }) => [row.expires_at.getTime(), row.absolute_expires_at.getTime()])).toEqual([[exp * 1000, exp * 1000]]);

      const { queues } = await listQueues({ cookie: cookie.value });
      expect(queues.map((queue) => queue.name).sort()).toEqual(Object.values(QueueName).sort());
      const page = await get(testApp, DASHBOARD, { cookie: cookie.value, accept: BROWSER_ACCEPT });
      expect({ status: page.status, title: page.body.includes('<title>ReferLoop queues</title>') }).toEqual({ status: 200, title: true });
    });

    it('in production asks for the second factor platform admins must use: refused until enrolled, then with the code in the form; the cookie Secure', async () => {
      const refused = await postForm(production, '/admin/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect({ status: refused.status, cookies: setCookies(refused) }).toEqual({ status: 403, cookies: [] });
      expect(refused.body).toContain('Turn on two-factor sign-in in the web app first');

      // The admin enrols an authenticator app, as the web app would have them do.
      const { login } = await production.anonymous.ok<{ login: { accessToken: string } }>(LOGIN, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
      const admin = production.anonymous.as(login.accessToken);
      const { beginTotpEnrolment } = await admin.ok<{ beginTotpEnrolment: { secret: string } }>('mutation { beginTotpEnrolment { secret } }');
      await admin.ok('mutation($input: ConfirmTotpEnrolmentInput!) { confirmTotpEnrolment(input: $input) { codes } }', { input: { code: totpCode(beginTotpEnrolment.secret, Date.now()), password: ADMIN_PASSWORD } });

      const withoutCode = await postForm(production, '/admin/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect({ status: withoutCode.status, cookies: setCookies(withoutCode) }).toEqual({ status: 401, cookies: [] });
      expect(withoutCode.body).toContain('Enter the code from your authenticator app as well.');
      const wrongCode = await postForm(production, '/admin/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, code: '000000' });
      expect({ status: wrongCode.status, cookies: setCookies(wrongCode) }).toEqual({ status: 401, cookies: [] });

      const response = await postForm(production, '/admin/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, code: totpCode(beginTotpEnrolment.secret, Date.now() + 30_000) });
      expect(response.status).toBe(303);
      const [cookie] = setCookies(response);
      expect(cookie).toMatchObject({ name: COOKIE_NAME, attributes: { secure: true, httponly: true, samesite: 'Strict', path: '/admin' } });
    });

    it("refuses a coordinator's correct credentials with a 403 page and no cookie", async () => {
      const response = await postForm(testApp, '/admin/login', { email: world.coordinatorA.email, password: USER_PASSWORD });
      expect({ status: response.status, contentType: response.headers['content-type'] }).toEqual({ status: 403, contentType: expect.stringMatching(/^text\/html/) });
      expect(response.body).toContain('Only platform admins may open the admin pages.');
      expect(setCookies(response)).toEqual([]);
    });

    it('answers a wrong password with a 401 page and no cookie, the same page as for an unknown email', async () => {
      const wrong = await postForm(testApp, '/admin/login', { email: ADMIN_EMAIL, password: 'not-the-password-123' });
      expect({ status: wrong.status, contentType: wrong.headers['content-type'] }).toEqual({ status: 401, contentType: expect.stringMatching(/^text\/html/) });
      expect(wrong.body).toContain('Wrong email or password.');
      expect(setCookies(wrong)).toEqual([]);
      const unknown = await postForm(testApp, '/admin/login', { email: uniqueEmail('nobody'), password: 'not-the-password-123' });
      expect({ status: unknown.status, body: unknown.body, cookies: setCookies(unknown) }).toEqual({ status: 401, body: wrong.body, cookies: [] });
    });

    it('answers a throttled account with a 429 page and no cookie, even for the right password', async () => {
      const admin = await createSignedInUser(world.platformAdmin, 'PLATFORM_ADMIN', null);
      for (let attempt = 0; attempt < testApp.config.loginThrottle.maxFailures; attempt += 1) {
        expect((await postForm(testApp, '/admin/login', { email: admin.email, password: 'not-the-password-123' })).status).toBe(401);
      }
      const throttled = await postForm(testApp, '/admin/login', { email: admin.email, password: USER_PASSWORD });
      expect({ status: throttled.status, cookies: setCookies(throttled) }).toEqual({ status: 429, cookies: [] });
      expect(throttled.body).toContain('Too many attempts');
    });

    it('signs out by clearing the cookie and ending the session: a copy of the token it carried no longer works', async () => {
      const signedIn = await postForm(testApp, '/admin/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      const token = setCookies(signedIn)[0].value;

      const signedOut = await rawRequest(`${testApp.baseUrl}/admin/logout`, { method: 'POST', headers: { accept: BROWSER_ACCEPT, cookie: `${COOKIE_NAME}=${token}` } });
      expect({ status: signedOut.status, location: signedOut.headers.location }).toEqual({ status: 303, location: '/admin/login' });
      expect(setCookies(signedOut)).toEqual([
        { name: COOKIE_NAME, value: '', attributes: expect.objectContaining({ path: '/admin', 'max-age': '0', httponly: true, samesite: 'Strict' }) },
      ]);

      // A browser drops the cookie. The value is the access token, whose session signing out
      // ended: whoever kept a copy is shut out at once, here and at the API alike.
      expect((await get(testApp, QUEUES_API, { cookie: token })).status).toBe(401);
      expectGraphqlError(await testApp.anonymous.as(token).request(ME), 'UNAUTHENTICATED');
    });
  });

  describe('the cookie and the GraphQL API', () => {
    it('is scoped to /admin, so a browser does not send it to /graphql', async () => {
      const response = await postForm(testApp, '/admin/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect(setCookies(response)[0].attributes.path).toBe('/admin');
    });

    it('does not authenticate a GraphQL request on its own', async () => {
      const signedIn = await postForm(testApp, '/admin/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      const token = setCookies(signedIn)[0].value;
      // The token itself works as a bearer token: only the way it is carried differs.
      expect((await testApp.anonymous.as(token).ok<{ me: { email: string } }>(ME)).me.email).toBe(ADMIN_EMAIL);

      const response = await rawRequest(`${testApp.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', cookie: `${COOKIE_NAME}=${token}` },
        body: JSON.stringify({ query: ME }),
      });
      const body = graphqlBody(response);
      expectGraphqlError({ status: response.status, data: body.data, errors: body.errors }, 'UNAUTHENTICATED');
    });
  });
});
