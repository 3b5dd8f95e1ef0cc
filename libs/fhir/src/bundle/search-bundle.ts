import type { Bundle, BundleEntry, ClinicalResource, OperationOutcome } from '../model/fhir-types';
import { encodeCursor } from '../search/page-cursor';
import type { SearchRequest } from '../search/search-request';
import type { SearchPage } from '../resources/resource-kind';

/** `base/Type?name=value&…`, with the parameters encoded as a client would. */
const searchUrl = (base: string, type: string, parameters: ReadonlyArray<readonly [string, string]>) => {
  const query = new URLSearchParams(parameters.map(([name, value]): [string, string] => [name, value])).toString();
  return `${base}/${type}${query ? `?${query}` : ''}`;
};

/** Where a resource lives on this server: a Bundle entry's fullUrl. */
export const fullUrlOf = (base: string, resource: ClinicalResource) => `${base}/${resource.resourceType}/${resource.id}`;

export function entryOf(base: string, resource: ClinicalResource, mode: 'match' | 'include'): BundleEntry {
  return { fullUrl: fullUrlOf(base, resource), resource, search: { mode } };
}

/**
 * A search's answer: a searchset Bundle of one page. Its self link shows the parameters that
 * applied (under lenient handling, not the ones left out); its next link, on every page but
 * the last, the same search from where this page ends. Parameters left out are said in an
 * OperationOutcome entry. No total: counting costs more than a page (GraphQL counts only on request too).
 */
export function searchBundle(base: string, type: string, page: SearchPage, request: SearchRequest): Bundle {
  const link: Bundle['link'] = [{ relation: 'self', url: searchUrl(base, type, request.applied) }];
  if (page.next) link.push({ relation: 'next', url: searchUrl(base, type, [...request.applied, ['_cursor', encodeCursor(type, page.next)]]) });
  const entry = page.resources.map((resource) => entryOf(base, resource, 'match'));
  if (request.ignored.length > 0) {
    const outcome: OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: request.ignored.map((problem) => ({ severity: 'warning', code: 'not-supported', diagnostics: problem })),
    };
    entry.push({ resource: outcome, search: { mode: 'outcome' } });
  }
  return { resourceType: 'Bundle', type: 'searchset', timestamp: new Date().toISOString(), link, entry };
}
