import { Technique } from '@referloop/common';
import { TreatmentPlans, Visits } from '@referloop/episode';
import { STATES } from '../support/lifecycle-moves';
import { Cast, codeOf, referralInState, useServices } from '../support/services';

/**
 * The steps of an episode that only the treating provider takes, on the services, role by role
 * and status by status: setting the treatment plan (TreatmentPlans.set) and recording a visit
 * (Visits.record). A visible referral that is not the caller's to treat is FORBIDDEN, one it
 * cannot see NOT_FOUND, a status without an episode INVALID_TRANSITION; nothing is written
 * unless the step is allowed. Over HTTP, treatment-plan.e2e-spec.ts and visits.e2e-spec.ts keep
 * one role of each answer and one refused status.
 */
type Role = keyof Cast;

/** What a caller other than the treating provider gets for a SCHEDULED referral of coordinator A's to the target provider. */
const REFUSED: Record<Exclude<Role, 'targetProvider'>, 'FORBIDDEN' | 'NOT_FOUND'> = {
  platformAdmin: 'FORBIDDEN',
  adminA: 'FORBIDDEN',
  coordinatorA: 'FORBIDDEN',
  referringProvider: 'NOT_FOUND',
  adminB: 'FORBIDDEN',
  coordinatorB: 'FORBIDDEN',
  alternateProvider: 'NOT_FOUND',
  coordinatorC: 'NOT_FOUND',
  unrelatedProvider: 'NOT_FOUND',
};

const PLANNED_IN = ['ACCEPTED', 'SCHEDULED', 'IN_TREATMENT'];
const VISITED_IN = ['SCHEDULED', 'IN_TREATMENT'];

describe('episode steps on the services: the treating provider alone, only during the episode', () => {
  const services = useServices();

  const plan = (referralId: string) => ({
    referralId,
    longTermGoal: 'Full pain-free overhead reach',
    shortTermGoals: [{ description: 'Flexion to 140°', targetVisit: 2 }],
    plannedVisits: 6,
    visitsPerWeek: 1,
  });
  // Now: neither in the future nor before the referral was sent.
  const visit = (referralId: string) => ({ referralId, at: new Date(), attended: true, techniquesUsed: [Technique.STRENGTHENING_EXERCISE] });
  const setPlan = (role: Role, referralId: string) => services.get(TreatmentPlans).set(services.actors[role], plan(referralId));
  const recordVisit = (role: Role, referralId: string) => services.get(Visits).record(services.actors[role], visit(referralId));

  const written = async (referralId: string) => {
    const [row] = await services.db.query<Array<{ plans: number; visits: number; version: number }>>(
      `SELECT (SELECT count(*)::int FROM treatment_plans WHERE referral_id = $1) AS plans,
              (SELECT count(*)::int FROM visits WHERE referral_id = $1) AS visits,
              (SELECT version FROM referrals WHERE id = $1) AS version`,
      [referralId],
    );
    return row;
  };

  it.each(Object.entries(REFUSED))('%s gets %s setting the plan or recording a visit, and nothing is written', async (role, code) => {
    const referral = await referralInState(services, 'SCHEDULED');
    const before = await written(referral.id);
    expect(await codeOf(setPlan(role as Role, referral.id))).toBe(code);
    expect(await codeOf(recordVisit(role as Role, referral.id))).toBe(code);
    expect(await written(referral.id)).toEqual(before);
  });

  it.each(STATES)('on a %s referral the treating provider may set a plan, and record a visit, only during the episode', async (state) => {
    const referral = await referralInState(services, state);
    const before = await written(referral.id);
    // The receiving side never sees a draft.
    const refusal = state === 'DRAFT' ? 'NOT_FOUND' : 'INVALID_TRANSITION';
    if (PLANNED_IN.includes(state)) {
      expect((await setPlan('targetProvider', referral.id)).plan.version).toBe(1);
    } else {
      expect(await codeOf(setPlan('targetProvider', referral.id))).toBe(refusal);
    }
    if (VISITED_IN.includes(state)) {
      expect((await recordVisit('targetProvider', referral.id)).visit.number).toBe(1);
    } else {
      expect(await codeOf(recordVisit('targetProvider', referral.id))).toBe(refusal);
    }
    const planned = PLANNED_IN.includes(state) ? 1 : 0;
    const visited = VISITED_IN.includes(state) ? 1 : 0;
    expect(await written(referral.id)).toEqual({ plans: planned, visits: visited, version: before.version + planned + visited });
  });
});
