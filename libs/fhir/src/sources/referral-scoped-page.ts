import type { DataSource } from 'typeorm';
import { Actor, isPlatformAdmin } from '@referloop/common';
import { sqlParams } from '@referloop/core';
import { inboundCondition, outboundCondition } from '@referloop/referrals';
import type { PageKey } from '../search/page-cursor';
import type { SearchRequest } from '../search/search-request';

/** The columns every page's rows carry: the key of the next page. */
export interface Keyed {
  key_at: Date;
  key_id: string;
  key_sub: string | number;
}

export const pageKeyOf = (row: Keyed): PageKey => ({ at: row.key_at, id: row.key_id, sub: Number(row.key_sub) });

/** What a resource kept per referral selects from `referrals r` and what it joins to it. */
export interface ReferralScopedSelect {
  /** The columns of the rows, from `r` and the joins. */
  columns: string;
  /** Joins after `referrals r`, e.g. a LATERAL expansion of the referral's measurements. */
  joins?: string;
  /** The order of a referral's resources among themselves, when it has several: a whole number. */
  sub?: string;
}

/**
 * One page of resources kept per referral (ServiceRequest, Task, CarePlan, Goal, Observation),
 * newest referral first, among the referrals the actor may see. Tenancy is the referral lists'
 * own (referral-access.ts): the referrals the actor sent, or those sent to them, each side one
 * index range scan of its own ((tenant column, created_at, id)), limited before they are merged,
 * exactly as the GraphQL `referrals` list runs; platform admins see every referral.
 */
export async function referralScopedPage<Row>(db: DataSource, actor: Actor, select: ReferralScopedSelect, request: SearchRequest): Promise<Array<Row & Keyed>> {
  const { values, param } = sqlParams();
  const sub = select.sub ?? '0';
  const filters = request.conditions.map((condition) => ` AND (${condition(param)})`).join('');
  const after = request.after;
  const within = select.sub && after ? ` OR ((r.created_at, r.id) = (${param(after.at)}, ${param(after.id)}::uuid) AND ${sub} > ${param(after.sub)})` : '';
  const keyset = after ? ` AND ((r.created_at, r.id) < (${param(after.at)}, ${param(after.id)}::uuid)${within})` : '';
  const limit = param(request.count + 1);
  const sides = isPlatformAdmin(actor) ? ['TRUE'] : [outboundCondition(actor, param), inboundCondition(actor, param)];
  const branches = sides.map(
    (side) => `(SELECT ${select.columns}, r.created_at AS key_at, r.id AS key_id, ${sub} AS key_sub
                  FROM referrals r ${select.joins ?? ''}
                 WHERE (${side})${filters}${keyset}
                 ORDER BY r.created_at DESC, r.id DESC${select.sub ? `, ${sub}` : ''} LIMIT ${limit})`,
  );
  // A referral the actor is on both sides of (a clinic referring to its own provider) comes from both branches: once is enough.
  return db.query(
    `SELECT DISTINCT ON (key_at, key_id, key_sub) * FROM (${branches.join(' UNION ALL ')}) page
      ORDER BY key_at DESC, key_id DESC, key_sub LIMIT ${limit}`,
    values,
  );
}
