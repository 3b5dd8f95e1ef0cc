/**
 * The ids of resources that have no row of their own, derived from the rows they come from so
 * that they stay the same on every read. A referral is a ServiceRequest, and its Task and its
 * CarePlan have its id too (ids are unique per resource type). Its goals and its measurements
 * are named after it (or after the visit that measured them), by the grammar below, which is
 * the only place that writes or reads it. Every id stays within FHIR's 64 characters.
 */
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** Where a measurement was taken: the referral's assessment, a visit, or the outcome's final measurements. */
export type ObservationSource = 'assessment' | 'visit' | 'outcome';
export type Measure = 'rom' | 'pain';

/**
 * One measurement: `ordinal` is the finding's place in its list, from 1; a visit's overall pain
 * score, which belongs to no finding, has ordinal 0.
 */
export interface ObservationKey {
  source: ObservationSource;
  /** The referral's id (assessment, outcome) or the visit's. */
  sourceId: string;
  ordinal: number;
  measure: Measure;
}

const PREFIX: Record<ObservationSource, string> = { assessment: 'a', visit: 'v', outcome: 'o' };
const SOURCE_OF: Record<string, ObservationSource> = { a: 'assessment', v: 'visit', o: 'outcome' };

/** `a-<referral>-1-rom`, `v-<visit>-2-pain`, `v-<visit>-pain` (the visit's own pain score), `o-<referral>-1-rom`. */
export function observationId(key: ObservationKey): string {
  const place = key.ordinal === 0 ? '' : `-${key.ordinal}`;
  return `${PREFIX[key.source]}-${key.sourceId}${place}-${key.measure}`;
}

const OBSERVATION_ID = new RegExp(`^([avo])-(${UUID})(?:-([1-9]\\d?))?-(rom|pain)$`);

export function parseObservationId(id: string): ObservationKey | null {
  const match = OBSERVATION_ID.exec(id);
  if (!match) return null;
  const [, prefix, sourceId, ordinal, measure] = match;
  const key: ObservationKey = { source: SOURCE_OF[prefix], sourceId: sourceId.toLowerCase(), ordinal: Number(ordinal ?? 0), measure: measure as Measure };
  // Only a visit has a measurement outside its findings (its pain score), and it is a pain score.
  const wellFormed = key.ordinal > 0 || (key.source === 'visit' && key.measure === 'pain');
  return wellFormed ? key : null;
}

/** A goal of a referral's current treatment plan: 0 is the long-term goal, 1… its short-term goals in order. */
export interface GoalKey {
  referralId: string;
  ordinal: number;
}

export const goalId = ({ referralId, ordinal }: GoalKey): string => (ordinal === 0 ? `${referralId}-long-term` : `${referralId}-short-term-${ordinal}`);

const GOAL_ID = new RegExp(`^(${UUID})-(?:long-term|short-term-([1-9]\\d{0,2}))$`);

export function parseGoalId(id: string): GoalKey | null {
  const match = GOAL_ID.exec(id);
  return match ? { referralId: match[1].toLowerCase(), ordinal: Number(match[2] ?? 0) } : null;
}
