import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Condition, geoPoint, Modality, PageRequest, Technique } from '@referloop/common';
import { lazyCount, sqlParams, whereClause } from '@referloop/core';
import { CreateProviderInput } from './dto/create-provider.input';
import { UpdateProviderInput } from './dto/update-provider.input';
import { ProviderFilter } from './dto/providers.args';
import { Provider } from './provider.model';
import type { TableRow } from '@referloop/database';

export type ProviderRow = TableRow<'providers', { modalities: Modality[]; techniques: Technique[]; conditions: Condition[] }>;

export const toProvider = (row: ProviderRow): Provider => ({
  id: row.id,
  clinicId: row.clinic_id,
  userId: row.user_id,
  displayName: row.display_name,
  email: row.email,
  modalities: row.modalities,
  techniques: row.techniques,
  conditions: row.conditions,
  acceptingNewPatients: row.accepting_new_patients,
  weeklyCapacity: row.weekly_capacity,
  location: geoPoint(row.latitude, row.longitude),
  languages: row.languages,
  postalCode: row.postal_code,
  city: row.city,
  createdAt: row.created_at,
});

/** Profile columns an update may set, from the input's field names. */
const UPDATABLE: Record<string, (value: never) => Record<string, unknown>> = {
  displayName: (value: string) => ({ display_name: value.trim() }),
  email: (value: string) => ({ email: value.toLowerCase() }),
  modalities: (value: string[]) => ({ modalities: value }),
  techniques: (value: string[]) => ({ techniques: value }),
  conditions: (value: string[]) => ({ conditions: value }),
  acceptingNewPatients: (value: boolean) => ({ accepting_new_patients: value }),
  weeklyCapacity: (value: number) => ({ weekly_capacity: value }),
  languages: (value: string[]) => ({ languages: value }),
  location: (value: { latitude: number; longitude: number }) => ({ latitude: value.latitude, longitude: value.longitude }),
  postalCode: (value: string) => ({ postal_code: value.trim().toUpperCase() }),
  city: (value: string) => ({ city: value.trim() }),
};

/** The provider directory is visible to every signed-in user: referrals cross clinics. */
@Injectable()
export class ProviderRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts the profile; null when the user already has one. */
  async insert(input: CreateProviderInput): Promise<Provider | null> {
    const rows: ProviderRow[] = await this.db.query<ProviderRow[]>(
      `INSERT INTO providers (id, clinic_id, user_id, display_name, email, modalities, techniques, conditions,
         accepting_new_patients, weekly_capacity, latitude, longitude, created_at, languages, postal_code, city)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (user_id) DO NOTHING RETURNING *`,
      [
        randomUUID(),
        input.clinicId,
        input.userId,
        input.displayName.trim(),
        input.email.toLowerCase(),
        input.modalities,
        input.techniques,
        input.conditions,
        input.acceptingNewPatients,
        input.weeklyCapacity,
        input.location.latitude,
        input.location.longitude,
        // JS time, like every keyset column: a cursor holds milliseconds, now() has microseconds.
        new Date(),
        input.languages ?? [],
        input.postalCode?.trim().toUpperCase() ?? null,
        input.city?.trim() ?? null,
      ],
    );
    return rows[0] ? toProvider(rows[0]) : null;
  }

  /**
   * Applies the given profile fields to the provider of `clinicId` (the clinic the caller was
   * checked against, so the statement itself cannot touch another clinic's provider).
   */
  async update(id: string, clinicId: string, input: UpdateProviderInput): Promise<Provider | null> {
    const changes = Object.assign(
      {},
      ...Object.entries(input)
        .filter(([field, value]) => field in UPDATABLE && value !== undefined)
        .map(([field, value]) => UPDATABLE[field](value as never)),
    ) as Record<string, unknown>;
    if (Object.keys(changes).length === 0) return this.findById(id);
    const { values, param } = sqlParams([id, clinicId]);
    const sets = Object.entries(changes).map(([column, value]) => `${column} = ${param(value)}`);
    const [rows] = await this.db.query<[ProviderRow[], number]>(
      `UPDATE providers SET ${sets.join(', ')} WHERE id = $1 AND clinic_id = $2 RETURNING *`,
      values,
    );
    return rows[0] ? toProvider(rows[0]) : null;
  }

  async findById(id: string, manager: EntityManager = this.db.manager): Promise<Provider | null> {
    const rows: ProviderRow[] = await manager.query('SELECT * FROM providers WHERE id = $1', [id]);
    return rows[0] ? toProvider(rows[0]) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Provider[]> {
    const rows: ProviderRow[] = await this.db.query('SELECT * FROM providers WHERE id = ANY($1::uuid[])', [ids]);
    return rows.map(toProvider);
  }

  list(filter: ProviderFilter, page: PageRequest) {
    const { values, param } = sqlParams();
    const where: string[] = [];
    if (filter.modality) where.push(`${param(filter.modality)} = ANY(modalities)`);
    if (filter.technique) where.push(`${param(filter.technique)} = ANY(techniques)`);
    if (filter.condition) where.push(`${param(filter.condition)} = ANY(conditions)`);
    if (filter.acceptingNewPatients !== undefined) where.push(`accepting_new_patients = ${param(filter.acceptingNewPatients)}`);
    const count = lazyCount(this.db, `SELECT count(*) AS total FROM providers ${whereClause(where)}`, [...values]);
    if (page.after) where.push(`(created_at, id) < (${param(page.after.createdAt)}, ${param(page.after.id)})`);
    const rows = this.db
      .query<ProviderRow[]>(`SELECT * FROM providers ${whereClause(where)} ORDER BY created_at DESC, id DESC LIMIT ${param(page.limit + 1)}`, values)
      .then((found) => found.map(toProvider));
    return { rows, count };
  }
}
