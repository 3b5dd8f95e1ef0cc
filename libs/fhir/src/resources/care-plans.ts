import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, AuditTrail } from '@referloop/common';
import type { CarePlan } from '../model/fhir-types';
import { carePlanOf } from '../mappers/care-plan.mapper';
import { lastUpdatedParameter } from '../search/last-updated';
import type { AnySearchParameter } from '../search/search-parameter';
import type { SearchRequest } from '../search/search-request';
import { CARE_PLAN_COLUMNS, CURRENT_PLAN, type CarePlanRow } from '../sources/plan-rows';
import { patientParameter, referralIdParameter, statusParameter } from '../sources/referral-parameters';
import { referralScopedPage } from '../sources/referral-scoped-page';
import { REQUEST_STATUSES } from '../terminology/value-sets';
import { auditReferralOf } from './referral-audit';
import { keptPage, type ResourceKind, type SearchPage } from './resource-kind';

/** Treatment plans: each referral's current plan, visible and audited with the referral (the referrer reads it too, as in GraphQL). */
@Injectable()
export class CarePlans implements ResourceKind<CarePlan> {
  readonly type = 'CarePlan';
  readonly documentation = "The treating provider's current treatment plan of a referral: visits planned, how often, techniques and goals. Same id as the referral; visible with it.";
  readonly parameters: readonly AnySearchParameter[] = [
    referralIdParameter("The referral's id (a referral has one plan)"),
    patientParameter('http://hl7.org/fhir/SearchParameter/clinical-patient'),
    statusParameter('status', 'http://hl7.org/fhir/SearchParameter/CarePlan-status', 'carePlan', REQUEST_STATUSES, "The plan's status, which follows the referral's (docs/fhir.md)"),
    lastUpdatedParameter('r.updated_at', 'When the referral last changed (a new plan version is one of its moves)'),
  ];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(actor: Actor, request: SearchRequest, trail: AuditTrail): Promise<SearchPage<CarePlan>> {
    const { kept, next } = keptPage(await referralScopedPage<CarePlanRow>(this.db, actor, { columns: CARE_PLAN_COLUMNS, joins: CURRENT_PLAN }, request), request);
    for (const row of kept) auditReferralOf(trail, row);
    return { resources: kept.map(carePlanOf), next };
  }
}
