import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PageRequest } from '@referloop/common';
import { kmBetween, lazyCount, sqlParams } from '@referloop/core';
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
 * Open referrals a provider may claim, newest first. The age band is computed in SQL, so a
 * date of birth never leaves the database on this path.
 */
@Injectable()
export class OpenReferralsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(providerId: string, userId: string, page: PageRequest) {
    const { values, param } = sqlParams();
    // The provider's row joined once; the GiST index of unclaimed pools gives those whose area
    // holds the provider's point, the eligibility condition (the one claims are checked with)
    // the rest. The index carries every column of `r` the page query reads (keep the two in
    // step); the full rows and the patient are read for the page only.
    const from = `providers candidate
      JOIN referrals r ON r.status = 'SENT' AND r.to_provider_id IS NULL AND r.pool_area @> candidate.earth_point`;
    const where = `candidate.id = ${param(providerId)} AND ${poolCandidateCondition(userId, param)}`;
    const count = lazyCount(this.db, `SELECT count(*) AS total FROM ${from} WHERE ${where}`, [...values]);
    const keyset = page.after ? ` AND (r.sent_at, r.id) < (${param(page.after.createdAt)}, ${param(page.after.id)})` : '';
    const rows = this.db
      .query<OpenReferralRow[]>(
        `SELECT r.id, r.reference, r.version, r.modality, r.conditions, r.techniques, r.priority, r.sent_at, r.due_at,
                -- Whole km, rounded up: the centre is often near the patient's home, and exact
                -- distances from a few places a provider can set would pinpoint it.
                greatest(1, ceil(${kmBetween('page.here', 'r.pool_point')})) AS distance_km,
                CASE WHEN age.years < 18 THEN 'UNDER_18' WHEN age.years < 40 THEN 'AGE_18_39'
                     WHEN age.years < 65 THEN 'AGE_40_64' ELSE 'AGE_65_PLUS' END AS age_band
           FROM (SELECT r.id, candidate.earth_point AS here FROM ${from} WHERE ${where}${keyset}
                  ORDER BY r.sent_at DESC, r.id DESC LIMIT ${param(page.limit + 1)}) page
           JOIN referrals r ON r.id = page.id
           JOIN patients pa ON pa.id = r.patient_id
          CROSS JOIN LATERAL (SELECT date_part('year', age(current_date, pa.date_of_birth)) AS years) age
          ORDER BY r.sent_at DESC, r.id DESC`,
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
