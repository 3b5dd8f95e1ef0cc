import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, AuditTrail } from '@referloop/common';
import type { Goal } from '../model/fhir-types';
import { parseGoalId } from '../model/resource-ids';
import { goalOf } from '../mappers/goal.mapper';
import { lastUpdatedParameter } from '../search/last-updated';
import { anyOf, RESOURCE_ID, searchParameter, type AnySearchParameter } from '../search/search-parameter';
import type { SearchRequest } from '../search/search-request';
import { CURRENT_PLAN, GOAL_COLUMNS, GOALS_OF_PLAN, type GoalRow } from '../sources/plan-rows';
import { patientParameter, statusParameter } from '../sources/referral-parameters';
import { referralScopedPage } from '../sources/referral-scoped-page';
import { GOAL_LIFECYCLE_STATUSES } from '../terminology/value-sets';
import { auditReferralOf } from './referral-audit';
import { keptPage, type ResourceKind, type SearchPage } from './resource-kind';

/** The goals of each referral's current treatment plan, visible and audited with the referral. */
@Injectable()
export class Goals implements ResourceKind<Goal> {
  readonly type = 'Goal';
  readonly documentation = "The long-term and short-term goals of a referral's current treatment plan, with how far each was met. Visible with the referral.";
  readonly parameters: readonly AnySearchParameter[] = [
    searchParameter({
      name: '_id',
      type: 'token',
      definition: RESOURCE_ID,
      documentation: "The Goal's id",
      where: (values, param) =>
        anyOf(
          values.flatMap((value) => {
            const key = parseGoalId(value.code);
            return key ? [`(r.id = ${param(key.referralId)}::uuid AND goal.ordinal = ${param(key.ordinal)})`] : [];
          }),
        ),
    }),
    patientParameter('http://hl7.org/fhir/SearchParameter/clinical-patient'),
    statusParameter('lifecycle-status', 'http://hl7.org/fhir/SearchParameter/Goal-lifecycle-status', 'goal', GOAL_LIFECYCLE_STATUSES, "The goal's lifecycle status, which follows the referral's (docs/fhir.md)"),
    lastUpdatedParameter('r.updated_at', 'When the referral last changed: its plan, a visit, its outcome'),
  ];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(actor: Actor, request: SearchRequest, trail: AuditTrail): Promise<SearchPage<Goal>> {
    const select = { columns: GOAL_COLUMNS, joins: `${CURRENT_PLAN} ${GOALS_OF_PLAN}`, sub: 'goal.ordinal' };
    const { kept, next } = keptPage(await referralScopedPage<GoalRow>(this.db, actor, select, request), request);
    for (const row of kept) auditReferralOf(trail, row);
    return { resources: kept.map(goalOf), next };
  }
}
