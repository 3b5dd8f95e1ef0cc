import { AuditTrail } from '@referloop/common';
import { Referral } from './models/referral.model';
import { ReferralRow, toReferral } from './referral.row';

/** The columns of a referral its audit entry names. */
export type AuditedReferral = Pick<ReferralRow, 'id' | 'patient_id' | 'referring_clinic_id' | 'to_clinic_id'>;

/** Files a referral row shown or changed by this request, and its patient, on its audit trail. */
export function auditSeen(audit: AuditTrail, row: AuditedReferral): void {
  audit.touchReferralAndPatient(row.id, row.patient_id, row.referring_clinic_id, row.to_clinic_id);
}

/** A referral row a mutation answers with: audited, and shaped for the API. */
export function seenReferral(audit: AuditTrail, row: ReferralRow): Referral {
  auditSeen(audit, row);
  return toReferral(row);
}
