import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isPlatformAdmin, PageRequest } from '@referloop/common';
import { lazyCount, sqlParams, whereClause } from '@referloop/core';
import { CreatePatientInput, UpdatePatientInput } from './dto/patient.input';
import { Patient } from './patient.model';
import { patientVisibility } from './patient-scope';
import type { TableRow } from '@referloop/database';

type PatientRow = TableRow<'patients'>;

const toPatient = (row: PatientRow): Patient => ({
  id: row.id,
  clinicId: row.clinic_id,
  firstName: row.first_name,
  lastName: row.last_name,
  email: row.email,
  dateOfBirth: row.date_of_birth,
  phone: row.phone,
  emailConsent: row.email_consent,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const UPDATABLE: Record<string, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  dateOfBirth: 'date_of_birth',
  phone: 'phone',
  emailConsent: 'email_consent',
};

/** Every read takes the actor and is limited to what the actor may see, in SQL. */
@Injectable()
export class PatientRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Registers the patient (in the caller's transaction, if given). */
  async insert(input: CreatePatientInput, manager: EntityManager = this.db.manager): Promise<Patient> {
    const rows: PatientRow[] = await manager.query<PatientRow[]>(
      // created_at from JS time, like every keyset column: a cursor holds milliseconds.
      `INSERT INTO patients (id, clinic_id, first_name, last_name, email, date_of_birth, phone, email_consent, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
      [
        randomUUID(),
        input.clinicId,
        input.firstName.trim(),
        input.lastName.trim(),
        input.email?.toLowerCase() ?? null,
        input.dateOfBirth,
        input.phone ?? null,
        input.emailConsent,
        new Date(),
      ],
    );
    return toPatient(rows[0]);
  }

  async findVisible(actor: Actor, id: string, manager: EntityManager = this.db.manager): Promise<Patient | null> {
    const { values, param } = sqlParams([id]);
    const rows: PatientRow[] = await manager.query(
      `SELECT p.* FROM patients p WHERE p.id = $1 AND ${patientVisibility(actor, param)}`,
      values,
    );
    return rows[0] ? toPatient(rows[0]) : null;
  }

  async findVisibleByIds(actor: Actor, ids: readonly string[]): Promise<Patient[]> {
    const { values, param } = sqlParams([ids]);
    const rows: PatientRow[] = await this.db.query(
      `SELECT p.* FROM patients p WHERE p.id = ANY($1::uuid[]) AND ${patientVisibility(actor, param)}`,
      values,
    );
    return rows.map(toPatient);
  }

  /** Applies the given fields to a patient of `clinicId`; null when the clinic has no such patient. */
  async update(clinicId: string, input: UpdatePatientInput): Promise<Patient | null> {
    const { values, param } = sqlParams([input.id]);
    const sets = Object.entries(UPDATABLE)
      .filter(([field]) => (input as unknown as Record<string, unknown>)[field] !== undefined)
      .map(([field, column]) => {
        const raw = (input as unknown as Record<string, unknown>)[field];
        const value = typeof raw === 'string' && field === 'email' ? raw.toLowerCase() : typeof raw === 'string' && field.endsWith('Name') ? raw.trim() : raw;
        return `${column} = ${param(value)}`;
      });
    const owner = `clinic_id = ${param(clinicId)}`;
    // TypeORM answers UPDATE … RETURNING with [rows, affectedCount].
    const [rows] = await this.db.query<[PatientRow[], number]>(
      `UPDATE patients SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 AND ${owner} RETURNING *`,
      values,
    );
    return rows[0] ? toPatient(rows[0]) : null;
  }

  /** The clinic's own patients (platform admins: all), newest first. */
  list(actor: Actor, search: string | undefined, page: PageRequest) {
    const { values, param } = sqlParams();
    const where: string[] = [];
    if (!isPlatformAdmin(actor)) where.push(`clinic_id = ${param(actor.clinicId)}`);
    const term = search?.trim();
    if (term) {
      const like = param(`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(first_name ILIKE ${like} OR last_name ILIKE ${like} OR email ILIKE ${like}
        OR (first_name || ' ' || last_name) ILIKE ${like})`);
    }
    const count = lazyCount(this.db, `SELECT count(*) AS total FROM patients ${whereClause(where)}`, [...values]);
    if (page.after) where.push(`(created_at, id) < (${param(page.after.createdAt)}, ${param(page.after.id)})`);
    const rows = this.db
      .query<PatientRow[]>(`SELECT * FROM patients ${whereClause(where)} ORDER BY created_at DESC, id DESC LIMIT ${param(page.limit + 1)}`, values)
      .then((found) => found.map(toPatient));
    return { rows, count };
  }
}
