import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProviderRow, toProvider } from '@referloop/providers';
import type { Practitioner } from '../model/fhir-types';
import { practitionerOf } from '../mappers/practitioner.mapper';
import { anyOf, RESOURCE_ID, searchParameter, type AnySearchParameter } from '../search/search-parameter';
import type { SearchRequest } from '../search/search-request';
import { idIn, wordStartsWith } from '../sources/sql-values';
import { tablePage } from '../sources/table-page';
import { keptPage, type ResourceKind, type SearchPage } from './resource-kind';

/** The providers' table as a directory page: what both Practitioner and PractitionerRole read. */
export const PROVIDERS = { from: 'providers pr', alias: 'pr', createdAt: 'pr.created_at' } as const;

/**
 * Providers as people. The provider directory is open to every signed-in user, as GraphQL's
 * `provider` and `providers` are (referrals cross clinics); not audited, as there.
 */
@Injectable()
export class Practitioners implements ResourceKind<Practitioner> {
  readonly type = 'Practitioner';
  readonly documentation = 'Providers (massage therapists, acupuncturists, chiropractors, physical therapists) as people. A directory: every signed-in user reads every provider.';
  readonly parameters: readonly AnySearchParameter[] = [
    searchParameter({ name: '_id', type: 'token', definition: RESOURCE_ID, documentation: "The provider's id", where: (values, param) => idIn('pr.id', values.map((value) => value.code), param) }),
    searchParameter({
      name: 'name',
      type: 'string',
      definition: 'http://hl7.org/fhir/SearchParameter/Practitioner-name',
      documentation: "A word of the provider's name starts with it (case and accents ignored)",
      where: (values, param) => wordStartsWith('pr.display_name', values, param),
    }),
    searchParameter({
      name: 'email',
      type: 'token',
      definition: 'http://hl7.org/fhir/SearchParameter/individual-email',
      documentation: "The provider's email address (case ignored)",
      where: (values, param) => anyOf(values.map((value) => `pr.email = ${param(value.code.toLowerCase())}`)),
    }),
  ];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(_actor: unknown, request: SearchRequest): Promise<SearchPage<Practitioner>> {
    const { kept, next } = keptPage(await tablePage<ProviderRow>(this.db, PROVIDERS, request), request);
    return { resources: kept.map((row) => practitionerOf(toProvider(row))), next };
  }
}
