import { Condition, CONDITION_WORDS, Technique, TECHNIQUE_WORDS } from '@referloop/common';

export interface ReasonFacts {
  askedConditions: readonly Condition[];
  askedTechniques: readonly Technique[];
  providerConditions: readonly string[];
  providerTechniques: readonly string[];
  distanceKm: number;
  medianResponseHours: number | null;
  capacityLeft: number;
  weeklyCapacity: number;
}

/** "usually answers within 6 h", rounded up so it is a promise kept, in days past two days. */
export function answersWithin(hours: number): string {
  if (hours > 48) return `usually answers within ${Math.ceil(hours / 24)} days`;
  return `usually answers within ${Math.max(1, Math.ceil(hours))} h`;
}

/**
 * A match explained in a coordinator's words, in the order the score weighs them: what the
 * provider treats (and what was asked that they do not list), how far, how quickly they
 * answer, and how much room they have this week.
 */
export function matchReasons(facts: ReasonFacts): string[] {
  const reasons: string[] = [];
  for (const condition of facts.askedConditions) {
    const words = CONDITION_WORDS[condition];
    reasons.push(facts.providerConditions.includes(condition) ? `treats ${words}` : `does not list ${words}`);
  }
  for (const technique of facts.askedTechniques) {
    const words = TECHNIQUE_WORDS[technique];
    reasons.push(facts.providerTechniques.includes(technique) ? `uses ${words}` : `does not list ${words}`);
  }
  reasons.push(`${facts.distanceKm.toFixed(1)} km`);
  reasons.push(facts.medianResponseHours === null ? 'no answers in the last 90 days to judge by' : answersWithin(facts.medianResponseHours));
  reasons.push(`${facts.capacityLeft} of ${facts.weeklyCapacity} places left this week`);
  return reasons;
}
