import type { DataSource } from 'typeorm';
import type { Actor } from '@referloop/common';
import { sqlParams } from '@referloop/core';
import type { RangeOfMotionFinding } from '@referloop/referrals';
import { visibilityCondition } from '@referloop/referrals';
import type { Measure, ObservationKey, ObservationSource } from '../model/resource-ids';

/**
 * The measurements of a referral `r`, one row per Observation: each range of motion and each
 * pain score of its assessment (the referrer's evaluation, measured when the referral was
 * made), of every visit (each finding, and the visit's own pain score), and of its outcome's
 * final measurements. A finding is a range-of-motion Observation, and a pain Observation too
 * when it has a pain score. This expansion is the one place that says which Observations a
 * referral has: searches, reads, and the references a ServiceRequest or a Task make to them
 * all read it.
 *
 * `sub` orders a referral's Observations (assessment, then visits by number, then the outcome;
 * within each, by finding, the range of motion before its pain score) and is unique within it.
 * `last_updated` is when the measurement last changed: an assessment's, when the referral was
 * sent (it is edited only as a draft); a visit's, when it was recorded (visits are not edited);
 * the outcome's, when the referral was completed.
 */
export const OBSERVATIONS_OF_REFERRAL = `CROSS JOIN LATERAL (
    SELECT 'assessment' AS source, 0 AS source_rank, r.id AS source_id, 0 AS visit_number, f.n::int AS ordinal, m.measure,
           f.finding, NULL::int AS pain_score, r.created_at AS effective_at,
           COALESCE(CASE WHEN r.status <> 'DRAFT' THEN r.sent_at END, r.updated_at) AS last_updated
      FROM jsonb_array_elements(COALESCE(r.assessment -> 'rangeOfMotion', '[]'::jsonb)) WITH ORDINALITY AS f (finding, n)
      CROSS JOIN (VALUES ('rom'), ('pain')) AS m (measure)
     WHERE m.measure = 'rom' OR f.finding ->> 'painScore' IS NOT NULL
    UNION ALL
    SELECT 'visit', 1, v.id, v.number, f.n::int, m.measure, f.finding, NULL::int, v.at, v.recorded_at
      FROM visits v
      CROSS JOIN LATERAL jsonb_array_elements(v.range_of_motion) WITH ORDINALITY AS f (finding, n)
      CROSS JOIN (VALUES ('rom'), ('pain')) AS m (measure)
     WHERE v.referral_id = r.id AND (m.measure = 'rom' OR f.finding ->> 'painScore' IS NOT NULL)
    UNION ALL
    SELECT 'visit', 1, v.id, v.number, 0, 'pain', NULL::jsonb, v.pain_score, v.at, v.recorded_at
      FROM visits v
     WHERE v.referral_id = r.id AND v.pain_score IS NOT NULL
    UNION ALL
    SELECT 'outcome', 2, r.id, 0, f.n::int, m.measure, f.finding, NULL::int, COALESCE(r.completed_at, r.updated_at), COALESCE(r.completed_at, r.updated_at)
      FROM jsonb_array_elements(COALESCE(r.outcome -> 'finalRangeOfMotion', '[]'::jsonb)) WITH ORDINALITY AS f (finding, n)
      CROSS JOIN (VALUES ('rom'), ('pain')) AS m (measure)
     WHERE m.measure = 'rom' OR f.finding ->> 'painScore' IS NOT NULL
  ) o`;

/** A referral's Observations in order: unique within the referral, and a whole number as a page key needs. */
export const OBSERVATION_ORDER = `(o.source_rank::bigint * 1000000000000 + o.visit_number::bigint * 10000 + o.ordinal * 10 + CASE o.measure WHEN 'pain' THEN 1 ELSE 0 END)`;

/** One Observation's row: what the expansion gives, and what of its referral it shows. */
export interface ObservationRow {
  referral_id: string;
  patient_id: string;
  referring_clinic_id: string;
  to_clinic_id: string | null;
  referring_provider_id: string | null;
  to_provider_id: string | null;
  source: ObservationSource;
  source_id: string;
  visit_number: number;
  ordinal: number;
  measure: Measure;
  finding: RangeOfMotionFinding | null;
  pain_score: number | null;
  effective_at: Date;
  last_updated: Date;
}

export const OBSERVATION_COLUMNS = `r.id AS referral_id, r.patient_id, r.referring_clinic_id, r.to_clinic_id, r.referring_provider_id, r.to_provider_id,
  o.source, o.source_id, o.visit_number, o.ordinal, o.measure, o.finding, o.pain_score, o.effective_at, o.last_updated`;

export const observationKeyOf = (row: Pick<ObservationRow, 'source' | 'source_id' | 'ordinal' | 'measure'>): ObservationKey => ({
  source: row.source,
  sourceId: row.source_id,
  ordinal: row.ordinal,
  measure: row.measure,
});

/**
 * The keys of the Observations of some sources of each referral the actor may see, in order:
 * what a ServiceRequest (its assessment) and a Task (its visits and outcome) refer to.
 */
export async function observationKeysOf(db: DataSource, actor: Actor, referralIds: readonly string[], sources: readonly ObservationSource[]): Promise<Map<string, ObservationKey[]>> {
  const byReferral = new Map<string, ObservationKey[]>(referralIds.map((id) => [id, []]));
  if (referralIds.length === 0) return byReferral;
  const { values, param } = sqlParams([referralIds, sources]);
  const rows: Array<Pick<ObservationRow, 'referral_id' | 'source' | 'source_id' | 'ordinal' | 'measure'>> = await db.query(
    `SELECT r.id AS referral_id, o.source, o.source_id, o.ordinal, o.measure
       FROM referrals r ${OBSERVATIONS_OF_REFERRAL}
      WHERE r.id = ANY($1::uuid[]) AND o.source = ANY($2::text[]) AND ${visibilityCondition(actor, param)}
      ORDER BY r.id, ${OBSERVATION_ORDER}`,
    values,
  );
  for (const row of rows) byReferral.get(row.referral_id)?.push(observationKeyOf(row));
  return byReferral;
}
