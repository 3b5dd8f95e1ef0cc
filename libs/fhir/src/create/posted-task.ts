import { refusedElement } from '../errors/fhir-error';
import { listAt, objectAt, requiredText, textAt, type Posted } from './posted-elements';
import type { PostedStatus } from './starting-status';

/**
 * Reads the Task posted with a ServiceRequest in a transaction Bundle: the referral's workflow,
 * of which the client says one thing, its status (requested: send the referral now). The rest of
 * a Task (owner, business status, outputs) is ReferLoop's to keep as the referral moves, so it is
 * not read. It must be about the Bundle's ServiceRequest (`focus` or `basedOn`, by its fullUrl);
 * a modifier extension, which could change what the status means, is refused.
 */
export function readTask(resource: Posted, path: string, requestFullUrl: string): PostedStatus {
  if (resource.modifierExtension !== undefined) throw refusedElement(`${path}.modifierExtension`, 'is not understood by ReferLoop', 'not-supported');
  const referenceAt = (value: unknown, at: string) => textAt(objectAt(value, at).reference, `${at}.reference`);
  const references = [
    ...(resource.focus === undefined ? [] : [referenceAt(resource.focus, `${path}.focus`)]),
    ...listAt(resource.basedOn, `${path}.basedOn`).map((reference, index) => referenceAt(reference, `${path}.basedOn[${index}]`)),
  ];
  if (!references.includes(requestFullUrl)) {
    throw refusedElement(`${path}.focus`, `the Task is about the Bundle's ServiceRequest: focus (or basedOn) { reference: '${requestFullUrl.slice(0, 120)}' }`, 'required');
  }
  return { status: requiredText(resource.status, `${path}.status`, 'requested (send the referral now) or draft'), path: `${path}.status` };
}
