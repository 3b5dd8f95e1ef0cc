import { randomUUID } from 'node:crypto';
import { GraphqlClient } from './support/graphql-client';
import { Referral, countReferrals, readReferral, referralInput, runReferralMutation } from './support/fixtures';
import { expectGraphqlError } from './support/expectations';
import { REFERRAL, REFERRALS, referralMutation } from './support/operations';
import { createDraft, referralIn } from './support/world';
import { useWorld } from './support/file-setup';

/**
 * Review regressions in the referral lifecycle: redirecting a provider's referral, event
 * actors' provider ids, the order of checks (bad input before transition / not found), and the
 * platform admin's referral list.
 */
const EVENT_ACTORS = `query referral($id: ID!) {
  referral(id: $id) { id events { type fromStatus toStatus actor { id providerId } } }
}`;

interface EventWithActor {
  type: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { id: string; providerId: string | null } | null;
}

async function eventsOf(client: GraphqlClient, id: string): Promise<EventWithActor[]> {
  const data = await client.ok<{ referral: { events: EventWithActor[] } }>(EVENT_ACTORS, { id });
  return data.referral.events;
}

describe('review regressions: referral lifecycle', () => {
  const { world } = useWorld();

  describe("a coordinator redirects a referral a referring PROVIDER created", () => {
    let original: Referral;
    let redirected: Referral;

    beforeAll(async () => {
      // The provider at clinic A creates and sends it; B's target provider declines it.
      original = await runReferralMutation(world.referringProvider.client, 'createReferral', {
        ...referralInput(world.patient.id, world.targetProvider.providerId, { send: true }),
        idempotencyKey: randomUUID(),
      });
      expect(original).toMatchObject({ status: 'SENT', referringUser: { id: world.referringProvider.id } });
      await runReferralMutation(world.targetProvider.client, 'declineReferral', { id: original.id, reason: 'NO_CAPACITY' });
      // A's coordinator redirects it.
      redirected = await runReferralMutation(world.coordinatorA.client, 'redirectReferral', {
        id: original.id,
        toProviderId: world.alternateProvider.providerId,
      });
    });

    it('keeps the original provider as the referring user of the new referral', () => {
      expect(redirected).toMatchObject({
        status: 'SENT',
        toProvider: { id: world.alternateProvider.providerId },
        referringClinic: { id: world.clinicA.id },
        referringUser: { id: world.referringProvider.id },
        redirectedFrom: { id: original.id },
      });
    });

    it('keeps the original provider as the referring provider of the new referral', async () => {
      const data = await world.coordinatorA.client.ok<{ referral: { referringProvider: { id: string } | null } }>(
        `query referral($id: ID!) { referral(id: $id) { referringProvider { id } } }`,
        { id: redirected.id },
      );
      expect(data.referral.referringProvider).toEqual({ id: world.referringProvider.providerId });
    });

    it('lets the original provider see the new referral, and the link to it from the old one', async () => {
      const asProvider = await readReferral(world.referringProvider.client, redirected.id);
      expect(asProvider).toMatchObject({ id: redirected.id, redirectedFrom: { id: original.id } });

      const oldAsProvider = await readReferral(world.referringProvider.client, original.id);
      expect(oldAsProvider.redirectedTo).not.toBeNull();
      expect(oldAsProvider.redirectedTo).toMatchObject({ id: redirected.id });
    });

    it("lists the new referral among the original provider's outbound referrals", async () => {
      const data = await world.referringProvider.client.ok<{ referrals: { edges: Array<{ node: { id: string } }> } }>(REFERRALS, {
        filter: { direction: 'OUTBOUND' },
        first: 100,
      });
      expect(data.referrals.edges.map((edge) => edge.node.id)).toEqual(expect.arrayContaining([redirected.id, original.id]));
    });

    it('records the REDIRECTED event on the old referral with the coordinator as actor', async () => {
      const old = await readReferral(world.coordinatorA.client, original.id);
      const redirect = old.events.filter((event) => event.type === 'REDIRECTED');
      expect(redirect).toHaveLength(1);
      expect(redirect[0].actor).toEqual({ id: world.coordinatorA.id });
    });
  });

  describe('events { actor { providerId } }', () => {
    it("is the target provider's provider id on the ACCEPTED event, and null for a coordinator", async () => {
      const accepted = await referralIn(world, 'ACCEPTED');
      const events = await eventsOf(world.coordinatorA.client, accepted.id);

      const acceptedEvent = events.find((event) => event.type === 'ACCEPTED');
      expect(acceptedEvent?.actor).toEqual({ id: world.targetProvider.id, providerId: world.targetProvider.providerId });

      const sentEvent = events.find((event) => event.type === 'SENT');
      expect(sentEvent?.actor).toEqual({ id: world.coordinatorA.id, providerId: null });

      // The same through the receiver's eyes.
      const asProvider = await eventsOf(world.targetProvider.client, accepted.id);
      expect(asProvider.find((event) => event.type === 'ACCEPTED')?.actor).toEqual({
        id: world.targetProvider.id,
        providerId: world.targetProvider.providerId,
      });
    });

    it("is the referring provider's provider id on events a referring provider caused", async () => {
      const sent = await runReferralMutation(world.referringProvider.client, 'createReferral', {
        ...referralInput(world.patient.id, world.targetProvider.providerId, { send: true }),
        idempotencyKey: randomUUID(),
      });
      const events = await eventsOf(world.targetProvider.client, sent.id);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(event.actor).toEqual({ id: world.referringProvider.id, providerId: world.referringProvider.providerId });
      }
    });
  });

  describe('bad input is checked first', () => {
    it('scheduleReferral with a past appointmentAt on a CANCELLED referral → BAD_USER_INPUT naming input.appointmentAt', async () => {
      const cancelled = await referralIn(world, 'CANCELLED');
      const past = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString();

      const response = await world.targetProvider.client.request(referralMutation('scheduleReferral'), {
        input: { id: cancelled.id, appointmentAt: past },
      });

      expectGraphqlError(response, 'BAD_USER_INPUT', 'input.appointmentAt');
      expect(await readReferral(world.coordinatorA.client, cancelled.id)).toMatchObject({
        status: 'CANCELLED',
        version: cancelled.version,
        appointmentAt: null,
      });

      // Control: a future time on the same referral is a well-formed request refused by the lifecycle.
      const future = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();
      const legal = await world.targetProvider.client.request(referralMutation('scheduleReferral'), {
        input: { id: cancelled.id, appointmentAt: future },
      });
      expectGraphqlError(legal, 'INVALID_TRANSITION');
    });

    it("createReferral to the caller's own provider profile → BAD_USER_INPUT naming input.toProviderId, even for an unknown patient", async () => {
      const before = await countReferrals(world.referringProvider.client);

      const unknownPatient = await world.referringProvider.client.request(referralMutation('createReferral'), {
        input: { ...referralInput(randomUUID(), world.referringProvider.providerId, { send: true }), idempotencyKey: randomUUID() },
      });
      expectGraphqlError(unknownPatient, 'BAD_USER_INPUT', 'input.toProviderId');

      // Control: with a real patient the answer is the same ...
      const knownPatient = await world.referringProvider.client.request(referralMutation('createReferral'), {
        input: { ...referralInput(world.patient.id, world.referringProvider.providerId), idempotencyKey: randomUUID() },
      });
      expectGraphqlError(knownPatient, 'BAD_USER_INPUT', 'input.toProviderId');

      // ... and an unknown patient to somebody else is NOT_FOUND, so the order is what differs.
      const toSomeoneElse = await world.referringProvider.client.request(referralMutation('createReferral'), {
        input: { ...referralInput(randomUUID(), world.targetProvider.providerId), idempotencyKey: randomUUID() },
      });
      expectGraphqlError(toSomeoneElse, 'NOT_FOUND');

      expect(await countReferrals(world.referringProvider.client)).toBe(before);
    });
  });

  describe("the platform admin's referral list", () => {
    it('answers referrals(first: 5), newest first', async () => {
      const created: Referral[] = [];
      for (let index = 0; index < 6; index += 1) created.push(await createDraft(world, { reason: `Admin list ${index}` }));
      await runReferralMutation(world.coordinatorA.client, 'sendReferral', { id: created[4].id });

      const response = await world.platformAdmin.request<{
        referrals: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: Array<{ node: { id: string; createdAt: string } }> };
      }>(REFERRALS, { first: 5 });
      expect(response.errors).toBeUndefined();
      const page = response.data!.referrals;

      expect(page.edges).toHaveLength(5);
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(page.totalCount).toBeGreaterThanOrEqual(6);
      expect(page.edges.map((edge) => edge.node.id)).toEqual(
        created
          .slice(-5)
          .reverse()
          .map((referral) => referral.id),
      );
      const times = page.edges.map((edge) => Date.parse(edge.node.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('lets the platform admin read any referral by id (control)', async () => {
      const sent = await referralIn(world, 'SENT');
      const data = await world.platformAdmin.ok<{ referral: { id: string } }>(REFERRAL, { id: sent.id });
      expect(data.referral.id).toBe(sent.id);
    });
  });
});
