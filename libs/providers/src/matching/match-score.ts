import { MatchWeights } from '@referloop/core';

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
 * Each part is a SQL expression over the columns of a candidate row named in CANDIDATE, with
 * the request's values as parameters (`param` returns a placeholder such as `$3`).
 */
export const CANDIDATE = {
  conditions: 'conditions',
  techniques: 'techniques',
  weeklyCapacity: 'weekly_capacity',
  medianResponseMs: 'median_response_ms',
  distanceKm: 'distance_km',
  capacityLeft: 'capacity_left',
  coverage: 'coverage',
} as const;

type Param = (value: unknown) => string;

/** Written out term by term (a request asks for a handful): no subquery per candidate. */
export function coverageSql(asked: { conditions: readonly string[]; techniques: readonly string[] }, param: Param): string {
  const total = 2 * asked.conditions.length + asked.techniques.length;
  if (total === 0) return '1.0::float8';
  const hits = [
    ...asked.conditions.map((condition) => `2 * (${param(condition)}::text = ANY(${CANDIDATE.conditions}))::int`),
    ...asked.techniques.map((technique) => `(${param(technique)}::text = ANY(${CANDIDATE.techniques}))::int`),
  ];
  return `((${hits.join(' + ')})::float8 / ${total})`;
}

export function nearnessSql(radiusKm: string): string {
  // Clamped: at the very edge of the radius rounding could take it a hair below 0.
  return `greatest(0.0, 1 - ${CANDIDATE.distanceKm} / ${radiusKm}::float8)`;
}

export function responsivenessSql(halfHours: string): string {
  return `CASE WHEN ${CANDIDATE.medianResponseMs} IS NULL THEN 0.5
               ELSE ${halfHours}::float8 / (${halfHours}::float8 + ${CANDIDATE.medianResponseMs} / 3600000.0) END`;
}

export function roomSql(): string {
  return `(${CANDIDATE.capacityLeft}::float8 / ${CANDIDATE.weeklyCapacity})`;
}

/** The weighted sum of the parts; the weights are parameters too. */
export function scoreSql(request: { radiusKm: string; halfHours: string }, weights: MatchWeights, param: Param): string {
  return `(${param(weights.coverage)}::float8 * ${CANDIDATE.coverage}
           + ${param(weights.distance)}::float8 * ${nearnessSql(request.radiusKm)}
           + ${param(weights.responsiveness)}::float8 * ${responsivenessSql(request.halfHours)}
           + ${param(weights.load)}::float8 * ${roomSql()})`;
}
