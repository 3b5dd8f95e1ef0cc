import { BodySide, RangeOfMotionFinding } from '@referloop/referrals';
import { assessmentCarriedForward } from './carried-assessment';
import { Visit } from './visit.model';

const finding = (joint: string, movement: string, measuredDegrees: number, more: Partial<RangeOfMotionFinding> = {}): RangeOfMotionFinding => ({
  joint,
  movement,
  side: BodySide.LEFT,
  measuredDegrees,
  expectedDegrees: null,
  painScore: null,
  ...more,
});

let recorded = 0;
const visit = (at: string, rangeOfMotion: RangeOfMotionFinding[], attended = true): Visit => ({
  id: `v${++recorded}`,
  number: recorded,
  at: new Date(at),
  attended,
  techniquesUsed: [],
  rangeOfMotion,
  painScore: null,
  notes: null,
  shortTermGoalsMet: [],
  planVersion: null,
  overBudget: false,
  recordedAt: new Date(at),
});

describe('assessmentCarriedForward', () => {
  const original = {
    postureNotes: 'Forward head posture',
    rangeOfMotion: [finding('shoulder', 'flexion', 110, { expectedDegrees: 180, painScore: 6 }), finding('cervical', 'rotation', 50, { expectedDegrees: 80 })],
  };

  it('takes each movement at its latest attended measure, in the order the visits took place, keeping the notes and the assessed order', () => {
    const visits = [
      // Recorded out of order: the visit of 10 March came in after the one of 17 March.
      visit('2026-03-17T10:00:00Z', [finding('Shoulder ', 'Flexion', 150, { painScore: 2 })]),
      visit('2026-03-10T10:00:00Z', [finding('shoulder', 'flexion', 130, { expectedDegrees: 175, painScore: 4 }), finding('cervical', 'rotation', 62)]),
      visit('2026-03-24T10:00:00Z', [finding('shoulder', 'flexion', 90)], false),
    ];

    expect(assessmentCarriedForward(original, visits)).toEqual({
      postureNotes: 'Forward head posture',
      rangeOfMotion: [
        // 150 from 17 March (the missed visit measured nothing); the expected range last given was 175.
        finding('Shoulder ', 'Flexion', 150, { expectedDegrees: 175, painScore: 2 }),
        finding('cervical', 'rotation', 62, { expectedDegrees: 80 }),
      ],
    });
  });

  it('adds movements first measured at a visit, and keeps the original when nothing was measured since', () => {
    expect(assessmentCarriedForward(original, [visit('2026-03-10T10:00:00Z', [finding('hip', 'abduction', 30, { side: BodySide.RIGHT })])])?.rangeOfMotion)
      .toEqual([...original.rangeOfMotion, finding('hip', 'abduction', 30, { side: BodySide.RIGHT })]);
    expect(assessmentCarriedForward(original, [])).toEqual(original);
  });

  it('keeps left and right apart', () => {
    const both = assessmentCarriedForward(null, [visit('2026-03-10T10:00:00Z', [finding('knee', 'flexion', 100), finding('knee', 'flexion', 120, { side: BodySide.RIGHT })])]);
    expect(both?.rangeOfMotion.map((item) => [item.side, item.measuredDegrees])).toEqual([[BodySide.LEFT, 100], [BodySide.RIGHT, 120]]);
  });

  it('is null without an assessment or any measure', () => {
    expect(assessmentCarriedForward(null, [visit('2026-03-10T10:00:00Z', [])])).toBeNull();
  });
});
