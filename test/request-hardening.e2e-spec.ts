import { RECORD_VISIT } from './support/episode-operations';
import { expectGraphqlError, expectNoLeakedInternals } from './support/expectations';
import { referralInput } from './support/fixtures';
import { GraphqlResponse } from './support/graphql-client';
import { disposeAll, LiveSubscriber } from './support/live-updates';
import { AUDIT_ENTRIES, LOGIN, PATIENTS, REFERRAL_STATS, SCHEDULE_REFERRAL, UPDATE_PATIENT, referralMutation } from './support/operations';
import { referralIn } from './support/world';
import { useWorld } from './support/file-setup';

/**
 * The classes of bad request an outside fuzzer found reaching a 500 or running unbounded work,
 * each refused at the layer every request passes: text no field can hold (NUL, lone
 * surrogates, control characters), impossible instants, unresolvable operations, requests too
 * costly to run, documents nested too deep to parse, and bodies that are not JSON.
 */
const LOGIN_LITERAL = (email: string) => `mutation { login(input: { email: ${email}, password: "wrong-password-123" }) { accessToken } }`;

describe('request hardening: no input reaches a 500, no request too expensive', () => {
  const { app: testApp, world, db } = useWorld();

  /** Rows of the tables a refused request could have written to. */
  const rowCounts = async () =>
    (
      await db.query<Record<string, number>>(
        `SELECT (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM referrals) AS referrals,
                (SELECT count(*) FROM visits) AS visits, (SELECT count(*) FROM login_failures) AS login_failures,
                (SELECT count(*) FROM referral_events) AS events, (SELECT count(*) FROM notifications) AS notifications`,
      )
    ).rows[0];

  /** Refused as bad input naming `field`, with HTTP 400, and nothing written. */
  const expectRefusedUnwritten = async (send: () => Promise<GraphqlResponse>, field: string) => {
    const before = await rowCounts();
    const response = await send();
    expectGraphqlError(response, 'BAD_USER_INPUT', field);
    expect(response.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  };

  describe('text no field can hold', () => {
    it.each([
      ['NUL', 'a\u0000b@example.com'],
      ['an escape character', '\u001b[2Ja@example.com'],
    ])('login refuses %s in the email, sent as a variable or written inline, without a token', async (_what, email) => {
      await expectRefusedUnwritten(() => testApp.anonymous.request(LOGIN, { input: { email, password: 'wrong-password-123' } }), 'input.email');
      // JSON's escapes are GraphQL's too: the literal carries the same characters.
      await expectRefusedUnwritten(() => testApp.anonymous.request(LOGIN_LITERAL(JSON.stringify(email))), 'input.email');
    });

    it('a lone surrogate written inline is already a syntax error to the parser, answered 400', async () => {
      const response = await testApp.anonymous.request(LOGIN_LITERAL('"a\\ud800b@example.com"'));
      expect(response.status).toBe(400);
      expectGraphqlError(response, 'GRAPHQL_PARSE_FAILED');
    });

    it('login refuses a lone surrogate in the email, without a token', async () => {
      await expectRefusedUnwritten(() => testApp.anonymous.request(LOGIN, { input: { email: 'a\ud800b@example.com', password: 'wrong-password-123' } }), 'input.email');
    });

    it('the patient search refuses NUL', async () => {
      await expectRefusedUnwritten(() => world.coordinatorA.client.request(PATIENTS, { filter: { search: 'Smi\u0000th' } }), 'filter.search');
    });

    it('updatePatient, createReferral and recordVisit refuse a lone surrogate, naming the nested field', async () => {
      await expectRefusedUnwritten(
        () => world.coordinatorA.client.request(UPDATE_PATIENT, { input: { id: world.patient.id, lastName: 'Sm\udc00ith' } }),
        'input.lastName',
      );
      const input = referralInput(world.patient.id, world.targetProvider.providerId);
      const assessment = input.assessment as { postureNotes: string; rangeOfMotion: Array<Record<string, unknown>> };
      await expectRefusedUnwritten(
        () => world.coordinatorA.client.request(referralMutation('createReferral'), { input: { ...input, assessment: { ...assessment, postureNotes: 'Forward head \ud83d' } } }),
        'input.assessment.postureNotes',
      );
      const treated = await referralIn(world, 'IN_TREATMENT');
      await expectRefusedUnwritten(
        () =>
          world.targetProvider.client.request(RECORD_VISIT, {
            input: { referralId: treated.id, at: new Date().toISOString(), attended: true, notes: 'Better \ud800 today', techniquesUsed: [] },
          }),
        'input.notes',
      );
    });

    it("holds a variable's default to the same rules as a value sent, naming the variable as graphql-js does", async () => {
      const search = `query patients($search: String = "Smi\\u0000th") { patients(filter: { search: $search }) { totalCount } }`;
      await expectRefusedUnwritten(() => world.coordinatorA.client.request(search), 'search');
      const schedule = `mutation s($input: ScheduleReferralInput! = { id: "${world.patient.id}", appointmentAt: "2030-01-10T10:00:00\\u0007Z" }) { scheduleReferral(input: $input) { id } }`;
      await expectRefusedUnwritten(() => world.targetProvider.client.request(schedule), 'input.appointmentAt');
    });

    it('answers a variable nested far deeper than its type as bad input, never walking it', async () => {
      // Written out: JSON.stringify itself overflows on it, though the server's JSON.parse does not.
      const nested = `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`;
      const response = await fetch(`${testApp.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${world.coordinatorA.client.token}` },
        body: `{"query": ${JSON.stringify(PATIENTS)}, "variables": {"filter": {"search": ${nested}}}}`,
      });
      const answer = (await response.json()) as GraphqlResponse;
      expect({ status: response.status, code: answer.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    });

    it('refuses a value over 10,000 characters in a field without a limit of its own', async () => {
      await expectRefusedUnwritten(() => world.coordinatorA.client.request(PATIENTS, { filter: { search: 'x'.repeat(100_000) } }), 'filter.search');
    });

    it('accepts right-to-left marks, emoji and line breaks (positive control)', async () => {
      const lastName = 'כהן\u200f 😀';
      const response = await world.coordinatorA.client.request(UPDATE_PATIENT, { input: { id: world.patient.id, lastName } });
      expect(response.errors).toBeUndefined();
      expect(response.data?.updatePatient?.lastName).toBe(lastName);
    });
  });

  describe('impossible instants', () => {
    it('scheduleReferral refuses 30 February instead of moving it to March, and the referral stays ACCEPTED', async () => {
      const accepted = await referralIn(world, 'ACCEPTED');
      await expectRefusedUnwritten(
        () => world.targetProvider.client.request(SCHEDULE_REFERRAL, { input: { id: accepted.id, appointmentAt: '2030-02-30T10:00:00Z' } }),
        'input.appointmentAt',
      );
      const { rows } = await db.query<{ status: string }>('SELECT status FROM referrals WHERE id = $1', [accepted.id]);
      expect(rows).toEqual([{ status: 'ACCEPTED' }]);
    });

    it.each(['2023-02-30T10:00:00Z', '2030-01-10T24:00:00Z', '2030-01-10T10:60:00Z', '2030-01-10T10:00:00+15:00'])(
      'auditEntries and referralStats refuse %s',
      async (instant) => {
        expectGraphqlError(await world.platformAdmin.request(AUDIT_ENTRIES, { filter: { to: instant } }), 'BAD_USER_INPUT', 'filter.to');
        expectGraphqlError(
          await world.coordinatorA.client.request(REFERRAL_STATS, { input: { from: '2023-01-01T00:00:00Z', to: instant } }),
          'BAD_USER_INPUT',
          'input.to',
        );
      },
    );
  });

  describe('operations Apollo cannot resolve', () => {
    it.each([
      ['an unknown operationName', { query: 'query A { __typename }', operationName: 'B' }],
      ['two operations and no operationName', { query: 'query A { __typename } query C { __typename }' }],
    ])('answer Apollo’s 400 with its own code for %s, signed in or not', async (_what, body) => {
      for (const token of [undefined, world.coordinatorA.client.token]) {
        const response = await fetch(`${testApp.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
        expect({ status: response.status, code: answer.errors[0].extensions.code }).toEqual({ status: 400, code: 'OPERATION_RESOLUTION_FAILURE' });
      }
    });
  });

  describe('query cost', () => {
    const statsAliases = (count: number) =>
      `query s { ${Array.from({ length: count }, (_, i) => `s${i}: referralStats(input: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { total }`).join(' ')} }`;
    const providerStatsAliases = (count: number) =>
      `query p($id: ID!) { ${Array.from({ length: count }, (_, i) => `p${i}: provider(id: $id) { id stats { activeEpisodes } }`).join(' ')} }`;

    it('answers ten sets of statistics in one request (positive control)', async () => {
      const response = await world.coordinatorA.client.request(statsAliases(10));
      expect(response.errors).toBeUndefined();
      expect(Object.keys(response.data ?? {})).toHaveLength(10);
    });

    it('refuses eleven, and a hundred, before running any, with the computed cost', async () => {
      for (const [count, cost] of [
        [11, 2200],
        [100, 20000],
      ]) {
        const response = await world.coordinatorA.client.request(statsAliases(count));
        const error = expectGraphqlError(response, 'QUERY_TOO_EXPENSIVE');
        expect({ status: response.status, cost: error.extensions?.cost, maxCost: error.extensions?.maxCost }).toEqual({ status: 400, cost, maxCost: 2000 });
        expect(response.data ?? null).toBeNull();
      }
    });

    it('counts fields computed per provider across aliases', async () => {
      const id = world.targetProvider.providerId;
      expect((await world.coordinatorA.client.request(providerStatsAliases(150), { id })).errors).toBeUndefined();
      const response = await world.coordinatorA.client.request(providerStatsAliases(200), { id });
      expect(expectGraphqlError(response, 'QUERY_TOO_EXPENSIVE').extensions?.cost).toBe(200 * (1 + 10));
    });

    it("counts a page size given as a variable's default", async () => {
      const list = `query q($n: Int = 50) { referrals(first: $n) { edges { node { id suggestedProviders(first: 1) { score } } } } }`;
      expect(expectGraphqlError(await world.coordinatorA.client.request(list), 'QUERY_TOO_EXPENSIVE').extensions?.cost).toBe(1 + 50 * 50);
    });

    it('multiplies what a list selects by its page size', async () => {
      const list = (first: number) => `{ referrals(first: ${first}) { edges { node { id suggestedProviders(first: 1) { score } } } } }`;
      expect((await world.coordinatorA.client.request(list(30))).errors).toBeUndefined();
      expect(expectGraphqlError(await world.coordinatorA.client.request(list(50)), 'QUERY_TOO_EXPENSIVE').extensions?.cost).toBe(1 + 50 * 50);
    });
  });

  describe('live (WebSocket) operations, held to the same limits', () => {
    const subscribers: LiveSubscriber[] = [];
    afterAll(() => disposeAll(subscribers));
    const subscribe = (name: string, query: string) => {
      const subscriber = new LiveSubscriber(name, testApp.baseUrl, { token: world.coordinatorA.client.token, query });
      subscribers.push(subscriber);
      return subscriber;
    };

    it('refuses a subscription nested deeper than the depth limit', async () => {
      const nested = `subscription { referralUpdated { ${'redirectedFrom { '.repeat(7)}id${' }'.repeat(7)} } }`;
      expect(await subscribe('too deep', nested).refusal()).toEqual([[expect.objectContaining({ message: 'Query is nested 9 levels deep; the limit is 8' })]]);
    });

    it('serves subscriptions only: a query or a mutation goes over HTTP, where every limit applies', async () => {
      const aliases = Array.from({ length: 100 }, (_, i) => `s${i}: referralStats(input: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { total }`).join(' ');
      expect(await subscribe('query', `query { ${aliases} }`).refusal()).toEqual([
        [expect.objectContaining({ message: 'Only subscriptions are served over WebSocket; send query operations over HTTP' })],
      ]);
    });

    it('refuses a document nested too deep to parse, before parsing it', async () => {
      const refused = await subscribe('over-nested', `subscription { referralUpdated { ${'redirectedFrom { '.repeat(300)}id${' }'.repeat(300)} } }`).refusal();
      expect(refused).toEqual([[expect.objectContaining({ message: expect.stringContaining('nested more than 200 levels') })]]);
    });
  });

  describe('documents and bodies', () => {
    it('refuses a document nested 5,000 deep with a clear parse error, before the parser recurses', async () => {
      const query = `{${'referral(id: "x") { redirectedFrom {'.repeat(2500)} id ${'}}'.repeat(2500)} }`;
      const response = await testApp.anonymous.request(query);
      expect(response.status).toBe(400);
      const error = expectGraphqlError(response, 'GRAPHQL_PARSE_FAILED');
      expect(error.message).toMatch(/nested more than 200 levels/);
    });

    it('refuses a document over the token limit with the parser’s own message', async () => {
      const query = `{ ${Array.from({ length: 4000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
      const response = await testApp.anonymous.request(query);
      expect(response.status).toBe(400);
      expect(expectGraphqlError(response, 'GRAPHQL_PARSE_FAILED').message).toMatch(/10000 tokens/);
    });

    it.each([
      ['a malformed JSON body', 'application/json', '{"query": ', 400],
      ['a body over 1 MiB', 'application/json', JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(1_100_000) } }), 413],
      ['a body of a type the endpoint does not read', 'application/xml', '<query/>', 415],
    ])('answers %s in the shape of every GraphQL error, keeping its status', async (_what, contentType, body, status) => {
      const response = await fetch(`${testApp.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': contentType, 'apollo-require-preflight': 'true' }, body });
      const answer = (await response.json()) as GraphqlResponse;
      expect({ status: response.status, code: answer.errors?.[0]?.extensions?.code }).toEqual({ status, code: 'BAD_REQUEST' });
      expect(Object.keys(answer)).toEqual(['errors']);
      expectNoLeakedInternals(answer);
    });
  });
});
