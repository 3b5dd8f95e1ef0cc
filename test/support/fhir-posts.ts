import { randomUUID } from 'node:crypto';

/**
 * Resources as an EHR posts them to create a referral: valid and complete unless overridden,
 * written from the mapping in docs/fhir.md (not from the code that reads them).
 */
export const SYSTEMS = {
  serviceType: 'http://terminology.hl7.org/CodeSystem/service-type',
  modality: 'https://referloop.org/fhir/CodeSystem/modality',
  condition: 'https://referloop.org/fhir/CodeSystem/condition',
  technique: 'https://referloop.org/fhir/CodeSystem/technique',
  consent: 'https://referloop.org/fhir/StructureDefinition/consent-to-share',
  patientId: 'https://referloop.org/fhir/sid/patient-id',
  referralReference: 'https://referloop.org/fhir/sid/referral-reference',
  /** An EHR's own identifiers of its orders. */
  ehrOrders: 'https://ehr.example/fhir/sid/orders',
};

/** A fresh identifier of the EHR's order, for idempotency. */
export const ehrOrder = (): { system: string; value: string } => ({ system: SYSTEMS.ehrOrders, value: `ORD-${randomUUID()}` });

/** A ServiceRequest for physical therapy, to `providerId`, about `subject` (a Reference). */
export function serviceRequest(subject: Record<string, unknown>, providerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'ServiceRequest',
    status: 'draft',
    intent: 'order',
    priority: 'urgent',
    code: { coding: [{ system: SYSTEMS.serviceType, code: '65', display: 'Physiotherapy' }], text: 'Physiotherapy' },
    orderDetail: [{ coding: [{ system: SYSTEMS.technique, code: 'STRENGTHENING_EXERCISE' }] }],
    occurrenceTiming: { repeat: { count: 8, frequency: 2, period: 1, periodUnit: 'wk' } },
    subject,
    performer: [{ reference: `PractitionerRole/${providerId}` }],
    reasonCode: [{ coding: [{ system: SYSTEMS.condition, code: 'SHOULDER_PAIN' }], text: 'Shoulder pain' }],
    note: [{ text: 'Rotator cuff strain after a fall; please strengthen.' }, { text: 'Red flags: Anticoagulated.' }],
    extension: [{ url: SYSTEMS.consent, valueBoolean: true }],
    ...overrides,
  };
}

/** A Patient to register, with a family and a given name. */
export function patientResource(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    identifier: [{ system: 'https://ehr.example/fhir/sid/mrn', value: `MRN-${randomUUID().slice(0, 8)}` }],
    name: [{ use: 'official', family: `Okafor${randomUUID().slice(0, 6)}`, given: ['Ada', 'Grace'] }],
    gender: 'female',
    birthDate: '1975-04-12',
    telecom: [
      { system: 'phone', value: '+1 312-555-0142' },
      { system: 'email', value: `ada.${randomUUID()}@referloop.test` },
    ],
    ...overrides,
  };
}

/** A Task that sends the referral at once (status requested), about the ServiceRequest at `requestFullUrl`. */
export function sendingTask(requestFullUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { resourceType: 'Task', status: 'requested', intent: 'order', focus: { reference: requestFullUrl }, ...overrides };
}

/** A transaction Bundle of these resources, each a POST of its type under its fullUrl. */
export function transaction(entries: Array<{ fullUrl?: string; resource: Record<string, unknown>; ifNoneExist?: string }>): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: entries.map(({ fullUrl, resource, ifNoneExist }) => ({
      ...(fullUrl && { fullUrl }),
      resource,
      request: { method: 'POST', url: resource.resourceType, ...(ifNoneExist && { ifNoneExist }) },
    })),
  };
}

export const urn = (): string => `urn:uuid:${randomUUID()}`;
