import { randomUUID } from 'node:crypto';
import { Actor, AuditTrail, ClinicSubjects, UserRole } from '@referloop/common';

export interface AuditEntryRecord {
  id: string;
  actorId: string;
  actorClinicId: string | null;
  actorRole: UserRole;
  operation: string;
  patientIds: string[];
  referralIds: string[];
  clinicIds: string[];
  subjects: Record<string, ClinicSubjects>;
  ipAddress: string | null;
  at: Date;
}

/** The row a request's trail becomes; its time is taken now, when it is written. */
export function auditEntryOf(actor: Actor, trail: AuditTrail): AuditEntryRecord {
  return {
    id: randomUUID(),
    actorId: actor.userId,
    actorClinicId: actor.clinicId,
    actorRole: actor.role,
    operation: trail.operation,
    patientIds: [...trail.patientIds],
    referralIds: [...trail.referralIds],
    clinicIds: trail.clinicIds(),
    subjects: trail.subjects(),
    ipAddress: actor.ipAddress,
    // JS time, like every keyset column: a cursor holds milliseconds, now() has microseconds.
    at: new Date(),
  };
}

export const AUDIT_ENTRY_COLUMNS = 'id, actor_id, actor_clinic_id, actor_role, operation, patient_ids, referral_ids, clinic_ids, subjects, ip_address, at';

/** An entry's values in AUDIT_ENTRY_COLUMNS' order, as parameters (`param` from sqlParams). */
export const auditEntryValues = (entry: AuditEntryRecord, param: (value: unknown) => string): string =>
  [
    param(entry.id),
    param(entry.actorId),
    param(entry.actorClinicId),
    param(entry.actorRole),
    param(entry.operation),
    `${param(entry.patientIds)}::uuid[]`,
    `${param(entry.referralIds)}::uuid[]`,
    `${param(entry.clinicIds)}::uuid[]`,
    `${param(JSON.stringify(entry.subjects))}::jsonb`,
    param(entry.ipAddress),
    `${param(entry.at)}::timestamptz`,
  ].join(', ');

/**
 * The part of a change's statement that writes the request's audit entry with the change: one
 * row for each row of `source` (the one written), none when nothing was written. So the entry
 * commits with the change, and the change costs one commit, not two.
 */
export const auditEntryCte = (source: string, entry: AuditEntryRecord, param: (value: unknown) => string): string =>
  `audit_written AS (INSERT INTO audit_entries (${AUDIT_ENTRY_COLUMNS}) SELECT ${auditEntryValues(entry, param)} FROM ${source})`;
