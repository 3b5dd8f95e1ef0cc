import { ReferralStatus } from './referral-status';

/** The columns that say which clinics a referral belongs to. */
export interface ReferralClinics {
  status: ReferralStatus;
  referringClinicId: string;
  toClinicId: string | null;
}

/**
 * The clinics whose staff may see a referral: the referring clinic always, the receiving clinic
 * once it is sent (a draft is the referrer's alone, as `partiesOf` says for people). A clinic's
 * webhooks hear of a referral only then.
 */
export function clinicsThatSee(referral: ReferralClinics): string[] {
  const receiving = referral.status !== ReferralStatus.DRAFT && referral.toClinicId !== null && referral.toClinicId !== referral.referringClinicId;
  return receiving ? [referral.referringClinicId, referral.toClinicId as string] : [referral.referringClinicId];
}

/** The SQL twin of `clinicsThatSee` over the referrals row aliased `r`: a uuid[]. */
export const clinicsThatSeeSql = (r: string): string =>
  `array_remove(ARRAY[${r}.referring_clinic_id, CASE WHEN ${r}.status <> '${ReferralStatus.DRAFT}' AND ${r}.to_clinic_id <> ${r}.referring_clinic_id THEN ${r}.to_clinic_id END], NULL)`;
