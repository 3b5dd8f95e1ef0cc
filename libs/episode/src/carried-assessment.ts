import { Assessment, RangeOfMotionFinding } from '@referloop/referrals';
import { attendedInOrder, keyOf } from './progress';
import { Visit } from './visit.model';

/**
 * The assessment an onward referral carries: the episode's posture notes, and each joint
 * movement (and side) as last measured — at the latest attended visit that measured it, else in
 * the original assessment — so the next provider starts from where the patient is now, not from
 * where they were weeks ago. A movement keeps the last expected range given for it.
 */
export function assessmentCarriedForward(original: Assessment | null, visits: readonly Visit[]): Assessment | null {
  const latest = new Map<string, RangeOfMotionFinding>();
  const findings = [...(original?.rangeOfMotion ?? []), ...attendedInOrder(visits).flatMap((visit) => visit.rangeOfMotion)];
  for (const finding of findings) {
    const key = keyOf(finding);
    const expectedDegrees = finding.expectedDegrees ?? latest.get(key)?.expectedDegrees ?? null;
    // A movement measured again keeps its place (the order it was first assessed in).
    latest.set(key, { ...finding, expectedDegrees });
  }
  if (original === null && latest.size === 0) return null;
  return { postureNotes: original?.postureNotes ?? null, rangeOfMotion: [...latest.values()] };
}
