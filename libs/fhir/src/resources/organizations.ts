import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toClinic } from '@referloop/clinics';
import type { TableRow } from '@referloop/database';
import type { Organization } from '../model/fhir-types';
import { organizationOf } from '../mappers/organization.mapper';
import { RESOURCE_ID, searchParameter, type AnySearchParameter } from '../search/search-parameter';
import type { SearchRequest } from '../search/search-request';
import { idIn, wordStartsWith } from '../sources/sql-values';
import { tablePage } from '../sources/table-page';
import { keptPage, type ResourceKind, type SearchPage } from './resource-kind';

/**
 * Clinics. Like GraphQL's `clinic(id)`, every signed-in user may read any clinic: referrals
 * cross clinics, so the clinics are a directory. Reading one names no patient and no referral,
 * so, as in GraphQL, it is not audited.
 */
@Injectable()
export class Organizations implements ResourceKind<Organization> {
  readonly type = 'Organization';
  readonly documentation = 'Clinics: the referring and the receiving organisations. A directory: every signed-in user reads every clinic.';
  readonly parameters: readonly AnySearchParameter[] = [
    searchParameter({ name: '_id', type: 'token', definition: RESOURCE_ID, documentation: "The clinic's id", where: (values, param) => idIn('c.id', values.map((value) => value.code), param) }),
    searchParameter({
      name: 'name',
      type: 'string',
      definition: 'http://hl7.org/fhir/SearchParameter/Organization-name',
      documentation: "A word of the clinic's name starts with it (case and accents ignored)",
      where: (values, param) => wordStartsWith('c.name', values, param),
    }),
  ];

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(_actor: unknown, request: SearchRequest): Promise<SearchPage<Organization>> {
    // The clinic's creation time is the database's (microseconds): its keyset uses what a cursor holds, milliseconds.
    const rows = await tablePage<TableRow<'clinics'>>(this.db, { from: 'clinics c', alias: 'c', createdAt: "date_trunc('milliseconds', c.created_at)" }, request);
    const { kept, next } = keptPage(rows, request);
    return { resources: kept.map((row) => organizationOf(toClinic(row))), next };
  }
}
