/**
 * The numbers behind the episode's charts, apart from the charts so they can be tested: each
 * joint movement from the assessment through every attended visit, pain over visits, and the
 * visit budget used.
 */

export interface Finding {
  joint: string;
  movement: string;
  side?: string | null;
  measuredDegrees: number;
  expectedDegrees?: number | null;
  painScore?: number | null;
}

export interface VisitLike {
  number: number;
  attended: boolean;
  painScore?: number | null;
  rangeOfMotion: readonly Finding[];
}

export interface MeasurePoint {
  /** "Assessment" or "Visit 3": the x axis. */
  label: string;
  degrees: number;
}

export interface MeasureSeries {
  key: string;
  joint: string;
  movement: string;
  side: string | null;
  /** The latest expected range given for it, if any. */
  expected: number | null;
  points: MeasurePoint[];
}

export const measureKey = (finding: Pick<Finding, 'joint' | 'movement' | 'side'>): string =>
  `${finding.joint.toLowerCase()}|${finding.movement.toLowerCase()}|${(finding.side ?? '').toLowerCase()}`;

/** One series per joint movement, in the order first measured; missed visits measure nothing. */
export function measureSeries(assessment: readonly Finding[], visits: readonly VisitLike[]): MeasureSeries[] {
  const series = new Map<string, MeasureSeries>();
  const add = (finding: Finding, label: string) => {
    const key = measureKey(finding);
    let entry = series.get(key);
    if (!entry) {
      entry = { key, joint: finding.joint, movement: finding.movement, side: finding.side ?? null, expected: null, points: [] };
      series.set(key, entry);
    }
    if (finding.expectedDegrees != null) entry.expected = finding.expectedDegrees;
    entry.points.push({ label, degrees: finding.measuredDegrees });
  };
  for (const finding of assessment) add(finding, 'Assessment');
  for (const visit of [...visits].sort((a, b) => a.number - b.number)) {
    if (!visit.attended) continue;
    for (const finding of visit.rangeOfMotion) add(finding, `Visit ${visit.number}`);
  }
  return [...series.values()];
}

/** Pain (0–10) at each attended visit that recorded it, in order. */
export function painSeries(visits: readonly VisitLike[]): { label: string; pain: number }[] {
  return [...visits]
    .sort((a, b) => a.number - b.number)
    .filter((visit) => visit.attended && visit.painScore != null)
    .map((visit) => ({ label: `Visit ${visit.number}`, pain: visit.painScore as number }));
}

export interface BudgetUse {
  attended: number;
  missed: number;
  planned: number | null;
  /** Attended visits as a share of the budget, 0–100 (capped), or null without a budget. */
  percent: number | null;
  over: boolean;
}

/** Visits used against the plan's budget (or the referral's recommended visits when there is no plan). */
export function budgetUse(attended: number, missed: number, planned: number | null | undefined): BudgetUse {
  const budget = planned && planned > 0 ? planned : null;
  return {
    attended,
    missed,
    planned: budget,
    percent: budget ? Math.min(100, Math.round((attended / budget) * 100)) : null,
    over: budget !== null && attended > budget,
  };
}
