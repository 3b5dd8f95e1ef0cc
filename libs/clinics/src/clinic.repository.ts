import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { geoPoint } from '@referloop/common';
import { Clinic } from './clinic.model';
import { CreateClinicInput } from './dto/create-clinic.input';
import type { TableRow } from '@referloop/database';

type ClinicRow = TableRow<'clinics'>;

const toClinic = (row: ClinicRow): Clinic => ({
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

  async findById(id: string): Promise<Clinic | null> {
    const rows: ClinicRow[] = await this.db.query('SELECT * FROM clinics WHERE id = $1', [id]);
    return rows[0] ? toClinic(rows[0]) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Clinic[]> {
    const rows: ClinicRow[] = await this.db.query('SELECT * FROM clinics WHERE id = ANY($1::uuid[])', [ids]);
    return rows.map(toClinic);
  }
}
