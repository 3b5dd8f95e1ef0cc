import { ReferralStatus } from '@referloop/lifecycle';
import { refusedElement } from '../errors/fhir-error';
import { fhirStatus } from '../terminology/referral-status-mapping';

/** What a referral may be created as: a draft, or sent at once. */
const STARTS = [ReferralStatus.DRAFT, ReferralStatus.SENT] as const;

export type StartingStatus = (typeof STARTS)[number];

/** A posted status, and where it was posted (its FHIRPath). */
export interface PostedStatus {
  status: string;
  path: string;
}

/**
 * The status a posted referral starts in, read from the one status table: the Task's status
 * says it (draft: DRAFT; requested: SENT, "send it now"); without a Task it is a draft. The
 * ServiceRequest's status must be that status's in the same table (draft; active once sent),
 * so that what was posted is what is created: a ServiceRequest posted as active without a Task
 * that sends it is refused rather than quietly kept as a draft.
 */
export function startingStatus(request: PostedStatus, task: PostedStatus | null): StartingStatus {
  const status = task === null ? ReferralStatus.DRAFT : statusOfTask(task);
  const expected = fhirStatus(status, 'serviceRequest');
  if (request.status !== expected) {
    const how =
      status === ReferralStatus.DRAFT
        ? 'a ServiceRequest is created as a draft unless a Task in the same transaction Bundle says requested (send it now)'
        : 'the Task says requested, so the referral is sent, and a sent referral is active';
    throw refusedElement(request.path, `${expected}, not '${request.status.slice(0, 40)}': ${how}`);
  }
  return status;
}

function statusOfTask(task: PostedStatus): StartingStatus {
  const status = STARTS.find((start) => fhirStatus(start, 'task') === task.status);
  if (!status) throw refusedElement(task.path, `${STARTS.map((start) => `${fhirStatus(start, 'task')} (${start.toLowerCase()})`).join(' or ')}, not '${task.status.slice(0, 40)}': a referral is created as one of these`);
  return status;
}
