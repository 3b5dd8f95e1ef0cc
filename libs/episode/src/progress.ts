import { Assessment, RangeOfMotionFinding } from '@referloop/referrals';
import { GoalProgress, MeasureProgress, TreatmentProgress } from './progress.model';
import { TreatmentPlan } from './treatment-plan.model';
import { Visit } from './visit.model';

interface Measurement {
  finding: RangeOfMotionFinding;
  at: Date;
}

/** Joints and movements are free text: "Shoulder" and " shoulder" are one joint. */
export const keyOf = (finding: Pick<RangeOfMotionFinding, 'joint' | 'movement' | 'side'>) => [finding.joint.trim().toLowerCase(), finding.movement.trim().toLowerCase(), finding.side ?? ''].join('|');

/** Attended visits in the order they took place (a visit may be recorded late), then as recorded. */
export const attendedInOrder = (visits: readonly Visit[]): Visit[] =>
  visits.filter((visit) => visit.attended).sort((a, b) => a.at.getTime() - b.at.getTime() || a.number - b.number);

function measureProgress(series: Measurement[]): MeasureProgress {
  const first = series[0];
  const latest = series[series.length - 1];
  const expected = [...series].reverse().find((entry) => entry.finding.expectedDegrees !== null)?.finding.expectedDegrees ?? null;
  const gap = expected === null ? 0 : expected - first.finding.measuredDegrees;
  const change = latest.finding.measuredDegrees - first.finding.measuredDegrees;
  return {
    joint: first.finding.joint,
    movement: first.finding.movement,
    side: (first.finding.side ?? null),
    firstDegrees: first.finding.measuredDegrees,
    firstAt: first.at,
    latestDegrees: latest.finding.measuredDegrees,
    latestAt: latest.at,
    expectedDegrees: expected,
    changeDegrees: change,
    towardExpected: gap > 0 ? change / gap : null,
  };
}

/**
 * The episode's progress from what was recorded: each joint movement from its first measure
 * (the referral's assessment, the evaluation before treatment, when it has one) to its latest
 * (in the order visits took place), pain from the first to the latest visit that scored it, and which of the
 * current plan's short-term goals a visit recorded as met. Missed visits measure nothing.
 */
export function progressOf(input: {
  assessment: Assessment | null;
  assessedAt: Date;
  plan: TreatmentPlan | null;
  recommendedVisits: number | null;
  visits: readonly Visit[];
}): TreatmentProgress {
  const attended = attendedInOrder(input.visits);
  const series = new Map<string, Measurement[]>();
  const add = (finding: RangeOfMotionFinding, at: Date) => {
    const key = keyOf(finding);
    series.set(key, [...(series.get(key) ?? []), { finding, at }]);
  };
  for (const finding of input.assessment?.rangeOfMotion ?? []) add(finding, input.assessedAt);
  for (const visit of attended) for (const finding of visit.rangeOfMotion) add(finding, visit.at);

  const scored = attended.filter((visit) => visit.painScore !== null);
  const goals: GoalProgress[] = (input.plan?.shortTermGoals ?? []).map((goal, index) => {
    const metAt = attended.find((visit) => visit.shortTermGoalsMet.includes(index + 1));
    return { position: index + 1, description: goal.description, targetVisit: goal.targetVisit, met: metAt !== undefined, metAtVisit: metAt?.number ?? null };
  });
  return {
    measures: [...series.values()].map(measureProgress).sort((a, b) => keyOf(a).localeCompare(keyOf(b))),
    firstPainScore: scored[0]?.painScore ?? null,
    latestPainScore: scored.at(-1)?.painScore ?? null,
    goals,
    attendedVisits: attended.length,
    missedVisits: input.visits.length - attended.length,
    plannedVisits: input.plan?.plannedVisits ?? input.recommendedVisits,
  };
}
