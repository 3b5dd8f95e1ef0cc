import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, AuditTrail, lazyCount, PageRequest, sqlParams, UserRole, whereClause } from '@referloop/common';
import { AuditEntry, AuditEntryFilter } from './audit-entry.model';

interface AuditRow {
  id: string;
  actor_id: string | null;
  actor_role: UserRole | null;
  operation: string;
  patient_ids: string[];
  referral_ids: string[];
  clinic_ids: string[];
  ip_address: string | null;
  at: Date;
}

const toEntry = (row: AuditRow): AuditEntry & { createdAt: Date } => ({
  id: row.id,
  actorId: row.actor_id,
  actorRole: row.actor_role,
  operation: row.operation,
  patientIds: row.patient_ids,
  referralIds: row.referral_ids,
  ipAddress: row.ip_address,
  at: row.at,
  createdAt: row.at,
});

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(actor: Actor, trail: AuditTrail): Promise<void> {
    const clinics = new Set(trail.clinicIds);
    if (actor.clinicId) clinics.add(actor.clinicId);
    await this.db.query<AuditRow[]>(
      `INSERT INTO audit_entries (id, actor_id, actor_role, operation, patient_ids, referral_ids, clinic_ids, ip_address, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
      [randomUUID(), actor.userId, actor.role, trail.operation, [...trail.patientIds], [...trail.referralIds], [...clinics], actor.ipAddress],
    );
  }

  /** `clinicId` null means every clinic (platform admins). */
  list(clinicId: string | null, filter: AuditEntryFilter, page: PageRequest) {
    const { values, param } = sqlParams();
    const where: string[] = [];
    if (clinicId !== null) where.push(`clinic_ids @> ARRAY[${param(clinicId)}]::uuid[]`);
    if (filter.patientId) where.push(`patient_ids @> ARRAY[${param(filter.patientId)}]::uuid[]`);
    if (filter.referralId) where.push(`referral_ids @> ARRAY[${param(filter.referralId)}]::uuid[]`);
    if (filter.actorId) where.push(`actor_id = ${param(filter.actorId)}`);
    if (filter.from) where.push(`at >= ${param(filter.from)}`);
    if (filter.to) where.push(`at < ${param(filter.to)}`);
    const count = lazyCount(this.db, `SELECT count(*) AS total FROM audit_entries ${whereClause(where)}`, [...values]);
    if (page.after) where.push(`(at, id) < (${param(page.after.createdAt)}, ${param(page.after.id)})`);
    const rows = this.db
      .query<AuditRow[]>(`SELECT * FROM audit_entries ${whereClause(where)} ORDER BY at DESC, id DESC LIMIT ${param(page.limit + 1)}`, values)
      .then((found) => found.map(toEntry));
    return { rows, count };
  }
}
