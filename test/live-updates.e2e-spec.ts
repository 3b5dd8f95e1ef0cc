import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sign } from 'jsonwebtoken';
import { createGatewayApp } from '../apps/gateway/src/bootstrap';
import { RunningWorker } from '../apps/worker/src/bootstrap';
import { AuditEntry } from './support/audit-entry';
import { Browser, claimsOf } from './support/browser';
import { Actor, createPatient, createSignedInUser, Referral, referralInput, runReferralMutation, USER_PASSWORD } from './support/fixtures';
import { GraphqlClient } from './support/graphql-client';
import { disposeAll, LiveOptions, LiveReferral, LiveSubscriber, untilListening } from './support/live-updates';
import { AUDIT_ENTRIES, DISABLE_USER } from './support/operations';
import { JWT_SECRET } from './support/test-app';
import { startTestWorker } from './support/test-worker';
import { useWorld } from './support/file-setup';

/*
 * Live updates end to end: real WebSockets (graphql-ws) to two gateway instances that share one
 * database and one Redis, as two replicas of a deployment do. A change committed through one
 * gateway reaches the subscribers of the other through Redis.
 *
 * "Heard nothing" is never waited out. A subscriber's updates come in the order the changes were
 * published, so once it has heard a change made after the ones it must not hear (a barrier), it
 * would already have heard those.
 */

/** graphql-ws closes a connection its onConnect refused with 4403 Forbidden. */
const FORBIDDEN = 4403;
/**
 * The gateway closes a live connection with 4000 when its token expires: a code of the
 * application's own range, which graphql-ws clients retry (its 4401 they would not).
 */
const TOKEN_EXPIRED = 4000;

const AUDIT_OPERATION = 'referralUpdated';

describe('live referral updates over graphql-ws, across gateway replicas', () => {
  let gateway1Url: string;
  let gateway2: NestFastifyApplication | undefined;
  let gateway2Url: string;
  let worker: RunningWorker | undefined;
  /** A patient of clinic B, for referrals clinic B sends. */
  let patientB: { id: string };
  const subscribers = new Set<LiveSubscriber>();

  // Declared before useWorld, so it runs first: subscribers, the worker and gateway 2 end before gateway 1 and its database.
  afterAll(async () => {
    await disposeAll(subscribers);
    await worker?.stop();
    await gateway2?.close();
  });
  const { app, world, db } = useWorld();

  beforeAll(async () => {
    gateway1Url = app.baseUrl;
    gateway2 = await createGatewayApp(app.config);
    await gateway2.listen({ port: 0, host: '127.0.0.1' });
    gateway2Url = `http://127.0.0.1:${(gateway2.getHttpServer().address() as AddressInfo).port}`;
    patientB = await createPatient(world.coordinatorB.client, world.clinicB.id);
  });

  // Each test's connections end with it: a subscriber left over would hear (and be audited for) later tests' changes.
  afterEach(async () => {
    await disposeAll(subscribers);
    subscribers.clear();
  });


  const tokenOf = (actor: Actor): string => actor.client.token as string;

  function subscribe(name: string, gatewayUrl: string, options: LiveOptions): LiveSubscriber {
    const subscriber = new LiveSubscriber(name, gatewayUrl, options);
    subscribers.add(subscriber);
    return subscriber;
  }

  /** A browser signed in (signIn) as `user` on gateway 1: its access token names its session. */
  async function browserOf(user: Actor): Promise<Browser> {
    const browser = new Browser(gateway1Url);
    expect((await browser.signIn(user.email, USER_PASSWORD)).errors).toBeUndefined();
    return browser;
  }

  /** The actor's HTTP client, pointed at the second gateway. */
  const onGateway2 = (actor: Actor): GraphqlClient => new GraphqlClient(`${gateway2Url}/graphql`, actor.client.token);

  const sendReferral = (client: GraphqlClient, input: Record<string, unknown>): Promise<Referral> =>
    runReferralMutation(client, 'createReferral', { ...input, send: true, idempotencyKey: randomUUID() });

  /** Clinic A (coordinator A) to the target provider at B, created and sent in one step through gateway 1. */
  const sendAtoB = () => sendReferral(world.coordinatorA.client, referralInput(world.patient.id, world.targetProvider.providerId));
  /** Clinic B to the unrelated provider at C: seen by B and C, never by A. */
  const sendBtoC = () => sendReferral(world.coordinatorB.client, referralInput(patientB.id, world.unrelatedProvider.providerId));
  /** Clinic B to the referring provider at A (massage): A's inbound, B's outbound. */
  const sendBtoA = () =>
    sendReferral(
      world.coordinatorB.client,
      referralInput(patientB.id, world.referringProvider.providerId, { modality: 'MASSAGE', techniques: ['ORTHOPEDIC_MASSAGE'] }),
    );
  const idOf = (send: () => Promise<Referral>) => async () => (await send()).id;

  const accept = (client: GraphqlClient, id: string) => runReferralMutation(client, 'acceptReferral', { id, note: 'Happy to see them' });

  const heard = (id: string, status?: string) => (update: LiveReferral) => update.id === id && (status === undefined || update.status === status);

  /** Every referral id among the updates (for "only these" assertions). */
  const idsHeard = (subscriber: LiveSubscriber) => new Set(subscriber.updates.map((update) => update.id));

  async function auditEntries(filter: Record<string, unknown>): Promise<AuditEntry[]> {
    const data = await world.platformAdmin.ok<{ auditEntries: { edges: Array<{ node: AuditEntry }> } }>(AUDIT_ENTRIES, { filter, first: 100 });
    return data.auditEntries.edges.map((edge) => edge.node);
  }

  it("a subscriber on gateway 1 hears the target provider's accept made through gateway 2: once, with its new version, and its fields resolve", async () => {
    const probes = new Set<string>();
    const coordinatorA = subscribe('coordinator A on gateway 1', gateway1Url, { token: tokenOf(world.coordinatorA) });
    await untilListening([coordinatorA], idOf(sendAtoB), probes);

    const sent = await sendAtoB();
    await coordinatorA.update(heard(sent.id, 'SENT'), 'the referral being sent');
    const accepted = await accept(onGateway2(world.targetProvider), sent.id);
    expect(accepted.version).toBeGreaterThan(sent.version);
    await coordinatorA.update(heard(sent.id, 'ACCEPTED'), 'the accept made on gateway 2');

    // A later change it hears closes the list: nothing else about the referral is on its way.
    const barrier = await sendAtoB();
    await coordinatorA.update(heard(barrier.id), 'a later change');
    const shown = (status: string, version: number) => ({
      id: sent.id,
      status,
      version,
      patient: { id: world.patient.id },
      toProvider: { id: world.targetProvider.providerId },
      referringClinic: { id: world.clinicA.id },
    });
    expect(coordinatorA.about(sent.id)).toEqual([shown('SENT', sent.version), shown('ACCEPTED', accepted.version)]);
    expect(coordinatorA.errors).toEqual([]);
    expect(coordinatorA.closedWith).toBeNull();
  });

  it("tenancy: another clinic's coordinator and an unrelated provider hear nothing of A's referral; the receiving clinic's coordinator hears it", async () => {
    const probesAB = new Set<string>();
    const probesBC = new Set<string>();
    const coordinatorB = subscribe('coordinator B on gateway 2', gateway2Url, { token: tokenOf(world.coordinatorB) });
    const coordinatorC = subscribe('coordinator C on gateway 1', gateway1Url, { token: tokenOf(world.coordinatorC) });
    const unrelatedProvider = subscribe('unrelated provider (clinic C) on gateway 2', gateway2Url, { token: tokenOf(world.unrelatedProvider) });
    await untilListening([coordinatorB], idOf(sendAtoB), probesAB);
    await untilListening([coordinatorC, unrelatedProvider], idOf(sendBtoC), probesBC);

    const sent = await sendAtoB();
    await coordinatorB.update(heard(sent.id, 'SENT'), 'the referral sent to its clinic (made on gateway 1)');
    const accepted = await accept(onGateway2(world.targetProvider), sent.id);
    await coordinatorB.update(heard(sent.id, 'ACCEPTED'), 'the accept');

    // A change clinic C may see, made after every change of A's referral.
    const barrier = await sendBtoC();
    await coordinatorC.update(heard(barrier.id), 'the barrier');
    await unrelatedProvider.update(heard(barrier.id), 'the barrier');

    for (const outsider of [coordinatorC, unrelatedProvider]) {
      expect(outsider.except(probesBC)).toEqual([expect.objectContaining({ id: barrier.id, status: 'SENT', version: barrier.version })]);
      expect(idsHeard(outsider)).not.toContain(sent.id);
      expect([...idsHeard(outsider)].filter((id) => probesAB.has(id))).toEqual([]);
      expect(outsider.errors).toEqual([]);
    }
    expect(coordinatorB.about(sent.id).map((update) => [update.status, update.version])).toEqual([
      ['SENT', sent.version],
      ['ACCEPTED', accepted.version],
    ]);
    expect(coordinatorB.about(sent.id)[1]).toMatchObject({ patient: { id: world.patient.id }, toProvider: { id: world.targetProvider.providerId } });
  });

  it('direction: INBOUND at B and OUTBOUND at A hear an A→B referral; OUTBOUND at B and INBOUND at A do not', async () => {
    const probesAB = new Set<string>();
    const probesBA = new Set<string>();
    const inboundB = subscribe('coordinator B, INBOUND', gateway1Url, { token: tokenOf(world.coordinatorB), filter: { direction: 'INBOUND' } });
    const outboundB = subscribe('coordinator B, OUTBOUND', gateway2Url, { token: tokenOf(world.coordinatorB), filter: { direction: 'OUTBOUND' } });
    const outboundA = subscribe('coordinator A, OUTBOUND', gateway2Url, { token: tokenOf(world.coordinatorA), filter: { direction: 'OUTBOUND' } });
    const inboundA = subscribe('coordinator A, INBOUND', gateway1Url, { token: tokenOf(world.coordinatorA), filter: { direction: 'INBOUND' } });
    const inboundProvider = subscribe('target provider, INBOUND', gateway1Url, { token: tokenOf(world.targetProvider), filter: { direction: 'INBOUND' } });
    await untilListening([inboundB, outboundA, inboundProvider], idOf(sendAtoB), probesAB);
    await untilListening([outboundB, inboundA], idOf(sendBtoA), probesBA);

    const sent = await sendAtoB();
    for (const hearer of [inboundB, outboundA, inboundProvider]) await hearer.update(heard(sent.id, 'SENT'), 'the referral being sent');
    const accepted = await accept(onGateway2(world.targetProvider), sent.id);
    for (const hearer of [inboundB, outboundA, inboundProvider]) await hearer.update(heard(sent.id, 'ACCEPTED'), 'the accept');

    // Barriers: a B→A referral for those who must not hear A→B ones, then an A→B one for those who must not hear B→A ones.
    const barrierBA = await sendBtoA();
    for (const hearer of [outboundB, inboundA]) await hearer.update(heard(barrierBA.id), 'the B→A barrier');
    const barrierAB = await sendAtoB();
    for (const hearer of [inboundB, outboundA, inboundProvider]) await hearer.update(heard(barrierAB.id), 'the A→B barrier');

    const aToB = new Set([...probesAB, sent.id, barrierAB.id]);
    const bToA = new Set([...probesBA, barrierBA.id]);
    for (const hearer of [inboundB, outboundA, inboundProvider]) {
      expect(hearer.about(sent.id).map((update) => [update.status, update.version])).toEqual([
        ['SENT', sent.version],
        ['ACCEPTED', accepted.version],
      ]);
      expect([...idsHeard(hearer)].filter((id) => !aToB.has(id))).toEqual([]);
    }
    for (const deaf of [outboundB, inboundA]) {
      expect(deaf.except(probesBA)).toEqual([expect.objectContaining({ id: barrierBA.id, status: 'SENT' })]);
      expect([...idsHeard(deaf)].filter((id) => !bToA.has(id))).toEqual([]);
    }
    for (const subscriber of [inboundB, outboundB, outboundA, inboundA, inboundProvider]) expect(subscriber.errors).toEqual([]);
  });

  it("ids: a subscriber to some referrals hears their changes and nothing of the others its user may see", async () => {
    const draft = () => runReferralMutation(world.coordinatorA.client, 'createReferral', { ...referralInput(world.patient.id, world.targetProvider.providerId), idempotencyKey: randomUUID() });
    // A referral's page and one referral linked to it (an onward referral, whose status it shows).
    const watched = await draft();
    const linked = await draft();
    // Editing the draft is a change of the watched referral that can be repeated until the subscriber listens.
    let edits = 0;
    const editWatched = async () => {
      edits += 1;
      await runReferralMutation(world.coordinatorA.client, 'updateReferral', { id: watched.id, reason: `Edited reason, take ${edits}` });
      return watched.id;
    };
    const page = subscribe("coordinator A, one referral's page", gateway2Url, { token: tokenOf(world.coordinatorA), filter: { ids: [watched.id, linked.id] } });
    await untilListening([page], editWatched, new Set());

    const other = await sendAtoB();
    const sent = await runReferralMutation(world.coordinatorA.client, 'sendReferral', { id: watched.id });
    await runReferralMutation(world.coordinatorA.client, 'sendReferral', { id: linked.id });
    await page.update(heard(watched.id, 'SENT'), 'the watched referral being sent');
    await page.update(heard(linked.id, 'SENT'), 'the linked referral being sent');
    // The other referral changed before the watched ones were sent: it would have been heard by now.
    expect(idsHeard(page)).toEqual(new Set([watched.id, linked.id]));
    expect(page.about(watched.id).at(-1)).toMatchObject({ status: 'SENT', version: sent.version });
    expect(other.id).not.toBe(watched.id);
    expect(page.errors).toEqual([]);
  });

  it.each([
    ['an id that is not one of ours', ['not-an-id'], 'ids must be ids returned by this API'],
    ['more ids than a page could show', Array.from({ length: 101 }, () => randomUUID()), 'ids can name at most 100 referrals'],
  ])('ids: %s is refused, naming the field', async (_case, ids, message) => {
    const subscriber = subscribe('a refused filter', gateway1Url, { token: tokenOf(world.coordinatorA), filter: { ids } });
    const errors = await subscriber.refusal();
    expect(JSON.stringify(errors)).toContain(message);
    expect(subscriber.updates).toEqual([]);
  });

  describe('authentication of the connection', () => {
    /**
     * A token as the gateway issues them, with the claims given, naming coordinator A's open
     * session: each case is refused for its own reason only.
     */
    const token = (claims: { sub: string; exp: number }, secret = JWT_SECRET) =>
      sign({ exp: claims.exp, sid: claimsOf(tokenOf(world.coordinatorA)).sid }, secret, { algorithm: 'HS256', issuer: 'referloop', subject: claims.sub });
    const nowSeconds = () => Math.floor(Date.now() / 1000);

    const refusals: Array<[string, () => Promise<LiveOptions>]> = [
      ['no connection params at all', async () => ({})],
      ['an authorization that is not a bearer token', async () => ({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })],
      ['a garbage token', async () => ({ token: 'not-a-token' })],
      ['a token signed with another secret', async () => ({ token: token({ sub: world.coordinatorA.id, exp: nowSeconds() + 600 }, `${JWT_SECRET}-other`) })],
      ['a token that expired before connecting', async () => ({ token: token({ sub: world.coordinatorA.id, exp: nowSeconds() - 5 }) })],
      ['a token naming no session', async () => ({ token: sign({}, JWT_SECRET, { algorithm: 'HS256', issuer: 'referloop', subject: world.coordinatorA.id, expiresIn: 600 }) })],
      ['a valid token of a user that does not exist', async () => ({ token: token({ sub: randomUUID(), exp: nowSeconds() + 600 }) })],
      [
        'the token of a disabled user',
        async () => {
          const user = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
          await world.platformAdmin.ok(DISABLE_USER, { input: { id: user.id } });
          return { token: tokenOf(user) };
        },
      ],
      [
        'the access token of a browser session that was signed out',
        async () => {
          const browser = await browserOf(await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id));
          expect((await browser.send(`mutation { signOut }`)).data).toEqual({ signOut: true });
          return { token: browser.accessToken };
        },
      ],
    ];

    it.each(refusals)('refuses the connection (4403) with %s', async (label, options) => {
      const refused = subscribe(`connection with ${label}`, gateway1Url, await options());
      const closed = await refused.closed();
      expect(closed.code).toBe(FORBIDDEN);
      // The subscription is told too: its error is the close.
      expect(refused.errors).toEqual([expect.objectContaining({ code: FORBIDDEN })]);
      expect(refused.updates).toEqual([]);
    });

    it('closes the connection with 4000 when its token expires while subscribed, a code graphql-ws clients reconnect after', async () => {
      // Expires two to three seconds from now (a token's expiry is in whole seconds).
      const shortLived = token({ sub: world.coordinatorA.id, exp: nowSeconds() + 3 });
      const probes = new Set<string>();
      const subscriber = subscribe('coordinator A with a short-lived token', gateway1Url, { token: shortLived });
      // Listening first: the connection was accepted and the token worked.
      await untilListening([subscriber], idOf(sendAtoB), probes);
      expect(subscriber.closedWith).toBeNull();

      const closed = await subscriber.closed(15_000);
      expect(closed).toEqual({ code: TOKEN_EXPIRED, reason: 'Token expired' });
      expect(subscriber.errors).toEqual([expect.objectContaining({ code: TOKEN_EXPIRED })]);
    });

    it('a client that renews its token at each connection, as the web app does, reconnects after that close and hears updates again', async () => {
      const shortLived = token({ sub: world.coordinatorA.id, exp: nowSeconds() + 3 });
      let handedOut = 0;
      const subscriber = subscribe('coordinator A, renewing its token', gateway1Url, {
        tokenAtConnection: () => (handedOut++ === 0 ? shortLived : tokenOf(world.coordinatorA)),
      });
      await untilListening([subscriber], idOf(sendAtoB), new Set<string>());
      await subscriber.connected(2, 15_000);
      expect(subscriber.closes).toEqual([{ code: TOKEN_EXPIRED, reason: 'Token expired' }]);
      const sent = await sendAtoB();
      await subscriber.update((update) => update.id === sent.id, 'a referral sent after the reconnection');
      expect(subscriber.errors).toEqual([]);
    });
  });

  describe('audit', () => {
    it('each update delivered writes one entry for its subscriber naming the referral and patient; a filtered-out subscriber gets none', async () => {
      // Readers of their own, so that their entries can only come from these subscriptions.
      const readerA = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
      const readerC = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicC.id);
      const probesAB = new Set<string>();
      const probesBC = new Set<string>();
      const hearer = subscribe('a coordinator of A on gateway 1', gateway1Url, { token: tokenOf(readerA) });
      const outsider = subscribe('a coordinator of C on gateway 2', gateway2Url, { token: tokenOf(readerC) });
      await untilListening([hearer], idOf(sendAtoB), probesAB);
      await untilListening([outsider], idOf(sendBtoC), probesBC);

      const sent = await sendAtoB();
      await hearer.update(heard(sent.id, 'SENT'), 'the referral being sent');
      await accept(onGateway2(world.targetProvider), sent.id);
      await hearer.update(heard(sent.id, 'ACCEPTED'), 'the accept');
      const barrier = await sendBtoC();
      await outsider.update(heard(barrier.id), 'the barrier');
      const barrierA = await sendAtoB();
      await hearer.update(heard(barrierA.id), 'a later change');

      // Each update is audited before it is sent, so the entries are there once it has been heard.
      expect(hearer.about(sent.id)).toHaveLength(2);
      const ofHearer = await auditEntries({ referralId: sent.id, actorId: readerA.id });
      expect(ofHearer).toHaveLength(2);
      for (const entry of ofHearer) {
        expect(entry).toMatchObject({
          operation: AUDIT_OPERATION,
          referralIds: [sent.id],
          patientIds: [world.patient.id],
          actorId: readerA.id,
          actorRole: 'COORDINATOR',
          ipAddress: '127.0.0.1',
        });
        expect(entry.at).toMatch(/Z$/);
      }
      // Every update it heard, probes included, is one entry of its own.
      const allOfHearer = await auditEntries({ actorId: readerA.id });
      expect(allOfHearer.filter((entry) => entry.operation === AUDIT_OPERATION)).toHaveLength(hearer.updates.length);

      // The outsider: nothing about A's referral, and the one change of the barrier it heard, audited once.
      expect(await auditEntries({ referralId: sent.id, actorId: readerC.id })).toEqual([]);
      expect(await auditEntries({ referralId: barrier.id, actorId: readerC.id })).toEqual([
        expect.objectContaining({ operation: AUDIT_OPERATION, referralIds: [barrier.id], patientIds: [patientB.id] }),
      ]);
      expect(outsider.about(barrier.id)).toHaveLength(1);
    });
  });

  describe('changes made by the worker', () => {
    it('a referral the worker expires reaches its subscribers', async () => {
      const probes = new Set<string>();
      const coordinatorB = subscribe('coordinator B on gateway 2', gateway2Url, { token: tokenOf(world.coordinatorB) });
      await untilListening([coordinatorB], idOf(sendAtoB), probes);
      const sent = await sendAtoB();
      await coordinatorB.update(heard(sent.id, 'SENT'), 'the referral being sent');

      // As if its response window had passed: the worker's sweep expires it.
      await db.query(`UPDATE referrals SET due_at = now() - interval '1 second' WHERE id = $1`, [sent.id]);
      worker = await startTestWorker(app.config, { CLOCK_SWEEP_INTERVAL_MS: '300' });

      const expired = await coordinatorB.update(heard(sent.id, 'EXPIRED'), 'the expiry', 20_000);
      expect(expired.version).toBeGreaterThan(sent.version);
      expect(coordinatorB.about(sent.id).map((update) => update.status)).toEqual(['SENT', 'EXPIRED']);
    });
  });

  // Defects found while writing these tests, since fixed: each states the behaviour the feature must keep.
  describe('regressions from review', () => {
    it("audit: names a linked referral shown in a live update (redirectedFrom) in that update's entry, as a query's entry does", async () => {
      const reader = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
      const probes = new Set<string>();
      const subscriber = subscribe('a coordinator of A asking for redirectedFrom', gateway1Url, {
        token: tokenOf(reader),
        query: 'subscription referralUpdated($filter: ReferralUpdatedFilter) { referralUpdated(filter: $filter) { id status version redirectedFrom { id } } }',
      });
      await untilListening([subscriber], idOf(sendAtoB), probes);

      const declined = await sendAtoB();
      await runReferralMutation(onGateway2(world.targetProvider), 'declineReferral', { id: declined.id, reason: 'NO_CAPACITY' });
      const redirected = await world.coordinatorA.client.ok<{ redirectReferral: { id: string } }>(
        'mutation($input: RedirectReferralInput!) { redirectReferral(input: $input) { id } }',
        { input: { id: declined.id, toProviderId: world.alternateProvider.providerId } },
      );
      const replacement = redirected.redirectReferral.id;
      const update = await subscriber.update(heard(replacement), 'the replacement referral');
      expect(update.redirectedFrom).toEqual({ id: declined.id });

      const entries = await auditEntries({ referralId: replacement, actorId: reader.id });
      expect(entries).toEqual([expect.objectContaining({ operation: AUDIT_OPERATION, referralIds: expect.arrayContaining([replacement, declined.id]) })]);
    });

    it('a user disabled while connected is sent nothing more (their tokens "stop working at once")', async () => {
      const reader = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
      const probes = new Set<string>();
      const disabled = subscribe('a coordinator of A, disabled once listening', gateway1Url, { token: tokenOf(reader) });
      // Same gateway, same visibility: fed from the same Redis message at the same moment.
      const witness = subscribe('coordinator A', gateway1Url, { token: tokenOf(world.coordinatorA) });
      await untilListening([disabled, witness], idOf(sendAtoB), probes);

      await world.platformAdmin.ok(DISABLE_USER, { input: { id: reader.id } });
      const sent = await sendAtoB();
      const barrier = await sendAtoB();
      await witness.update(heard(barrier.id), 'a change made after the one the disabled user must not get');

      // Closing the connection or filtering its updates both pass; sending the referral does not.
      expect(disabled.about(new Set([sent.id, barrier.id]))).toEqual([]);
      expect(await auditEntries({ referralId: sent.id, actorId: reader.id })).toEqual([]);
    });

    it("a browser session signed out while connected is sent nothing more (its access tokens stop working at once)", async () => {
      const reader = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
      const browser = await browserOf(reader);
      const probes = new Set<string>();
      // Accepted at connect: the session is open.
      const signedOut = subscribe('a coordinator of A in a browser, signed out once listening', gateway1Url, { token: browser.accessToken });
      const witness = subscribe('coordinator A', gateway1Url, { token: tokenOf(world.coordinatorA) });
      await untilListening([signedOut, witness], idOf(sendAtoB), probes);

      expect((await browser.send(`mutation { signOut }`)).data).toEqual({ signOut: true });
      const sent = await sendAtoB();
      const barrier = await sendAtoB();
      await witness.update(heard(barrier.id), 'a change made after the one the signed-out session must not get');

      expect(signedOut.about(new Set([sent.id, barrier.id]))).toEqual([]);
      expect(await auditEntries({ referralId: sent.id, actorId: reader.id })).toEqual([]);
    });

    it("audit: behind a trusted proxy, a live update's entry records the client's address (X-Forwarded-For), as an HTTP request's does", async () => {
      const proxied = await createGatewayApp({ ...app.config, trustProxy: true });
      let subscriber: LiveSubscriber | undefined;
      try {
        await proxied.listen({ port: 0, host: '127.0.0.1' });
        const proxiedUrl = `http://127.0.0.1:${(proxied.getHttpServer().address() as AddressInfo).port}`;
        const reader = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
        const forwarded = { 'x-forwarded-for': '203.0.113.7' };

        // Control: an HTTP read through the same gateway records the forwarded address.
        const read = await sendAtoB();
        await new GraphqlClient(`${proxiedUrl}/graphql`, tokenOf(reader), forwarded).ok('query($id: ID!) { referral(id: $id) { id } }', { id: read.id });
        expect(await auditEntries({ referralId: read.id, actorId: reader.id })).toEqual([expect.objectContaining({ ipAddress: '203.0.113.7' })]);

        subscriber = subscribe('a coordinator of A through a proxy', proxiedUrl, { token: tokenOf(reader), headers: forwarded });
        const probes = new Set<string>();
        await untilListening([subscriber], idOf(sendAtoB), probes);
        const probe = subscriber.updates.find((update) => probes.has(update.id))!.id;
        expect(await auditEntries({ referralId: probe, actorId: reader.id })).toEqual([
          expect.objectContaining({ operation: AUDIT_OPERATION, ipAddress: '203.0.113.7' }),
        ]);
      } finally {
        await subscriber?.dispose();
        await proxied.close();
      }
    });
  });
});
