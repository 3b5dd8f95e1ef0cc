import { graphqlBody, rawRequest, RawResponse } from './support/gateway-http';
import { useTestApp } from './support/file-setup';
import { webDistFixture } from './support/web-dist-fixture';

/*
 * The gateway serves the built web app at `/` (a fixture build here): its files with the
 * caching their names allow, its page for any page a browser asks for, its own security
 * policy; the gateway's own paths answer as they always have. Outside production a browser
 * opening /graphql gets GraphiQL.
 */
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const WEB_APP_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];
const GRAPHIQL_POLICY = WEB_APP_POLICY.map((directive) => (directive === "font-src 'self'" ? "font-src 'self' data:" : directive));
const GATEWAY_POLICY = ["default-src 'none'", "style-src 'unsafe-inline'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"];
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A policy as its directives, whatever the spacing around the semicolons. */
const policyOf = (response: RawResponse) =>
  String(response.headers['content-security-policy'])
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '');

const build = webDistFixture();
afterAll(() => build.remove());

describe('the web app, served by the gateway', () => {
  const { app } = useTestApp({ env: { WEB_DIST_DIR: build.dir } });
  const get = (path: string, headers: Record<string, string> = {}) => rawRequest(`${app.baseUrl}${path}`, { headers });

  it('answers / with index.html, revalidated on every use, under the web app policy and no Referer', async () => {
    const response = await get('/', { accept: BROWSER });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain(build.indexMarker);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(policyOf(response)).toEqual(WEB_APP_POLICY);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    // Revalidation is cheap: the ETag answers 304 without a body.
    const again = await get('/', { accept: BROWSER, 'if-none-match': String(response.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('serves hashed files under /assets/ for a year, immutable, and other files of the build revalidated', async () => {
    const script = await get(build.entryScript);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe(IMMUTABLE);
    expect(script.body).toContain('the web app');

    const favicon = await get('/favicon.svg');
    expect(favicon.status).toBe(200);
    expect(favicon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(favicon.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/referrals/3f0c9a1e-7b2d-4c5e-9f10-2a3b4c5d6e7f', '/patients', '/patients/', '/settings/profile?tab=password'])(
    'answers the client-side route %s with index.html when a browser asks for a page',
    async (path) => {
      const response = await get(path, { accept: BROWSER });
      expect({ status: response.status, page: response.body.includes(build.indexMarker), cache: response.headers['cache-control'] }).toEqual({
        status: 200,
        page: true,
        cache: 'no-cache',
      });
      expect(policyOf(response)).toEqual(WEB_APP_POLICY);
    },
  );

  it('answers 404, not the page, for a path that is not a file when no page is asked for', async () => {
    for (const accept of ['application/json', '*/*']) {
      const response = await get('/patients', { accept });
      expect({ status: response.status, page: response.body.includes(build.indexMarker) }).toEqual({ status: 404, page: false });
    }
  });

  it('answers a missing file under /assets/ with a real 404, even to a browser asking for a page', async () => {
    for (const accept of [BROWSER, '*/*']) {
      const response = await get('/assets/missing-Zz9Yy8Xx.js', { accept });
      expect({ status: response.status, page: response.body.includes(build.indexMarker) }).toEqual({ status: 404, page: false });
      expect(policyOf(response)).toEqual(GATEWAY_POLICY);
    }
  });

  it('never serves hidden files or climbs out of the build', async () => {
    for (const path of ['/.env', '/assets/.hidden.js', '/%2e%2e/%2e%2e/etc/passwd', '/assets/%2e%2e%2f%2e%2e%2fetc/passwd']) {
      const response = await get(path, { accept: '*/*' });
      expect({ path, status: response.status, leaked: response.body.includes('root:') }).toEqual({ path, status: 404, leaked: false });
    }
  });

  describe("leaves the gateway's own paths as they were", () => {
    it.each(['/health/nope', '/metrics/nope', '/admin/nope', '/status', '/unsubscribe', '/graphql/nope'])(
      'answers %s with the gateway 404 under the gateway policy, even to a browser',
      async (path) => {
        const response = await get(path, { accept: BROWSER });
        expect({ status: response.status, json: response.headers['content-type'] }).toEqual({ status: 404, json: expect.stringMatching(/^application\/json/) });
        expect(response.body).not.toContain(build.indexMarker);
        expect(policyOf(response)).toEqual(GATEWAY_POLICY);
      },
    );

    it('keeps /health/ready, POST /graphql and the patient pages exactly as before', async () => {
      const ready = await get('/health/ready', { accept: BROWSER });
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.body)).toMatchObject({ status: 'ok' });
      expect(policyOf(ready)).toEqual(GATEWAY_POLICY);

      const posted = await rawRequest(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect({ status: posted.status, body: graphqlBody(posted) }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
      expect(policyOf(posted)).toEqual(GATEWAY_POLICY);

      const statusPage = await get('/status/garbage', { accept: BROWSER });
      expect(statusPage.status).toBe(404);
      expect(statusPage.headers['content-type']).toMatch(/^text\/html/);
      expect(statusPage.body).not.toContain(build.indexMarker);
      expect(policyOf(statusPage)).toEqual(GATEWAY_POLICY);

      const metrics = await get('/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    });
  });

  describe('GraphiQL, outside production', () => {
    it('answers a browser opening /graphql with GraphiQL from the build, under the web app policy with inline fonts', async () => {
      const response = await get('/graphql', { accept: BROWSER });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain(build.graphiqlMarker);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(policyOf(response)).toEqual(GRAPHIQL_POLICY);

      const script = await get(build.graphiqlScript);
      expect({ status: script.status, cache: script.headers['cache-control'] }).toEqual({ status: 200, cache: IMMUTABLE });
      expect(policyOf(script)).toEqual(GRAPHIQL_POLICY);
    });

    it('leaves GET /graphql from anything but a browser page load to the API', async () => {
      const query = await get(`/graphql?query=${encodeURIComponent('{ __typename }')}`, { accept: 'application/json', 'apollo-require-preflight': 'true' });
      expect({ status: query.status, body: graphqlBody(query) }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
      const bare = await get('/graphql', { accept: 'application/json' });
      expect(bare.status).toBe(400);
      expect(bare.headers['content-type']).toMatch(/^application\/json/);
    });
  });
});

describe('the web app in production', () => {
  const { app } = useTestApp({ env: { WEB_DIST_DIR: build.dir, NODE_ENV: 'production' } });
  const get = (path: string, headers: Record<string, string> = {}) => rawRequest(`${app.baseUrl}${path}`, { headers });

  it('is served as in development', async () => {
    const response = await get('/patients', { accept: BROWSER });
    expect({ status: response.status, page: response.body.includes(build.indexMarker) }).toEqual({ status: 200, page: true });
    expect(policyOf(response)).toEqual(WEB_APP_POLICY);
  });

  it('has no GraphiQL: /graphql answers a browser as the API always has, and its files are not served', async () => {
    const response = await get('/graphql', { accept: BROWSER });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).not.toContain(build.graphiqlMarker);
    expect(policyOf(response)).toEqual(GATEWAY_POLICY);

    for (const path of [build.graphiqlScript, '/graphiql/index.html', '/graphiql/']) {
      const file = await get(path, { accept: BROWSER });
      expect({ path, status: file.status }).toEqual({ path, status: 404 });
      expect(file.body).not.toContain(build.graphiqlMarker);
    }
  });
});
