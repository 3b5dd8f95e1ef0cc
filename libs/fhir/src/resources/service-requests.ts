import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, AuditTrail } from '@referloop/common';
import type { ServiceRequest } from '../model/fhir-types';
import { serviceRequestOf } from '../mappers/service-request.mapper';
import { lastUpdatedParameter } from '../search/last-updated';
import type { AnySearchParameter } from '../search/search-parameter';
import type { SearchRequest } from '../search/search-request';
import { observationKeysOf } from '../sources/observation-rows';
import { patientParameter, receiverParameter, referralIdParameter, referralReferenceParameter, statusParameter } from '../sources/referral-parameters';
import { visibleReferralIds } from '../sources/referral-links';
import { REQUEST_STATUSES } from '../terminology/value-sets';
import { referralsPage } from './referral-page';
import type { ResourceKind, SearchPage } from './resource-kind';

/** Referrals, as the requests they are: each caller sees the referrals GraphQL shows them, and each one shown is audited. */
@Injectable()
export class ServiceRequests implements ResourceKind<ServiceRequest> {
  readonly type = 'ServiceRequest';
  readonly documentation =
    'Referrals: the modality requested, its techniques, conditions, visits, the referrer and the provider it went to. Visible to the referring side, and to the receiving side once sent (drafts are the referrer\'s alone); platform admins see all.';
  readonly parameters: readonly AnySearchParameter[] = [
    referralIdParameter("The referral's id"),
    referralReferenceParameter('http://hl7.org/fhir/SearchParameter/clinical-identifier'),
    patientParameter('http://hl7.org/fhir/SearchParameter/clinical-patient'),
    statusParameter('status', 'http://hl7.org/fhir/SearchParameter/ServiceRequest-status', 'serviceRequest', REQUEST_STATUSES, 'The request status: each referral status maps to one (docs/fhir.md)'),
    receiverParameter('performer', 'http://hl7.org/fhir/SearchParameter/ServiceRequest-performer', 'The provider it was sent to (PractitionerRole/<id> or Practitioner/<id>) or their clinic (Organization/<id>)'),
    lastUpdatedParameter('r.updated_at', 'When the referral last changed: any move of its lifecycle, its plan or a visit'),
  ];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(actor: Actor, request: SearchRequest, trail: AuditTrail): Promise<SearchPage<ServiceRequest>> {
    const { referrals, next } = await referralsPage(this.db, actor, request, trail);
    const ids = referrals.map((referral) => referral.id);
    const [assessments, visible] = await Promise.all([
      observationKeysOf(this.db, actor, ids, ['assessment']),
      visibleReferralIds(this.db, actor, referrals.flatMap((referral) => [referral.redirectedFromId, referral.onwardFromId])),
    ]);
    return { resources: referrals.map((referral) => serviceRequestOf(referral, { assessment: assessments.get(referral.id) ?? [], visible })), next };
  }
}
