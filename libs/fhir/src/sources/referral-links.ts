import type { DataSource } from 'typeorm';
import type { Actor } from '@referloop/common';
import { sqlParams } from '@referloop/core';
import { visibilityCondition } from '@referloop/referrals';

/**
 * Which of these referrals the actor may see: a resource refers to another referral (the one
 * it replaces, the episode it came from) only then, as GraphQL's `redirectedFrom` and
 * `onwardFrom` show one only to whoever may see it. An id is not handed out otherwise.
 */
export async function visibleReferralIds(db: DataSource, actor: Actor, ids: ReadonlyArray<string | null>): Promise<ReadonlySet<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Set();
  const { values, param } = sqlParams([wanted]);
  const rows: Array<{ id: string }> = await db.query(`SELECT r.id FROM referrals r WHERE r.id = ANY($1::uuid[]) AND ${visibilityCondition(actor, param)}`, values);
  return new Set(rows.map((row) => row.id));
}

/** Which of these referrals have a treatment plan (the actor may see them: they were just read as such). */
export async function referralsWithPlan(db: DataSource, referralIds: readonly string[]): Promise<ReadonlySet<string>> {
  if (referralIds.length === 0) return new Set();
  const rows: Array<{ referral_id: string }> = await db.query('SELECT DISTINCT referral_id FROM treatment_plans WHERE referral_id = ANY($1::uuid[])', [referralIds]);
  return new Set(rows.map((row) => row.referral_id));
}
