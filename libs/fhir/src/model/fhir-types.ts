/**
 * The parts of FHIR R4 (4.0.1) this API writes, typed as the specification names them: the API's
 * own types, never the database's rows nor the GraphQL models. Only the elements the mappers fill
 * are declared; each is what the R4 StructureDefinition allows (the tests validate every answer
 * against the official definitions).
 */

import type { CarePlanActivityStatus, GoalLifecycleStatus, ObservationStatus, RequestStatus, TaskStatus } from '../terminology/value-sets';

export type { CarePlanActivityStatus, GoalLifecycleStatus, RequestStatus, TaskStatus };

export interface Coding {
  system: string;
  version?: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Extension {
  url: string;
  valueCodeableConcept?: CodeableConcept;
}

export interface Reference {
  /** `Type/id`, relative to the server's base. */
  reference: string;
  display?: string;
}

export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  system: string;
  value: string;
}

export interface Meta {
  versionId?: string;
  /** An instant (ISO 8601 with a time zone). */
  lastUpdated?: string;
}

export interface Quantity {
  value: number;
  unit: string;
  system: string;
  code: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Annotation {
  text: string;
}

export interface HumanName {
  use?: 'usual' | 'official';
  text?: string;
  family?: string;
  given?: string[];
}

export interface ContactPoint {
  system: 'phone' | 'email';
  value: string;
  use?: 'work' | 'home' | 'mobile';
}

export interface Address {
  line?: string[];
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

export interface Timing {
  repeat: { count?: number; frequency?: number; period?: number; periodUnit?: 'wk' };
}

interface ResourceBase<T extends string> {
  resourceType: T;
  id?: string;
  meta?: Meta;
}

export interface Patient extends ResourceBase<'Patient'> {
  id: string;
  active: boolean;
  name: HumanName[];
  telecom?: ContactPoint[];
  birthDate: string;
  managingOrganization: Reference;
}

export interface Practitioner extends ResourceBase<'Practitioner'> {
  id: string;
  name: HumanName[];
  telecom: ContactPoint[];
  communication?: CodeableConcept[];
}

export interface PractitionerRole extends ResourceBase<'PractitionerRole'> {
  id: string;
  practitioner: Reference;
  organization: Reference;
  specialty: CodeableConcept[];
  telecom: ContactPoint[];
  extension?: Extension[];
}

export interface Organization extends ResourceBase<'Organization'> {
  id: string;
  active: boolean;
  type: CodeableConcept[];
  name: string;
  telecom: ContactPoint[];
  address: Address[];
}

export interface ServiceRequest extends ResourceBase<'ServiceRequest'> {
  id: string;
  identifier: Identifier[];
  replaces?: Reference[];
  status: RequestStatus;
  intent: 'order';
  priority: 'routine' | 'urgent';
  code: CodeableConcept;
  orderDetail?: CodeableConcept[];
  occurrenceTiming?: Timing;
  subject: Reference;
  authoredOn?: string;
  requester: Reference;
  performer?: Reference[];
  reasonCode: CodeableConcept[];
  supportingInfo?: Reference[];
  note?: Annotation[];
}

export interface TaskOutput {
  type: CodeableConcept;
  valueString?: string;
  valueInteger?: number;
  valueDateTime?: string;
  valueCodeableConcept?: CodeableConcept;
  valueReference?: Reference;
}

export interface Task extends ResourceBase<'Task'> {
  id: string;
  identifier: Identifier[];
  basedOn: Reference[];
  status: TaskStatus;
  statusReason?: CodeableConcept;
  businessStatus: CodeableConcept;
  intent: 'order';
  priority: 'routine' | 'urgent';
  code: CodeableConcept;
  focus: Reference;
  for: Reference;
  executionPeriod?: Period;
  authoredOn: string;
  lastModified: string;
  requester: Reference;
  owner?: Reference;
  output?: TaskOutput[];
}

export interface ReferenceRange {
  low?: Quantity;
  text?: string;
}

export interface Observation extends ResourceBase<'Observation'> {
  id: string;
  basedOn: Reference[];
  status: ObservationStatus;
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  effectiveDateTime: string;
  performer: Reference[];
  valueQuantity?: Quantity;
  valueInteger?: number;
  bodySite?: CodeableConcept & { extension?: Extension[] };
  referenceRange?: ReferenceRange[];
}

export interface Goal extends ResourceBase<'Goal'> {
  id: string;
  lifecycleStatus: GoalLifecycleStatus;
  achievementStatus?: CodeableConcept;
  description: CodeableConcept;
  subject: Reference;
  target?: Array<{ measure: CodeableConcept }>;
  expressedBy?: Reference;
  addresses: Reference[];
  note?: Annotation[];
}

export interface CarePlanActivity {
  detail: {
    code: CodeableConcept;
    status: CarePlanActivityStatus;
    goal?: Reference[];
    scheduledTiming?: Timing;
  };
}

export interface CarePlan extends ResourceBase<'CarePlan'> {
  id: string;
  status: RequestStatus;
  intent: 'plan';
  title: string;
  description: string;
  subject: Reference;
  period?: Period;
  created: string;
  author: Reference;
  supportingInfo: Reference[];
  goal: Reference[];
  activity: CarePlanActivity[];
}

export type IssueType =
  | 'invalid' | 'structure' | 'required' | 'value' | 'too-long' | 'not-supported' | 'login' | 'forbidden' | 'not-found' | 'exception' | 'informational' | 'security';

export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: IssueType;
  diagnostics: string;
  expression?: string[];
}

export interface OperationOutcome extends ResourceBase<'OperationOutcome'> {
  issue: OperationOutcomeIssue[];
}

/** A resource a read, a search or $everything answers with. */
export type ClinicalResource = Patient | Practitioner | PractitionerRole | Organization | ServiceRequest | Task | Observation | Goal | CarePlan;

export interface BundleEntry {
  fullUrl?: string;
  resource: ClinicalResource | OperationOutcome;
  search: { mode: 'match' | 'include' | 'outcome' };
}

export interface Bundle extends ResourceBase<'Bundle'> {
  type: 'searchset';
  timestamp: string;
  link: Array<{ relation: 'self' | 'next'; url: string }>;
  entry: BundleEntry[];
}

/** One entry of a transaction's answer: what became of the request's entry at the same place. */
export interface TransactionResponseEntry {
  fullUrl: string;
  resource: ClinicalResource;
  response: { status: '201 Created' | '200 OK'; location: string; etag?: string; lastModified?: string };
}

/** The answer to a transaction Bundle: one entry per entry posted, in the same order. */
export interface TransactionResponse extends ResourceBase<'Bundle'> {
  type: 'transaction-response';
  timestamp: string;
  entry: TransactionResponseEntry[];
}

export interface CapabilityStatementResource {
  type: ClinicalResource['resourceType'];
  profile: string;
  documentation: string;
  interaction: Array<{ code: 'read' | 'search-type' | 'create'; documentation?: string }>;
  /** If-None-Exist is honoured on create. */
  conditionalCreate?: boolean;
  searchParam: Array<{ name: string; definition: string; type: 'token' | 'reference' | 'date' | 'string'; documentation: string }>;
  operation?: Array<{ name: string; definition: string; documentation: string }>;
}

export interface CapabilityStatement extends ResourceBase<'CapabilityStatement'> {
  status: 'active';
  date: string;
  publisher: string;
  kind: 'instance';
  software: { name: string };
  implementation: { description: string; url: string };
  fhirVersion: '4.0.1';
  format: string[];
  rest: Array<{
    mode: 'server';
    documentation: string;
    security: { cors: boolean; description: string };
    resource: CapabilityStatementResource[];
    /** Interactions on the whole system: a transaction Bundle posted to the base. */
    interaction?: Array<{ code: 'transaction'; documentation: string }>;
  }>;
}
