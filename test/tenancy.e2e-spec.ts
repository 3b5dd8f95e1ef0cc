import { randomUUID } from 'node:crypto';
import { GraphqlClient, GraphqlResponse } from './support/graphql-client';
import { Referral, countReferrals, createPatient, readReferral, referralInput } from './support/fixtures';
import { expectGraphqlError } from './support/expectations';
import { PATIENT, PATIENTS, REFERRAL, REFERRALS, REFERRAL_BY_REFERENCE, referralMutation } from './support/operations';
import { useWorld } from './support/file-setup';
import { World, referralIn } from './support/world';

/** What a client can tell from an error: everything but where in the query it happened. */
const shape = (response: GraphqlResponse) => response.errors?.map((error) => ({ message: error.message, extensions: error.extensions }));

async function listedReferralIds(client: GraphqlClient, filter: Record<string, unknown> = {}): Promise<string[]> {
  const data = await client.ok<{ referrals: { edges: Array<{ node: { id: string } }> } }>(REFERRALS, { filter, first: 100 });
  return data.referrals.edges.map((edge) => edge.node.id);
}

async function listedPatientIds(client: GraphqlClient): Promise<string[]> {
  const data = await client.ok<{ patients: { edges: Array<{ node: { id: string } }> } }>(PATIENTS, { first: 100 });
  return data.patients.edges.map((edge) => edge.node.id);
}

describe('tenancy: who may see what', () => {
  const { world } = useWorld();
  let sent: Referral;
  let draft: Referral;

  beforeAll(async () => {
    sent = await referralIn(world, 'SENT');
    draft = await referralIn(world, 'DRAFT');
  });

  describe.each([
    ["clinic C's coordinator", (w: World) => w.coordinatorC.client],
    ['an unrelated provider', (w: World) => w.unrelatedProvider.client],
  ])('%s', (_label, outsider) => {
    it('gets NOT_FOUND for referral(id), exactly as for an id that does not exist', async () => {
      const hidden = await outsider(world).request(REFERRAL, { id: sent.id });
      expectGraphqlError(hidden, 'NOT_FOUND');
      const missing = await outsider(world).request(REFERRAL, { id: randomUUID() });
      expectGraphqlError(missing, 'NOT_FOUND');
      expect(shape(hidden)).toEqual(shape(missing));
    });

    it('gets NOT_FOUND for referralByReference, exactly as for an unknown reference', async () => {
      const hidden = await outsider(world).request(REFERRAL_BY_REFERENCE, { reference: sent.reference });
      expectGraphqlError(hidden, 'NOT_FOUND');
      const missing = await outsider(world).request(REFERRAL_BY_REFERENCE, { reference: 'RF-ZZZZZZ' });
      expectGraphqlError(missing, 'NOT_FOUND');
      expect(shape(hidden)).toEqual(shape(missing));
    });

    it("gets NOT_FOUND for the referral's patient, exactly as for an unknown patient", async () => {
      const hidden = await outsider(world).request(PATIENT, { id: world.patient.id });
      expectGraphqlError(hidden, 'NOT_FOUND');
      const missing = await outsider(world).request(PATIENT, { id: randomUUID() });
      expectGraphqlError(missing, 'NOT_FOUND');
      expect(shape(hidden)).toEqual(shape(missing));
    });
  });

  // Every role's sight of referrals and patients, and acting on what it cannot see, are checked
  // on the services (test/service/tenancy.service-spec.ts); over HTTP, one outsider.
  describe("an outsider over HTTP: clinic C's coordinator", () => {
    it('gets NOT_FOUND when trying to accept it, and nothing changes', async () => {
      const response = await world.coordinatorC.client.request(referralMutation('acceptReferral'), { input: { id: sent.id } });
      expectGraphqlError(response, 'NOT_FOUND');
      expect(await readReferral(world.coordinatorA.client, sent.id)).toMatchObject({ status: 'SENT', version: sent.version });
    });

    it('does not see it in any referrals list, nor the patient in patients', async () => {
      for (const filter of [{}, { direction: 'INBOUND' }, { direction: 'OUTBOUND' }, { patientId: world.patient.id }, { status: ['SENT'] }]) {
        const ids = await listedReferralIds(world.coordinatorC.client, filter);
        expect({ filter, leaked: ids.filter((id) => id === sent.id || id === draft.id) }).toEqual({ filter, leaked: [] });
      }
      const count = await world.coordinatorC.client.ok<{ referrals: { totalCount: number } }>(REFERRALS, { filter: { patientId: world.patient.id } });
      expect(count.referrals.totalCount).toBe(0);
      expect(await listedPatientIds(world.coordinatorC.client)).not.toContain(world.patient.id);
    });
  });

  describe('the receiving side', () => {
    it('sees a SENT referral addressed to it, in its inbox (positive control)', async () => {
      for (const receiver of [world.coordinatorB.client, world.adminB.client, world.targetProvider.client]) {
        expect((await readReferral(receiver, sent.id)).id).toBe(sent.id);
        expect(await listedReferralIds(receiver, { direction: 'INBOUND' })).toContain(sent.id);
        expect(await listedReferralIds(receiver, { direction: 'OUTBOUND' })).not.toContain(sent.id);
      }
    });

    it('does not see a DRAFT addressed to it, by id, by reference or in lists', async () => {
      for (const receiver of [world.coordinatorB.client, world.targetProvider.client]) {
        expectGraphqlError(await receiver.request(REFERRAL, { id: draft.id }), 'NOT_FOUND');
        expectGraphqlError(await receiver.request(REFERRAL_BY_REFERENCE, { reference: draft.reference }), 'NOT_FOUND');
        expect(await listedReferralIds(receiver)).not.toContain(draft.id);
        expect(await listedReferralIds(receiver, { direction: 'INBOUND' })).not.toContain(draft.id);
      }
    });

    it('does not see referrals addressed to another provider of the same clinic when it is a provider', async () => {
      const toColleague = await referralIn(world, 'SENT');
      // toColleague targets the target provider; the alternate provider (same clinic) must not see it.
      expectGraphqlError(await world.alternateProvider.client.request(REFERRAL, { id: toColleague.id }), 'NOT_FOUND');
      expect(await listedReferralIds(world.alternateProvider.client)).not.toContain(toColleague.id);
    });
  });

  describe('the referring side', () => {
    it('sees its drafts and sent referrals in OUTBOUND and by reference', async () => {
      for (const referrer of [world.coordinatorA.client, world.adminA.client]) {
        const outbound = await listedReferralIds(referrer, { direction: 'OUTBOUND' });
        expect(outbound).toEqual(expect.arrayContaining([sent.id, draft.id]));
        const byReference = await referrer.ok<{ referralByReference: { id: string } }>(REFERRAL_BY_REFERENCE, { reference: sent.reference });
        expect(byReference.referralByReference.id).toBe(sent.id);
      }
    });

    it("keeps each clinic's patients to itself", async () => {
      const patientC = await createPatient(world.coordinatorC.client, world.clinicC.id);
      expectGraphqlError(await world.coordinatorA.client.request(PATIENT, { id: patientC.id }), 'NOT_FOUND');
      expect(await listedPatientIds(world.coordinatorA.client)).not.toContain(patientC.id);
      expect(await listedPatientIds(world.coordinatorC.client)).toContain(patientC.id);
    });

    it("cannot create a patient in another clinic or refer another clinic's patient", async () => {
      const elsewhere = await world.coordinatorC.client.request(
        `mutation createPatient($input: CreatePatientInput!) { createPatient(input: $input) { id } }`,
        { input: { clinicId: world.clinicA.id, firstName: 'Eve', lastName: 'Intruder', dateOfBirth: '1990-05-05', emailConsent: false } },
      );
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(elsewhere.errors?.[0]?.extensions?.code);

      const response = await world.coordinatorC.client.request(referralMutation('createReferral'), {
        input: referralInput(world.patient.id, world.targetProvider.providerId, { send: true }),
      });
      expectGraphqlError(response, 'NOT_FOUND');
      expect(await countReferrals(world.coordinatorC.client)).toBe(0);
    });
  });

  it('answers NOT_FOUND for a referral to a provider that does not exist, and writes nothing', async () => {
    const before = await countReferrals(world.coordinatorA.client);
    const response = await world.coordinatorA.client.request(referralMutation('createReferral'), {
      input: referralInput(world.patient.id, randomUUID(), { send: true }),
    });
    expectGraphqlError(response, 'NOT_FOUND');
    expect(await countReferrals(world.coordinatorA.client)).toBe(before);
  });

  it('lets the platform admin see everything', async () => {
    expect((await readReferral(world.platformAdmin, draft.id)).id).toBe(draft.id);
    expect((await world.platformAdmin.ok<{ patient: { id: string } }>(PATIENT, { id: world.patient.id })).patient.id).toBe(world.patient.id);
  });
});
