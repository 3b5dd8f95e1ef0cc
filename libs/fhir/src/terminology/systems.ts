/**
 * Every URI the FHIR API names, in one place. Standard systems are the ones R4 and HL7
 * terminology define; the rest are ReferLoop's own, under one canonical base. A canonical URL is
 * an identity, not a location: once integrators store codes under it, it must never change, so
 * it does not follow any deployment's PUBLIC_URL. It is under the project's own domain, and
 * names rather than locates: nothing need answer at it.
 */
export const REFERLOOP_CANONICAL = 'https://referloop.org/fhir';

/** ReferLoop's own code systems, identifier systems and extensions (docs/fhir.md lists their codes). */
export const REFERLOOP = {
  /** The referral's reference (RF-7K3Q9P), the business identifier of a ServiceRequest and its Task. */
  referralReference: `${REFERLOOP_CANONICAL}/sid/referral-reference`,
  modality: `${REFERLOOP_CANONICAL}/CodeSystem/modality`,
  condition: `${REFERLOOP_CANONICAL}/CodeSystem/condition`,
  technique: `${REFERLOOP_CANONICAL}/CodeSystem/technique`,
  /** The referral's own lifecycle status, carried in every Task.businessStatus beside BSeR's code where there is one. */
  referralStatus: `${REFERLOOP_CANONICAL}/CodeSystem/referral-status`,
  declineReason: `${REFERLOOP_CANONICAL}/CodeSystem/decline-reason`,
  goalAttainment: `${REFERLOOP_CANONICAL}/CodeSystem/goal-attainment`,
  /** The kinds of Task.output: the outcome's summary, the visits' measurements, and so on. */
  taskOutput: `${REFERLOOP_CANONICAL}/CodeSystem/task-output`,
  /** Observation codes with no standard equivalent: a joint's range of motion. */
  observation: `${REFERLOOP_CANONICAL}/CodeSystem/observation`,
  /** On Observation.bodySite: which side, coded from R4's bodysite-laterality value set (R4 has no element for it). */
  lateralityExtension: `${REFERLOOP_CANONICAL}/StructureDefinition/laterality`,
  /** On a posted ServiceRequest: the patient agreed to share the referral with its receiver (valueBoolean); a referral is sent only with it. */
  consentExtension: `${REFERLOOP_CANONICAL}/StructureDefinition/consent-to-share`,
  /** A patient's ReferLoop id as an identifier, for a logical reference to a patient the clinic has (ServiceRequest.subject.identifier). */
  patientId: `${REFERLOOP_CANONICAL}/sid/patient-id`,
  /** The $everything operation of a ServiceRequest (R4 defines it for Patient and Encounter only). */
  everythingOperation: `${REFERLOOP_CANONICAL}/OperationDefinition/ServiceRequest-everything`,
} as const;

/** Systems defined by HL7 and others; each code used from them is checked against the R4 definitions or the publishing guide. */
export const STANDARD = {
  /** HL7 service types (R4 ships this code system): what the modalities are as services. */
  serviceType: 'http://terminology.hl7.org/CodeSystem/service-type',
  /** BSeR (Bidirectional Services eReferral) STU1, the referral workflow's business statuses. */
  bserBusinessStatus: 'http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS',
  taskCode: 'http://hl7.org/fhir/CodeSystem/task-code',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  organizationType: 'http://terminology.hl7.org/CodeSystem/organization-type',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  language: 'urn:ietf:bcp:47',
} as const;

/** The version of BSeR whose codes the business statuses use (STU1; STU2 renumbers some of them). */
export const BSER_VERSION = '1.0.0';
