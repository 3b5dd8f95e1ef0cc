import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, AuditTrail } from '@referloop/common';
import { MAX_NAME_WORDS, nameWords, patientNameCondition, patientVisibility } from '@referloop/patients';
import { badParameter } from '../errors/fhir-error';
import type { Patient } from '../model/fhir-types';
import { patientOf, type PatientRow } from '../mappers/patient.mapper';
import { calendarDateCondition } from '../search/date-value';
import { anyOf, RESOURCE_ID, searchParameter, type AnySearchParameter } from '../search/search-parameter';
import type { SearchRequest } from '../search/search-request';
import { lastUpdatedParameter } from '../search/last-updated';
import { idIn, referenceIn } from '../sources/sql-values';
import { tablePage } from '../sources/table-page';
import { keptPage, type ResourceKind, type SearchPage } from './resource-kind';

/**
 * Patients, limited in SQL to those the caller may see by the patients' own rule
 * (patientVisibility, as GraphQL's `patient(id)`): their clinic's, and a referral's patient for
 * the side it was sent to. A search finds what a read would show, no more: it is GraphQL's read
 * rule, not its `patients` list (which shows only the caller's own clinic's, for the web app's
 * list of them). Every patient shown is audited, filed under their clinic, as GraphQL does.
 */
@Injectable()
export class Patients implements ResourceKind<Patient> {
  readonly type = 'Patient';
  readonly documentation = "Patients: a clinic's own, and the patient of a referral for the side it was sent to.";
  readonly parameters: readonly AnySearchParameter[] = [
    searchParameter({ name: '_id', type: 'token', definition: RESOURCE_ID, documentation: "The patient's id", where: (values, param) => idIn('p.id', values.map((value) => value.code), param) }),
    searchParameter({
      name: 'name',
      type: 'string',
      definition: 'http://hl7.org/fhir/SearchParameter/Patient-name',
      documentation: `Each word begins a word of the patient's first or last name, one of them the name itself ("ann smi"); case and accents ignored; at most ${MAX_NAME_WORDS} words`,
      where: (values, param) =>
        anyOf(
          values.map((value) => {
            const words = nameWords(value);
            if (words.length === 0 || words.length > MAX_NAME_WORDS) throw badParameter('name', `give 1 to ${MAX_NAME_WORDS} words of the name`);
            return patientNameCondition(words, param);
          }),
        ),
    }),
    searchParameter({
      name: 'birthdate',
      type: 'date',
      dateOnly: true,
      definition: 'http://hl7.org/fhir/SearchParameter/individual-birthdate',
      documentation: 'The date of birth (YYYY, YYYY-MM or YYYY-MM-DD, with eq, ne, gt, ge, lt, le)',
      where: (values, param) => anyOf(values.map((range) => calendarDateCondition('p.date_of_birth', range, param))),
    }),
    searchParameter({
      name: 'organization',
      type: 'reference',
      definition: 'http://hl7.org/fhir/SearchParameter/Patient-organization',
      targets: ['Organization'],
      documentation: "The patient's clinic: Organization/<id> or the id",
      where: (values, param) => referenceIn('p.clinic_id', values, 'Organization', param),
    }),
    lastUpdatedParameter('p.updated_at', 'When the patient was last edited'),
  ];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(actor: Actor, request: SearchRequest, trail: AuditTrail): Promise<SearchPage<Patient>> {
    const visible = { from: 'patients p', alias: 'p', createdAt: 'p.created_at', visibility: (param: (value: unknown) => string) => patientVisibility(actor, param) };
    const { kept, next } = keptPage(await tablePage<PatientRow>(this.db, visible, request), request);
    for (const row of kept) trail.touchPatient(row.id, row.clinic_id);
    return { resources: kept.map(patientOf), next };
  }
}
