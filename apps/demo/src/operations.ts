/** The GraphQL documents the demo sends, as any client would write them against schema.graphql. */
export const LOGIN = `mutation login($input: LoginInput!) { login(input: $input) { accessToken user { id displayName role } } }`;

export const CREATE_CLINIC = `mutation createClinic($input: CreateClinicInput!) { createClinic(input: $input) { id name } }`;

export const CREATE_USER = `mutation createUser($input: CreateUserInput!) { createUser(input: $input) { id email role } }`;

export const CREATE_PROVIDER = `mutation createProvider($input: CreateProviderInput!) { createProvider(input: $input) { id displayName } }`;

export const CREATE_PATIENT = `mutation createPatient($input: CreatePatientInput!) { createPatient(input: $input) { id firstName lastName } }`;

export const MATCH_PROVIDERS = `query matchProviders($input: MatchProvidersInput!) {
  matchProviders(input: $input) { provider { id displayName } distanceKm score reasons }
}`;

const REFERRAL_FIELDS = `id reference status version dueAt appointmentAt treatmentStartedAt completedAt loopClosedAt availableActions
  toProvider { displayName } toClinic { name } referringClinic { name }`;

export const CREATE_REFERRAL = `mutation createReferral($input: CreateReferralInput!) { createReferral(input: $input) { ${REFERRAL_FIELDS} } }`;

/** A lifecycle mutation taking `input: <Name>Input!` and answering the referral. */
export const lifecycle = (name: string) =>
  `mutation ${name}($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${REFERRAL_FIELDS} } }`;

export const SET_TREATMENT_PLAN = `mutation setTreatmentPlan($input: SetTreatmentPlanInput!) {
  setTreatmentPlan(input: $input) { version plannedVisits shortTermGoals { description targetVisit } }
}`;

export const RECORD_VISIT = `mutation recordVisit($input: RecordVisitInput!) { recordVisit(input: $input) { number attended overBudget } }`;

export const SEND_PROGRESS_REPORT = `mutation sendProgressReport($input: SendProgressReportInput!) {
  sendProgressReport(input: $input) { number trigger progress { attendedVisits latestPainScore } }
}`;

export const REFER_ONWARD = `mutation referOnward($input: ReferOnwardInput!) {
  referOnward(input: $input) { ${REFERRAL_FIELDS} onwardFrom { reference } }
}`;

export const EPISODE = `query episode($id: ID!) {
  referral(id: $id) {
    ${REFERRAL_FIELDS}
    reports { number trigger }
    progress {
      measures { joint movement side firstDegrees latestDegrees expectedDegrees towardExpected }
      firstPainScore latestPainScore attendedVisits missedVisits plannedVisits
      goals { position description met metAtVisit }
    }
  }
}`;

export const NOTIFICATIONS = `query notifications($id: ID!) {
  referral(id: $id) { notifications { id recipientKind template status createdAt lastError } }
}`;

/** A referral as the demo reads it back after each step. */
export interface ReferralView {
  id: string;
  reference: string;
  status: string;
  version: number;
  dueAt: string | null;
  appointmentAt: string | null;
  treatmentStartedAt: string | null;
  completedAt: string | null;
  loopClosedAt: string | null;
  availableActions: string[];
  toProvider: { displayName: string } | null;
  toClinic: { name: string } | null;
  referringClinic: { name: string };
}
