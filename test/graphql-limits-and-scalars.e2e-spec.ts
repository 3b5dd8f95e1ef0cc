import { Referral, appointmentIn, readReferral, runReferralMutation } from './support/fixtures';
import { expectGraphqlError, expectNoLeakedInternals } from './support/expectations';
import { CREATE_PATIENT, PATIENT, PATIENTS, UPDATE_PATIENT, REFERRAL } from './support/operations';
import { referralIn } from './support/world';
import { useWorld } from './support/file-setup';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** `referral { redirectedFrom { … { id } } }` with `depth` fields on the longest path. */
function nestedRedirectQuery(depth: number): string {
  let selection = 'id';
  for (let level = 2; level < depth; level += 1) selection = `id redirectedFrom { ${selection} }`;
  return `query deep($id: ID!) { referral(id: $id) { ${selection} } }`;
}

describe('GraphQL limits and scalars', () => {
  const { world } = useWorld();
  let referral: Referral;

  beforeAll(async () => {
    referral = await referralIn(world, 'SENT');
  });

  describe('depth limit (8)', () => {
    it('answers a query 8 levels deep (positive control)', async () => {
      const response = await world.coordinatorA.client.request(nestedRedirectQuery(8), { id: referral.id });
      expect(response.errors).toBeUndefined();
      expect(response.data?.referral?.id).toBe(referral.id);
    });

    it('refuses a query 9 levels deep before running it', async () => {
      const response = await world.coordinatorA.client.request(nestedRedirectQuery(9), { id: referral.id });
      expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(response.errors?.[0]?.extensions?.code);
      expect(response.data ?? null).toBeNull();
      expectNoLeakedInternals(response);
    });

    it('counts depth through fragments too', async () => {
      const query = `
        query deep($id: ID!) { referral(id: $id) { ...A } }
        fragment A on Referral { redirectedFrom { ...B } }
        fragment B on Referral { redirectedFrom { redirectedFrom { ...C } } }
        fragment C on Referral { redirectedFrom { redirectedFrom { redirectedFrom { redirectedFrom { id } } } } }`;
      const response = await world.coordinatorA.client.request(query, { id: referral.id });
      expect(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']).toContain(response.errors?.[0]?.extensions?.code);
    });
  });

  describe('list budget (300 items per request)', () => {
    const aliased = (count: number, first: string) =>
      `query many${first.startsWith('$') ? '($n: Int)' : ''} { ${Array.from(
        { length: count },
        (_, i) => `l${i}: referrals(first: ${first}) { edges { node { id } } }`,
      ).join(' ')} }`;

    it('answers three full pages in one request (positive control)', async () => {
      const response = await world.coordinatorA.client.request(aliased(3, '100'));
      expect(response.errors).toBeUndefined();
      expect(response.data?.l2?.edges?.length).toBeGreaterThan(0);
    });

    it('refuses aliases that together ask for more than 300 items, before running anything', async () => {
      const response = await world.coordinatorA.client.request(aliased(4, '100'));
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe('first');
      expect(response.errors?.[0]?.extensions?.http).toBeUndefined();
      expect(response.errors?.[0]?.message).toContain('400');
      expect(response.data ?? null).toBeNull();
    });

    it('resolves page sizes given as variables, and counts the default of 20 when none is given', async () => {
      const byVariable = await world.coordinatorA.client.request(aliased(4, '$n'), { n: 80 });
      expect(byVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const byDefault = await world.coordinatorA.client.request(
        `{ ${Array.from({ length: 15 }, (_, i) => `l${i}: referrals { edges { node { id } } }`).join(' ')} }`,
      );
      expect(byDefault.errors).toBeUndefined();
      const tooManyDefaults = await world.coordinatorA.client.request(
        `{ ${Array.from({ length: 16 }, (_, i) => `l${i}: referrals { edges { node { id } } }`).join(' ')} }`,
      );
      expect(tooManyDefaults.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('counts the first of a search input (matchProviders) too, given inline or in a variable', async () => {
      const search = (count: number, input: string) =>
        `query search${input === '$input' ? '($input: MatchProvidersInput!)' : ''} { ${Array.from({ length: count }, (_, i) => `m${i}: matchProviders(input: ${input}) { score }`).join(' ')} }`;
      const inline = '{ modality: MASSAGE, near: { latitude: 41.88, longitude: -87.63 }, first: 100 }';
      const input = { modality: 'MASSAGE', near: { latitude: 41.88, longitude: -87.63 }, first: 100 };
      expect((await world.coordinatorA.client.request(search(3, inline))).errors).toBeUndefined();
      const tooManyInline = await world.coordinatorA.client.request(search(4, inline));
      expect(tooManyInline.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(tooManyInline.errors?.[0]?.message).toContain('400');
      const tooManyByVariable = await world.coordinatorA.client.request(search(4, '$input'), { input });
      expect(tooManyByVariable.errors?.[0]?.message).toContain('400');
      // Without first, each search counts its default of 20.
      const withoutFirst = { modality: 'MASSAGE', near: input.near };
      expect((await world.coordinatorA.client.request(search(15, '$input'), { input: withoutFirst })).errors).toBeUndefined();
      expect((await world.coordinatorA.client.request(search(16, '$input'), { input: withoutFirst })).errors?.[0]?.message).toContain('320');
    });
  });

  describe('DateTime', () => {
    it('emits every instant in UTC ending in Z', async () => {
      const scheduled = await referralIn(world, 'SCHEDULED');
      const read = await readReferral(world.targetProvider.client, scheduled.id);
      for (const field of ['createdAt', 'sentAt', 'dueAt', 'respondedAt', 'appointmentAt'] as const) {
        expect({ field, value: read[field] }).toEqual({ field, value: expect.stringMatching(ISO_UTC) });
      }
      for (const event of read.events) expect(event.at).toMatch(ISO_UTC);
    });

    it('accepts an instant with an offset and returns the same instant in UTC', async () => {
      const accepted = await referralIn(world, 'ACCEPTED');
      const scheduled = await runReferralMutation(world.targetProvider.client, 'scheduleReferral', {
        id: accepted.id,
        appointmentAt: '2030-03-01T09:30:00-06:00',
      });
      expect(scheduled.appointmentAt).toBe('2030-03-01T15:30:00.000Z');
      expect((await readReferral(world.coordinatorA.client, accepted.id)).appointmentAt).toBe('2030-03-01T15:30:00.000Z');
    });

    it('refuses an instant without a time zone as bad input', async () => {
      const accepted = await referralIn(world, 'ACCEPTED');
      const response = await world.targetProvider.client.request(
        `mutation s($input: ScheduleReferralInput!) { scheduleReferral(input: $input) { id } }`,
        { input: { id: accepted.id, appointmentAt: appointmentIn(3).replace('Z', '') } },
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expectNoLeakedInternals(response);
    });
  });

  describe('LocalDate (dateOfBirth)', () => {
    it.each(['1980-01-01', '2000-02-29', '1999-12-31'])('round-trips %s exactly through create, read, list and update', async (dateOfBirth) => {
      const created = await world.coordinatorA.client.ok<{ createPatient: { id: string; dateOfBirth: string } }>(CREATE_PATIENT, {
        input: { clinicId: world.clinicA.id, firstName: 'Birthday', lastName: `Case${dateOfBirth}`, dateOfBirth, emailConsent: false },
      });
      expect(created.createPatient.dateOfBirth).toBe(dateOfBirth);
      const read = await world.coordinatorA.client.ok<{ patient: { dateOfBirth: string } }>(PATIENT, { id: created.createPatient.id });
      expect(read.patient.dateOfBirth).toBe(dateOfBirth);
      const listed = await world.coordinatorA.client.ok<{ patients: { edges: Array<{ node: { id: string; dateOfBirth: string } }> } }>(PATIENTS, {
        filter: { search: `Case${dateOfBirth}` },
        first: 10,
      });
      expect(listed.patients.edges.map((edge) => edge.node.dateOfBirth)).toEqual([dateOfBirth]);
      const updated = await world.coordinatorA.client.ok<{ updatePatient: { dateOfBirth: string; emailConsent: boolean } }>(UPDATE_PATIENT, {
        input: { id: created.createPatient.id, emailConsent: true },
      });
      expect(updated.updatePatient).toEqual({ ...updated.updatePatient, dateOfBirth, emailConsent: true });
    });

    it('withdrawing email consent is an update that sticks', async () => {
      const updated = await world.coordinatorA.client.ok<{ updatePatient: { emailConsent: boolean; dateOfBirth: string } }>(UPDATE_PATIENT, {
        input: { id: world.patient.id, emailConsent: false },
      });
      expect(updated.updatePatient.emailConsent).toBe(false);
      expect(updated.updatePatient.dateOfBirth).toBe('1980-01-01');
      const read = await world.coordinatorA.client.ok<{ patient: { emailConsent: boolean } }>(PATIENT, { id: world.patient.id });
      expect(read.patient.emailConsent).toBe(false);
    });

    it('the referral shows the patient of its clinic (and reading it via the referral works for the receiver)', async () => {
      const response = await world.coordinatorB.client.request(
        `query($id: ID!) { referral(id: $id) { patient { id dateOfBirth } } }`,
        { id: referral.id },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.referral?.patient).toEqual({ id: world.patient.id, dateOfBirth: '1980-01-01' });
      expectGraphqlError(await world.coordinatorC.client.request(REFERRAL, { id: referral.id }), 'NOT_FOUND');
    });
  });
});
