import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, AuditTrail } from '@referloop/common';
import type { Task } from '../model/fhir-types';
import { taskOf } from '../mappers/task.mapper';
import { lastUpdatedParameter } from '../search/last-updated';
import { searchParameter, type AnySearchParameter } from '../search/search-parameter';
import type { SearchRequest } from '../search/search-request';
import { observationKeysOf } from '../sources/observation-rows';
import { patientParameter, receiverParameter, referralIdParameter, referralReferenceParameter, referralStatusIn, statusParameter } from '../sources/referral-parameters';
import { referralsWithPlan } from '../sources/referral-links';
import { referenceIn } from '../sources/sql-values';
import { referralStatusesWithBusinessStatus } from '../terminology/referral-status-mapping';
import { TASK_STATUSES } from '../terminology/value-sets';
import { referralsPage } from './referral-page';
import type { ResourceKind, SearchPage } from './resource-kind';

/** A ServiceRequest reference parameter of a Task (focus, based-on): the referral itself. */
const referralReference = (name: string, definition: string) =>
  searchParameter({
    name,
    type: 'reference',
    definition,
    targets: ['ServiceRequest'],
    documentation: 'The referral: ServiceRequest/<id> or the id (the Task has the same id)',
    where: (values, param) => referenceIn('r.id', values, 'ServiceRequest', param),
  });

/** Each referral's workflow, with the same visibility and audit as the referral. */
@Injectable()
export class Tasks implements ResourceKind<Task> {
  readonly type = 'Task';
  readonly documentation =
    "Each referral's workflow: where it stands (status, and businessStatus from BSeR's Task business statuses or ReferLoop's own), who owes the next step, and what the episode produced (output). Same id as its ServiceRequest.";
  readonly parameters: readonly AnySearchParameter[] = [
    referralIdParameter("The referral's id"),
    referralReferenceParameter('http://hl7.org/fhir/SearchParameter/Task-identifier'),
    patientParameter('http://hl7.org/fhir/SearchParameter/Task-patient'),
    statusParameter('status', 'http://hl7.org/fhir/SearchParameter/Task-status', 'task', TASK_STATUSES, 'The task status: each referral status maps to one (docs/fhir.md)'),
    searchParameter({
      name: 'business-status',
      type: 'token',
      definition: 'http://hl7.org/fhir/SearchParameter/Task-business-status',
      documentation: "BSeR's business status (e.g. 3.0, accepted) or the referral's own status (e.g. ON_HOLD), with or without its system",
      where: (values, param) => referralStatusIn([...new Set(values.flatMap((value) => referralStatusesWithBusinessStatus(value.system, value.code)))], param),
    }),
    referralReference('focus', 'http://hl7.org/fhir/SearchParameter/Task-focus'),
    referralReference('based-on', 'http://hl7.org/fhir/SearchParameter/Task-based-on'),
    receiverParameter('owner', 'http://hl7.org/fhir/SearchParameter/Task-owner', 'The provider it was sent to (PractitionerRole/<id> or Practitioner/<id>) or their clinic (Organization/<id>)'),
    lastUpdatedParameter('r.updated_at', 'When the referral last changed: any move of its lifecycle, its plan or a visit'),
  ];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(actor: Actor, request: SearchRequest, trail: AuditTrail): Promise<SearchPage<Task>> {
    const { referrals, next } = await referralsPage(this.db, actor, request, trail);
    const ids = referrals.map((referral) => referral.id);
    const [observations, planned] = await Promise.all([observationKeysOf(this.db, actor, ids, ['visit', 'outcome']), referralsWithPlan(this.db, ids)]);
    return { resources: referrals.map((referral) => taskOf(referral, { observations: observations.get(referral.id) ?? [], hasPlan: planned.has(referral.id) })), next };
  }
}
