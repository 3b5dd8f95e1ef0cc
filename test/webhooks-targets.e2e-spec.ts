import { LookupAddress } from 'node:dns';
import { createServer, Server, Socket } from 'node:net';
import { Client } from 'pg';
import { guardedLookup, TargetRefused } from '@referloop/webhooks';
import { postWebhook } from '../libs/webhooks/src/delivery/post-webhook';
import { expectGraphqlError } from './support/expectations';
import { createClinic, signInAsPlatformAdmin } from './support/fixtures';
import { GraphqlClient } from './support/graphql-client';
import { useTestApp, useWorld } from './support/file-setup';

/*
 * Where a clinic may point its webhooks. With WEBHOOK_ALLOW_PRIVATE_TARGETS off (the default)
 * the API refuses, as bad input on `input.url` and without writing anything, every URL that is
 * not https, carries credentials, or names this machine, a private network or the cloud metadata
 * service; a name that only resolves to such an address is refused when a delivery connects.
 * In production plain http is refused even with the flag on.
 */

const CREATE = `mutation createWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url } } }`;
const UPDATE = `mutation updateWebhookEndpoint($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { id url } }`;

type Created = { createWebhookEndpoint: { secret: string; endpoint: { id: string; url: string } } };

/** Refused with WEBHOOK_ALLOW_PRIVATE_TARGETS off, outside production. */
const REFUSED_URLS: readonly (readonly [url: string, why: string])[] = [
  ['http://ehr.example.com/hooks', 'plain http'],
  ['https://127.0.0.1/hooks', 'loopback'],
  ['https://127.1/hooks', 'loopback, short form'],
  ['https://2130706433/hooks', 'loopback, as one number'],
  ['https://[::1]/hooks', 'IPv6 loopback'],
  ['https://localhost/hooks', 'this machine by name'],
  ['https://api.localhost/hooks', 'a name under localhost'],
  ['https://0.0.0.0/hooks', 'this network'],
  ['https://10.1.2.3/hooks', 'private 10/8'],
  ['https://192.168.0.10/hooks', 'private 192.168/16'],
  ['https://172.16.5.5/hooks', 'private 172.16/12'],
  ['https://100.64.0.1/hooks', 'carrier-grade NAT'],
  ['https://169.254.169.254/latest/meta-data', 'the cloud metadata service'],
  ['https://[fe80::1]/hooks', 'IPv6 link-local'],
  ['https://[fd00::1]/hooks', 'IPv6 unique local'],
  ['https://[::ffff:127.0.0.1]/hooks', 'IPv4-mapped loopback'],
  ['https://user:pass@ehr.example.com/hooks', 'credentials in the URL'],
  ['https://user@ehr.example.com/hooks', 'a user name in the URL'],
  ['ftp://ehr.example.com/hooks', 'not http(s)'],
  ['file:///etc/passwd', 'a local file'],
  ['not a url', 'not a URL'],
  ['ehr.example.com/hooks', 'no scheme'],
];

/** Every row of webhook_endpoints, as the table holds them. */
const endpointRows = async (db: Client) =>
  (await db.query<{ id: string; url: string; updated_at: Date }>('SELECT id, url, updated_at FROM webhook_endpoints ORDER BY id')).rows;

describe('webhook targets: which URLs a clinic may register', () => {
  const { world, db } = useWorld();
  let endpointId: string;

  beforeAll(async () => {
    const { createWebhookEndpoint } = await world.adminA.client.ok<Created>(CREATE, { input: { url: 'https://ehr.example.com/hooks', events: ['REFERRAL_SENT'] } });
    endpointId = createWebhookEndpoint.endpoint.id;
  });

  it.each(REFUSED_URLS)('refuses to register %s (%s) as bad input on input.url, writing nothing', async (url) => {
    const before = await endpointRows(db);
    const error = expectGraphqlError(await world.adminA.client.request(CREATE, { input: { url, events: ['REFERRAL_SENT'] } }), 'BAD_USER_INPUT', 'input.url');
    expect(error.message).toMatch(/url /);
    expect(await endpointRows(db)).toEqual(before);
  });

  it.each(REFUSED_URLS)('refuses to change an endpoint to %s (%s), leaving it as it was', async (url) => {
    const before = await endpointRows(db);
    expectGraphqlError(await world.adminA.client.request(UPDATE, { input: { id: endpointId, url } }), 'BAD_USER_INPUT', 'input.url');
    expect(await endpointRows(db)).toEqual(before);
    expect(before.find((row) => row.id === endpointId)?.url).toBe('https://ehr.example.com/hooks');
  });

  it('accepts an https URL on a public name, to register and to change to', async () => {
    const { createWebhookEndpoint } = await world.adminA.client.ok<Created>(CREATE, { input: { url: 'https://ehr.example.com/hooks', events: ['REFERRAL_SENT'] } });
    expect(createWebhookEndpoint.endpoint.url).toBe('https://ehr.example.com/hooks');
    expect(createWebhookEndpoint.secret).toMatch(/^whsec_/);
    const { rows } = await db.query('SELECT url FROM webhook_endpoints WHERE id = $1', [createWebhookEndpoint.endpoint.id]);
    expect(rows).toEqual([{ url: 'https://ehr.example.com/hooks' }]);

    const changed = await world.adminA.client.ok<{ updateWebhookEndpoint: { url: string } }>(UPDATE, { input: { id: createWebhookEndpoint.endpoint.id, url: 'https://ehr.example.com/v2/hooks' } });
    expect(changed.updateWebhookEndpoint.url).toBe('https://ehr.example.com/v2/hooks');
  });

  // Fails while target-guard.ts checks IPv4 addresses against its IPv6 rules too (see addressAllowed).
  it('accepts an https URL on a public IPv4 or IPv6 address', async () => {
    for (const url of ['https://93.184.215.14/hooks', 'https://[2606:4700:4700::1111]/hooks']) {
      const { createWebhookEndpoint } = await world.adminA.client.ok<Created>(CREATE, { input: { url, events: ['REFERRAL_SENT'] } });
      expect(createWebhookEndpoint.endpoint.url).toBe(url);
    }
  });
});

/*
 * A name passes registration (it may resolve anywhere later); what it resolves to is checked on
 * the connection itself. `localhost` stands for any name an attacker points at this machine.
 */
describe('webhook targets: the delivery connection checks the address a name resolves to', () => {
  /** A bare TCP server on 127.0.0.1 counting the connections it is offered (and dropping them). */
  let local: Server;
  let connections = 0;
  let port: number;

  beforeAll(async () => {
    local = createServer((socket: Socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    port = (local.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => local.close(() => resolve())));

  type Answer = { error: NodeJS.ErrnoException | null; address: string | LookupAddress[] };
  const lookup = (allowPrivate: boolean, options: { all?: boolean } = {}) =>
    new Promise<Answer>((resolve) => guardedLookup(allowPrivate)('localhost', options, (error, address) => resolve({ error, address })));

  it("refuses 'localhost' in the lookup when private targets are not allowed", async () => {
    for (const options of [{}, { all: true }]) {
      const { error, address } = await lookup(false, options);
      expect(error).toBeInstanceOf(TargetRefused);
      expect(error?.message).toBe('localhost resolves to a private, loopback or link-local address');
      expect(address).toBe('');
    }
    // The same lookup with private targets allowed answers as dns.lookup does.
    const allowed = await lookup(true);
    expect(allowed.error).toBeNull();
    expect(['127.0.0.1', '::1']).toContain(allowed.address);
  });

  const post = (url: string, allowPrivate: boolean) => postWebhook(new URL(url), { 'webhook-id': 'evt-guard' }, '{"type":"referral.sent"}', { timeoutMs: 3000, allowPrivate });

  it('sends nothing to a name resolving to this machine: an error result, and no connection reaches the local server', async () => {
    const before = connections;
    for (const url of [`https://localhost:${port}/hooks`, `http://localhost:${port}/hooks`]) {
      const result = await post(url, false);
      expect(result).toEqual({ statusCode: null, durationMs: expect.any(Number), error: 'localhost resolves to a private, loopback or link-local address', retryAfterMs: null });
    }
    // An address written in the URL is refused before any connection, without a lookup.
    expect(await post(`https://127.0.0.1:${port}/hooks`, false)).toEqual({ statusCode: null, durationMs: 0, error: 'url points to a private, loopback or link-local address', retryAfterMs: null });
    expect(connections).toBe(before);
  });

  it('does connect when private targets are allowed (the server above really listens)', async () => {
    const before = connections;
    const result = await post(`https://localhost:${port}/hooks`, true);
    // The server drops the connection before any TLS: no status, but it was reached.
    expect(result.statusCode).toBeNull();
    expect(result.error).not.toMatch(/resolves to|private/);
    expect(connections).toBe(before + 1);
  });
});

describe('webhook targets: production mode', () => {
  // The flag is on, so only production can be what refuses plain http.
  const { app, db } = useTestApp({ env: { NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on', TWO_FACTOR_REQUIRED_FOR_PLATFORM_ADMINS: 'off' } });
  let admin: GraphqlClient;
  let clinicId: string;

  beforeAll(async () => {
    admin = await signInAsPlatformAdmin(app.anonymous);
    clinicId = (await createClinic(admin, { name: 'Production clinic' })).id;
  });

  it('refuses plain http even with WEBHOOK_ALLOW_PRIVATE_TARGETS on, to register and to change to', async () => {
    for (const url of ['http://127.0.0.1:4000/hooks', 'http://ehr.example.com/hooks']) {
      expectGraphqlError(await admin.request(CREATE, { input: { clinicId, url, events: ['REFERRAL_SENT'] } }), 'BAD_USER_INPUT', 'input.url');
    }
    // https to this machine is what the flag allows, in production too.
    const { createWebhookEndpoint } = await admin.ok<Created>(CREATE, { input: { clinicId, url: 'https://127.0.0.1:4443/hooks', events: ['REFERRAL_SENT'] } });
    expectGraphqlError(await admin.request(UPDATE, { input: { id: createWebhookEndpoint.endpoint.id, url: 'http://127.0.0.1:4000/hooks' } }), 'BAD_USER_INPUT', 'input.url');
    const { rows } = await db.query('SELECT url FROM webhook_endpoints');
    expect(rows).toEqual([{ url: 'https://127.0.0.1:4443/hooks' }]);
  });
});
