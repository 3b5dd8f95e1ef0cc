import type { Actor, AuditTrail } from '@referloop/common';
import type { ClinicalResource } from '../model/fhir-types';
import type { PageKey } from '../search/page-cursor';
import type { AnySearchParameter } from '../search/search-parameter';
import { readRequest, type SearchRequest } from '../search/search-request';
import { resourceNotFound } from '../errors/fhir-error';
import { pageKeyOf, type Keyed } from '../sources/referral-scoped-page';

export type ResourceType = ClinicalResource['resourceType'];

/** One page of a search: its resources, and where the next page starts (null on the last). */
export interface SearchPage<R extends ClinicalResource = ClinicalResource> {
  resources: R[];
  next: PageKey | null;
}

/**
 * A resource type the API serves: its search parameters, and its search, which reads also go
 * through (a read is a search for one `_id`), so reads and searches see the same resources.
 * A search notes on the request's audit trail what it showed, as GraphQL's reads do.
 */
export interface ResourceKind<R extends ClinicalResource = ClinicalResource> {
  readonly type: R['resourceType'];
  readonly parameters: readonly AnySearchParameter[];
  /** What the CapabilityStatement says of the type as a whole: what it is in ReferLoop. */
  readonly documentation: string;
  search(actor: Actor, request: SearchRequest, trail: AuditTrail): Promise<SearchPage<R>>;
}

/**
 * A read: one resource by id, found by the type's search (so with the same tenancy, and noted on
 * the trail as a search notes what it shows). Not found when it does not exist or the actor may
 * not see it: the same answer.
 */
export async function readOne(kind: ResourceKind, actor: Actor, id: string, trail: AuditTrail): Promise<ClinicalResource> {
  const page = await kind.search(actor, readRequest(kind.parameters, id), trail);
  const resource = page.resources[0];
  if (!resource) throw resourceNotFound(kind.type, id);
  return resource;
}

/** The rows a page keeps (a search fetches one more than it shows, to know whether a next page exists) and the next page's key. */
export function keptPage<Row extends Keyed>(rows: Row[], request: SearchRequest): { kept: Row[]; next: PageKey | null } {
  if (rows.length <= request.count) return { kept: rows, next: null };
  const kept = rows.slice(0, request.count);
  return { kept, next: pageKeyOf(kept[kept.length - 1]) };
}

/** An operation on one resource type's instances (`GET Type/{id}/$name`), as the CapabilityStatement declares it. */
export interface OperationDeclaration {
  type: ResourceType;
  name: string;
  definition: string;
  documentation: string;
}
