import { randomUUID } from 'node:crypto';
import { expectGraphqlError } from './support/expectations';
import { GraphqlClient, GraphqlResponse } from './support/graphql-client';
import { pollUntil } from './support/poll-until';
import { usePipeline } from './support/file-setup';
import { Caller, CLINIC, matrixCallers, Outcome, outcomeOf, ROLE } from './support/role-matrix';
import { ReceivedWebhook, WebhookReceiver } from './support/webhook-receiver';
import { referralIn } from './support/world';

/*
 * Managing webhook endpoints: who may do what (the role matrix), bringing failed deliveries
 * back after an outage (recoverWebhookEndpoint), the rule that disables an endpoint failing for
 * WEBHOOK_DISABLE_AFTER_HOURS, and changing or deleting an endpoint. The worker runs in the test
 * process and delivers to receivers on 127.0.0.1 (private targets allowed, short retries).
 */

const WAIT_MS = 15_000;
const ENDPOINT_FIELDS = 'id clinicId url description events enabled disabledReason disabledAt failingSince createdAt updatedAt';
const LIST = `query webhookEndpoints($clinicId: ID) { webhookEndpoints(first: 100, clinicId: $clinicId) { totalCount edges { node { id clinicId } } } }`;
const GET = `query webhookEndpoint($id: ID!) { webhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} attempts(first: 50) { totalCount edges { node { eventId attempt statusCode succeeded } } } } }`;
const CREATE = `mutation createWebhookEndpoint($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } } }`;
const UPDATE = `mutation updateWebhookEndpoint($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { ${ENDPOINT_FIELDS} } }`;
const DISABLE = `mutation disableWebhookEndpoint($input: WebhookEndpointIdInput!) { disableWebhookEndpoint(input: $input) { ${ENDPOINT_FIELDS} } }`;
const ENABLE = `mutation enableWebhookEndpoint($input: WebhookEndpointIdInput!) { enableWebhookEndpoint(input: $input) { ${ENDPOINT_FIELDS} } }`;
const DELETE = `mutation deleteWebhookEndpoint($input: WebhookEndpointIdInput!) { deleteWebhookEndpoint(input: $input) }`;
const ROTATE = `mutation rotateWebhookSecret($input: WebhookEndpointIdInput!) { rotateWebhookSecret(input: $input) { secret endpoint { id } } }`;
const RESEND = `mutation resendWebhookEvent($input: ResendWebhookEventInput!) { resendWebhookEvent(input: $input) }`;
const RECOVER = `mutation recoverWebhookEndpoint($input: RecoverWebhookEndpointInput!) { recoverWebhookEndpoint(input: $input) }`;

interface Endpoint {
  id: string;
  clinicId: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  failingSince: string | null;
  createdAt: string;
  updatedAt: string;
}
type Created = { createWebhookEndpoint: { secret: string; endpoint: Endpoint } };

/** The requests about one referral, in the order they arrived. */
const about = (received: readonly ReceivedWebhook[], referralId: string) => received.filter((request) => request.payload.data.referralId === referralId);

describe('webhook endpoints: admins', () => {
  const { world, db, smtp } = usePipeline({
    env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on', WEBHOOK_RETRY_DELAYS_MS: '50,50', WEBHOOK_TIMEOUT_MS: '3000', NOTIFICATION_ATTEMPTS: '2', NOTIFICATION_BACKOFF_MS: '50' },
  });
  const receivers: WebhookReceiver[] = [];
  afterAll(() => Promise.all(receivers.map((receiver) => receiver.close())));

  const receiverStarted = async () => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    return receiver;
  };

  /** A receiver registered by `admin` for `events`, holding the secret it was given. */
  async function registered(admin: GraphqlClient, events: string[], description = 'Test EHR') {
    const receiver = await receiverStarted();
    const { createWebhookEndpoint } = await admin.ok<Created>(CREATE, { input: { url: receiver.url, events, description } });
    receiver.secrets = [createWebhookEndpoint.secret];
    return { receiver, endpoint: createWebhookEndpoint.endpoint, endpointId: createWebhookEndpoint.endpoint.id, secret: createWebhookEndpoint.secret };
  }

  const read = async (id: string) => (await world.platformAdmin.ok<{ webhookEndpoint: Endpoint & { attempts: { totalCount: number } } }>(GET, { id })).webhookEndpoint;

  const deliveryOf = async (endpointId: string, referralId: string) =>
    (
      await db.query<{ id: string; event_id: string; status: string; attempts: number; created_at: Date }>(
        `SELECT d.id, d.event_id, d.status, d.attempts, d.created_at FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
          WHERE d.endpoint_id = $1 AND e.referral_id = $2`,
        [endpointId, referralId],
      )
    ).rows;

  /** The endpoint's one delivery of the referral's event, once its status is `status`. */
  const deliveryOnce = async (endpointId: string, referralId: string, status: string) => {
    const [row] = await pollUntil(
      () => deliveryOf(endpointId, referralId),
      (rows) => rows.length === 1 && rows[0].status === status,
      { timeoutMs: WAIT_MS, what: `the delivery of ${referralId} to be ${status}` },
    );
    return row;
  };

  /*
   * Every webhook operation as every kind of caller, each on a fresh endpoint of clinic A: null
   * is success, otherwise the code (and reason) expected. Another clinic's admin does not even
   * find clinic A's endpoints.
   */
  describe('the role matrix', () => {
    /** What only clinic A's admins (and platform admins) may do to clinic A's endpoint. */
    const ADMINS_OF_A: Record<Caller, Outcome> = {
      platformAdmin: null,
      clinicAdmin: null,
      coordinator: ROLE,
      provider: ROLE,
      otherClinicAdmin: 'NOT_FOUND',
      disabled: 'UNAUTHENTICATED',
      anonymous: 'UNAUTHENTICATED',
    };
    let matrixReceiver: WebhookReceiver;

    /** A fresh endpoint of clinic A (for an event that never happens here): its id. */
    const endpointInA = async () =>
      (await world.adminA.client.ok<Created>(CREATE, { input: { url: matrixReceiver.url, events: ['REFERRAL_EXPIRED'], description: 'Matrix' } })).createWebhookEndpoint.endpoint.id;
    /** A fresh endpoint of clinic A with one event already delivered to it: both ids. */
    const deliveredInA = async () => {
      const endpointId = await endpointInA();
      const eventId = randomUUID();
      const body = JSON.stringify({ type: 'referral.expired', timestamp: new Date().toISOString(), data: { referralId: randomUUID() } });
      await db.query(`INSERT INTO webhook_events (id, type, body) VALUES ($1, 'referral.expired', $2)`, [eventId, body]);
      await db.query(`INSERT INTO webhook_deliveries (id, event_id, endpoint_id, status, attempts, succeeded_at) VALUES ($1, $2, $3, 'SUCCEEDED', 1, now())`, [
        randomUUID(),
        eventId,
        endpointId,
      ]);
      return { endpointId, eventId };
    };

    const OPERATIONS: Record<string, { run: (client: GraphqlClient) => Promise<GraphqlResponse>; expected: Record<Caller, Outcome> }> = {
      webhookEndpoints: {
        run: (client) => client.request(LIST),
        // Another clinic's admin lists their own clinic's (clinic A's are not among them: below).
        expected: { ...ADMINS_OF_A, otherClinicAdmin: null },
      },
      webhookEndpoint: {
        run: async (client) => client.request(GET, { id: await endpointInA() }),
        expected: ADMINS_OF_A,
      },
      createWebhookEndpoint: {
        run: (client) => client.request(CREATE, { input: { clinicId: world.clinicA.id, url: matrixReceiver.url, events: ['REFERRAL_EXPIRED'] } }),
        expected: { ...ADMINS_OF_A, otherClinicAdmin: CLINIC },
      },
      updateWebhookEndpoint: {
        run: async (client) => client.request(UPDATE, { input: { id: await endpointInA(), description: 'Renamed' } }),
        expected: ADMINS_OF_A,
      },
      disableWebhookEndpoint: {
        run: async (client) => client.request(DISABLE, { input: { id: await endpointInA() } }),
        expected: ADMINS_OF_A,
      },
      enableWebhookEndpoint: {
        run: async (client) => {
          const id = await endpointInA();
          await world.adminA.client.ok(DISABLE, { input: { id } });
          return client.request(ENABLE, { input: { id } });
        },
        expected: ADMINS_OF_A,
      },
      deleteWebhookEndpoint: {
        run: async (client) => client.request(DELETE, { input: { id: await endpointInA() } }),
        expected: ADMINS_OF_A,
      },
      rotateWebhookSecret: {
        run: async (client) => client.request(ROTATE, { input: { id: await endpointInA() } }),
        expected: ADMINS_OF_A,
      },
      resendWebhookEvent: {
        run: async (client) => client.request(RESEND, { input: await deliveredInA() }),
        expected: ADMINS_OF_A,
      },
      recoverWebhookEndpoint: {
        run: async (client) => client.request(RECOVER, { input: { id: await endpointInA(), since: new Date(Date.now() - 3600_000).toISOString() } }),
        expected: ADMINS_OF_A,
      },
    };

    let callers: Record<Caller, GraphqlClient>;

    beforeAll(async () => {
      matrixReceiver = await receiverStarted();
      callers = await matrixCallers(world);
    });

    it.each(Object.keys(OPERATIONS))('%s', async (name) => {
      const { run, expected } = OPERATIONS[name];
      const seen: Record<string, unknown> = {};
      for (const caller of Object.keys(expected) as Caller[]) {
        const response = await run(callers[caller]);
        seen[caller] = outcomeOf(response);
        // A refusal carries no data for the operation; a success carries it.
        if (response.errors?.[0] !== undefined) expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
        else expect(Object.values(response.data ?? {})[0]).not.toBeNull();
      }
      expect(seen).toEqual(expected);
    });

    it("lists each clinic's endpoints to its own admins only; platform admins see any clinic's, or one's", async () => {
      const inA = await endpointInA();
      const { endpoint: inB } = (await world.adminB.client.ok<Created>(CREATE, { input: { url: matrixReceiver.url, events: ['REFERRAL_EXPIRED'] } })).createWebhookEndpoint;
      type Listed = { webhookEndpoints: { totalCount: number; edges: { node: { id: string; clinicId: string } }[] } };
      const list = async (client: GraphqlClient, clinicId?: string) => (await client.ok<Listed>(LIST, { clinicId })).webhookEndpoints;

      const ofA = await list(world.adminA.client);
      expect(ofA.edges.map(({ node }) => node.id)).toContain(inA);
      expect(new Set(ofA.edges.map(({ node }) => node.clinicId))).toEqual(new Set([world.clinicA.id]));
      expect(ofA.totalCount).toBe(ofA.edges.length);
      // Naming another clinic does not widen a clinic admin's view.
      expect((await list(world.adminA.client, world.clinicB.id)).edges).toEqual([]);
      expect((await list(world.adminB.client)).edges.map(({ node }) => node.id)).toEqual([inB.id]);

      const everyClinic = await list(world.platformAdmin);
      expect(everyClinic.edges.map(({ node }) => node.id)).toEqual(expect.arrayContaining([inA, inB.id]));
      const onlyB = await list(world.platformAdmin, world.clinicB.id);
      expect(onlyB.edges.map(({ node }) => node.id)).toEqual([inB.id]);
    });

    it('makes a platform admin name the clinic, an existing one', async () => {
      const input = { url: matrixReceiver.url, events: ['REFERRAL_EXPIRED'] };
      expectGraphqlError(await world.platformAdmin.request(CREATE, { input }), 'BAD_USER_INPUT', 'input.clinicId');
      expectGraphqlError(await world.platformAdmin.request(CREATE, { input: { ...input, clinicId: randomUUID() } }), 'NOT_FOUND');
      const created = await world.platformAdmin.ok<Created>(CREATE, { input: { ...input, clinicId: world.clinicC.id } });
      expect(created.createWebhookEndpoint.endpoint.clinicId).toBe(world.clinicC.id);
    });
  });

  describe('recoverWebhookEndpoint', () => {
    it('sends again exactly the deliveries that failed since the time given, under the same webhook-ids, once the receiver is back', async () => {
      const { receiver, endpointId } = await registered(world.adminA.client, ['REFERRAL_SENT']);
      // The receiver is down: every attempt (three, with WEBHOOK_RETRY_DELAYS_MS=50,50) answers 503.
      receiver.fallback = { status: 503 };
      const earlier = await referralIn(world, 'SENT');
      await deliveryOnce(endpointId, earlier.id, 'FAILED');
      const since = (await db.query<{ now: Date }>('SELECT now() AS now')).rows[0].now;
      const failed = [await referralIn(world, 'SENT'), await referralIn(world, 'SENT')];
      for (const referral of failed) await deliveryOnce(endpointId, referral.id, 'FAILED');
      for (const referral of [earlier, ...failed]) expect(about(receiver.received, referral.id).map((request) => request.answered)).toEqual([503, 503, 503]);

      // Back up: new events arrive at once; the failed ones stay failed until recovered.
      receiver.fallback = { status: 200 };
      const delivered = await referralIn(world, 'SENT');
      await deliveryOnce(endpointId, delivered.id, 'SUCCEEDED');
      expect((await read(endpointId)).failingSince).toBeNull();

      const recovered = await world.adminA.client.ok<{ recoverWebhookEndpoint: number }>(RECOVER, { input: { id: endpointId, since: since.toISOString() } });
      expect(recovered.recoverWebhookEndpoint).toBe(failed.length);
      await receiver.waitFor(
        (all) => failed.every((referral) => about(all, referral.id).some((request) => request.answered === 200)),
        WAIT_MS,
        'the recovered deliveries to arrive',
      );
      for (const referral of failed) {
        await deliveryOnce(endpointId, referral.id, 'SUCCEEDED');
        const requests = about(receiver.received, referral.id);
        expect(requests.map((request) => request.answered)).toEqual([503, 503, 503, 200]);
        // The same event: one webhook-id on every attempt, before and after the outage.
        expect(new Set(requests.map((request) => request.id)).size).toBe(1);
        expect(requests.every((request) => request.verified)).toBe(true);
      }
      // The failure before `since` was not sent again, nor the delivery that had succeeded.
      expect((await deliveryOnce(endpointId, earlier.id, 'FAILED')).attempts).toBe(3);
      expect(about(receiver.received, earlier.id)).toHaveLength(3);
      expect(about(receiver.received, delivered.id)).toHaveLength(1);
      // Nothing failed is left since then.
      expect(await world.adminA.client.ok(RECOVER, { input: { id: endpointId, since: since.toISOString() } })).toEqual({ recoverWebhookEndpoint: 0 });
      await world.platformAdmin.ok(DELETE, { input: { id: endpointId } });
    });

    it('refuses, as bad input, to recover or resend to a disabled endpoint, and sends nothing', async () => {
      const { receiver, endpointId } = await registered(world.adminA.client, ['REFERRAL_SENT']);
      receiver.fallback = { status: 503 };
      const sent = await referralIn(world, 'SENT');
      const failedDelivery = await deliveryOnce(endpointId, sent.id, 'FAILED');
      await world.adminA.client.ok(DISABLE, { input: { id: endpointId } });
      receiver.fallback = { status: 200 };

      const since = new Date(Date.now() - 3600_000).toISOString();
      const recover = expectGraphqlError(await world.adminA.client.request(RECOVER, { input: { id: endpointId, since } }), 'BAD_USER_INPUT', 'input.id');
      expect(recover.message).toMatch(/disabled/);
      expectGraphqlError(await world.adminA.client.request(RESEND, { input: { endpointId, eventId: failedDelivery.event_id } }), 'BAD_USER_INPUT', 'input.endpointId');
      expectGraphqlError(await world.platformAdmin.request(RECOVER, { input: { id: endpointId, since } }), 'BAD_USER_INPUT', 'input.id');

      const [after] = await deliveryOf(endpointId, sent.id);
      expect({ status: after.status, attempts: after.attempts }).toEqual({ status: 'FAILED', attempts: 3 });
      expect(about(receiver.received, sent.id)).toHaveLength(3);
      await world.platformAdmin.ok(DELETE, { input: { id: endpointId } });
    });
  });

  describe('an endpoint failing for WEBHOOK_DISABLE_AFTER_HOURS (120 h by default)', () => {
    it('is disabled with reason FAILING on its next failed attempt; one failing for less is not; enabling it clears the reason and failingSince', async () => {
      const overdue = await registered(world.adminA.client, ['REFERRAL_SENT'], 'Failing for 121 h');
      const recent = await registered(world.adminA.client, ['REFERRAL_SENT'], 'Failing for 119 h');
      for (const side of [overdue, recent]) side.receiver.fallback = { status: 503 };
      const failingSince = async (endpointId: string, hours: number) =>
        (await db.query<{ at: Date }>(`UPDATE webhook_endpoints SET failing_since = now() - make_interval(hours => $2) WHERE id = $1 RETURNING failing_since AS at`, [endpointId, hours]))
          .rows[0].at;
      const overdueSince = await failingSince(overdue.endpointId, 121);
      const recentSince = await failingSince(recent.endpointId, 119);

      const sent = await referralIn(world, 'SENT');
      const disabled = await pollUntil(() => read(overdue.endpointId), (endpoint) => !endpoint.enabled, { timeoutMs: WAIT_MS, what: 'the endpoint failing for 121 h to be disabled' });
      expect({ reason: disabled.disabledReason, failingSince: disabled.failingSince, disabledAt: disabled.disabledAt !== null }).toEqual({
        reason: 'FAILING',
        failingSince: overdueSince.toISOString(),
        disabledAt: true,
      });
      // Its first failed attempt was its last: the delivery fails without another request.
      await deliveryOnce(overdue.endpointId, sent.id, 'FAILED');
      expect(about(overdue.receiver.received, sent.id).map((request) => request.answered)).toEqual([503]);
      // The clinic's admins are told by email, naming the endpoint, through the outbox.
      const toAdmin = (mail: { to: string[]; subject: string }) => mail.to.some((to) => to.toLowerCase() === world.adminA.email.toLowerCase()) && /webhook endpoint/.test(mail.subject);
      await smtp.waitFor((all) => all.some(toAdmin), WAIT_MS, "the email to clinic A's admin");
      const notice = smtp.received.filter(toAdmin);
      expect(notice).toHaveLength(1);
      expect(notice[0].text).toContain('Failing for 121 h');
      // The sink hears the email before the worker records it SENT.
      const notices = await pollUntil(
        async () =>
          (
            await db.query(`SELECT template, recipient_kind, status FROM notifications WHERE webhook_endpoint_id = $1 AND recipient_email = $2`, [
              overdue.endpointId,
              world.adminA.email.toLowerCase(),
            ])
          ).rows,
        (rows) => rows.every((row: { status: string }) => row.status === 'SENT'),
        { timeoutMs: WAIT_MS, what: 'the notice recorded as sent' },
      );
      expect(notices).toEqual([{ template: 'WEBHOOK_ENDPOINT_DISABLED', recipient_kind: 'CLINIC_ADMIN', status: 'SENT' }]);

      // Failing for less than the limit: every attempt fails, and the endpoint stays enabled.
      await deliveryOnce(recent.endpointId, sent.id, 'FAILED');
      expect(about(recent.receiver.received, sent.id)).toHaveLength(3);
      const stillOn = await read(recent.endpointId);
      expect({ enabled: stillOn.enabled, reason: stillOn.disabledReason, failingSince: stillOn.failingSince }).toEqual({
        enabled: true,
        reason: null,
        failingSince: recentSince.toISOString(),
      });

      const { enableWebhookEndpoint: enabled } = await world.adminA.client.ok<{ enableWebhookEndpoint: Endpoint }>(ENABLE, { input: { id: overdue.endpointId } });
      expect({ enabled: enabled.enabled, reason: enabled.disabledReason, disabledAt: enabled.disabledAt, failingSince: enabled.failingSince }).toEqual({
        enabled: true,
        reason: null,
        disabledAt: null,
        failingSince: null,
      });
      const { rows } = await db.query('SELECT disabled_at, disabled_reason, failing_since FROM webhook_endpoints WHERE id = $1', [overdue.endpointId]);
      expect(rows).toEqual([{ disabled_at: null, disabled_reason: null, failing_since: null }]);

      // Enabled again, it gets the next event.
      overdue.receiver.fallback = { status: 200 };
      const next = await referralIn(world, 'SENT');
      await deliveryOnce(overdue.endpointId, next.id, 'SUCCEEDED');
      for (const side of [overdue, recent]) await world.platformAdmin.ok(DELETE, { input: { id: side.endpointId } });
    });
  });

  describe('updateWebhookEndpoint and deleteWebhookEndpoint', () => {
    it('changes only the fields given, and sends later events to the new URL', async () => {
      const first = await registered(world.adminA.client, ['REFERRAL_SENT', 'REFERRAL_CANCELLED'], 'First EHR');
      const second = await receiverStarted();
      second.secrets = [first.secret];
      const row = async () =>
        (await db.query('SELECT url, description, events, secret_ciphertext, created_at FROM webhook_endpoints WHERE id = $1', [first.endpointId])).rows[0] as Record<
          string,
          unknown
        >;
      const original = await row();
      const update = async (input: Record<string, unknown>) =>
        (await world.adminA.client.ok<{ updateWebhookEndpoint: Endpoint }>(UPDATE, { input: { id: first.endpointId, ...input } })).updateWebhookEndpoint;
      const shown = (endpoint: Endpoint) => ({ url: endpoint.url, description: endpoint.description, events: [...endpoint.events].sort() });

      expect(shown(await update({ description: 'Renamed EHR' }))).toEqual({ url: first.receiver.url, description: 'Renamed EHR', events: ['REFERRAL_CANCELLED', 'REFERRAL_SENT'] });
      expect(shown(await update({ events: ['REFERRAL_ACCEPTED'] }))).toEqual({ url: first.receiver.url, description: 'Renamed EHR', events: ['REFERRAL_ACCEPTED'] });
      expect(shown(await update({ url: second.url }))).toEqual({ url: second.url, description: 'Renamed EHR', events: ['REFERRAL_ACCEPTED'] });
      // Nothing given, or nulls: nothing changes.
      expect(shown(await update({}))).toEqual({ url: second.url, description: 'Renamed EHR', events: ['REFERRAL_ACCEPTED'] });
      expect(shown(await update({ url: null, events: null, description: null }))).toEqual({ url: second.url, description: 'Renamed EHR', events: ['REFERRAL_ACCEPTED'] });
      // The secret and the creation time are not touched.
      expect(await row()).toEqual({ ...original, url: second.url, description: 'Renamed EHR', events: ['referral.accepted'] });
      expect(await read(first.endpointId)).toMatchObject({ enabled: true, clinicId: world.clinicA.id });

      const accepted = await referralIn(world, 'ACCEPTED');
      await second.waitFor((all) => about(all, accepted.id).length === 1, WAIT_MS, 'the accepted event at the new URL');
      const [request] = about(second.received, accepted.id);
      expect({ type: request.payload.type, verified: request.verified }).toEqual({ type: 'referral.accepted', verified: true });
      await deliveryOnce(first.endpointId, accepted.id, 'SUCCEEDED');
      // Nothing at the old URL: not the accepted event, nor the sent one it no longer subscribes to.
      expect(about(first.receiver.received, accepted.id)).toEqual([]);
      await world.platformAdmin.ok(DELETE, { input: { id: first.endpointId } });
    });

    it('deletes an endpoint with its deliveries and attempts; later events are not sent to it', async () => {
      const doomed = await registered(world.adminA.client, ['REFERRAL_SENT']);
      const control = await registered(world.adminA.client, ['REFERRAL_SENT']);
      const before = await referralIn(world, 'SENT');
      await deliveryOnce(doomed.endpointId, before.id, 'SUCCEEDED');
      expect((await read(doomed.endpointId)).attempts.totalCount).toBe(1);

      expect(await world.adminA.client.ok(DELETE, { input: { id: doomed.endpointId } })).toEqual({ deleteWebhookEndpoint: true });
      expectGraphqlError(await world.adminA.client.request(GET, { id: doomed.endpointId }), 'NOT_FOUND');
      expectGraphqlError(await world.adminA.client.request(DELETE, { input: { id: doomed.endpointId } }), 'NOT_FOUND');
      const left = await db.query(
        `SELECT (SELECT count(*)::int FROM webhook_endpoints WHERE id = $1) AS endpoints, (SELECT count(*)::int FROM webhook_deliveries WHERE endpoint_id = $1) AS deliveries,
                (SELECT count(*)::int FROM webhook_attempts WHERE endpoint_id = $1) AS attempts`,
        [doomed.endpointId],
      );
      expect(left.rows).toEqual([{ endpoints: 0, deliveries: 0, attempts: 0 }]);

      const after = await referralIn(world, 'SENT');
      await control.receiver.waitFor((all) => about(all, after.id).length === 1, WAIT_MS, 'the later event at the endpoint still registered');
      await deliveryOnce(control.endpointId, after.id, 'SUCCEEDED');
      expect(about(doomed.receiver.received, after.id)).toEqual([]);
      expect(await deliveryOf(doomed.endpointId, after.id)).toEqual([]);
      await world.platformAdmin.ok(DELETE, { input: { id: control.endpointId } });
    });
  });
});
