import type { Referral } from '@referloop/referrals';
import type { Annotation, Reference, ServiceRequest, Timing } from '../model/fhir-types';
import { observationId, type ObservationKey } from '../model/resource-ids';
import { fhirStatus } from '../terminology/referral-status-mapping';
import { REFERLOOP } from '../terminology/systems';
import { conditionConcept, modalityConcept, techniqueConcept } from '../terminology/vocabulary-codings';
import { instant, referenceTo } from './references';
import { receiverOf, REQUEST_PRIORITY, requesterOf } from './referral-parties';

/** What a ServiceRequest refers to beyond the referral's own row. */
export interface ServiceRequestLinks {
  /** The assessment's Observations, in order. */
  assessment: readonly ObservationKey[];
  /** The linked referrals (replaced, episode of origin) the caller may see. */
  visible: ReadonlySet<string>;
}

/**
 * A referral as the request it is: the modality asked for (code), its techniques (orderDetail),
 * the conditions (reasonCode), how many visits how often (occurrenceTiming), the referrer's
 * words (note), and the assessment's measurements (supportingInfo). A redirect `replaces` the
 * declined or expired referral; a referral onward refers to the episode it came from.
 */
export function serviceRequestOf(referral: Referral, links: ServiceRequestLinks): ServiceRequest {
  const receiver = receiverOf(referral);
  const timing = timingOf(referral.recommendedVisits, referral.visitsPerWeek);
  const supportingInfo: Reference[] = links.assessment.map((key) => referenceTo('Observation', observationId(key)));
  if (referral.onwardFromId && links.visible.has(referral.onwardFromId)) supportingInfo.push(referenceTo('ServiceRequest', referral.onwardFromId));
  return {
    resourceType: 'ServiceRequest',
    id: referral.id,
    meta: { versionId: String(referral.version), lastUpdated: instant(referral.updatedAt) },
    identifier: [{ use: 'official', system: REFERLOOP.referralReference, value: referral.reference }],
    ...(referral.redirectedFromId && links.visible.has(referral.redirectedFromId) && { replaces: [referenceTo('ServiceRequest', referral.redirectedFromId)] }),
    status: fhirStatus(referral.status, 'serviceRequest'),
    intent: 'order',
    priority: REQUEST_PRIORITY[referral.priority],
    code: modalityConcept(referral.modality),
    ...(referral.techniques.length > 0 && { orderDetail: referral.techniques.map(techniqueConcept) }),
    ...(timing && { occurrenceTiming: timing }),
    subject: referenceTo('Patient', referral.patientId),
    ...(referral.sentAt && { authoredOn: instant(referral.sentAt) }),
    requester: requesterOf(referral),
    ...(receiver && { performer: [receiver] }),
    reasonCode: referral.conditions.map(conditionConcept),
    ...(supportingInfo.length > 0 && { supportingInfo }),
    note: notesOf(referral),
  };
}

/** How the note holding the red flags begins: written on every read, and read back from a posted ServiceRequest. */
export const RED_FLAGS_NOTE = 'Red flags: ';

/** The visits recommended, and how many a week. */
export function timingOf(visits: number | null, perWeek: number | null): Timing | null {
  if (visits === null && perWeek === null) return null;
  return { repeat: { ...(visits !== null && { count: visits }), ...(perWeek !== null && { frequency: perWeek, period: 1, periodUnit: 'wk' }) } };
}

/** The referrer's words: the reason first, then posture, goals and red flags, each said for what it is. */
function notesOf(referral: Referral): Annotation[] {
  const notes: Annotation[] = [{ text: referral.reason }];
  if (referral.assessment?.postureNotes) notes.push({ text: `Posture: ${referral.assessment.postureNotes}` });
  if (referral.goals) {
    const shortTerm = referral.goals.shortTerm.length > 0 ? ` Short-term goals: ${referral.goals.shortTerm.join('; ')}.` : '';
    notes.push({ text: `Long-term goal: ${referral.goals.longTerm}.${shortTerm}` });
  }
  if (referral.redFlags) notes.push({ text: `${RED_FLAGS_NOTE}${referral.redFlags}` });
  return notes;
}
