import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { geoPoint, KeysetCursor } from '@referloop/common';
import { lazyCount } from '@referloop/core';
import { UpdateClinicInput } from './dto/update-clinic.input';
import { Clinic } from './clinic.model';
import { CreateClinicInput } from './dto/create-clinic.input';
import type { TableRow } from '@referloop/database';

type ClinicRow = TableRow<'clinics'>;

export const toClinic = (row: ClinicRow): Clinic => ({
  id: row.id,
  name: row.name,
  email: row.email,
  phone: row.phone,
  timeZone: row.time_zone,
  address: {
    line1: row.address_line1,
    city: row.address_city,
    region: row.address_region,
    postalCode: row.address_postal_code,
    country: row.address_country,
  },
  location: geoPoint(row.latitude, row.longitude),
  requireTwoFactor: row.require_two_factor,
  createdAt: row.created_at,
});

/** Clinics are a public directory to signed-in users (referrals cross clinics), so reads are unscoped. */
@Injectable()
export class ClinicRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(input: CreateClinicInput): Promise<Clinic> {
    const rows: ClinicRow[] = await this.db.query(
      `INSERT INTO clinics (id, name, email, phone, time_zone, address_line1, address_city, address_region,
         address_postal_code, address_country, latitude, longitude)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
      [
        randomUUID(),
        input.name.trim(),
        input.email.toLowerCase(),
        input.phone ?? null,
        input.timeZone,
        input.address.line1.trim(),
        input.address.city.trim(),
        input.address.region ?? null,
        input.address.postalCode.trim(),
        input.address.country.toUpperCase(),
        input.location.latitude,
        input.location.longitude,
      ],
    );
    return toClinic(rows[0]);
  }

  /**
   * Changes the fields given (undefined ones stay), in one statement; null when there is no such
   * clinic. Only `phone` may be cleared: the caller refuses null for the others.
   */
  async update(input: UpdateClinicInput): Promise<Clinic | null> {
    const columns: [column: string, value: unknown][] = [];
    if (input.name !== undefined) columns.push(['name', input.name?.trim()]);
    if (input.email !== undefined) columns.push(['email', input.email?.toLowerCase()]);
    if (input.phone !== undefined) columns.push(['phone', input.phone]);
    if (input.timeZone !== undefined) columns.push(['time_zone', input.timeZone]);
    if (input.address) {
      const { line1, city, region, postalCode, country } = input.address;
      columns.push(['address_line1', line1.trim()], ['address_city', city.trim()], ['address_region', region ?? null]);
      columns.push(['address_postal_code', postalCode.trim()], ['address_country', country.toUpperCase()]);
    }
    if (input.location) columns.push(['latitude', input.location.latitude], ['longitude', input.location.longitude]);
    if (typeof input.requireTwoFactor === 'boolean') columns.push(['require_two_factor', input.requireTwoFactor]);
    if (columns.length === 0) return this.findById(input.id);
    const set = columns.map(([column], i) => `${column} = $${i + 2}`).join(', ');
    const [rows] = await this.db.query<[ClinicRow[], number]>(`UPDATE clinics SET ${set} WHERE id = $1 RETURNING *`, [input.id, ...columns.map(([, value]) => value)]);
    return rows[0] ? toClinic(rows[0]) : null;
  }

  /** Clinics newest first after the keyset `after`, all of them or (`onlyId`) one. */
  async page(onlyId: string | null, limit: number, after: KeysetCursor | null): Promise<(ClinicRow & { createdAt: Date })[]> {
    const rows: ClinicRow[] = await this.db.query(
      `SELECT * FROM clinics WHERE ($1::uuid IS NULL OR id = $1) ${after ? 'AND (created_at, id) < ($3, $4)' : ''}
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      after ? [onlyId, limit, after.createdAt, after.id] : [onlyId, limit],
    );
    return rows.map((row) => ({ ...row, createdAt: row.created_at }));
  }

  count(onlyId: string | null): () => Promise<number> {
    return lazyCount(this.db, 'SELECT count(*)::int AS total FROM clinics WHERE ($1::uuid IS NULL OR id = $1)', [onlyId]);
  }

  async findById(id: string): Promise<Clinic | null> {
    const rows: ClinicRow[] = await this.db.query('SELECT * FROM clinics WHERE id = $1', [id]);
    return rows[0] ? toClinic(rows[0]) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Clinic[]> {
    const rows: ClinicRow[] = await this.db.query('SELECT * FROM clinics WHERE id = ANY($1::uuid[])', [ids]);
    return rows.map(toClinic);
  }
}
