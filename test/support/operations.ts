/**
 * GraphQL documents used across the suite, written against the contract in issue 2. Every
 * mutation takes one `input: <MutationName>Input!` argument, so lifecycle mutations share one
 * document shape (see `referralMutation`).
 */
export const REFERRAL_FIELDS = /* GraphQL */ `
  fragment ReferralFields on Referral {
    id
    reference
    status
    version
    priority
    modality
    conditions
    techniques
    reason
    createdAt
    sentAt
    dueAt
    respondedAt
    appointmentAt
    treatmentStartedAt
    completedAt
    loopClosedAt
    declineReason
    availableActions
    patient { id }
    referringClinic { id }
    referringUser { id }
    toProvider { id }
    redirectedFrom { id status }
    redirectedTo { id status }
    events { type fromStatus toStatus reason at actor { id } }
  }
`;

export const LIFECYCLE_MUTATIONS = [
  'sendReferral',
  'updateReferral',
  'requestReferralInfo',
  'provideReferralInfo',
  'acceptReferral',
  'declineReferral',
  'redirectReferral',
  'cancelReferral',
  'scheduleReferral',
  'startReferralTreatment',
  'completeReferral',
  'acknowledgeReferralOutcome',
] as const;

export type LifecycleMutation = (typeof LIFECYCLE_MUTATIONS)[number] | 'createReferral';

export function referralMutation(name: LifecycleMutation): string {
  const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  return `mutation ${name}($input: ${inputType}!) { ${name}(input: $input) { ...ReferralFields } } ${REFERRAL_FIELDS}`;
}

export const REFERRAL = `query referral($id: ID!) { referral(id: $id) { ...ReferralFields } } ${REFERRAL_FIELDS}`;

export const REFERRAL_BY_REFERENCE = `query referralByReference($reference: String!) {
  referralByReference(reference: $reference) { ...ReferralFields }
} ${REFERRAL_FIELDS}`;

export const REFERRALS = `query referrals($filter: ReferralFilter, $first: Int, $after: String) {
  referrals(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id reference status createdAt } }
  }
}`;

export const LOGIN = `mutation login($input: LoginInput!) {
  login(input: $input) { accessToken expiresAt user { id email role } }
}`;

export const ME = `query me { me { id email role } }`;

export const CREATE_CLINIC = `mutation createClinic($input: CreateClinicInput!) {
  createClinic(input: $input) { id name timeZone location { latitude longitude } }
}`;

export const CREATE_USER = `mutation createUser($input: CreateUserInput!) {
  createUser(input: $input) { id email role }
}`;

export const DISABLE_USER = `mutation disableUser($input: DisableUserInput!) {
  disableUser(input: $input) { id email }
}`;

/** A provider's profile, as createProvider and updateProvider answer it. */
export const PROVIDER_PROFILE_FIELDS =
  'id clinicId displayName email modalities techniques conditions acceptingNewPatients weeklyCapacity languages postalCode city location { latitude longitude }';

export const CREATE_PROVIDER = `mutation createProvider($input: CreateProviderInput!) {
  createProvider(input: $input) { ${PROVIDER_PROFILE_FIELDS} }
}`;

export const UPDATE_PROVIDER = `mutation updateProvider($input: UpdateProviderInput!) {
  updateProvider(input: $input) { ${PROVIDER_PROFILE_FIELDS} }
}`;

const PATIENT_FIELDS = 'id firstName lastName email dateOfBirth phone emailConsent';

export const CREATE_PATIENT = `mutation createPatient($input: CreatePatientInput!) {
  createPatient(input: $input) { ${PATIENT_FIELDS} }
}`;

export const UPDATE_PATIENT = `mutation updatePatient($input: UpdatePatientInput!) {
  updatePatient(input: $input) { ${PATIENT_FIELDS} }
}`;

export const PATIENT = `query patient($id: ID!) { patient(id: $id) { ${PATIENT_FIELDS} } }`;

export const PATIENTS = `query patients($filter: PatientFilter, $first: Int, $after: String) {
  patients(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${PATIENT_FIELDS} } }
  }
}`;

/** scheduleReferral with the fields a receiver checks (referralMutation('scheduleReferral') answers the whole referral). */
export const SCHEDULE_REFERRAL = `mutation scheduleReferral($input: ScheduleReferralInput!) {
  scheduleReferral(input: $input) { id status appointmentAt toProvider { id } }
}`;

export const REFERRAL_STATS = `query referralStats($input: ReferralStatsInput!) {
  referralStats(input: $input) {
    from to total
    byStatus { status count }
    accepted declined expired acceptanceRate
    timeToAcceptHours { median p90 measured }
    timeToFirstVisitHours { median p90 measured }
    completed completionRate meanVisitsUsed meanVisitsPlanned goalsMetShare shortTermGoalsMetShare
    leaked leakageRate loopsClosed loopClosedRate
  }
}`;

export const AUDIT_ENTRIES = `query auditEntries($filter: AuditEntryFilter, $first: Int, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { node { id operation at referralIds patientIds actorId actorRole ipAddress } }
  }
}`;

export const INVITE_USER = `mutation inviteUser($input: InviteUserInput!) {
  inviteUser(input: $input) { id email displayName role clinicId status disabled }
}`;

export const RESEND_INVITATION = `mutation resendInvitation($input: InvitedUserInput!) { resendInvitation(input: $input) { id status } }`;

export const REVOKE_INVITATION = `mutation revokeInvitation($input: InvitedUserInput!) { revokeInvitation(input: $input) { id status } }`;

export const ACCOUNT_LINK = `query accountLink($token: String!) { accountLink(token: $token) { state kind problem email displayName expiresAt } }`;

export const ACCEPT_INVITATION = `mutation acceptInvitation($input: LinkPasswordInput!) {
  acceptInvitation(input: $input) { accessToken expiresAt refreshToken user { id email status } }
}`;

export const REQUEST_PASSWORD_RESET = `mutation requestPasswordReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;

export const RESET_PASSWORD = `mutation resetPassword($input: LinkPasswordInput!) { resetPassword(input: $input) }`;

export const CHANGE_PASSWORD = `mutation changePassword($input: ChangePasswordInput!) { changePassword(input: $input) }`;
