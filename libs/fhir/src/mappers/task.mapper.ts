import { ReferralStatus } from '@referloop/lifecycle';
import type { Referral } from '@referloop/referrals';
import type { CodeableConcept, Task, TaskOutput } from '../model/fhir-types';
import { observationId, type ObservationKey } from '../model/resource-ids';
import { businessStatusCodings, fhirStatus, referralStatusDisplay } from '../terminology/referral-status-mapping';
import { REFERLOOP, STANDARD } from '../terminology/systems';
import { taskOutputType } from '../terminology/task-output-types';
import { declineReasonConcept, goalAttainmentConcept, modalityDisplay } from '../terminology/vocabulary-codings';
import { instant, referenceTo } from './references';
import { receiverOf, REQUEST_PRIORITY, requesterOf } from './referral-parties';

/** What a Task refers to beyond the referral's own row. */
export interface TaskLinks {
  /** The Observations of its visits and of its outcome, in order. */
  observations: readonly ObservationKey[];
  hasPlan: boolean;
}

const FULFILL: CodeableConcept = { coding: [{ system: STANDARD.taskCode, code: 'fulfill', display: 'Fulfill the focal request' }] };

/**
 * The referral's workflow: where it stands (status and business status, from the one status
 * table), who owes the next step (owner), why it stopped (statusReason), and what the episode
 * produced (output): the appointment, the treatment plan, every visit's measurements and, once
 * completed, the outcome — its summary, goals met, visits used, final measurements and
 * recommendations — and when the referrer acknowledged it, closing the loop.
 */
export function taskOf(referral: Referral, links: TaskLinks): Task {
  const owner = receiverOf(referral);
  const statusReason = statusReasonOf(referral);
  const output = outputsOf(referral, links);
  const executionPeriod = referral.treatmentStartedAt
    ? { start: instant(referral.treatmentStartedAt), ...(referral.completedAt && { end: instant(referral.completedAt) }) }
    : null;
  return {
    resourceType: 'Task',
    id: referral.id,
    meta: { versionId: String(referral.version), lastUpdated: instant(referral.updatedAt) },
    identifier: [{ use: 'official', system: REFERLOOP.referralReference, value: referral.reference }],
    basedOn: [referenceTo('ServiceRequest', referral.id)],
    status: fhirStatus(referral.status, 'task'),
    ...(statusReason && { statusReason }),
    businessStatus: { coding: businessStatusCodings(referral.status), text: referralStatusDisplay(referral.status) },
    intent: 'order',
    priority: REQUEST_PRIORITY[referral.priority],
    code: FULFILL,
    focus: referenceTo('ServiceRequest', referral.id),
    for: referenceTo('Patient', referral.patientId),
    ...(executionPeriod && { executionPeriod }),
    authoredOn: instant(referral.createdAt),
    lastModified: instant(referral.updatedAt),
    requester: requesterOf(referral),
    ...(owner && { owner }),
    ...(output.length > 0 && { output }),
  };
}

function statusReasonOf(referral: Referral): CodeableConcept | null {
  if (referral.status === ReferralStatus.DECLINED && referral.declineReason) return declineReasonConcept(referral.declineReason, referral.declineNote);
  if (referral.status === ReferralStatus.CANCELLED && referral.cancelReason) return { text: referral.cancelReason };
  if (referral.status === ReferralStatus.EXPIRED) return { text: 'Not answered within the response window' };
  return null;
}

function outputsOf(referral: Referral, links: TaskLinks): TaskOutput[] {
  const outputs: TaskOutput[] = [];
  if (referral.appointmentAt) outputs.push({ type: taskOutputType('appointment'), valueDateTime: instant(referral.appointmentAt) });
  if (links.hasPlan) outputs.push({ type: taskOutputType('treatment-plan'), valueReference: referenceTo('CarePlan', referral.id) });
  const measured = (source: ObservationKey['source']) => links.observations.filter((key) => key.source === source).map((key) => referenceTo('Observation', observationId(key)));
  for (const reference of measured('visit')) outputs.push({ type: taskOutputType('visit-measurement'), valueReference: reference });
  const outcome = referral.outcome;
  if (outcome) {
    outputs.push({ type: taskOutputType('outcome-summary'), valueString: outcome.summary });
    outputs.push({ type: taskOutputType('goals-met'), valueCodeableConcept: goalAttainmentConcept(outcome.goalsMet) });
    outputs.push({ type: taskOutputType('visits-used'), valueInteger: outcome.visitsUsed });
    for (const reference of measured('outcome')) outputs.push({ type: taskOutputType('final-measurement'), valueReference: reference });
    for (const { text, suggestedModality } of outcome.recommendations) {
      outputs.push({ type: taskOutputType('recommendation'), valueString: suggestedModality ? `${text} (suggested: ${modalityDisplay(suggestedModality).toLowerCase()})` : text });
    }
  }
  if (referral.loopClosedAt) outputs.push({ type: taskOutputType('outcome-acknowledged'), valueDateTime: instant(referral.loopClosedAt) });
  return outputs;
}
