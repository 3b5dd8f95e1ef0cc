import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Modality } from '@referloop/common';
import { ProviderRow, toProvider } from '@referloop/providers';
import type { PractitionerRole } from '../model/fhir-types';
import { practitionerRoleOf } from '../mappers/practitioner-role.mapper';
import { RESOURCE_ID, searchParameter, type AnySearchParameter } from '../search/search-parameter';
import type { SearchRequest } from '../search/search-request';
import { codesMatching } from '../search/token-match';
import { idIn, referenceIn } from '../sources/sql-values';
import { tablePage } from '../sources/table-page';
import { modalityConcept } from '../terminology/vocabulary-codings';
import { PROVIDERS } from './practitioners';
import { keptPage, type ResourceKind, type SearchPage } from './resource-kind';

/** Providers in their clinic: what referrals are addressed to. The same directory as Practitioner. */
@Injectable()
export class PractitionerRoles implements ResourceKind<PractitionerRole> {
  readonly type = 'PractitionerRole';
  readonly documentation = 'A provider at their clinic, with the modalities they practise: what referrals are addressed to. Same id as the Practitioner.';
  readonly parameters: readonly AnySearchParameter[] = [
    searchParameter({ name: '_id', type: 'token', definition: RESOURCE_ID, documentation: "The provider's id", where: (values, param) => idIn('pr.id', values.map((value) => value.code), param) }),
    searchParameter({
      name: 'practitioner',
      type: 'reference',
      definition: 'http://hl7.org/fhir/SearchParameter/PractitionerRole-practitioner',
      targets: ['Practitioner'],
      documentation: 'The provider: Practitioner/<id> or the id',
      where: (values, param) => referenceIn('pr.id', values, 'Practitioner', param),
    }),
    searchParameter({
      name: 'organization',
      type: 'reference',
      definition: 'http://hl7.org/fhir/SearchParameter/PractitionerRole-organization',
      targets: ['Organization'],
      documentation: "The provider's clinic: Organization/<id> or the id",
      where: (values, param) => referenceIn('pr.clinic_id', values, 'Organization', param),
    }),
    searchParameter({
      name: 'specialty',
      type: 'token',
      definition: 'http://hl7.org/fhir/SearchParameter/PractitionerRole-specialty',
      documentation: 'A modality practised, by its HL7 service-type code (65) or its ReferLoop code (PHYSICAL_THERAPY)',
      where: (values, param) => {
        const modalities = codesMatching(Object.values(Modality), modalityConcept, values);
        return modalities.length === 0 ? 'FALSE' : `pr.modalities && ${param(modalities)}::text[]`;
      },
    }),
  ];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(_actor: unknown, request: SearchRequest): Promise<SearchPage<PractitionerRole>> {
    const { kept, next } = keptPage(await tablePage<ProviderRow>(this.db, PROVIDERS, request), request);
    return { resources: kept.map((row) => practitionerRoleOf(toProvider(row))), next };
  }
}
