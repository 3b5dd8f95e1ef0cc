import { backdateReferral } from './support/backdate';
import { RECORD_VISIT } from './support/episode-operations';
import { setPlan } from './support/episode-reports';
import { expectGraphqlError } from './support/expectations';
import { rangeOfMotionFinding } from './support/fixtures';
import { referralIn } from './support/world';
import { useWorld } from './support/file-setup';

const EPISODE = `query episode($id: ID!) {
  referral(id: $id) {
    status version treatmentStartedAt sentAt
    visits { number attended overBudget planVersion shortTermGoalsMet }
    events { type fromStatus toStatus }
  }
}`;

interface Episode {
  status: string;
  version: number;
  treatmentStartedAt: string | null;
  sentAt: string;
  visits: Array<{ number: number; attended: boolean; overBudget: boolean; planVersion: number | null; shortTermGoalsMet: number[] }>;
  events: Array<{ type: string; fromStatus: string; toStatus: string }>;
}

const PROGRESS = `query progress($id: ID!) {
  referral(id: $id) {
    progress {
      measures { joint movement side firstDegrees latestDegrees expectedDegrees changeDegrees towardExpected }
      firstPainScore latestPainScore
      goals { position met metAtVisit }
      attendedVisits missedVisits plannedVisits
    }
  }
}`;

const DAY = 24 * 3_600_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** Visits of an episode: the first attended one starts treatment, no-shows are recorded, the budget is flagged. */
describe('visits', () => {
  const { world, db } = useWorld();

  const record = (referralId: string, overrides: Record<string, unknown> = {}, client = world.targetProvider.client) =>
    client.request<{ recordVisit: Record<string, unknown> }>(RECORD_VISIT, {
      input: { referralId, at: daysAgo(1), attended: true, techniquesUsed: ['STRENGTHENING_EXERCISE'], ...overrides },
    });
  const episode = async (id: string, client = world.coordinatorA.client) => (await client.ok<{ referral: Episode }>(EPISODE, { id })).referral;
  const visitsInDb = async (id: string) => (await db.query('SELECT number FROM visits WHERE referral_id = $1', [id])).rowCount;
  const plan = (referralId: string) => setPlan(world.targetProvider.client, referralId);

  it('a weekly episode: the first attended visit starts treatment, a no-show is recorded, the visit past the budget is flagged', async () => {
    const referral = await referralIn(world, 'SCHEDULED');
    // Sent eight weeks ago, so the episode's weekly visits come after it.
    await backdateReferral(db, referral.id, 56);
    await plan(referral.id);

    const first = await record(referral.id, {
      at: daysAgo(49),
      rangeOfMotion: [rangeOfMotionFinding({ measuredDegrees: 120, expectedDegrees: 180, painScore: 5 })],
      painScore: 5,
      notes: 'Kinesio taping applied to the left shoulder',
      techniquesUsed: ['KINESIO_TAPING'],
    });
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordVisit).toMatchObject({
      number: 1,
      attended: true,
      painScore: 5,
      planVersion: 1,
      overBudget: false,
      techniquesUsed: ['KINESIO_TAPING'],
      rangeOfMotion: [{ joint: 'SHOULDER', movement: 'FLEXION', side: 'LEFT', measuredDegrees: 120, expectedDegrees: 180, painScore: 5 }],
    });
    const started = await episode(referral.id);
    expect(started.status).toBe('IN_TREATMENT');
    expect(started.treatmentStartedAt).not.toBeNull();
    expect(started.events.filter((event) => event.type === 'TREATMENT_STARTED')).toEqual([
      { type: 'TREATMENT_STARTED', fromStatus: 'SCHEDULED', toStatus: 'IN_TREATMENT' },
    ]);

    // A missed week, then five more attended visits: six attended is the budget.
    expect((await record(referral.id, { at: daysAgo(42), attended: false, techniquesUsed: [] })).errors).toBeUndefined();
    for (let week = 5; week >= 1; week -= 1) {
      const visit = await record(
        referral.id,
        week === 3
          ? { at: daysAgo(week * 7), shortTermGoalsMet: [1, 2], painScore: 2, rangeOfMotion: [rangeOfMotionFinding({ measuredDegrees: 165, expectedDegrees: 180 })] }
          : { at: daysAgo(week * 7) },
      );
      expect(visit.errors).toBeUndefined();
      expect(visit.data?.recordVisit.overBudget).toBe(false);
    }
    // One more than planned: allowed, but flagged.
    const extra = await record(referral.id, { at: daysAgo(0.5) });
    expect(extra.data?.recordVisit).toMatchObject({ number: 8, overBudget: true });

    const after = await episode(referral.id);
    expect(after.status).toBe('IN_TREATMENT');
    expect(after.visits.map((visit) => [visit.number, visit.attended, visit.overBudget])).toEqual([
      [1, true, false],
      [2, false, false],
      [3, true, false],
      [4, true, false],
      [5, true, false],
      [6, true, false],
      [7, true, false],
      [8, true, true],
    ]);
    expect(after.visits[4].shortTermGoalsMet).toEqual([1, 2]);
    expect(after.events.filter((event) => event.type === 'NO_SHOW')).toEqual([{ type: 'NO_SHOW', fromStatus: 'IN_TREATMENT', toStatus: 'IN_TREATMENT' }]);
    expect(after.events.filter((event) => event.type === 'VISIT_RECORDED')).toHaveLength(6);
    // The receiving clinic reads them too.
    expect((await episode(referral.id, world.coordinatorB.client)).visits).toHaveLength(8);

    // Progress, worked out by hand: shoulder flexion (left) assessed at 120° of 180° on the
    // referral, 120° at the first visit, 165° five weeks later: 45° gained of the 60° missing.
    // Pain 5 at the first visit, 2 at the last that scored it. Goals 1 and 2 met at visit 5.
    const { progress } = (await world.coordinatorA.client.ok<{ referral: { progress: Record<string, unknown> } }>(PROGRESS, { id: referral.id })).referral;
    expect(progress).toEqual({
      measures: [
        { joint: 'SHOULDER', movement: 'FLEXION', side: 'LEFT', firstDegrees: 120, latestDegrees: 165, expectedDegrees: 180, changeDegrees: 45, towardExpected: 0.75 },
      ],
      firstPainScore: 5,
      latestPainScore: 2,
      goals: [
        { position: 1, met: true, metAtVisit: 5 },
        { position: 2, met: true, metAtVisit: 5 },
        { position: 3, met: false, metAtVisit: null },
      ],
      attendedVisits: 7,
      missedVisits: 1,
      plannedVisits: 6,
    });
  });

  it('a no-show before the first visit leaves the referral SCHEDULED; the next attended visit starts treatment', async () => {
    const referral = await referralIn(world, 'SCHEDULED');
    await backdateReferral(db, referral.id, 3);
    expect((await record(referral.id, { attended: false, at: daysAgo(2) })).errors).toBeUndefined();
    const missed = await episode(referral.id);
    expect(missed).toMatchObject({ status: 'SCHEDULED', treatmentStartedAt: null });
    expect(missed.events.at(-1)).toEqual({ type: 'NO_SHOW', fromStatus: 'SCHEDULED', toStatus: 'SCHEDULED' });
    // Without a plan, the referral's recommended visits are the budget.
    expect((await record(referral.id)).data?.recordVisit).toMatchObject({ number: 2, planVersion: null, overBudget: false });
    expect((await episode(referral.id)).status).toBe('IN_TREATMENT');
  });

  it('is the treating provider\'s alone, and only while scheduled or in treatment', async () => {
    const scheduled = await referralIn(world, 'SCHEDULED');
    // One role of each answer and one status here; every role and status on the services (service/episode-steps.service-spec.ts).
    expectGraphqlError(await record(scheduled.id, {}, world.coordinatorA.client), 'FORBIDDEN');
    expectGraphqlError(await record(scheduled.id, {}, world.coordinatorC.client), 'NOT_FOUND');
    expectGraphqlError(await world.coordinatorC.client.request(EPISODE, { id: scheduled.id }), 'NOT_FOUND');
    for (const state of ['ACCEPTED'] as const) {
      const referral = await referralIn(world, state);
      expectGraphqlError(await record(referral.id), 'INVALID_TRANSITION');
      expect(await visitsInDb(referral.id)).toBe(0);
    }
    expect(await visitsInDb(scheduled.id)).toBe(0);
  });

  it.each([
    [{ at: new Date(Date.now() + 2 * DAY).toISOString() }, 'input.at'],
    [{ painScore: 11 }, 'input.painScore'],
    [{ rangeOfMotion: [rangeOfMotionFinding({ measuredDegrees: 400 })] }, 'input.rangeOfMotion.0.measuredDegrees'],
    [{ techniquesUsed: ['HOT_STONES'] }, 'input.techniquesUsed.0'],
    [{ shortTermGoalsMet: [4] }, 'input.shortTermGoalsMet.0'],
    [{ shortTermGoalsMet: [0] }, 'input.shortTermGoalsMet'],
  ])('%j is BAD_USER_INPUT naming %s, and writes nothing', async (overrides, field) => {
    const referral = await referralIn(world, 'IN_TREATMENT');
    // Sent before the default visit time, so only the field under test is wrong.
    await backdateReferral(db, referral.id, 2);
    await plan(referral.id);
    const before = await episode(referral.id);
    expectGraphqlError(await record(referral.id, overrides), 'BAD_USER_INPUT', field);
    expect(await visitsInDb(referral.id)).toBe(0);
    expect((await episode(referral.id)).version).toBe(before.version);
  });

  it('a stale expectedVersion is a CONFLICT; visits recorded at once are numbered without gaps', async () => {
    const referral = await referralIn(world, 'IN_TREATMENT');
    await backdateReferral(db, referral.id, 2);
    const { version } = await episode(referral.id);
    expect((await record(referral.id, { expectedVersion: version })).errors).toBeUndefined();
    expectGraphqlError(await record(referral.id, { expectedVersion: version }), 'CONFLICT');
    const results = await Promise.all(Array.from({ length: 5 }, () => record(referral.id)));
    for (const result of results) expect(result.errors).toBeUndefined();
    expect((await episode(referral.id)).visits.map((visit) => visit.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  describe('dated against the referral\'s sending', () => {
    const eventsInDb = async (id: string) => (await db.query('SELECT id FROM referral_events WHERE referral_id = $1', [id])).rowCount;
    const ms = (iso: string) => new Date(iso).getTime();

    it('a visit dated before the referral was sent is BAD_USER_INPUT naming input.at, and writes nothing', async () => {
      const referral = await referralIn(world, 'SCHEDULED');
      await backdateReferral(db, referral.id, 3);
      const before = await episode(referral.id);
      const eventsBefore = await eventsInDb(referral.id);

      for (const at of [daysAgo(4), new Date(ms(before.sentAt) - 3_600_000).toISOString()]) {
        const error = expectGraphqlError(await record(referral.id, { at, expectedVersion: before.version }), 'BAD_USER_INPUT', 'input.at');
        // The message tells the provider the earliest time the visit can have.
        expect(error.message).toBe(`at cannot be before the referral was sent (${new Date(before.sentAt).toISOString()})`);
      }
      // A missed visit is dated the same way.
      expectGraphqlError(await record(referral.id, { at: daysAgo(4), attended: false, techniquesUsed: [] }), 'BAD_USER_INPUT', 'input.at');

      expect(await visitsInDb(referral.id)).toBe(0);
      expect(await eventsInDb(referral.id)).toBe(eventsBefore);
      const after = await episode(referral.id);
      expect(after).toMatchObject({ status: 'SCHEDULED', version: before.version, treatmentStartedAt: null, visits: [] });
    });

    it('a visit dated after the referral was sent, though days ago, is recorded; so is one a minute before (clocks differ a little)', async () => {
      const referral = await referralIn(world, 'SCHEDULED');
      await backdateReferral(db, referral.id, 3);
      const { sentAt, version } = await episode(referral.id);

      const twoDaysAgo = daysAgo(2);
      expect(ms(twoDaysAgo)).toBeGreaterThan(ms(sentAt));
      const first = await record(referral.id, { at: twoDaysAgo, expectedVersion: version });
      expect(first.errors).toBeUndefined();
      expect(first.data?.recordVisit).toMatchObject({ number: 1, attended: true, at: twoDaysAgo });

      const oneMinuteBefore = new Date(ms(sentAt) - 60_000).toISOString();
      const early = await record(referral.id, { at: oneMinuteBefore });
      expect(early.errors).toBeUndefined();
      expect(early.data?.recordVisit).toMatchObject({ number: 2, at: oneMinuteBefore });

      const after = await episode(referral.id);
      expect(after.status).toBe('IN_TREATMENT');
      expect(after.visits.map((visit) => visit.number)).toEqual([1, 2]);
      expect(await visitsInDb(referral.id)).toBe(2);
    });
  });
});
