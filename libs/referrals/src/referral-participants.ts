import { ReferralParticipants } from './referral-access';
import { ReferralRow } from './referral.row';

/** The columns of a referral row that decide who may see and act on it. */
export const rowParticipants = (row: ReferralRow): ReferralParticipants => ({
  status: row.status,
  sentAt: row.sent_at,
  referringClinicId: row.referring_clinic_id,
  referringUserId: row.referring_user_id,
  referringProviderId: row.referring_provider_id,
  toProviderId: row.to_provider_id,
  toClinicId: row.to_clinic_id,
  poolCandidate: row.pool_candidate === true,
});
