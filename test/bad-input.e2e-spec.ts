import { GraphqlClient, GraphqlResponse } from './support/graphql-client';
import { clinicInput, countReferrals, patientInput, rangeOfMotionFinding, referralInput } from './support/fixtures';
import { expectGraphqlError, expectNoLeakedInternals } from './support/expectations';
import { CREATE_CLINIC, CREATE_PATIENT, PATIENT, PATIENTS, REFERRAL, REFERRALS, UPDATE_PATIENT, referralMutation } from './support/operations';
import { World } from './support/world';
import { useWorld } from './support/file-setup';

/**
 * Every bad input answers BAD_USER_INPUT naming the first offending field and writes nothing
 * (the relevant list's totalCount is the same afterwards).
 */
async function countPatients(client: GraphqlClient): Promise<number> {
  const data = await client.ok<{ patients: { totalCount: number } }>(PATIENTS, { first: 1 });
  return data.patients.totalCount;
}

interface BadInputCase {
  label: string;
  field: string;
  send: (world: World) => Promise<GraphqlResponse>;
  count?: (world: World) => Promise<number>;
}

const createReferralWith = (overrides: Record<string, unknown>) => (world: World) =>
  world.coordinatorA.client.request(referralMutation('createReferral'), {
    input: referralInput(world.patient.id, world.targetProvider.providerId, { send: true, ...overrides }),
  });

const assessmentWith = (findings: Array<Record<string, unknown>>) => ({ postureNotes: 'Rounded shoulders', rangeOfMotion: findings });

const createPatientWith = (overrides: Record<string, unknown>) => (world: World) =>
  world.coordinatorA.client.request(CREATE_PATIENT, { input: patientInput(world.clinicA.id, overrides) });

const createClinicWith = (overrides: Record<string, unknown>) => (world: World) =>
  world.platformAdmin.request(CREATE_CLINIC, { input: clinicInput(overrides) });

const referralCount = (world: World) => countReferrals(world.coordinatorA.client);
const patientCount = (world: World) => countPatients(world.coordinatorA.client);

const CASES: BadInputCase[] = [
  {
    label: 'pain score 11',
    field: 'input.assessment.rangeOfMotion.0.painScore',
    send: createReferralWith({ assessment: assessmentWith([rangeOfMotionFinding({ painScore: 11 })]) }),
    count: referralCount,
  },
  {
    label: 'pain score -1 in the second finding',
    field: 'input.assessment.rangeOfMotion.1.painScore',
    send: createReferralWith({ assessment: assessmentWith([rangeOfMotionFinding(), rangeOfMotionFinding({ painScore: -1 })]) }),
    count: referralCount,
  },
  {
    label: 'measured degrees 400',
    field: 'input.assessment.rangeOfMotion.0.measuredDegrees',
    send: createReferralWith({ assessment: assessmentWith([rangeOfMotionFinding({ measuredDegrees: 400 })]) }),
    count: referralCount,
  },
  {
    label: 'expected degrees -5',
    field: 'input.assessment.rangeOfMotion.0.expectedDegrees',
    send: createReferralWith({ assessment: assessmentWith([rangeOfMotionFinding({ expectedDegrees: -5 })]) }),
    count: referralCount,
  },
  { label: 'no conditions', field: 'input.conditions', send: createReferralWith({ conditions: [] }), count: referralCount },
  { label: 'an empty reason', field: 'input.reason', send: createReferralWith({ reason: '' }), count: referralCount },
  { label: 'a negative visit budget', field: 'input.recommendedVisits', send: createReferralWith({ recommendedVisits: -1 }), count: referralCount },
  { label: 'a patient email without @', field: 'input.email', send: createPatientWith({ email: 'not-an-email' }), count: patientCount },
  { label: 'dateOfBirth 2023-02-30', field: 'input.dateOfBirth', send: createPatientWith({ dateOfBirth: '2023-02-30' }), count: patientCount },
  { label: 'dateOfBirth in another format', field: 'input.dateOfBirth', send: createPatientWith({ dateOfBirth: '01/01/1980' }), count: patientCount },
  { label: 'a phone with letters', field: 'input.phone', send: createPatientWith({ phone: '+1 555 CALL NOW' }), count: patientCount },
  { label: 'a phone with 6 digits', field: 'input.phone', send: createPatientWith({ phone: '555-123' }), count: patientCount },
  { label: 'a phone with 16 digits', field: 'input.phone', send: createPatientWith({ phone: '+1234567890123456' }), count: patientCount },
  { label: 'an empty first name', field: 'input.firstName', send: createPatientWith({ firstName: '' }), count: patientCount },
  { label: 'a reason of 4,001 characters', field: 'input.reason', send: createReferralWith({ reason: 'x'.repeat(4001) }), count: referralCount },
  { label: 'an idempotency key of 101 characters', field: 'input.idempotencyKey', send: createReferralWith({ idempotencyKey: 'k'.repeat(101) }), count: referralCount },
  { label: 'a first name of 101 characters', field: 'input.firstName', send: createPatientWith({ firstName: 'N'.repeat(101) }), count: patientCount },
  { label: 'an email of 255 characters', field: 'input.email', send: createPatientWith({ email: `${'e'.repeat(243)}@example.org` }), count: patientCount },
  { label: 'a dateOfBirth in the future', field: 'input.dateOfBirth', send: createPatientWith({ dateOfBirth: '2999-01-01' }), count: patientCount },
  { label: 'a clinic name of 201 characters', field: 'input.name', send: createClinicWith({ name: 'C'.repeat(201) }) },
  { label: 'a clinic at latitude 91', field: 'input.location.latitude', send: createClinicWith({ location: { latitude: 91, longitude: 0 } }) },
  { label: 'a clinic at longitude -181', field: 'input.location.longitude', send: createClinicWith({ location: { latitude: 0, longitude: -181 } }) },
  { label: 'a clinic in time zone Mars/Base', field: 'input.timeZone', send: createClinicWith({ timeZone: 'Mars/Base' }) },
  { label: 'a clinic with a bad email', field: 'input.email', send: createClinicWith({ email: 'clinic@' }) },
];

describe('bad input', () => {
  const { world } = useWorld();

  it.each(CASES.map((c) => [c.label, c.field, c] as const))('%s → BAD_USER_INPUT naming %s, nothing written', async (_label, field, badCase) => {
    const before = badCase.count ? await badCase.count(world) : undefined;
    const response = await badCase.send(world);
    expectGraphqlError(response, 'BAD_USER_INPUT', field);
    if (badCase.count) expect(await badCase.count(world)).toBe(before);
  });

  it('updatePatient with a bad email answers BAD_USER_INPUT and leaves the patient as it was', async () => {
    const response = await world.coordinatorA.client.request(UPDATE_PATIENT, { input: { id: world.patient.id, email: 'still not an email' } });
    expectGraphqlError(response, 'BAD_USER_INPUT', 'input.email');
    const data = await world.coordinatorA.client.ok<{ patient: { email: string } }>(PATIENT, { id: world.patient.id });
    expect(data.patient.email).toBe(world.patient.email);
  });

  describe('pagination arguments', () => {
    const notACursor = Buffer.from('yesterday|not-a-uuid').toString('base64url');
    it.each([
      ['referrals first: 101', REFERRALS, { first: 101 }],
      ['referrals first: 0', REFERRALS, { first: 0 }],
      ['referrals after: a bogus cursor', REFERRALS, { after: 'bogus' }],
      ['referrals after: a well-encoded bogus cursor', REFERRALS, { after: notACursor }],
      ['patients first: 101', PATIENTS, { first: 101 }],
      ['patients after: a bogus cursor', PATIENTS, { after: '%%%' }],
    ])('%s → BAD_USER_INPUT', async (_label, query, variables) => {
      const response = await world.coordinatorA.client.request(query, variables);
      expectGraphqlError(response, 'BAD_USER_INPUT');
    });

    it('100 is allowed (positive control)', async () => {
      const data = await world.coordinatorA.client.ok<{ referrals: { totalCount: number } }>(REFERRALS, { first: 100 });
      expect(data.referrals.totalCount).toBeGreaterThanOrEqual(0);
    });
  });

  describe('unknown enum values and malformed requests', () => {
    it('an unknown enum value in variables → BAD_USER_INPUT, nothing written, no internals', async () => {
      const before = await countReferrals(world.coordinatorA.client);
      const response = await createReferralWith({ modality: 'YOGA' })(world);
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(response.errors?.[0]?.extensions?.code);
      expectNoLeakedInternals(response);
      expect(await countReferrals(world.coordinatorA.client)).toBe(before);
    });

    it('an unknown condition in variables → BAD_USER_INPUT', async () => {
      const response = await createReferralWith({ conditions: ['BROKEN_HEART'] })(world);
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(response.errors?.[0]?.extensions?.code);
      expectNoLeakedInternals(response);
    });

    it('an unknown enum literal in the query → a validation error without internals', async () => {
      const response = await world.coordinatorA.client.request('{ referrals(filter: { status: [NOPE] }) { totalCount } }');
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(response.errors?.[0]?.extensions?.code);
      expect(response.data ?? null).toBeNull();
      expectNoLeakedInternals(response);
    });

    it('a syntax error → GRAPHQL_PARSE_FAILED without internals', async () => {
      const response = await world.coordinatorA.client.request('{ referrals(first: ) { totalCount ');
      expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expectNoLeakedInternals(response);
    });

    it.each([
      ['patient', PATIENT],
      ['referral', REFERRAL],
    ])('a %s id that is not a UUID → NOT_FOUND or BAD_USER_INPUT, never an internal (SQL) error', async (_label, query) => {
      const response = await world.coordinatorA.client.request(query, { id: "1' OR '1'='1" });
      expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(response.errors?.[0]?.extensions?.code);
      expectNoLeakedInternals(response);
    });

    it('an Int beyond 32 bits → BAD_USER_INPUT, not an internal error', async () => {
      const response = await createReferralWith({ recommendedVisits: 2 ** 31 })(world);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expectNoLeakedInternals(response);
    });

    it('a search with LIKE wildcards matches them literally', async () => {
      for (const search of ['%', '_', '\\']) {
        const data = await world.coordinatorA.client.ok<{ patients: { totalCount: number } }>(PATIENTS, { filter: { search }, first: 10 });
        expect({ search, totalCount: data.patients.totalCount }).toEqual({ search, totalCount: 0 });
      }
    });
  });
});
