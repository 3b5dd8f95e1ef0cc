import { ReferralStatus } from './referral-status';

/**
 * Whether a referral has reached its receiving side, who may then see it: once it has been sent.
 * A draft has not; nor has a draft cancelled before it was ever sent, though it names a target
 * (CANCELLED, with no `sent_at`). Every way of sending sets `sent_at`.
 */
export const sentToReceiver = (referral: { status: ReferralStatus; sentAt: Date | null }): boolean =>
  referral.status !== ReferralStatus.DRAFT && referral.sentAt !== null;

/**
 * The SQL twin of `sentToReceiver` over the referrals row aliased `r`, written exactly as the
 * receiving side's partial indexes' condition (WHERE status <> 'DRAFT' AND sent_at IS NOT NULL):
 * a query that says it is answered from those indexes alone (index-only scans, counts).
 */
export const sentToReceiverSql = (r: string): string => `(${r}.status <> '${ReferralStatus.DRAFT}' AND ${r}.sent_at IS NOT NULL)`;

/** The columns that say which clinics a referral belongs to. */
export interface ReferralClinics {
  status: ReferralStatus;
  sentAt: Date | null;
  referringClinicId: string;
  toClinicId: string | null;
}

/**
 * The clinics whose staff may see a referral: the referring clinic always, the receiving clinic
 * once it has been sent (as `partiesOf` says for people). A clinic's webhooks hear of a referral
 * only then.
 */
export function clinicsThatSee(referral: ReferralClinics): string[] {
  const receiving = sentToReceiver(referral) && referral.toClinicId !== null && referral.toClinicId !== referral.referringClinicId;
  return receiving ? [referral.referringClinicId, referral.toClinicId as string] : [referral.referringClinicId];
}

/** The SQL twin of `clinicsThatSee` over the referrals row aliased `r`: a uuid[]. */
export const clinicsThatSeeSql = (r: string): string =>
  `array_remove(ARRAY[${r}.referring_clinic_id, CASE WHEN ${sentToReceiverSql(r)} AND ${r}.to_clinic_id <> ${r}.referring_clinic_id THEN ${r}.to_clinic_id END], NULL)`;
