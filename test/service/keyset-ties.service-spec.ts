import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PageRequest, pageRequest, toConnection, UserRole } from '@referloop/common';
import { PatientRepository } from '@referloop/patients';
import { ProviderRepository } from '@referloop/providers';
import { UserRepository } from '@referloop/auth';
import { ClinicRepository } from '@referloop/clinics';
import { ReferralRepository } from '../support/referrals-internals';
import { clinicInput, patientInput, referralInput, uniqueEmail } from '../support/inputs';
import { createWithTies, expectEachExactlyOnce, Page, tieInTable, walkOneByOne } from '../support/keyset';
import { ReferralService } from '../support/referrals-internals';
import { useServices } from '../support/services';

/**
 * Keyset pagination across rows created in the same millisecond (see support/keyset.ts), on
 * the repositories with the cursors the API hands out (pageRequest, toConnection): patients,
 * providers and referrals. Over HTTP, regression-keyset-ties.e2e-spec.ts walks patients and the
 * audit trail, whose entries only requests write.
 */
describe('keyset pagination on the services across same-millisecond rows', () => {
  const services = useServices();

  /** One page of `first: 1` after `after`, as the resolvers build it. */
  const pageOf = async <R extends { id: string; createdAt: Date }>(
    list: (page: PageRequest) => { rows: Promise<R[]> },
    after: string | null,
  ): Promise<Page> => {
    const page = pageRequest({ first: 1, after: after ?? undefined });
    const connection = toConnection(await list(page).rows, page, async () => 0, (row) => ({ id: row.id, time: row.createdAt.toISOString() }));
    return { pageInfo: connection.pageInfo, edges: connection.edges };
  };

  /** Ties made in SQL when the machine is too busy for concurrent creates to share a millisecond. */
  const tie = (table: 'patients' | 'providers' | 'referrals') =>
    tieInTable(async (sql, params) => {
      // TypeORM answers an UPDATE with [rows, affectedCount].
      const [rows] = await services.get(DataSource).query<[Array<{ time: Date }>, number]>(sql, params);
      return rows;
    }, table, 'created_at');

  it('patients: every concurrently created patient served exactly once, newest first', async () => {
    const patients = services.get(PatientRepository);
    // A clinic of its own, so the list holds exactly the patients created here.
    const { id: clinicId } = await services.get(ClinicRepository).create(clinicInput({ name: 'Keyset clinic' }) as never);
    const coordinator = await services.get(UserRepository).insert({
      email: uniqueEmail('keyset.coordinator'),
      passwordHash: 'not used: nobody signs in',
      displayName: 'Keyset coordinator',
      role: UserRole.COORDINATOR,
      clinicId,
    });
    const actor = { userId: coordinator?.id as string, role: UserRole.COORDINATOR, clinicId, providerId: null, sessionId: null, ipAddress: null };
    const created = await createWithTies(async (index) => {
      const patient = await patients.insert(patientInput(clinicId, { firstName: `Tie${index}` }) as never);
      return { id: patient.id, time: patient.createdAt.toISOString() };
    }, tie('patients'));
    const served = await walkOneByOne((after) => pageOf((page) => patients.list(actor, 'Tie', page), after), created.length);
    expectEachExactlyOnce(served, created);
  });

  it('providers: every concurrently created provider served exactly once, newest first', async () => {
    const [users, providers] = [services.get(UserRepository), services.get(ProviderRepository)];
    const clinicId = services.record.clinicB.id;
    const created = await createWithTies(async (index) => {
      const email = uniqueEmail('tie.provider');
      const user = await users.insert({ email, passwordHash: 'not used: nobody signs in', displayName: `Tie provider ${index}`, role: UserRole.PROVIDER, clinicId });
      const provider = await providers.insert({
        clinicId,
        userId: user?.id as string,
        displayName: `Tie provider ${index}`,
        email,
        modalities: ['CHIROPRACTIC'],
        techniques: ['SPINAL_MANIPULATION'],
        conditions: ['BACK_PAIN'],
        acceptingNewPatients: true,
        weeklyCapacity: 10,
        location: { latitude: 41.9, longitude: -87.65 },
      } as never);
      return { id: provider?.id as string, time: provider?.createdAt.toISOString() as string };
    }, tie('providers'));
    const served = await walkOneByOne((after) => pageOf((page) => providers.list({ modality: 'CHIROPRACTIC' } as never, page), after), created.length);
    expectEachExactlyOnce(served, created);
  });

  it('referrals: every concurrently created referral served exactly once, newest first', async () => {
    const referrer = services.actors.coordinatorA;
    const patient = await services.get(PatientRepository).insert(patientInput(services.record.clinicA.id, { firstName: 'Referred' }) as never);
    const targetId = services.record.actors.targetProvider.providerId as string;
    const created = await createWithTies(
      async (index) => {
        const input = { ...referralInput(patient.id, targetId, { reason: `Tie ${index}` }), idempotencyKey: randomUUID() };
        const referral = await services.get(ReferralService).create(referrer, input as never);
        return { id: referral.id, time: referral.created_at.toISOString() };
      },
      tie('referrals'),
    );
    const referrals = services.get(ReferralRepository);
    const list = (page: PageRequest) => {
      const { rows } = referrals.list(referrer, { patientId: patient.id }, page);
      return { rows: rows.then((found) => found.map((row) => ({ id: row.id, createdAt: row.created_at }))) };
    };
    const served = await walkOneByOne((after) => pageOf(list, after), created.length);
    expectEachExactlyOnce(served, created);
  });
});
