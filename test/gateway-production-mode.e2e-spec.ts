import { signInAsPlatformAdmin } from './support/fixtures';
import { corsHeaderNames, graphqlBody, rawRequest, RawResponse } from './support/gateway-http';
import { ADMIN_EMAIL, TestApp } from './support/test-app';
import { useTestApp } from './support/file-setup';

/**
 * What an operator gets by setting NODE_ENV=production, and what holds in every mode: no schema
 * introspection in production, no landing page (nor GraphiQL) in production, Apollo's CSRF prevention, security
 * headers on every answer, and CORS only for the configured origins.
 */
const ALLOWED_ORIGIN = 'https://app.referloop.example';
const OTHER_ORIGIN = 'https://evil.example';
const INTROSPECTION = '{ __schema { types { name } } }';
const EXPECTED_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/** A policy as its directives: how browsers read it, whatever the spacing around the semicolons. */
const directives = (policy: unknown) =>
  typeof policy === 'string'
    ? policy
        .split(';')
        .map((directive) => directive.trim())
        .filter((directive) => directive !== '')
    : policy;
/** A comma-separated header value as its items. */
const items = (value: unknown) => String(value).split(/\s*,\s*/);
/** Helmet's defaults besides the policy, which the gateway keeps. */
const HELMET_DEFAULTS = {
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
const CSRF_MESSAGE = /Cross-Site Request Forgery/;

describe('gateway: production mode, CSRF prevention, security headers and CORS', () => {
  const { app: production } = useTestApp({ env: { NODE_ENV: 'production', CORS_ORIGINS: ALLOWED_ORIGIN } });
  const { app: development } = useTestApp();

  const appIn = (mode: 'production' | 'development') => (mode === 'production' ? production : development);

  const postJson = (app: TestApp, query: string, headers: Record<string, string> = {}) =>
    rawRequest(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
  const getQuery = (app: TestApp, query: string, headers: Record<string, string> = {}) =>
    rawRequest(`${app.baseUrl}/graphql?query=${encodeURIComponent(query)}`, { headers: { accept: 'application/json', ...headers } });

  /** The answer carried errors only, the first with `code`, and nothing was executed. */
  const expectRefused = (response: RawResponse, status: number, code: string, message?: RegExp) => {
    const body = graphqlBody(response);
    expect({ status: response.status, code: body.errors?.[0]?.extensions?.code, data: body.data }).toEqual({ status, code, data: undefined });
    if (message) expect(body.errors?.[0]?.message).toMatch(message);
  };

  describe('introspection', () => {
    it('is refused in production as a validation failure, while ordinary queries run', async () => {
      expectRefused(await postJson(production, INTROSPECTION), 400, 'GRAPHQL_VALIDATION_FAILED', /introspection/i);
      expectRefused(await postJson(production, '{ __type(name: "Referral") { name } }'), 400, 'GRAPHQL_VALIDATION_FAILED', /introspection/i);

      // __typename is not introspection of the schema: clients add it to every selection.
      expect(graphqlBody(await postJson(production, '{ __typename }'))).toEqual({ data: { __typename: 'Query' } });
      const admin = await signInAsPlatformAdmin(production.anonymous);
      expect(await admin.ok('{ me { email role } }')).toEqual({ me: { email: ADMIN_EMAIL, role: 'PLATFORM_ADMIN' } });
    });

    it('works outside production', async () => {
      const response = await postJson(development, INTROSPECTION);
      const body = graphqlBody(response);
      expect({ status: response.status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
      const names = (body.data as { __schema: { types: Array<{ name: string }> } }).__schema.types.map((type) => type.name);
      expect(names).toEqual(expect.arrayContaining(['Query', 'Mutation', 'Referral']));
    });
  });

  // Outside production a browser opening /graphql gets GraphiQL instead (web-app.e2e-spec.ts).
  describe('landing page', () => {
    it('is not served in production: a browser opening /graphql gets JSON, not HTML', async () => {
      const app = production;
      const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
      // As a browser navigates there: no preflight header, so CSRF prevention answers first.
      const navigated = await rawRequest(`${app.baseUrl}/graphql`, { headers: { accept: browserAccept } });
      // With the preflight header Apollo would serve its landing page if it had one; it has none.
      const withPreflight = await rawRequest(`${app.baseUrl}/graphql`, { headers: { accept: browserAccept, 'apollo-require-preflight': 'true' } });
      for (const response of [navigated, withPreflight]) {
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.body).not.toMatch(/<html|<!doctype/i);
      }
      expectRefused(navigated, 400, 'BAD_REQUEST', CSRF_MESSAGE);
      expectRefused(withPreflight, 400, 'BAD_REQUEST', /non-empty `query`/);
    });
  });

  describe('CSRF prevention', () => {
    const body = JSON.stringify({ query: '{ __typename }' });

    it('refuses a POST with a content type a cross-site form may send, unless a preflight header is present', async () => {
      const textPlain = await rawRequest(`${production.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
      expectRefused(textPlain, 400, 'BAD_REQUEST', CSRF_MESSAGE);

      const multipart = await rawRequest(`${production.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        body: `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--\r\n`,
      });
      expectRefused(multipart, 400, 'BAD_REQUEST', CSRF_MESSAGE);

      const urlEncoded = await rawRequest(`${production.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `query=${encodeURIComponent('{ __typename }')}`,
      });
      expectRefused(urlEncoded, 400, 'BAD_REQUEST', CSRF_MESSAGE);

      // The same text/plain body with a header no cross-site form can add passes CSRF prevention
      // (and then fails as any non-JSON POST does, still without running anything).
      const preflighted = await rawRequest(`${production.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' },
        body,
      });
      const preflightedBody = graphqlBody(preflighted);
      expect(preflighted.status).toBe(400);
      expect(preflightedBody.data).toBeUndefined();
      expect(preflightedBody.errors?.[0]?.message).not.toMatch(CSRF_MESSAGE);
    });

    it('refuses GET queries without a preflight header; with one, GET runs queries but never mutations', async () => {
      expectRefused(await getQuery(production, '{ __typename }'), 400, 'BAD_REQUEST', CSRF_MESSAGE);
      // An empty header does not count: any page could send that much.
      expectRefused(await getQuery(production, '{ __typename }', { 'apollo-require-preflight': '' }), 400, 'BAD_REQUEST', CSRF_MESSAGE);

      const preflightHeaders: Array<Record<string, string>> = [{ 'apollo-require-preflight': 'true' }, { 'x-apollo-operation-name': 'typename' }];
      for (const header of preflightHeaders) {
        const response = await getQuery(production, '{ __typename }', header);
        expect({ status: response.status, body: graphqlBody(response) }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
      }

      const mutation = await getQuery(production, 'mutation { __typename }', { 'apollo-require-preflight': 'true' });
      expectRefused(mutation, 405, 'BAD_REQUEST', /GET requests only support query operations/);
      expect(mutation.headers.allow).toBe('POST');
    });

    it('lets an ordinary JSON POST through without any preflight header', async () => {
      const response = await postJson(production, '{ __typename }');
      expect({ status: response.status, body: graphqlBody(response) }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    });
  });

  describe('security headers', () => {
    type Seen = { what: string; status: number; csp: unknown; headers: Record<string, unknown> };
    const seen = async (what: string, answer: Promise<RawResponse>): Promise<Seen> => {
      const response = await answer;
      return {
        what,
        status: response.status,
        csp: directives(response.headers['content-security-policy']),
        headers: Object.fromEntries(Object.keys(HELMET_DEFAULTS).map((name) => [name, response.headers[name]])),
      };
    };
    const expected = (what: string, status: number): Seen => ({ what, status, csp: directives(EXPECTED_CSP), headers: HELMET_DEFAULTS });

    it.each(['production', 'development'] as const)('are on every API, health and not-found answer in %s, with the exact policy', async (mode) => {
      const app = appIn(mode);
      const answers = await Promise.all([
        seen('POST /graphql', postJson(app, '{ __typename }')),
        seen('POST /graphql, invalid query', postJson(app, '{ nonsense }')),
        seen('GET /graphql, CSRF refusal', getQuery(app, '{ __typename }')),
        seen('GET /health/live', rawRequest(`${app.baseUrl}/health/live`)),
        seen('GET /no-such-route', rawRequest(`${app.baseUrl}/no-such-route`)),
      ]);
      expect(answers).toEqual([
        expected('POST /graphql', 200),
        expected('POST /graphql, invalid query', 400),
        expected('GET /graphql, CSRF refusal', 400),
        expected('GET /health/live', 200),
        expected('GET /no-such-route', 404),
      ]);
    });

    // Answers carry patients' details: no browser, proxy or CDN may keep one. Every answer that
    // does not say otherwise is no-store, however it was asked and whoever refused it
    // (no-store-by-default.ts); the web app's files, which may be cached, say so themselves.
    it.each(['production', 'development'] as const)('mark every answer no-store in %s, unless it says otherwise', async (mode) => {
      const app = appIn(mode);
      const admin = await signInAsPlatformAdmin(app.anonymous);
      const bearer = { authorization: `Bearer ${admin.token}` };
      const answers = {
        'POST /graphql': postJson(app, '{ __typename }'),
        'POST /graphql, signed in': postJson(app, '{ me { id email } }', bearer),
        'POST /graphql, not signed in': postJson(app, '{ me { id } }'),
        'POST /graphql, invalid query': postJson(app, '{ nonsense }'),
        'POST /graphql, unparsable': postJson(app, '{ unclosed'),
        'GET /graphql, CSRF refusal': getQuery(app, '{ __typename }'),
        'GET /graphql, with a preflight header': getQuery(app, '{ __typename }', { 'apollo-require-preflight': 'true' }),
        'GET /fhir/ServiceRequest, signed in': rawRequest(`${app.baseUrl}/fhir/ServiceRequest`, { headers: bearer }),
        'GET /health/live': rawRequest(`${app.baseUrl}/health/live`),
        'GET /metrics': rawRequest(`${app.baseUrl}/metrics`),
        'GET /no-such-route': rawRequest(`${app.baseUrl}/no-such-route`),
      };
      // Terminus answers health checks with "no-cache, no-store, must-revalidate": no-store as well.
      const noStore = (value: unknown) => (items(value).includes('no-store') ? 'no-store' : value);
      const seen = await Promise.all(Object.entries(answers).map(async ([what, answer]) => [what, noStore((await answer).headers['cache-control'])]));
      expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(Object.keys(answers).map((what) => [what, 'no-store'])));
    });

    it.each(['production', 'development'] as const)(
      'are on the patient pages in %s too, with the same exact policy (frame-ancestors and base-uri included)',
      async (mode) => {
        const app = appIn(mode);
        const answers = await Promise.all([
          seen('GET /status/garbage', rawRequest(`${app.baseUrl}/status/garbage`)),
          seen('GET /unsubscribe/garbage', rawRequest(`${app.baseUrl}/unsubscribe/garbage`)),
          seen('POST /unsubscribe/garbage', rawRequest(`${app.baseUrl}/unsubscribe/garbage`, { method: 'POST' })),
        ]);
        expect(answers).toEqual([
          expected('GET /status/garbage', 404),
          expected('GET /unsubscribe/garbage', 404),
          expected('POST /unsubscribe/garbage', 404),
        ]);
      },
    );
  });

  describe('CORS', () => {
    const preflight = (app: TestApp, origin: string) =>
      rawRequest(`${app.baseUrl}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });

    it('answers a preflight from a configured origin with that origin, GET/POST and a 10-minute max age', async () => {
      const response = await preflight(production, ALLOWED_ORIGIN);
      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(items(response.headers['access-control-allow-methods'])).toEqual(['GET', 'POST']);
      expect(response.headers['access-control-max-age']).toBe('600');
      expect(items(response.headers['access-control-allow-headers']?.toLowerCase())).toEqual(
        expect.arrayContaining(['content-type', 'authorization']),
      );
      // Caches must not hand one origin's answer to another.
      expect(String(response.headers.vary)).toMatch(/\bOrigin\b/i);

      const actual = await postJson(production, '{ __typename }', { origin: ALLOWED_ORIGIN });
      expect(actual.status).toBe(200);
      expect(actual.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    });

    it('gives any other origin no Access-Control-Allow-Origin, on the preflight or the request', async () => {
      const response = await preflight(production, OTHER_ORIGIN);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      const actual = await postJson(production, '{ __typename }', { origin: OTHER_ORIGIN });
      expect(actual.headers['access-control-allow-origin']).toBeUndefined();
      // A look-alike of the configured origin is another origin.
      const lookalike = await preflight(production, `${ALLOWED_ORIGIN}.evil.example`);
      expect(lookalike.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('sends no CORS headers at all when CORS_ORIGINS is unset', async () => {
      const answers = [
        await preflight(development, ALLOWED_ORIGIN),
        await postJson(development, '{ __typename }', { origin: ALLOWED_ORIGIN }),
        await rawRequest(`${development.baseUrl}/health/live`, { headers: { origin: ALLOWED_ORIGIN } }),
      ];
      expect(answers.map(corsHeaderNames)).toEqual([[], [], []]);
    });
  });
});
