import { chordForKm } from '@referloop/core';
import type { Param } from '../referral-access';

/**
 * SQL over `r` (referrals) and `candidate` (the provider's row of `providers`, joined by the
 * caller): the provider may claim or pass on this open referral — it is an open referral that
 * has been sent, the provider practises its modality, accepts new patients, is inside its
 * radius, has not passed on it, and is not the one who referred it. Whether it is still
 * unclaimed is left out on purpose: a provider who loses the race must still find the
 * referral, to be told it was taken rather than that it does not exist.
 */
export function poolCandidateCondition(userId: string, param: Param): string {
  return `(r.pool_point IS NOT NULL AND r.status <> 'DRAFT'
     AND r.referring_user_id <> ${param(userId)} AND r.referring_provider_id IS DISTINCT FROM candidate.id
     AND candidate.accepting_new_patients AND r.modality = ANY(candidate.modalities)
     AND cube_distance(candidate.earth_point, r.pool_point) <= ${chordForKm('r.pool_radius_km')}
     AND NOT EXISTS (SELECT 1 FROM referral_passes pass WHERE pass.referral_id = r.id AND pass.provider_id = candidate.id))`;
}
