import { badInput, DomainError, ErrorCode, notFound } from '@referloop/core';
import { FhirError } from '../errors/fhir-error';
import { inFhirTerms, PATIENT_INPUT_ELEMENTS, REFERRAL_INPUT_ELEMENTS } from './input-elements';

const request = { path: 'ServiceRequest', elements: REFERRAL_INPUT_ELEMENTS };

describe('a refusal of the domain’s rules in FHIR’s terms', () => {
  it('names the element a field of the input came from, in the diagnostics and the expression: 422', () => {
    const validation = new DomainError(ErrorCode.BAD_USER_INPUT, 'input.modality: modality must be one of the following values: MASSAGE', { field: 'input.modality' });
    expect(inFhirTerms(validation, request)).toEqual(new FhirError(422, 'invalid', 'ServiceRequest.code: modality must be one of the following values: MASSAGE', {}, ['ServiceRequest.code']));
    expect(inFhirTerms(badInput('input.toProviderId', 'You cannot refer a patient to yourself'), request)).toMatchObject({ expression: ['ServiceRequest.performer'] });
    const patient = { path: 'Bundle.entry[0].resource', elements: PATIENT_INPUT_ELEMENTS };
    expect(inFhirTerms(badInput('input.dateOfBirth', 'input.dateOfBirth: dateOfBirth must be a real date'), patient)).toMatchObject({
      status: 422,
      message: 'Bundle.entry[0].resource.birthDate: dateOfBirth must be a real date',
    });
  });

  it('names the resource as a whole for a field no element fills', () => {
    expect(inFhirTerms(badInput('input.assessment.rangeOfMotion.0.painScore', 'input.assessment.rangeOfMotion.0.painScore: painScore must be between 0 and 10'), request)).toMatchObject({
      expression: ['ServiceRequest'],
    });
  });

  it('answers what createReferral could not find as 404 naming the reference, and leaves every other error as it is', () => {
    expect(inFhirTerms(notFound('Patient'), request)).toMatchObject({ status: 404, issueType: 'not-found', expression: ['ServiceRequest.subject'] });
    expect(inFhirTerms(notFound('Provider'), request)).toMatchObject({ status: 404, expression: ['ServiceRequest.performer'] });
    const other = notFound('Clinic');
    expect(inFhirTerms(other, request)).toBe(other);
    const unexpected = new Error('connection lost');
    expect(inFhirTerms(unexpected, request)).toBe(unexpected);
  });
});
