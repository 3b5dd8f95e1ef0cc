import { BodySide } from '@referloop/referrals';
import { progressOf } from './progress';
import { TreatmentPlan } from './treatment-plan.model';
import { Visit } from './visit.model';

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 15));
const flexion = (measuredDegrees: number, expectedDegrees: number | null = 180, painScore: number | null = null) => ({
  joint: 'Shoulder',
  movement: 'Flexion',
  side: BodySide.LEFT,
  measuredDegrees,
  expectedDegrees,
  painScore,
});

const visit = (number: number, day: number, overrides: Partial<Visit> = {}): Visit => ({
  id: `v${number}`,
  number,
  at: at(day),
  attended: true,
  techniquesUsed: [],
  rangeOfMotion: [],
  painScore: null,
  notes: null,
  shortTermGoalsMet: [],
  planVersion: 1,
  overBudget: false,
  recordedAt: at(day),
  ...overrides,
});

const plan: TreatmentPlan = {
  referralId: 'r1',
  version: 1,
  longTermGoal: 'Full overhead reach',
  shortTermGoals: [
    { description: 'Flexion to 140°', targetVisit: 2, measure: null },
    { description: 'Pain at most 3/10', targetVisit: 4, measure: null },
    { description: 'Flexion to 170°', targetVisit: 6, measure: null },
  ],
  plannedVisits: 6,
  visitsPerWeek: 1,
  techniques: [],
  setByUserId: 'u1',
  setAt: at(1),
};

describe('progressOf', () => {
  it('measures each joint movement from the assessment to the latest visit, pain first to latest, and goals met', () => {
    const progress = progressOf({
      // Assessed at 120° of 180°.
      assessment: { postureNotes: null, rangeOfMotion: [flexion(120)] },
      assessedAt: at(1),
      plan,
      recommendedVisits: 8,
      visits: [
        visit(1, 3, { rangeOfMotion: [flexion(130)], painScore: 6 }),
        visit(2, 10, { attended: false }),
        // Recorded late: it took place before visit 4, so it is not the latest measure.
        visit(5, 17, { rangeOfMotion: [flexion(145)], painScore: 4, shortTermGoalsMet: [1] }),
        visit(4, 24, { rangeOfMotion: [flexion(165), { ...flexion(40, 60), movement: 'Abduction' }], painScore: 2, shortTermGoalsMet: [1, 2] }),
      ],
    });

    expect(progress.measures).toEqual([
      // Abduction: first seen at the visit of day 24, 40° of 60°, nothing since.
      {
        joint: 'Shoulder', movement: 'Abduction', side: BodySide.LEFT,
        firstDegrees: 40, firstAt: at(24), latestDegrees: 40, latestAt: at(24), expectedDegrees: 60, changeDegrees: 0, towardExpected: 0,
      },
      // Flexion: 120° → 165° of 180°: 45° gained of the 60° missing, 0.75 of the way.
      {
        joint: 'Shoulder', movement: 'Flexion', side: BodySide.LEFT,
        firstDegrees: 120, firstAt: at(1), latestDegrees: 165, latestAt: at(24), expectedDegrees: 180, changeDegrees: 45, towardExpected: 0.75,
      },
    ]);
    expect(progress).toMatchObject({ firstPainScore: 6, latestPainScore: 2, attendedVisits: 3, missedVisits: 1, plannedVisits: 6 });
    expect(progress.goals).toEqual([
      { position: 1, description: 'Flexion to 140°', targetVisit: 2, met: true, metAtVisit: 5 },
      { position: 2, description: 'Pain at most 3/10', targetVisit: 4, met: true, metAtVisit: 4 },
      { position: 3, description: 'Flexion to 170°', targetVisit: 6, met: false, metAtVisit: null },
    ]);
  });

  it('has no share toward the expected range without one above the first measure, and falls back to the recommended visits', () => {
    const progress = progressOf({
      assessment: null,
      assessedAt: at(1),
      plan: null,
      recommendedVisits: 8,
      visits: [visit(1, 3, { rangeOfMotion: [flexion(100, null)] }), visit(2, 10, { rangeOfMotion: [flexion(90, null)] })],
    });
    expect(progress.measures).toEqual([
      expect.objectContaining({ firstDegrees: 100, latestDegrees: 90, changeDegrees: -10, expectedDegrees: null, towardExpected: null }),
    ]);
    expect(progress).toMatchObject({ goals: [], firstPainScore: null, latestPainScore: null, plannedVisits: 8 });
  });

  it('treats joints and movements written differently as the same one', () => {
    const progress = progressOf({
      assessment: { postureNotes: null, rangeOfMotion: [flexion(120)] },
      assessedAt: at(1),
      plan: null,
      recommendedVisits: null,
      visits: [visit(1, 3, { rangeOfMotion: [{ ...flexion(150), joint: ' shoulder', movement: 'FLEXION' }] })],
    });
    expect(progress.measures.map((measure) => [measure.firstDegrees, measure.latestDegrees])).toEqual([[120, 150]]);
  });
});
