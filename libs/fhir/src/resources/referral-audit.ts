import type { AuditTrail } from '@referloop/common';

/** The columns of a referral that auditing a resource kept for it needs. */
export interface AuditedReferral {
  referral_id: string;
  patient_id: string;
  referring_clinic_id: string;
  to_clinic_id: string | null;
}

/**
 * Files a resource kept for a referral (its measurements, plan, goals) on the request's trail
 * as what it is: a read of the referral and its patient, under the clinics on either side, as
 * GraphQL's auditSeen files a referral it shows.
 */
export function auditReferralOf(trail: AuditTrail, row: AuditedReferral): void {
  trail.touchReferralAndPatient(row.referral_id, row.patient_id, row.referring_clinic_id, row.to_clinic_id);
}
