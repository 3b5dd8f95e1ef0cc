import { pageRequest } from '@referloop/common';
import { PatientRepository } from '@referloop/patients';
import { ReferralDirection, ReferralRow } from '@referloop/referrals';
import { ReferralRepository } from '../support/referrals-internals';
import { ReferralTransitions } from '../support/referrals-internals';
import { Cast, codeOf, referralInState, useServices } from '../support/services';

/**
 * Tenancy, role by role, on the services: who finds a sent referral and a draft (by id, by
 * reference, in each list), who finds their patient, and that whoever does not see a referral
 * cannot act on it either. Over HTTP, test/tenancy.e2e-spec.ts holds what the API adds: a
 * hidden referral or patient answers exactly as one that does not exist.
 */
type Role = keyof Cast;

/** Coordinator A sends one referral to the target provider (clinic B) and keeps one as a draft. */
interface Sight {
  /** [the sent referral, the draft] by id, by reference and in the unfiltered list. */
  seen: [boolean, boolean];
  inbound: [boolean, boolean];
  outbound: [boolean, boolean];
  /** The referrals' patient (clinic A's) by id. */
  patient: boolean;
  /** The same patient in the role's patient list (its own clinic's patients). */
  patientListed: boolean;
}

const none: Sight = { seen: [false, false], inbound: [false, false], outbound: [false, false], patient: false, patientListed: false };
const referringStaff: Sight = { seen: [true, true], inbound: [false, false], outbound: [true, true], patient: true, patientListed: true };
const receivingSide: Sight = { seen: [true, false], inbound: [true, false], outbound: [false, false], patient: true, patientListed: false };

const SIGHT: Record<Role, Sight> = {
  platformAdmin: { seen: [true, true], inbound: [true, true], outbound: [true, true], patient: true, patientListed: true },
  adminA: referringStaff,
  coordinatorA: referringStaff,
  // A provider of the referring clinic who did not write the referral: the clinic's patient, not its referrals.
  referringProvider: { ...none, patient: true, patientListed: true },
  adminB: receivingSide,
  coordinatorB: receivingSide,
  targetProvider: receivingSide,
  // The same clinic as the target provider, but not addressed.
  alternateProvider: none,
  coordinatorC: none,
  unrelatedProvider: none,
};

describe('tenancy on the services, role by role', () => {
  const services = useServices();
  let sent: ReferralRow;
  let draft: ReferralRow;

  beforeAll(async () => {
    sent = await referralInState(services, 'SENT');
    draft = await referralInState(services, 'DRAFT');
  });

  const listed = async (role: Role, filter: Record<string, unknown> = {}) => {
    const { rows } = services.get(ReferralRepository).list(services.actors[role], filter, pageRequest({ first: 100 }));
    return new Set((await rows).map((row) => row.id));
  };
  const both = () => [sent, draft];

  it.each(Object.keys(SIGHT) as Role[])('%s finds the sent referral and the draft exactly where its role allows', async (role) => {
    const actor = services.actors[role];
    const referrals = services.get(ReferralRepository);
    const [all, inbound, outbound] = [await listed(role), await listed(role, { direction: ReferralDirection.INBOUND }), await listed(role, { direction: ReferralDirection.OUTBOUND })];
    const found = await Promise.all(
      both().map(async (referral) => ({
        byId: (await referrals.findVisible(actor, referral.id))?.id === referral.id,
        byReference: (await referrals.findVisibleByReference(actor, referral.reference))?.id === referral.id,
        listed: all.has(referral.id),
        inbound: inbound.has(referral.id),
        outbound: outbound.has(referral.id),
      })),
    );
    const { seen, inbound: inInbound, outbound: inOutbound } = SIGHT[role];
    expect(found).toEqual(
      [0, 1].map((index) => ({ byId: seen[index], byReference: seen[index], listed: seen[index], inbound: inInbound[index], outbound: inOutbound[index] })),
    );
  });

  it.each(Object.keys(SIGHT) as Role[])('%s finds the patient by id, and in its patient list, exactly where its role allows', async (role) => {
    const actor = services.actors[role];
    const patients = services.get(PatientRepository);
    const { rows } = patients.list(actor, undefined, pageRequest({ first: 100 }));
    expect({
      byId: (await patients.findVisible(actor, services.record.patient.id))?.id === services.record.patient.id,
      listed: (await rows).some((patient) => patient.id === services.record.patient.id),
    }).toEqual({ byId: SIGHT[role].patient, listed: SIGHT[role].patientListed });
  });

  it.each((Object.keys(SIGHT) as Role[]).filter((role) => !SIGHT[role].seen[0]))(
    '%s, who does not see the sent referral, gets NOT_FOUND accepting it, and nothing changes',
    async (role) => {
      expect(await codeOf(services.get(ReferralTransitions).accept(services.actors[role], { id: sent.id }))).toBe('NOT_FOUND');
      const after = await services.get(ReferralRepository).findVisible(services.actors.coordinatorA, sent.id);
      expect(after).toMatchObject({ status: 'SENT', version: sent.version });
    },
  );

  it.each(['coordinatorC', 'unrelatedProvider'] as const)('%s finds none of them under any filter, and counts none of the patient’s', async (role) => {
    for (const filter of [{}, { direction: ReferralDirection.INBOUND }, { direction: ReferralDirection.OUTBOUND }, { patientId: services.record.patient.id }, { status: ['SENT'] }]) {
      const ids = await listed(role, filter);
      expect({ filter, leaked: both().filter((referral) => ids.has(referral.id)).map((referral) => referral.id) }).toEqual({ filter, leaked: [] });
    }
    // Both queries awaited: a page query left running would be cut off by the file's teardown.
    const { rows, count } = services.get(ReferralRepository).list(services.actors[role], { patientId: services.record.patient.id }, pageRequest({ first: 1 }));
    expect({ rows: (await rows).length, count: await count() }).toEqual({ rows: 0, count: 0 });
  });
});
