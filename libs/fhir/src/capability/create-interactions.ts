import type { ResourceType } from '../resources/resource-kind';
import { REFERLOOP } from '../terminology/systems';

/** A type that can be created (`POST [base]/[type]`), as the CapabilityStatement declares it. */
export interface CreateInteraction {
  type: ResourceType;
  documentation: string;
  /** If-None-Exist is honoured. */
  conditional: boolean;
}

/** What FhirCreateController creates: referrals, as ServiceRequests. */
export const CREATE_INTERACTIONS: readonly CreateInteraction[] = [
  {
    type: 'ServiceRequest',
    conditional: true,
    documentation: [
      "Creates a referral from the caller's clinic, with createReferral's rules: a draft (status draft), for a patient the clinic has (subject Patient/<id>, or identifier",
      `${REFERLOOP.patientId}|<id>), to one provider (performer PractitionerRole/<id>). To register the patient with it, or to send it at once (a Task with status`,
      "requested), post a transaction Bundle to the base. `If-None-Exist: identifier=<system>|<value>`, or the request's own identifier, makes it idempotent per user:",
      'a repeat answers 200 with the referral the first one created. 201 with Location; 422 naming the element for a resource that breaks a rule. docs/fhir.md maps each element.',
    ].join(' '),
  },
];

/** The one system-level interaction: a transaction Bundle posted to the base. */
export const TRANSACTION_INTERACTION = {
  code: 'transaction',
  documentation:
    'A transaction that creates one referral, all or nothing: a ServiceRequest (POST), optionally the Patient it is for (POST, its fullUrl a urn:uuid the ServiceRequest.subject refers to) and a Task (POST, focus the ServiceRequest) whose status requested sends it at once. Answers a transaction-response Bundle.',
} as const;
