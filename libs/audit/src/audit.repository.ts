import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClinicSubjects, PageRequest, UserRole } from '@referloop/common';
import { lazyCount, sqlParams, whereClause } from '@referloop/core';
import { AuditEntry, AuditEntryFilter } from './audit-entry.model';
import { AUDIT_ENTRY_COLUMNS, AuditEntryRecord, auditEntryValues } from './audit-entry-sql';
import type { TableRow } from '@referloop/database';

type AuditRow = TableRow<'audit_entries', { actor_role: UserRole | null; subjects: Record<string, ClinicSubjects> }>;


/**
 * A platform admin, or a clinic admin (`clinicId`) who sees whole entries of their own staff
 * and, of other clinics' entries, only the ids that belong to their clinic — never the other
 * clinic's other patients, referrals or network address.
 */
export type AuditViewer = { clinicId: null } | { clinicId: string };

function toEntry(row: AuditRow, viewer: AuditViewer): AuditEntry & { createdAt: Date } {
  const foreign = viewer.clinicId !== null && row.actor_clinic_id !== viewer.clinicId;
  const own = foreign ? (row.subjects[viewer.clinicId] ?? { patientIds: [], referralIds: [] }) : null;
  return {
    id: row.id,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    operation: row.operation,
    patientIds: own ? own.patientIds : row.patient_ids,
    referralIds: own ? own.referralIds : row.referral_ids,
    ipAddress: foreign ? null : row.ip_address,
    at: row.at,
    createdAt: row.at,
  };
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertMany(entries: AuditEntryRecord[]): Promise<void> {
    const { values, param } = sqlParams();
    const tuples = entries.map((entry) => `(${auditEntryValues(entry, param)})`);
    await this.db.query(`INSERT INTO audit_entries (${AUDIT_ENTRY_COLUMNS}) VALUES ${tuples.join(', ')}`, values);
  }

  list(viewer: AuditViewer, filter: AuditEntryFilter, page: PageRequest) {
    const { values, param } = sqlParams();
    const where: string[] = [];
    const clinic = viewer.clinicId === null ? null : param(viewer.clinicId);
    if (clinic) where.push(`(actor_clinic_id = ${clinic} OR clinic_ids @> ARRAY[${clinic}]::uuid[])`);
    // For another clinic's entries, an id filter must match the part this viewer may see. That
    // part is within the entry's whole array, so the array's own condition holds either way: said
    // first, it lets the GIN index find the few entries instead of walking the clinic's trail.
    const idFilter = (column: 'patient_ids' | 'referral_ids', key: 'patientIds' | 'referralIds', id: string) => {
      const value = param(id);
      const named = `${column} @> ARRAY[${value}]::uuid[]`;
      return clinic
        ? `${named} AND (CASE WHEN actor_clinic_id = ${clinic} THEN TRUE
                 ELSE subjects -> (${clinic})::text -> '${key}' ? (${value})::text END)`
        : named;
    };
    if (filter.patientId) where.push(idFilter('patient_ids', 'patientIds', filter.patientId));
    if (filter.referralId) where.push(idFilter('referral_ids', 'referralIds', filter.referralId));
    if (filter.actorId) where.push(`actor_id = ${param(filter.actorId)}`);
    if (filter.from) where.push(`at >= ${param(filter.from)}`);
    if (filter.to) where.push(`at < ${param(filter.to)}`);
    const count = lazyCount(this.db, `SELECT count(*) AS total FROM audit_entries ${whereClause(where)}`, [...values]);
    if (page.after) where.push(`(at, id) < (${param(page.after.createdAt)}, ${param(page.after.id)})`);
    const rows = this.db
      .query<AuditRow[]>(`SELECT * FROM audit_entries ${whereClause(where)} ORDER BY at DESC, id DESC LIMIT ${param(page.limit + 1)}`, values)
      .then((found) => found.map((row) => toEntry(row, viewer)));
    return { rows, count };
  }
}
