import { Injectable } from '@nestjs/common';
import type { Actor, AuditTrail } from '@referloop/common';
import { MAX_PAGE_SIZE } from '@referloop/common';
import { entryOf } from '../bundle/search-bundle';
import { resourceNotFound } from '../errors/fhir-error';
import type { Bundle, ClinicalResource } from '../model/fhir-types';
import type { OperationDeclaration, ResourceKind, ResourceType } from '../resources/resource-kind';
import { ResourceKinds } from '../resources/resource-kinds';
import type { Condition } from '../search/search-parameter';
import { byIds, readRequest, type SearchRequest } from '../search/search-request';
import { REFERLOOP } from '../terminology/systems';

/** The resources kept for a referral, each with its referral's id: all of them come along. */
const KEPT_FOR_THE_REFERRAL: readonly ResourceType[] = ['Task', 'CarePlan', 'Goal', 'Observation'];

/** `Type/id` of every literal reference in a resource, wherever it sits. */
function referencesIn(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) referencesIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'reference' && typeof inner === 'string') found.add(inner);
      else referencesIn(inner, found);
    }
  }
  return found;
}

/**
 * `GET ServiceRequest/{id}/$everything`: the referral and everything an EHR needs to import it,
 * in one searchset Bundle — the ServiceRequest (match), then (include) its Task, CarePlan,
 * Goals and every Observation kept for it, and whatever these refer to (the patient, the
 * practitioners, their roles and clinics, the referrals it replaces or came from), as far as
 * references go. A linked referral comes without its own episode: that is its own $everything.
 *
 * Every resource is read through its type's own search, so each is shown only to a caller who
 * may see it (a reference to one they may not see stays a reference) and audited as any read.
 * Not paged: one referral's resources are bounded by its episode.
 */
@Injectable()
export class ServiceRequestEverything {
  readonly declaration: OperationDeclaration = {
    type: 'ServiceRequest',
    name: 'everything',
    definition: REFERLOOP.everythingOperation,
    documentation: 'The referral and everything it refers to and that is kept for it, in one searchset Bundle: what an EHR imports. Not paged.',
  };

  constructor(private readonly kinds: ResourceKinds) {}

  async of(actor: Actor, id: string, trail: AuditTrail, base: string): Promise<Bundle> {
    const serviceRequests = this.kinds.of('ServiceRequest');
    const [referral] = (await serviceRequests.search(actor, readRequest(serviceRequests.parameters, id), trail)).resources;
    if (!referral) throw resourceNotFound('ServiceRequest', id);

    const included: ClinicalResource[] = [];
    const ofTheReferral: Condition = (param) => `r.id = ${param(referral.id)}::uuid`;
    for (const type of KEPT_FOR_THE_REFERRAL) included.push(...(await this.everyPage(this.kinds.of(type), actor, ofTheReferral, trail)));

    // Follow references until none is new: the patient, then roles, their practitioners and clinics.
    const seen = new Set([referral, ...included].map((resource) => `${resource.resourceType}/${resource.id}`));
    let followed: ClinicalResource[] = [referral, ...included];
    while (followed.length > 0) {
      // Another referral is shown, but its own references are not followed.
      const wanted = [...new Set(followed.filter((resource) => resource.resourceType !== 'ServiceRequest' || resource.id === referral.id).flatMap((resource) => [...referencesIn(resource)]))].filter(
        (reference) => !seen.has(reference),
      );
      wanted.forEach((reference) => seen.add(reference));
      followed = await this.resolve(actor, wanted, trail);
      included.push(...followed);
    }
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      timestamp: new Date().toISOString(),
      link: [{ relation: 'self', url: `${base}/ServiceRequest/${referral.id}/$everything` }],
      entry: [entryOf(base, referral, 'match'), ...included.map((resource) => entryOf(base, resource, 'include'))],
    };
  }

  /** Every resource of one type a condition finds, page after page. */
  private async everyPage(kind: ResourceKind, actor: Actor, condition: Condition, trail: AuditTrail): Promise<ClinicalResource[]> {
    const found: ClinicalResource[] = [];
    let request: SearchRequest | null = { conditions: [condition], count: MAX_PAGE_SIZE, after: null, applied: [], ignored: [] };
    while (request) {
      const page = await kind.search(actor, request, trail);
      found.push(...page.resources);
      request = page.next ? { ...request, after: page.next } : null;
    }
    return found;
  }

  /** The resources `Type/id` references name, type by type, each read as its own search reads it. */
  private async resolve(actor: Actor, references: readonly string[], trail: AuditTrail): Promise<ClinicalResource[]> {
    const byType = new Map<string, string[]>();
    for (const reference of references) {
      const [type, id] = reference.split('/');
      byType.set(type, [...(byType.get(type) ?? []), id]);
    }
    const found: ClinicalResource[] = [];
    for (const [type, ids] of byType) {
      const kind = this.kinds.of(type);
      found.push(...(await this.everyPage(kind, actor, byIds(kind.parameters, ids), trail)));
    }
    return found;
  }
}
