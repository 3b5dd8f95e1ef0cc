import { pageRequest } from '@referloop/common';
import { PatientRepository } from '@referloop/patients';
import { ReferralRow } from '@referloop/referrals';
import { patientInput } from '../support/inputs';
import { ReferralRepository } from '../support/referrals-internals';
import { Cast, referralInState, useServices } from '../support/services';

/**
 * The referrals list's search by patient name finds a referral only where the caller may read
 * its patient (the patient query's own condition), role by role. Tenancy alone is not taken as
 * enough: when a referral stays visible but its patient does not (here, the patient is moved to
 * another clinic behind the API's back), the list still shows the referral and the search no
 * longer finds it by that name.
 */
type Role = keyof Cast;

const ROLES: Role[] = ['platformAdmin', 'adminA', 'coordinatorA', 'referringProvider', 'adminB', 'coordinatorB', 'targetProvider', 'alternateProvider', 'coordinatorC', 'unrelatedProvider'];

describe('search by patient name: never a name the caller could not read', () => {
  const services = useServices();
  let patientId: string;
  let sent: ReferralRow;
  let draft: ReferralRow;

  beforeAll(async () => {
    const patient = await services.get(PatientRepository).insert(patientInput(services.record.clinicA.id, { firstName: 'Wilhelmina', lastName: 'Ostrowska' }) as never);
    patientId = patient.id;
    sent = await referralInState(services, 'SENT', { patientId });
    draft = await referralInState(services, 'DRAFT', { patientId });
  });

  const found = async (role: Role, search: string) => {
    const { rows, count } = services.get(ReferralRepository).list(services.actors[role], { search }, pageRequest({ first: 100 }));
    const ids = (await rows).map((row) => row.id).sort();
    expect(await count()).toBe(ids.length);
    return ids;
  };
  const listed = async (role: Role) => {
    const { rows } = services.get(ReferralRepository).list(services.actors[role], { patientId }, pageRequest({ first: 100 }));
    return (await rows).map((row) => row.id).sort();
  };
  const readsPatient = async (role: Role) => (await services.get(PatientRepository).findVisible(services.actors[role], patientId)) !== null;

  it.each(ROLES)('%s finds by the name exactly the referrals it sees, and only if it may read the patient', async (role) => {
    const seen = await listed(role);
    const expected = (await readsPatient(role)) ? seen : [];
    for (const search of ['wilhelmina', 'OSTROW', 'ostrowska wil']) {
      expect({ role, search, found: await found(role, search) }).toEqual({ role, search, found: expected });
    }
  });

  it('finds it for the sides that may read the patient: referrer (sent and draft), receiver (sent only), nobody else', async () => {
    const both = [sent.id, draft.id].sort();
    expect(await found('coordinatorA', 'wilhelmina')).toEqual(both);
    expect(await found('coordinatorB', 'wilhelmina')).toEqual([sent.id]);
    expect(await found('targetProvider', 'wilhelmina')).toEqual([sent.id]);
    expect(await found('referringProvider', 'wilhelmina')).toEqual([]);
    expect(await found('coordinatorC', 'wilhelmina')).toEqual([]);
  });

  describe('once the patient belongs to another clinic', () => {
    beforeAll(async () => {
      await services.db.query('UPDATE patients SET clinic_id = $1 WHERE id = $2', [services.record.clinicC.id, patientId]);
    });

    it('the referring clinic still lists its referrals but no longer finds them by the name it may not read', async () => {
      expect(await readsPatient('coordinatorA')).toBe(false);
      expect(await listed('coordinatorA')).toEqual([sent.id, draft.id].sort());
      expect(await found('coordinatorA', 'wilhelmina')).toEqual([]);
      expect(await found('coordinatorA', sent.reference)).toEqual([sent.id]);
    });

    it('the receiving side, which reads the patient through the referral sent to it, still finds it', async () => {
      expect(await readsPatient('coordinatorB')).toBe(true);
      expect(await found('coordinatorB', 'wilhelmina')).toEqual([sent.id]);
      expect(await found('targetProvider', 'ostrowska')).toEqual([sent.id]);
    });

    it('the patient’s new clinic, which sees none of the referrals, finds none', async () => {
      expect(await readsPatient('coordinatorC')).toBe(true);
      expect(await found('coordinatorC', 'wilhelmina')).toEqual([]);
    });
  });
});
