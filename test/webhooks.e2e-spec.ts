import { Client } from 'pg';
import { expectGraphqlError, expectGraphqlReason } from './support/expectations';
import { GraphqlClient } from './support/graphql-client';
import { pollUntil } from './support/poll-until';
import { usePipeline } from './support/file-setup';
import { ReceivedWebhook, WebhookReceiver } from './support/webhook-receiver';
import { createDraft, referralIn } from './support/world';
import { createPatient, runReferralMutation } from './support/fixtures';
import { ErrorReason } from '@referloop/core';

const WAIT_MS = 20_000;

const CREATE = `mutation createWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id clinicId url events enabled disabledReason } } }`;
const ENDPOINT = `query webhookEndpoint($id: ID!) { webhookEndpoint(id: $id) {
  id enabled disabledReason failingSince attempts(first: 50) { totalCount edges { node { eventId eventType attempt statusCode succeeded error } } } } }`;
const ROTATE = `mutation rotateWebhookSecret($input: WebhookEndpointIdInput!) { rotateWebhookSecret(input: $input) { secret endpoint { previousSecretValidUntil } } }`;
const RESEND = `mutation resendWebhookEvent($input: ResendWebhookEventInput!) { resendWebhookEvent(input: $input) }`;

type Created = { createWebhookEndpoint: { secret: string; endpoint: { id: string; clinicId: string; url: string; events: string[]; enabled: boolean; disabledReason: string | null } } };
type Endpoint = {
  webhookEndpoint: {
    id: string;
    enabled: boolean;
    disabledReason: string | null;
    failingSince: string | null;
    attempts: { totalCount: number; edges: { node: { eventId: string; eventType: string; attempt: number; statusCode: number | null; succeeded: boolean; error: string | null } }[] };
  };
};

const ALL_REFERRAL_EVENTS = [
  'REFERRAL_CREATED',
  'REFERRAL_SENT',
  'REFERRAL_ACCEPTED',
  'REFERRAL_SCHEDULED',
  'REFERRAL_TREATMENT_STARTED',
  'REFERRAL_OUTCOME_REPORTED',
  'REFERRAL_OUTCOME_ACKNOWLEDGED',
  'REFERRAL_DECLINED',
  'REFERRAL_CANCELLED',
];

/** The requests about one referral, in the order they arrived. */
const about = (received: readonly ReceivedWebhook[], referralId: string) => received.filter((request) => request.payload.data.referralId === referralId);

/*
 * Webhooks as a clinic's system receives them, over real HTTP from the worker to a receiver in
 * the test process that verifies each signature with the `standardwebhooks` package: one event
 * per move of a referral, to the endpoints of the clinics allowed to see it, written with the
 * move (the outbox) and retried on the schedule (shortened here) until the receiver answers 2xx.
 */
describe('webhooks', () => {
  const { world, db, smtp } = usePipeline({
    env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on', WEBHOOK_RETRY_DELAYS_MS: '100,100,100,100', WEBHOOK_TIMEOUT_MS: '3000', NOTIFICATION_ATTEMPTS: '2', NOTIFICATION_BACKOFF_MS: '50' },
  });
  const receivers: WebhookReceiver[] = [];

  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
  });

  /**
   * The endpoint once the worker has recorded `attempts` attempts: a receiver hears a request
   * before the worker records its answer.
   */
  const endpointAfter = async (endpointId: string, attempts: number): Promise<Endpoint['webhookEndpoint']> => {
    const read = () => world.adminA.client.ok<Endpoint>(ENDPOINT, { id: endpointId });
    await pollUntil(read, (answer) => answer.webhookEndpoint.attempts.totalCount >= attempts, { timeoutMs: WAIT_MS, what: `${attempts} recorded attempt(s)` });
    // Read again: the endpoint's own fields were read before its attempts were counted.
    return (await read()).webhookEndpoint;
  };

  /** A receiver registered by `admin` for `events`, holding the secret it was given. */
  async function registered(admin: GraphqlClient, events = ALL_REFERRAL_EVENTS): Promise<{ receiver: WebhookReceiver; endpointId: string; secret: string }> {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    const { createWebhookEndpoint } = await admin.ok<Created>(CREATE, { input: { url: receiver.url, events, description: 'Test EHR' } });
    receiver.secrets = [createWebhookEndpoint.secret];
    return { receiver, endpointId: createWebhookEndpoint.endpoint.id, secret: createWebhookEndpoint.secret };
  }

  it("sends each move of a referral once, signed, thin, in version order, to both clinics' endpoints (the receiving one from its sending on)", async () => {
    const referrer = await registered(world.adminA.client);
    const receiving = await registered(world.adminB.client);
    const closed = await referralIn(world, 'LOOP_CLOSED');

    const referrerTypes = ['referral.created', 'referral.sent', 'referral.accepted', 'referral.scheduled', 'referral.treatment_started', 'referral.outcome_reported', 'referral.outcome_acknowledged'];
    await referrer.receiver.waitFor((all) => about(all, closed.id).length >= referrerTypes.length, WAIT_MS, 'every move at the referrer');
    await receiving.receiver.waitFor((all) => about(all, closed.id).length >= referrerTypes.length - 1, WAIT_MS, 'every move since sending at the receiver');

    for (const [side, expected] of [
      [referrer, referrerTypes],
      [receiving, referrerTypes.slice(1)],
    ] as const) {
      const requests = about(side.receiver.received, closed.id);
      expect(requests.every((request) => request.verified)).toBe(true);
      const byVersion = [...requests].sort((a, b) => Number(a.payload.data.version) - Number(b.payload.data.version));
      expect(byVersion.map((request) => request.payload.type)).toEqual(expected);
      // One event per version, each with its own webhook-id; no duplicates.
      expect(new Set(requests.map((request) => request.payload.data.version)).size).toBe(expected.length);
      expect(new Set(requests.map((request) => request.id)).size).toBe(expected.length);
      // Thin and free of PHI: what happened, to which referral, its status and version.
      for (const request of requests) {
        expect(Object.keys(request.payload).sort()).toEqual(['data', 'timestamp', 'type']);
        expect(Object.keys(request.payload.data).sort()).toEqual(['reference', 'referralId', 'status', 'version']);
        expect(request.payload.data.reference).toBe(closed.reference);
      }
    }
  });

  it('tells the receiving clinic nothing of a draft cancelled before it was sent, which it cannot read either, nor its patient', async () => {
    const referrer = await registered(world.adminA.client, ['REFERRAL_CREATED', 'REFERRAL_CANCELLED']);
    const receiving = await registered(world.adminB.client, ['REFERRAL_CREATED', 'REFERRAL_CANCELLED']);
    const patient = await createPatient(world.coordinatorA.client, world.clinicA.id);
    const draft = await createDraft(world, { patientId: patient.id });
    await runReferralMutation(world.coordinatorA.client, 'cancelReferral', { id: draft.id });
    await referrer.receiver.waitFor((all) => about(all, draft.id).length === 2, WAIT_MS, "the referrer's created and cancelled");
    // A later event the receiving clinic does hear of comes after: nothing of the draft came before it.
    const later = await referralIn(world, 'CANCELLED');
    await receiving.receiver.waitFor((all) => about(all, later.id).length === 1, WAIT_MS, 'a cancellation after sending');
    expect(about(receiving.receiver.received, draft.id)).toEqual([]);
    expect(about(receiving.receiver.received, later.id).map((request) => request.payload.type)).toEqual(['referral.cancelled']);
    expectGraphqlError(await world.coordinatorB.client.request(`query($id: ID!) { referral(id: $id) { id } }`, { id: draft.id }), 'NOT_FOUND');
    expectGraphqlError(await world.targetProvider.client.request(`query($id: ID!) { referral(id: $id) { id } }`, { id: draft.id }), 'NOT_FOUND');
    expectGraphqlError(await world.coordinatorB.client.request(`query($id: ID!) { patient(id: $id) { id } }`, { id: patient.id }), 'NOT_FOUND');
  });

  it('retries a receiver that answers 500 three times, and delivers the event once it answers 200, under the same webhook-id', async () => {
    const { receiver, endpointId } = await registered(world.adminA.client, ['REFERRAL_SENT']);
    receiver.answers = [{ status: 500 }, { status: 500 }, { status: 500 }];
    const sent = await referralIn(world, 'SENT');
    await receiver.waitFor((all) => about(all, sent.id).some((request) => request.answered === 200), WAIT_MS, 'the fourth attempt to succeed');

    const requests = about(receiver.received, sent.id);
    expect(requests.map((request) => request.answered)).toEqual([500, 500, 500, 200]);
    expect(new Set(requests.map((request) => request.id)).size).toBe(1);
    expect(requests.every((request) => request.verified)).toBe(true);
    const webhookEndpoint = await endpointAfter(endpointId, 4);
    expect(webhookEndpoint.attempts.edges.map(({ node }) => [node.attempt, node.statusCode, node.succeeded])).toEqual([
      [4, 200, true],
      [3, 500, false],
      [2, 500, false],
      [1, 500, false],
    ]);
    expect(webhookEndpoint.failingSince).toBeNull();
  });

  it('follows no redirect, reads a huge answer no further than it needs, and waits as long as Retry-After asks', async () => {
    const elsewhere = await WebhookReceiver.start();
    receivers.push(elsewhere);
    const { receiver, endpointId } = await registered(world.adminA.client, ['REFERRAL_SENT']);
    receiver.answers = [
      { status: 307, headers: { location: elsewhere.url } },
      { status: 503, headers: { 'retry-after': '2' } },
      // 1 MB: the worker stops reading at 64 KB; the status is what counts.
      { status: 200, body: 'x'.repeat(1024 * 1024) },
    ];
    const sent = await referralIn(world, 'SENT');
    await receiver.waitFor((all) => about(all, sent.id).length === 3, WAIT_MS, 'three attempts');
    const endpoint = await endpointAfter(endpointId, 3);
    expect(endpoint.attempts.edges.map(({ node }) => [node.attempt, node.statusCode, node.succeeded, node.error])).toEqual([
      [3, 200, true, null],
      [2, 503, false, 'HTTP 503'],
      [1, 307, false, 'HTTP 307: redirects are not followed'],
    ]);
    expect(elsewhere.received).toEqual([]);
    // The schedule says 100 ms; the receiver asked for 2 s.
    const [, second, third] = about(receiver.received, sent.id);
    expect(third.at - second.at).toBeGreaterThanOrEqual(2000);
  });

  it('disables an endpoint that answers 410 Gone, and sends it nothing more', async () => {
    const { receiver, endpointId } = await registered(world.adminA.client, ['REFERRAL_SENT', 'REFERRAL_CANCELLED']);
    receiver.answers = [{ status: 410 }];
    const first = await referralIn(world, 'SENT');
    await receiver.waitFor((all) => about(all, first.id).length === 1, WAIT_MS, 'the one attempt');
    const webhookEndpoint = await endpointAfter(endpointId, 1);
    expect({ enabled: webhookEndpoint.enabled, reason: webhookEndpoint.disabledReason }).toEqual({ enabled: false, reason: 'GONE' });

    // A later event for that endpoint is not even written for it; an endpoint still enabled gets it.
    const other = await registered(world.adminA.client, ['REFERRAL_CANCELLED']);
    const cancelled = await referralIn(world, 'CANCELLED');
    await other.receiver.waitFor((all) => about(all, cancelled.id).length === 1, WAIT_MS, 'the cancellation at the enabled endpoint');
    expect(about(receiver.received, cancelled.id)).toEqual([]);
    expect((await deliveriesOf(db, endpointId)).length).toBe(1);
  });

  it('signs with both the new and the previous secret for a day after a rotation', async () => {
    const { receiver, endpointId, secret: old } = await registered(world.adminA.client, ['REFERRAL_SENT']);
    const { rotateWebhookSecret } = await world.adminA.client.ok<{ rotateWebhookSecret: { secret: string; endpoint: { previousSecretValidUntil: string } } }>(ROTATE, {
      input: { id: endpointId },
    });
    expect(rotateWebhookSecret.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const validFor = Date.parse(rotateWebhookSecret.endpoint.previousSecretValidUntil) - Date.now();
    expect(validFor).toBeGreaterThan(23.9 * 3600_000);
    expect(validFor).toBeLessThanOrEqual(24 * 3600_000);

    const sent = await referralIn(world, 'SENT');
    await receiver.waitFor((all) => about(all, sent.id).length === 1, WAIT_MS, 'the event after the rotation');
    const [request] = about(receiver.received, sent.id);
    expect(request.signature.split(' ')).toHaveLength(2);
    // A receiver holding either secret alone verifies it.
    for (const secret of [old, rotateWebhookSecret.secret]) {
      const holder = new WebhookReceiver();
      holder.secrets = [secret];
      expect(holder.verifies(request)).toBe(true);
    }
    const stranger = new WebhookReceiver();
    stranger.secrets = ['whsec_' + Buffer.alloc(32, 7).toString('base64')];
    expect(stranger.verifies(request)).toBe(false);
  });

  it('sends one event again on request, under the same webhook-id', async () => {
    const { receiver, endpointId } = await registered(world.adminA.client, ['REFERRAL_SENT']);
    const sent = await referralIn(world, 'SENT');
    await receiver.waitFor((all) => about(all, sent.id).length === 1, WAIT_MS, 'the first delivery');
    await endpointAfter(endpointId, 1);
    const [first] = about(receiver.received, sent.id);
    expect(await world.adminA.client.ok(RESEND, { input: { endpointId, eventId: first.id } })).toEqual({ resendWebhookEvent: true });
    await receiver.waitFor((all) => about(all, sent.id).length === 2, WAIT_MS, 'the resent delivery');
    expect(about(receiver.received, sent.id).map((request) => request.id)).toEqual([first.id, first.id]);
    // Another clinic's admin cannot even find it.
    expectGraphqlError(await world.adminB.client.request(RESEND, { input: { endpointId, eventId: first.id } }), 'NOT_FOUND');
  });

  it("tells a referral's clinics when one of its emails has failed for good (notification.failed), naming no address", async () => {
    const { receiver } = await registered(world.adminA.client, ['NOTIFICATION_FAILED']);
    smtp.refuseWith = 'mailbox unavailable (test)';
    try {
      const sent = await referralIn(world, 'SENT');
      await receiver.waitFor((all) => about(all, sent.id).length >= 1, WAIT_MS, 'a notification.failed event');
      const [request] = about(receiver.received, sent.id);
      expect(request.verified).toBe(true);
      expect(request.payload.type).toBe('notification.failed');
      expect(Object.keys(request.payload.data).sort()).toEqual(['notificationId', 'recipientKind', 'reference', 'referralId', 'template']);
      const { rows } = await db.query('SELECT status FROM notifications WHERE id = $1', [request.payload.data.notificationId]);
      expect(rows).toEqual([{ status: 'FAILED' }]);
    } finally {
      smtp.refuseWith = null;
    }
  });

  it("keeps each clinic's endpoints to its admins: another clinic's are not found, other roles are refused", async () => {
    const { endpointId } = await registered(world.adminA.client, ['REFERRAL_SENT']);
    expect((await world.adminA.client.ok<Endpoint>(ENDPOINT, { id: endpointId })).webhookEndpoint.id).toBe(endpointId);
    expectGraphqlError(await world.adminB.client.request(ENDPOINT, { id: endpointId }), 'NOT_FOUND');
    expectGraphqlReason(await world.coordinatorA.client.request(ENDPOINT, { id: endpointId }), 'FORBIDDEN', ErrorReason.NOT_YOUR_ROLE);
    expectGraphqlReason(await world.targetProvider.client.request(CREATE, { input: { url: 'https://ehr.example.com/hooks', events: ['REFERRAL_SENT'] } }), 'FORBIDDEN', ErrorReason.NOT_YOUR_ROLE);
    const list = await world.adminB.client.ok<{ webhookEndpoints: { edges: { node: { id: string } }[] } }>(`query { webhookEndpoints(first: 100) { edges { node { id } } } }`);
    expect(list.webhookEndpoints.edges.map((edge) => edge.node.id)).not.toContain(endpointId);
    // A clinic admin registers for their own clinic only.
    expectGraphqlReason(
      await world.adminA.client.request(CREATE, { input: { clinicId: world.clinicB.id, url: 'https://ehr.example.com/hooks', events: ['REFERRAL_SENT'] } }),
      'FORBIDDEN',
      ErrorReason.NOT_YOUR_CLINIC,
    );
  });
});

async function deliveriesOf(db: Client, endpointId: string): Promise<{ id: string; status: string }[]> {
  return (await db.query('SELECT id, status FROM webhook_deliveries WHERE endpoint_id = $1', [endpointId])).rows;
}
