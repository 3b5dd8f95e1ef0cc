import { earthMetres } from '@referloop/common';
import type { Param } from '../referral-access';

/**
 * SQL (alias `r`): the provider may claim or pass on this open referral — it is an open
 * referral that has been sent, the provider practises its modality, accepts new patients, is
 * inside its radius, has not passed on it, and is not the one who referred it. Whether it is
 * still unclaimed is left out on purpose: a provider who loses the race must still find the
 * referral, to be told it was taken rather than that it does not exist.
 */
export function poolCandidateCondition(providerId: string, userId: string, param: Param): string {
  const provider = param(providerId);
  return `(r.pool_latitude IS NOT NULL AND r.status <> 'DRAFT'
     AND r.referring_user_id <> ${param(userId)} AND r.referring_provider_id IS DISTINCT FROM ${provider}::uuid
     AND EXISTS (
       SELECT 1 FROM providers candidate
        WHERE candidate.id = ${provider}::uuid AND candidate.accepting_new_patients AND r.modality = ANY(candidate.modalities)
          AND candidate.latitude IS NOT NULL AND candidate.longitude IS NOT NULL
          AND earth_distance(ll_to_earth(candidate.latitude, candidate.longitude), ll_to_earth(r.pool_latitude, r.pool_longitude))
              <= ${earthMetres('r.pool_radius_km')})
     AND NOT EXISTS (SELECT 1 FROM referral_passes pass WHERE pass.referral_id = r.id AND pass.provider_id = ${provider}::uuid))`;
}
