import { createSignedInUser, patientInput, readReferral, runReferralMutation } from './support/fixtures';
import { expectGraphqlError } from './support/expectations';
import { CREATE_PATIENT, DISABLE_USER, ME, PATIENT, REFERRAL, referralMutation } from './support/operations';
import { referralIn } from './support/world';
import { useWorld } from './support/file-setup';

/**
 * Review regression: ids are UUIDs, and a UUID in upper case is the same id. Comparisons made
 * in TypeScript (own clinic, own provider, own user) must agree with PostgreSQL, which reads
 * both spellings as one value.
 */
const upper = (id: string) => id.toUpperCase();

describe('review regressions: ids are case-insensitive', () => {
  const { world } = useWorld();

  it('sanity: the ids the API hands out are lower case, so upper-casing them changes the text', () => {
    for (const id of [world.clinicA.id, world.targetProvider.providerId, world.adminA.id]) {
      expect(id).toMatch(/[a-f]/);
      expect(upper(id)).not.toBe(id);
    }
  });

  it("createPatient with the caller's own clinicId in upper case succeeds like the lower-case one", async () => {
    const lower = await world.coordinatorA.client.request(CREATE_PATIENT, { input: patientInput(world.clinicA.id) });
    expect(lower.errors).toBeUndefined();

    const response = await world.coordinatorA.client.request<{ createPatient: { id: string } }>(CREATE_PATIENT, {
      input: patientInput(upper(world.clinicA.id)),
    });
    expect(response.errors).toBeUndefined();
    const created = response.data!.createPatient;
    const read = await world.coordinatorA.client.ok<{ patient: { id: string } }>(`query patient($id: ID!) { patient(id: $id) { id clinicId } }`, {
      id: created.id,
    });
    expect(read.patient).toEqual({ id: created.id, clinicId: world.clinicA.id });
  });

  it('createPatient for another clinic stays refused in upper case too', async () => {
    const response = await world.coordinatorA.client.request(CREATE_PATIENT, { input: patientInput(upper(world.clinicC.id)) });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(response.errors?.[0]?.extensions?.code);
  });

  it('referral(id: UPPER CASE) finds the referral; an outsider still gets NOT_FOUND', async () => {
    const referral = await referralIn(world, 'SENT');
    const found = await readReferral(world.coordinatorA.client, upper(referral.id));
    expect(found.id.toLowerCase()).toBe(referral.id);
    expect(found.reference).toBe(referral.reference);

    const asReceiver = await readReferral(world.targetProvider.client, upper(referral.id));
    expect(asReceiver.reference).toBe(referral.reference);

    expectGraphqlError(await world.coordinatorC.client.request(REFERRAL, { id: upper(referral.id) }), 'NOT_FOUND');
  });

  it('patient(id: UPPER CASE) finds the patient', async () => {
    const data = await world.coordinatorA.client.ok<{ patient: { id: string } }>(PATIENT, { id: upper(world.patient.id) });
    expect(data.patient.id.toLowerCase()).toBe(world.patient.id);
  });

  it('redirectReferral to the declining provider in upper case → BAD_USER_INPUT naming input.toProviderId, nothing re-sent', async () => {
    const declined = await referralIn(world, 'DECLINED');

    // Lower case is refused (control) ...
    const lowerCase = await world.coordinatorA.client.request(referralMutation('redirectReferral'), {
      input: { id: declined.id, toProviderId: world.targetProvider.providerId },
    });
    expectGraphqlError(lowerCase, 'BAD_USER_INPUT', 'input.toProviderId');

    // ... and so is the same id in upper case.
    const upperCase = await world.coordinatorA.client.request(referralMutation('redirectReferral'), {
      input: { id: declined.id, toProviderId: upper(world.targetProvider.providerId) },
    });
    expectGraphqlError(upperCase, 'BAD_USER_INPUT', 'input.toProviderId');

    const after = await readReferral(world.coordinatorA.client, declined.id);
    expect(after).toMatchObject({ status: 'DECLINED', version: declined.version, redirectedTo: null });
    expect(after.availableActions).toEqual(['REDIRECT']);

    // The redirect is still possible to another provider (positive control).
    const redirected = await runReferralMutation(world.coordinatorA.client, 'redirectReferral', {
      id: declined.id,
      toProviderId: upper(world.alternateProvider.providerId),
    });
    expect(redirected).toMatchObject({ status: 'SENT', toProvider: { id: world.alternateProvider.providerId } });
  });

  it('disableUser with your own id in upper case → BAD_USER_INPUT, and you stay enabled', async () => {
    const admin = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', world.clinicA.id);

    expectGraphqlError(await admin.client.request(DISABLE_USER, { input: { id: admin.id } }), 'BAD_USER_INPUT', 'input.id');
    expectGraphqlError(await admin.client.request(DISABLE_USER, { input: { id: upper(admin.id) } }), 'BAD_USER_INPUT', 'input.id');

    expect((await admin.client.ok<{ me: { id: string } }>(ME)).me.id).toBe(admin.id);
  });

  it('disableUser with your own id in upper case is refused to the platform admin as well', async () => {
    const me = await world.platformAdmin.ok<{ me: { id: string } }>(ME);
    expectGraphqlError(await world.platformAdmin.request(DISABLE_USER, { input: { id: upper(me.me.id) } }), 'BAD_USER_INPUT', 'input.id');
    expect((await world.platformAdmin.ok<{ me: { id: string } }>(ME)).me.id).toBe(me.me.id);
  });
});
