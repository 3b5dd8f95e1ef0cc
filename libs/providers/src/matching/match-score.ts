import { MatchWeights } from '@referloop/common';

/**
 * The one scoring function of matching, computed in SQL so ranking and the top-N cut happen in
 * the database. Each part runs from 0 to 1 and the weights (per priority, from config) sum to
 * 1, so a score does too:
 *
 *   score = w.coverage × coverage + w.distance × nearness + w.responsiveness × responsiveness + w.load × room
 *
 *   coverage       = (2 × conditions treated + techniques used) / (2 × conditions asked + techniques asked);
 *                    1 when nothing was asked. A condition counts twice a technique: whether the
 *                    provider treats the problem matters more than how.
 *   nearness       = 1 − distanceKm / radiusKm
 *   responsiveness = H / (H + median hours from sent to answer over 90 days), H = the half-score
 *                    hours (24 by default: answering in a day scores 0.5); 0.5 without answers yet.
 *   room           = places left this week / weekly capacity
 *
 * Ties go to the nearer provider, then to the id, so the order is stable.
 *
 * Each part is a SQL expression over the candidate's columns (`Columns`) and the request's
 * parameters (`ScoreParams`, placeholders such as `$3`).
 */
export interface ScoreParams {
  conditions: string;
  techniques: string;
  radiusKm: string;
  halfHours: string;
}

/** Column names of the candidate row the parts are computed from. */
export const CANDIDATE = {
  conditions: 'conditions',
  techniques: 'techniques',
  weeklyCapacity: 'weekly_capacity',
  medianResponseMs: 'median_response_ms',
  distanceKm: 'distance_km',
  capacityLeft: 'capacity_left',
} as const;

export function coverageSql(params: ScoreParams): string {
  const asked = `(2 * cardinality(${params.conditions}::text[]) + cardinality(${params.techniques}::text[]))`;
  return `CASE WHEN ${asked} = 0 THEN 1.0
               ELSE (2 * (SELECT count(*) FROM unnest(${params.conditions}::text[]) asked WHERE asked = ANY(${CANDIDATE.conditions}))
                       + (SELECT count(*) FROM unnest(${params.techniques}::text[]) asked WHERE asked = ANY(${CANDIDATE.techniques})))::float8
                    / ${asked} END`;
}

export function nearnessSql(params: ScoreParams): string {
  return `(1 - ${CANDIDATE.distanceKm} / ${params.radiusKm}::float8)`;
}

export function responsivenessSql(params: ScoreParams): string {
  return `CASE WHEN ${CANDIDATE.medianResponseMs} IS NULL THEN 0.5
               ELSE ${params.halfHours}::float8 / (${params.halfHours}::float8 + ${CANDIDATE.medianResponseMs} / 3600000.0) END`;
}

export function roomSql(): string {
  return `(${CANDIDATE.capacityLeft}::float8 / ${CANDIDATE.weeklyCapacity})`;
}

/** The weighted sum of the parts (named columns in scope); the weights are parameters too. */
export function scoreSql(weights: Record<keyof MatchWeights, string>): string {
  return `(${weights.coverage}::float8 * coverage + ${weights.distance}::float8 * nearness
           + ${weights.responsiveness}::float8 * responsiveness + ${weights.load}::float8 * room)`;
}
