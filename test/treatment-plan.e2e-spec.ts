import { expectGraphqlError } from './support/expectations';
import { appointmentIn, readReferral } from './support/fixtures';
import { GraphqlClient } from './support/graphql-client';
import { SET_PLAN } from './support/episode-operations';
import { referralMutation } from './support/operations';
import { referralIn } from './support/world';
import { useWorld } from './support/file-setup';

const PLAN_OF = `query plan($id: ID!) {
  referral(id: $id) {
    treatmentPlan { version longTermGoal plannedVisits }
    treatmentPlanHistory { version longTermGoal plannedVisits visitsPerWeek shortTermGoals { description targetVisit measure } setBy { id } }
    events { type fromStatus toStatus }
  }
}`;

interface PlanView {
  treatmentPlan: { version: number; longTermGoal: string; plannedVisits: number } | null;
  treatmentPlanHistory: Array<{ version: number; longTermGoal: string; plannedVisits: number; visitsPerWeek: number; setBy: { id: string } }>;
  events: Array<{ type: string; fromStatus: string; toStatus: string }>;
}

/** The plan of the seed: six weekly visits, the short-term goals met along the way. */
const seedPlan = (referralId: string, overrides: Record<string, unknown> = {}) => ({
  referralId,
  longTermGoal: 'Full pain-free overhead reach with the left arm',
  shortTermGoals: [
    { description: 'Shoulder flexion to 140°', targetVisit: 2, measure: 'goniometer, standing' },
    { description: 'Pain at most 3/10 reaching overhead', targetVisit: 4 },
    { description: 'Shoulder flexion to 170°', targetVisit: 6, measure: 'goniometer, standing' },
  ],
  plannedVisits: 6,
  visitsPerWeek: 1,
  techniques: ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY'],
  ...overrides,
});

/** The treatment plan: set by the treating provider, versioned, readable by both sides, refused to everyone else. */
describe('treatment plan', () => {
  const { world, db } = useWorld();

  const planOf = async (client: GraphqlClient, id: string) => (await client.ok<{ referral: PlanView }>(PLAN_OF, { id })).referral;
  const versionsInDb = async (id: string) =>
    (await db.query<{ version: number }>('SELECT version FROM treatment_plans WHERE referral_id = $1 ORDER BY version', [id])).rows.map((row) => row.version);

  it('the treating provider sets it on an accepted referral, then changes it: a new version, the first one kept', async () => {
    const referral = await referralIn(world, 'ACCEPTED');
    const first = await world.targetProvider.client.ok<{ setTreatmentPlan: Record<string, unknown> }>(SET_PLAN, { input: seedPlan(referral.id) });
    expect(first.setTreatmentPlan).toMatchObject({
      version: 1,
      longTermGoal: 'Full pain-free overhead reach with the left arm',
      plannedVisits: 6,
      visitsPerWeek: 1,
      techniques: ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY'],
      shortTermGoals: [
        { description: 'Shoulder flexion to 140°', targetVisit: 2, measure: 'goniometer, standing' },
        { description: 'Pain at most 3/10 reaching overhead', targetVisit: 4, measure: null },
        { description: 'Shoulder flexion to 170°', targetVisit: 6, measure: 'goniometer, standing' },
      ],
      setBy: { id: world.targetProvider.id },
    });

    const second = await world.targetProvider.client.ok<{ setTreatmentPlan: { version: number } }>(SET_PLAN, {
      input: seedPlan(referral.id, { plannedVisits: 8, expectedPlanVersion: 1 }),
    });
    expect(second.setTreatmentPlan.version).toBe(2);

    // The referrer reads the plan and its history; the first version is unchanged.
    const atReferrer = await planOf(world.coordinatorA.client, referral.id);
    expect(atReferrer.treatmentPlan).toMatchObject({ version: 2, plannedVisits: 8 });
    expect(atReferrer.treatmentPlanHistory.map((plan) => [plan.version, plan.plannedVisits])).toEqual([
      [1, 6],
      [2, 8],
    ]);
    expect(atReferrer.events.filter((event) => event.type === 'TREATMENT_PLAN_SET')).toEqual([
      { type: 'TREATMENT_PLAN_SET', fromStatus: 'ACCEPTED', toStatus: 'ACCEPTED' },
      { type: 'TREATMENT_PLAN_SET', fromStatus: 'ACCEPTED', toStatus: 'ACCEPTED' },
    ]);
    // The receiving clinic's staff read it too.
    expect((await planOf(world.coordinatorB.client, referral.id)).treatmentPlan?.version).toBe(2);

    // A stale expected version is a conflict, and writes nothing.
    const stale = await world.targetProvider.client.request(SET_PLAN, { input: seedPlan(referral.id, { expectedPlanVersion: 1 }) });
    expectGraphqlError(stale, 'CONFLICT');
    expect(stale.errors?.[0]?.extensions?.currentPlanVersion).toBe(2);
    expect(await versionsInDb(referral.id)).toEqual([1, 2]);

    // Versions are history: the database refuses to rewrite them.
    await expect(db.query('UPDATE treatment_plans SET planned_visits = 1 WHERE referral_id = $1', [referral.id])).rejects.toThrow();
    await expect(db.query('DELETE FROM treatment_plans WHERE referral_id = $1', [referral.id])).rejects.toThrow();
  });

  it('is the treating provider\'s alone: the referrer and the receiving staff are FORBIDDEN, others do not find the referral', async () => {
    const referral = await referralIn(world, 'SCHEDULED');
    const input = { input: seedPlan(referral.id) };
    // One role of each answer here; every role on the services (service/episode-steps.service-spec.ts).
    expectGraphqlError(await world.coordinatorA.client.request(SET_PLAN, input), 'FORBIDDEN');
    expectGraphqlError(await world.coordinatorC.client.request(SET_PLAN, input), 'NOT_FOUND');
    // Another clinic cannot read it either.
    expectGraphqlError(await world.coordinatorC.client.request(PLAN_OF, { id: referral.id }), 'NOT_FOUND');
    expect(await versionsInDb(referral.id)).toEqual([]);
    // The provider can, while scheduled.
    expect((await world.targetProvider.client.ok<{ setTreatmentPlan: { version: number } }>(SET_PLAN, input)).setTreatmentPlan.version).toBe(1);
  });

  // One status here; every status on the services (service/episode-steps.service-spec.ts).
  it.each(['SENT'] as const)('is refused on a %s referral (INVALID_TRANSITION)', async (state) => {
    const referral = await referralIn(world, state);
    const response = await world.targetProvider.client.request(SET_PLAN, { input: seedPlan(referral.id) });
    expectGraphqlError(response, 'INVALID_TRANSITION');
    expect(await versionsInDb(referral.id)).toEqual([]);
  });

  it.each([
    [{ shortTermGoals: [{ description: 'Flexion to 170°', targetVisit: 7 }] }, 'input.shortTermGoals.0.targetVisit'],
    [{ shortTermGoals: [] }, 'input.shortTermGoals'],
    [{ shortTermGoals: [{ description: '   ', targetVisit: 1 }] }, 'input.shortTermGoals.0.description'],
    [{ longTermGoal: '' }, 'input.longTermGoal'],
    [{ plannedVisits: 0 }, 'input.plannedVisits'],
    [{ visitsPerWeek: 8 }, 'input.visitsPerWeek'],
    [{ techniques: ['HOT_STONES'] }, 'input.techniques.0'],
    [{ referralId: 'not-an-id' }, 'input.referralId'],
  ])('%j is BAD_USER_INPUT naming %s, and writes nothing', async (overrides, field) => {
    const referral = await referralIn(world, 'ACCEPTED');
    expectGraphqlError(await world.targetProvider.client.request(SET_PLAN, { input: seedPlan(referral.id, overrides) }), 'BAD_USER_INPUT', field);
    expect(await versionsInDb(referral.id)).toEqual([]);
  });

  it('changes made at the same moment get consecutive versions, none lost', async () => {
    const referral = await referralIn(world, 'IN_TREATMENT');
    const { version } = await readReferral(world.targetProvider.client, referral.id);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => world.targetProvider.client.request(SET_PLAN, { input: seedPlan(referral.id, { plannedVisits: 6 + i }) })),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(results.map((result) => (result.data as { setTreatmentPlan: { version: number } }).setTreatmentPlan.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await versionsInDb(referral.id)).toEqual([1, 2, 3, 4, 5, 6]);
    // Each one a change to the referral too, none lost.
    expect((await readReferral(world.targetProvider.client, referral.id)).version).toBe(version + 6);
  });

  it('setting the plan is a change to the referral: its version goes up by one, and a client holding the old version gets a CONFLICT', async () => {
    const referral = await referralIn(world, 'SCHEDULED');
    const updatedAt = async () => (await db.query<{ updated_at: Date }>('SELECT updated_at FROM referrals WHERE id = $1', [referral.id])).rows[0].updated_at;
    const loaded = await readReferral(world.targetProvider.client, referral.id);
    const updatedBefore = await updatedAt();

    await world.targetProvider.client.ok(SET_PLAN, { input: seedPlan(referral.id) });
    const afterPlan = await readReferral(world.coordinatorA.client, referral.id);
    expect(afterPlan.version).toBe(loaded.version + 1);
    expect((await updatedAt()).getTime()).toBeGreaterThan(updatedBefore.getTime());
    expect(afterPlan.status).toBe('SCHEDULED');

    // The provider rescheduling, and the referrer cancelling, with the version loaded before the plan: both stale.
    const reschedule = (expectedVersion: number) =>
      world.targetProvider.client.request(referralMutation('scheduleReferral'), { input: { id: referral.id, appointmentAt: appointmentIn(5), expectedVersion } });
    const conflict = expectGraphqlError(await reschedule(loaded.version), 'CONFLICT');
    expect(conflict.extensions?.currentVersion).toBe(loaded.version + 1);
    expectGraphqlError(
      await world.coordinatorA.client.request(referralMutation('cancelReferral'), {
        input: { id: referral.id, reason: 'Patient moved away', expectedVersion: loaded.version },
      }),
      'CONFLICT',
    );
    const unchanged = await readReferral(world.coordinatorA.client, referral.id);
    expect(unchanged).toMatchObject({ status: 'SCHEDULED', version: loaded.version + 1, appointmentAt: loaded.appointmentAt });

    // Reloaded, the same step goes through.
    const retried = await reschedule(loaded.version + 1);
    expect(retried.errors).toBeUndefined();
    expect((await readReferral(world.coordinatorA.client, referral.id)).version).toBe(loaded.version + 2);
  });
});
