import type { ClinicalResource, TransactionResponse, TransactionResponseEntry } from '../model/fhir-types';
import { etagOf } from '../http/fhir-reply';
import { fullUrlOf } from './search-bundle';

/** A resource a transaction created, or found already created by an earlier request with the same identifier. */
export interface TransactionOutcome {
  resource: ClinicalResource;
  created: boolean;
}

/**
 * The answer to a transaction: a transaction-response Bundle with, for each entry posted and in
 * the same order, the resource as a read shows it and what became of it: 201 Created, or 200 OK
 * when an earlier request under the same identifier had created it (a conditional create that
 * found it), with its location and, where it has them, its version and last change.
 */
export function transactionResponse(base: string, outcomes: readonly TransactionOutcome[]): TransactionResponse {
  return { resourceType: 'Bundle', type: 'transaction-response', timestamp: new Date().toISOString(), entry: outcomes.map((outcome) => entryOf(base, outcome)) };
}

function entryOf(base: string, { resource, created }: TransactionOutcome): TransactionResponseEntry {
  const { versionId, lastUpdated } = resource.meta ?? {};
  return {
    fullUrl: fullUrlOf(base, resource),
    resource,
    response: {
      status: created ? '201 Created' : '200 OK',
      location: `${resource.resourceType}/${resource.id}`,
      ...(versionId && { etag: etagOf(versionId) }),
      ...(lastUpdated && { lastModified: lastUpdated }),
    },
  };
}
