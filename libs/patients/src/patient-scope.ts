import { Actor, isClinicStaff, isPlatformAdmin } from '@referloop/common';
import { sentToReceiverSql } from '@referloop/lifecycle';

/**
 * The SQL condition limiting patients (alias `p`) to those the actor may see: platform admins
 * see all; a clinic's staff and providers see its own patients; the receiving side of a sent
 * referral sees that referral's patient (the receiving clinic's staff, or the target provider).
 * `param` appends a value and returns its placeholder.
 */
export function patientVisibility(actor: Actor, param: (value: unknown) => string): string {
  if (isPlatformAdmin(actor)) return 'TRUE';
  const clinic = param(actor.clinicId);
  const received = isClinicStaff(actor)
    ? `r.to_clinic_id = ${clinic}`
    : actor.providerId
      ? `r.to_provider_id = ${param(actor.providerId)}`
      : 'FALSE';
  return `(p.clinic_id = ${clinic} OR EXISTS (
    SELECT 1 FROM referrals r WHERE r.patient_id = p.id AND ${sentToReceiverSql('r')} AND ${received}))`;
}
