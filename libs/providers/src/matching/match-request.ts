import { Condition, Modality, ReferralPriority, Technique } from '@referloop/common';

/** What to match: from `matchProviders`, or from a declined or expired referral's content. */
export interface MatchRequest {
  modality: Modality;
  conditions: readonly Condition[];
  techniques: readonly Technique[];
  near: { latitude: number; longitude: number };
  radiusKm: number;
  priority: ReferralPriority;
  first: number;
  /** Providers never to suggest (those who declined or passed, the referrer). */
  excludeProviderIds?: readonly string[];
}

export const DEFAULT_RADIUS_KM = 25;
export const MAX_RADIUS_KM = 100;
