import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Condition, geoPoint, Modality, PageRequest, Technique } from '@referloop/common';
import { CreateProviderInput } from './dto/create-provider.input';
import { ProviderFilter } from './dto/providers.args';
import { Provider } from './provider.model';

export interface ProviderRow {
  id: string;
  clinic_id: string;
  user_id: string;
  display_name: string;
  email: string;
  modalities: Modality[];
  techniques: Technique[];
  conditions: Condition[];
  accepting_new_patients: boolean;
  weekly_capacity: number;
  latitude: number | null;
  longitude: number | null;
  created_at: Date;
}

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
  createdAt: row.created_at,
});

/** The provider directory is visible to every signed-in user: referrals cross clinics. */
@Injectable()
export class ProviderRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts the profile; null when the user already has one. */
  async insert(input: CreateProviderInput): Promise<Provider | null> {
    const rows: ProviderRow[] = await this.db.query<ProviderRow[]>(
      `INSERT INTO providers (id, clinic_id, user_id, display_name, email, modalities, techniques, conditions,
         accepting_new_patients, weekly_capacity, latitude, longitude)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
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
      ],
    );
    return rows[0] ? toProvider(rows[0]) : null;
  }

  async findById(id: string): Promise<Provider | null> {
    const rows: ProviderRow[] = await this.db.query('SELECT * FROM providers WHERE id = $1', [id]);
    return rows[0] ? toProvider(rows[0]) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Provider[]> {
    const rows: ProviderRow[] = await this.db.query('SELECT * FROM providers WHERE id = ANY($1::uuid[])', [ids]);
    return rows.map(toProvider);
  }

  async list(filter: ProviderFilter, page: PageRequest): Promise<{ rows: (Provider & { createdAt: Date })[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filter.modality) add((n) => `$${n} = ANY(modalities)`, filter.modality);
    if (filter.technique) add((n) => `$${n} = ANY(techniques)`, filter.technique);
    if (filter.condition) add((n) => `$${n} = ANY(conditions)`, filter.condition);
    if (filter.acceptingNewPatients !== undefined) add((n) => `accepting_new_patients = $${n}`, filter.acceptingNewPatients);
    const filterSql = where.length ? `WHERE ${where.join(' AND ')}` : '';

    const pageWhere = [...where];
    const pageParams = [...params];
    if (page.after) {
      pageParams.push(page.after.createdAt, page.after.id);
      pageWhere.push(`(created_at, id) < ($${pageParams.length - 1}, $${pageParams.length})`);
    }
    pageParams.push(page.limit + 1);
    const [rows, count] = await Promise.all([
      this.db.query(
        `SELECT * FROM providers ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
         ORDER BY created_at DESC, id DESC LIMIT $${pageParams.length}`,
        pageParams,
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*) AS total FROM providers ${filterSql}`, params),
    ]);
    return { rows: rows.map(toProvider), total: count[0].total };
  }

  async userForProfile(userId: string): Promise<{ role: string; clinic_id: string | null } | null> {
    const rows: { role: string; clinic_id: string | null }[] = await this.db.query(
      'SELECT role, clinic_id FROM users WHERE id = $1',
      [userId],
    );
    return rows[0] ?? null;
  }
}
