import { DataSource } from 'typeorm';
import { Actor } from '@referloop/common';
import { sqlParams } from '@referloop/core';
import { ofVisibleReferral } from '@referloop/referrals';

/** The episode's tables, each kept per referral in a numbered order. */
export type EpisodeTable = 'treatment_plans' | 'visits' | 'progress_reports';

const ORDER: Record<EpisodeTable, string> = { treatment_plans: 'version', visits: 'number', progress_reports: 'number' };

/**
 * Each referral's rows of one episode table that the actor may see, in order: one query for a
 * request's whole batch of referrals, tenancy inside it (a referral the actor may not see has
 * none). Every referral asked for has an entry.
 */
export async function visibleByReferral<Row extends { referral_id: string }, T>(
  db: DataSource,
  actor: Actor,
  table: EpisodeTable,
  referralIds: readonly string[],
  shape: (row: Row) => T,
): Promise<Map<string, T[]>> {
  const { values, param } = sqlParams([referralIds]);
  const rows: Row[] = await db.query(
    `SELECT e.* FROM ${table} e WHERE e.referral_id = ANY($1::uuid[]) AND ${ofVisibleReferral(actor, param, 'e.referral_id')}
      ORDER BY e.referral_id, e.${ORDER[table]}`,
    values,
  );
  const byReferral = new Map<string, T[]>(referralIds.map((id) => [id, []]));
  for (const row of rows) byReferral.get(row.referral_id)?.push(shape(row));
  return byReferral;
}
