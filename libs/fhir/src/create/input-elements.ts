import { DomainError, ErrorCode, notFound } from '@referloop/core';
import { FhirError } from '../errors/fhir-error';
import { REFERLOOP } from '../terminology/systems';

/**
 * Where each field of a GraphQL input comes from in the posted resource (FHIRPath from the
 * resource), so that a refusal of createReferral's or createPatient's rules, which names the
 * field (`input.modality`), names the element the client wrote (`ServiceRequest.code`). The
 * readers (posted-service-request.ts, posted-patient.ts) fill the fields from these elements;
 * a field missing here is named by the resource as a whole.
 */
export const REFERRAL_INPUT_ELEMENTS: Readonly<Record<string, string>> = {
  modality: 'code',
  conditions: 'reasonCode',
  techniques: 'orderDetail',
  priority: 'priority',
  reason: 'note',
  redFlags: 'note',
  recommendedVisits: 'occurrenceTiming.repeat.count',
  visitsPerWeek: 'occurrenceTiming.repeat.frequency',
  consentToShare: `extension('${REFERLOOP.consentExtension}')`,
  patientId: 'subject',
  toProviderId: 'performer',
};

export const PATIENT_INPUT_ELEMENTS: Readonly<Record<string, string>> = {
  firstName: 'name.given',
  lastName: 'name.family',
  dateOfBirth: 'birthDate',
  email: 'telecom',
  phone: 'telecom',
  clinicId: 'managingOrganization',
};

/** The things createReferral may not find (its NOT_FOUND refusals, by their message), and the element that named each. */
const NOT_FOUND_ELEMENTS: ReadonlyArray<readonly [string, string]> = [
  [notFound('Patient').message, 'subject'],
  [notFound('Provider').message, 'performer'],
];

/** A posted resource, as its refusals name it: where it is (`ServiceRequest`, `Bundle.entry[1].resource`) and where its input's fields come from. */
export interface PostedSource {
  path: string;
  elements: Readonly<Record<string, string>>;
}

/**
 * A refusal of the domain's rules, said in FHIR's terms: a field's bad input is 422 naming its
 * element (in the diagnostics and the expression); what createReferral could not find is 404
 * naming the reference, as a read of it would answer. Anything else is returned as it is, for
 * the exception filter to answer as it answers every error.
 */
export function inFhirTerms(error: unknown, source: PostedSource): unknown {
  if (!(error instanceof DomainError)) return error;
  if (error.code === ErrorCode.BAD_USER_INPUT) {
    const field = typeof error.extensions.field === 'string' ? error.extensions.field : '';
    // `input.assessment.rangeOfMotion.0.painScore`: the input's own field is the second part.
    const element = source.elements[field.split('.')[1] ?? ''];
    const path = element ? `${source.path}.${element}` : source.path;
    // The validation pipe's messages begin with the field's GraphQL path, which the element replaces.
    return new FhirError(422, 'invalid', `${path}: ${error.message.replace(/^input[\w.]*: /, '')}`, {}, [path]);
  }
  const missing = NOT_FOUND_ELEMENTS.find(([message]) => error.code === ErrorCode.NOT_FOUND && error.message === message);
  if (missing) return new FhirError(404, 'not-found', `${source.path}.${missing[1]}: ${error.message}`, {}, [`${source.path}.${missing[1]}`]);
  return error;
}
