import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { earthMetres, kmBetween, lazyCount, PageRequest, sqlParams } from '@referloop/common';
import { MAX_RADIUS_KM } from '@referloop/providers';
import { AgeBand, OpenReferralSummary } from './open-referral.model';
import { poolCandidateCondition } from './pool-eligibility';

interface OpenReferralRow {
  id: string;
  reference: string;
  version: number;
  modality: OpenReferralSummary['modality'];
  conditions: OpenReferralSummary['conditions'];
  techniques: OpenReferralSummary['techniques'];
  priority: OpenReferralSummary['priority'];
  age_band: AgeBand;
  distance_km: number;
  sent_at: Date;
  due_at: Date | null;
}

/**
 * Open referrals a provider may claim, newest first. The GiST index on unclaimed pool points
 * finds those whose centre is within the largest radius of the provider; the eligibility
 * condition (the same one a claim is checked with) does the rest. The age band is computed in
 * SQL, so a date of birth never leaves the database on this path.
 */
@Injectable()
export class OpenReferralsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(providerId: string, userId: string, page: PageRequest) {
    const { values, param } = sqlParams();
    const provider = param(providerId);
    const here = `(SELECT ll_to_earth(me.latitude, me.longitude) FROM providers me WHERE me.id = ${provider}::uuid)`;
    const poolPoint = 'll_to_earth(r.pool_latitude, r.pool_longitude)';
    const where = `r.status = 'SENT' AND r.to_provider_id IS NULL AND r.pool_latitude IS NOT NULL
      AND earth_box(${here}, ${earthMetres(String(MAX_RADIUS_KM))}) @> ${poolPoint}
      AND ${poolCandidateCondition(providerId, userId, param)}`;
    const count = lazyCount(this.db, `SELECT count(*) AS total FROM referrals r WHERE ${where}`, [...values]);
    const keyset = page.after ? ` AND (r.sent_at, r.id) < (${param(page.after.createdAt)}, ${param(page.after.id)})` : '';
    const rows = this.db
      .query<OpenReferralRow[]>(
        `SELECT r.id, r.reference, r.version, r.modality, r.conditions, r.techniques, r.priority, r.sent_at, r.due_at,
                ${kmBetween(here, poolPoint)} AS distance_km,
                CASE WHEN age.years < 18 THEN 'UNDER_18' WHEN age.years < 40 THEN 'AGE_18_39'
                     WHEN age.years < 65 THEN 'AGE_40_64' ELSE 'AGE_65_PLUS' END AS age_band
           FROM referrals r
           JOIN patients pa ON pa.id = r.patient_id
          CROSS JOIN LATERAL (SELECT date_part('year', age(current_date, pa.date_of_birth)) AS years) age
          WHERE ${where}${keyset}
          ORDER BY r.sent_at DESC, r.id DESC
          LIMIT ${param(page.limit + 1)}`,
        values,
      )
      .then((found) => found.map(toSummary));
    return { rows, count };
  }
}

const toSummary = (row: OpenReferralRow): OpenReferralSummary & { createdAt: Date } => ({
  id: row.id,
  reference: row.reference,
  version: row.version,
  modality: row.modality,
  conditions: row.conditions,
  techniques: row.techniques,
  priority: row.priority,
  ageBand: row.age_band,
  distanceKm: Number(row.distance_km),
  sentAt: row.sent_at,
  dueAt: row.due_at,
  // The keyset of this list is (sent_at, id).
  createdAt: row.sent_at,
});
