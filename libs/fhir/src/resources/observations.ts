import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, AuditTrail } from '@referloop/common';
import type { Observation } from '../model/fhir-types';
import { parseObservationId } from '../model/resource-ids';
import { observationOf } from '../mappers/observation.mapper';
import { dateCondition } from '../search/date-value';
import { lastUpdatedParameter } from '../search/last-updated';
import { anyOf, RESOURCE_ID, searchParameter, type AnySearchParameter, type Param, type TokenValue } from '../search/search-parameter';
import type { SearchRequest } from '../search/search-request';
import { codesMatching } from '../search/token-match';
import { OBSERVATION_COLUMNS, OBSERVATION_ORDER, OBSERVATIONS_OF_REFERRAL, type ObservationRow } from '../sources/observation-rows';
import { patientParameter } from '../sources/referral-parameters';
import { referralScopedPage } from '../sources/referral-scoped-page';
import { referenceIn } from '../sources/sql-values';
import { MEASURE_CATEGORY, MEASURE_CODE, MEASURES, OBSERVATION_STATUS } from '../terminology/observation-codes';
import { OBSERVATION_STATUSES } from '../terminology/value-sets';
import { auditReferralOf } from './referral-audit';
import { keptPage, type ResourceKind, type SearchPage } from './resource-kind';

/** The Observations an id names: its referral found by the id (the referral's own, or its visit's), then the one measurement. */
function byId(values: readonly TokenValue[], param: Param): string {
  return anyOf(
    values.flatMap((value) => {
      const key = parseObservationId(value.code);
      if (!key) return [];
      const source = param(key.sourceId);
      const referral = key.source === 'visit' ? `r.id = (SELECT v.referral_id FROM visits v WHERE v.id = ${source}::uuid)` : `r.id = ${source}::uuid`;
      return [`(${referral} AND o.source = ${param(key.source)} AND o.source_id = ${source}::uuid AND o.ordinal = ${param(key.ordinal)} AND o.measure = ${param(key.measure)})`];
    }),
  );
}

/** The measures whose category or code a token names. */
const measureIn = (concept: typeof MEASURE_CODE, values: readonly TokenValue[], param: Param) => {
  const measures = codesMatching(MEASURES, (measure) => concept[measure], values);
  return measures.length === 0 ? 'FALSE' : `o.measure = ANY(${param(measures)}::text[])`;
};

/**
 * The range-of-motion and pain measurements of referrals: the assessment's, every visit's and
 * the outcome's. Visible with the referral they belong to (ofVisibleReferral's rule: whoever
 * may see the referral reads its episode), and audited as a read of it.
 */
@Injectable()
export class Observations implements ResourceKind<Observation> {
  readonly type = 'Observation';
  readonly documentation =
    "Each range of motion (degrees, with body site, side and expected range) and each pain score (0-10, LOINC 72514-3) of a referral's assessment, of every visit and of its outcome. Visible with the referral.";
  readonly parameters: readonly AnySearchParameter[] = [
    searchParameter({ name: '_id', type: 'token', definition: RESOURCE_ID, documentation: "The Observation's id", where: byId }),
    patientParameter('http://hl7.org/fhir/SearchParameter/clinical-patient'),
    searchParameter({
      name: 'based-on',
      type: 'reference',
      definition: 'http://hl7.org/fhir/SearchParameter/Observation-based-on',
      targets: ['ServiceRequest'],
      documentation: 'The referral measured for: ServiceRequest/<id> or the id',
      where: (values, param) => referenceIn('r.id', values, 'ServiceRequest', param),
    }),
    searchParameter({
      name: 'status',
      type: 'token',
      definition: 'http://hl7.org/fhir/SearchParameter/Observation-status',
      codes: OBSERVATION_STATUSES,
      documentation: `Always ${OBSERVATION_STATUS}: measurements are recorded once`,
      where: (values) => (values.some((value) => value.code === OBSERVATION_STATUS) ? 'TRUE' : 'FALSE'),
    }),
    searchParameter({
      name: 'category',
      type: 'token',
      definition: 'http://hl7.org/fhir/SearchParameter/Observation-category',
      documentation: 'exam (ranges of motion) or survey (pain scores)',
      where: (values, param) => measureIn(MEASURE_CATEGORY, values, param),
    }),
    searchParameter({
      name: 'code',
      type: 'token',
      definition: 'http://hl7.org/fhir/SearchParameter/clinical-code',
      documentation: 'http://loinc.org|72514-3 (pain) or range-of-motion (ReferLoop observation code system)',
      where: (values, param) => measureIn(MEASURE_CODE, values, param),
    }),
    searchParameter({
      name: 'date',
      type: 'date',
      definition: 'http://hl7.org/fhir/SearchParameter/clinical-date',
      documentation: 'When it was measured (effectiveDateTime)',
      where: (values, param) => anyOf(values.map((range) => dateCondition('o.effective_at', range, param))),
    }),
    lastUpdatedParameter('o.last_updated', "When it last changed: the assessment's when the referral was sent, a visit's when recorded, the outcome's at completion"),
  ];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(actor: Actor, request: SearchRequest, trail: AuditTrail): Promise<SearchPage<Observation>> {
    const select = { columns: OBSERVATION_COLUMNS, joins: OBSERVATIONS_OF_REFERRAL, sub: OBSERVATION_ORDER };
    const { kept, next } = keptPage(await referralScopedPage<ObservationRow>(this.db, actor, select, request), request);
    for (const row of kept) auditReferralOf(trail, row);
    return { resources: kept.map(observationOf), next };
  }
}
