import { GraphqlClient } from './support/graphql-client';
import { clinicInput, createPatient, patientInput } from './support/fixtures';
import { expectGraphqlError, expectNoLeakedInternals } from './support/expectations';
import { CREATE_CLINIC, CREATE_PATIENT, PATIENT, PATIENTS, UPDATE_PATIENT } from './support/operations';
import { useWorld } from './support/file-setup';

/**
 * Review regressions on patient (and clinic) input:
 *  - updatePatient must refuse `null` for a required column instead of writing it (or crashing
 *    on the NOT NULL constraint); `null` clears the optional email and phone.
 *  - a phone whose digits are valid but whose text is longer than the column (32) is bad input,
 *    never an INTERNAL_SERVER_ERROR from PostgreSQL.
 */
interface PatientView {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  dateOfBirth: string;
  phone: string | null;
  emailConsent: boolean;
}

async function readPatient(client: GraphqlClient, id: string): Promise<PatientView> {
  const data = await client.ok<{ patient: PatientView }>(PATIENT, { id });
  return data.patient;
}

async function countPatients(client: GraphqlClient): Promise<number> {
  const data = await client.ok<{ patients: { totalCount: number } }>(PATIENTS, { first: 1 });
  return data.patients.totalCount;
}

/** Valid digits (7 of them), padded past the 32-character column. */
const PADDED_PHONES: Array<[string, string]> = [
  ['trailing spaces', `555-1234${' '.repeat(30)}`],
  ['inner spaces', `555${' '.repeat(30)}-1234`],
  ['leading spaces', `${' '.repeat(30)}555-1234`],
];

describe('review regressions: patient and phone input', () => {
  const { world } = useWorld();

  describe('updatePatient with explicit nulls', () => {
    it.each(['firstName', 'lastName', 'dateOfBirth', 'emailConsent'].map((field) => [field, `input.${field}`]))(
      '%s: null → BAD_USER_INPUT naming %s, and the patient is unchanged',
      async (field, path) => {
        const patient = await createPatient(world.coordinatorA.client, world.clinicA.id, { phone: '+1 312-555-0142' });
        const before = await readPatient(world.coordinatorA.client, patient.id);

        const response = await world.coordinatorA.client.request(UPDATE_PATIENT, { input: { id: patient.id, [field]: null } });

        expectGraphqlError(response, 'BAD_USER_INPUT', path);
        expect(await readPatient(world.coordinatorA.client, patient.id)).toEqual(before);
      },
    );

    it('refuses a null required field even next to a valid change, and applies neither', async () => {
      const patient = await createPatient(world.coordinatorA.client, world.clinicA.id);
      const before = await readPatient(world.coordinatorA.client, patient.id);
      const response = await world.coordinatorA.client.request(UPDATE_PATIENT, {
        input: { id: patient.id, lastName: 'Changed', firstName: null },
      });
      expectGraphqlError(response, 'BAD_USER_INPUT', 'input.firstName');
      expect(await readPatient(world.coordinatorA.client, patient.id)).toEqual(before);
    });

    it.each(['email', 'phone'])('%s: null clears the value and leaves the rest as it was', async (field) => {
      const patient = await createPatient(world.coordinatorA.client, world.clinicA.id, { phone: '+1 312-555-0143' });
      const before = await readPatient(world.coordinatorA.client, patient.id);
      expect(before[field as 'email' | 'phone']).not.toBeNull();

      const data = await world.coordinatorA.client.ok<{ updatePatient: PatientView }>(UPDATE_PATIENT, { input: { id: patient.id, [field]: null } });

      const expected = { ...before, [field]: null };
      expect(data.updatePatient).toEqual(expected);
      expect(await readPatient(world.coordinatorA.client, patient.id)).toEqual(expected);
    });
  });

  describe('a phone padded past 32 characters', () => {
    it.each(PADDED_PHONES)('createPatient with %s → BAD_USER_INPUT naming input.phone, nothing written', async (_label, phone) => {
      expect(phone.length).toBeGreaterThan(32);
      const before = await countPatients(world.coordinatorA.client);
      const response = await world.coordinatorA.client.request(CREATE_PATIENT, { input: patientInput(world.clinicA.id, { phone }) });
      expectGraphqlError(response, 'BAD_USER_INPUT', 'input.phone');
      expect(await countPatients(world.coordinatorA.client)).toBe(before);
    });

    it.each(PADDED_PHONES)('updatePatient with %s → BAD_USER_INPUT naming input.phone, the patient unchanged', async (_label, phone) => {
      const patient = await createPatient(world.coordinatorA.client, world.clinicA.id, { phone: '+1 312-555-0144' });
      const before = await readPatient(world.coordinatorA.client, patient.id);
      const response = await world.coordinatorA.client.request(UPDATE_PATIENT, { input: { id: patient.id, phone } });
      expectGraphqlError(response, 'BAD_USER_INPUT', 'input.phone');
      expect(await readPatient(world.coordinatorA.client, patient.id)).toEqual(before);
    });

    it.each(PADDED_PHONES)('createClinic with %s → BAD_USER_INPUT naming input.phone', async (_label, phone) => {
      const response = await world.platformAdmin.request(CREATE_CLINIC, { input: clinicInput({ phone }) });
      expectGraphqlError(response, 'BAD_USER_INPUT', 'input.phone');
      expectNoLeakedInternals(response);
    });

    it('accepts the same digits without the padding (positive control)', async () => {
      const created = await world.coordinatorA.client.ok<{ createPatient: PatientView }>(CREATE_PATIENT, {
        input: patientInput(world.clinicA.id, { phone: '555-1234' }),
      });
      expect(created.createPatient.phone).toBe('555-1234');
      await world.platformAdmin.ok(CREATE_CLINIC, { input: clinicInput({ phone: '555-1234' }) });
    });
  });
});
