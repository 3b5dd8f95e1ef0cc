import type { DataSource } from 'typeorm';
import type { Actor, AuditTrail } from '@referloop/common';
import { seenReferral, type Referral, type ReferralRow } from '@referloop/referrals';
import type { PageKey } from '../search/page-cursor';
import type { SearchRequest } from '../search/search-request';
import { referralScopedPage } from '../sources/referral-scoped-page';
import { keptPage } from './resource-kind';

/**
 * A page of referrals the actor may see, each shaped as the domain's Referral and audited as
 * GraphQL audits a referral it shows (the referral and its patient, under both clinics): what
 * a ServiceRequest and a Task are made of.
 */
export async function referralsPage(db: DataSource, actor: Actor, request: SearchRequest, trail: AuditTrail): Promise<{ referrals: Referral[]; next: PageKey | null }> {
  const rows = await referralScopedPage<ReferralRow>(db, actor, { columns: 'r.*' }, request);
  const { kept, next } = keptPage(rows, request);
  return { referrals: kept.map((row) => seenReferral(trail, row)), next };
}
