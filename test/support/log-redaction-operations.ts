/**
 * The documents the log redaction test sends: one named operation each, so its log line can be
 * held against the name. Each answer selects only what the test needs next; the episode's own
 * mutations are the suite's (episode-operations.ts).
 */
const REFERRAL_ANSWER = 'id status version';

const mutation = (name: string, selection: string) => {
  const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  return `mutation ${name}($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`;
};

export const LOGIN = mutation('login', 'accessToken refreshToken user { id }');
export const SIGN_IN = `mutation signIn($input: LoginInput!) { signIn(input: $input) { accessToken user { id } } }`;
export const REFRESH_SESSION = `mutation refreshSession { refreshSession { accessToken } }`;
export const REFRESH_WITH_TOKEN = `mutation refreshSession($refreshToken: String) { refreshSession(refreshToken: $refreshToken) { accessToken refreshToken } }`;
export const SIGN_OUT = `mutation signOut { signOut }`;
export const SIGN_OUT_EVERYWHERE = `mutation signOutEverywhere { signOutEverywhere }`;
export const MY_SESSIONS = `query mySessions { mySessions { id device ipAddress current } }`;
export const REVOKE_SESSION = `mutation revokeSession($id: ID!) { revokeSession(id: $id) }`;
export const CHANGE_PASSWORD = `mutation changePassword($input: ChangePasswordInput!) { changePassword(input: $input) }`;
export const INVITE_USER = mutation('inviteUser', 'id status');
export const RESEND_INVITATION = `mutation resendInvitation($input: InvitedUserInput!) { resendInvitation(input: $input) { id } }`;
export const REVOKE_INVITATION = `mutation revokeInvitation($input: InvitedUserInput!) { revokeInvitation(input: $input) { id status } }`;
export const ACCOUNT_LINK = `query accountLink($token: String!) { accountLink(token: $token) { state email } }`;
export const ACCEPT_INVITATION = `mutation acceptInvitation($input: LinkPasswordInput!) { acceptInvitation(input: $input) { accessToken user { id } } }`;
export const REQUEST_PASSWORD_RESET = `mutation requestPasswordReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
export const RESET_PASSWORD = `mutation resetPassword($input: LinkPasswordInput!) { resetPassword(input: $input) }`;
export const CHANGE_USER_ROLE = mutation('changeUserRole', 'id role');
export const ENABLE_USER = mutation('enableUser', 'id status');
export const UPDATE_CLINIC = mutation('updateClinic', 'id');
export const BEGIN_TOTP_ENROLMENT = `mutation beginTotpEnrolment { beginTotpEnrolment { otpauthUri secret } }`;
export const CONFIRM_TOTP_ENROLMENT = `mutation confirmTotpEnrolment($input: ConfirmTotpEnrolmentInput!) { confirmTotpEnrolment(input: $input) { codes } }`;
export const LOGIN_WITH_CHALLENGE = `mutation login($input: LoginInput!) { login(input: $input) { twoFactorChallenge { token } } }`;
export const VERIFY_SIGN_IN_CODE = `mutation verifySignInCode($input: SignInCodeInput!) { verifySignInCode(input: $input) { accessToken refreshToken user { id } } }`;
export const REMOVE_TWO_FACTOR = `mutation removeTwoFactor($input: RemoveTwoFactorInput!) { removeTwoFactor(input: $input) }`;
export const CREATE_CLINIC = mutation('createClinic', 'id');
export const CREATE_USER = mutation('createUser', 'id');
export const DISABLE_USER = mutation('disableUser', 'id disabled');
export const RESET_TWO_FACTOR = mutation('resetTwoFactor', 'id');
export const CREATE_PROVIDER = mutation('createProvider', 'id');
export const UPDATE_PROVIDER = mutation('updateProvider', 'id weeklyCapacity');
export const CREATE_PATIENT = mutation('createPatient', 'id');
export const UPDATE_PATIENT = mutation('updatePatient', 'id');
export const CREATE_REFERRAL = mutation('createReferral', REFERRAL_ANSWER);
export const UPDATE_REFERRAL = mutation('updateReferral', REFERRAL_ANSWER);
export const SEND_REFERRAL = mutation('sendReferral', REFERRAL_ANSWER);
export const REQUEST_REFERRAL_INFO = mutation('requestReferralInfo', REFERRAL_ANSWER);
export const PROVIDE_REFERRAL_INFO = mutation('provideReferralInfo', REFERRAL_ANSWER);
export const ACCEPT_REFERRAL = mutation('acceptReferral', REFERRAL_ANSWER);
export const DECLINE_REFERRAL = mutation('declineReferral', REFERRAL_ANSWER);
export const REDIRECT_REFERRAL = mutation('redirectReferral', REFERRAL_ANSWER);
export const CANCEL_REFERRAL = mutation('cancelReferral', REFERRAL_ANSWER);
export const SCHEDULE_REFERRAL = mutation('scheduleReferral', REFERRAL_ANSWER);
export const START_REFERRAL_TREATMENT = mutation('startReferralTreatment', REFERRAL_ANSWER);
export { SET_PLAN as SET_TREATMENT_PLAN, RECORD_VISIT, SEND_PROGRESS_REPORT, REFER_ONWARD } from './episode-operations';
export const COMPLETE_REFERRAL = mutation('completeReferral', REFERRAL_ANSWER);
export const ACKNOWLEDGE_REFERRAL_OUTCOME = mutation('acknowledgeReferralOutcome', REFERRAL_ANSWER);
export const RETRY_NOTIFICATION = mutation('retryNotification', 'id status');

/** Reads that echo the sensitive values back: their answers must not reach the log either. */
export const PATIENT_SEARCH = `query patientSearch($search: String) {
  patients(filter: { search: $search }, first: 5) { totalCount edges { node { id firstName lastName email dateOfBirth phone } } }
}`;

export const REFERRAL_DETAIL = `query referralDetail($id: ID!) {
  referral(id: $id) {
    id status reason redFlags declineNote cancelReason
    assessment { postureNotes }
    goals { longTerm shortTerm }
    patient { firstName lastName email dateOfBirth phone }
    events { type reason }
    visits { notes }
    reports { comments }
    outcome { summary shortTermGoals { note } recommendations { text } }
    notifications { id status template recipientKind maskedAddress }
  }
}`;

export const ME = `query me { me { id email } }`;

const ENDPOINT_ANSWER = 'id enabled';
export const CREATE_WEBHOOK_ENDPOINT = `mutation createWebhookEndpoint($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_ANSWER} } } }`;
export const UPDATE_WEBHOOK_ENDPOINT = mutation('updateWebhookEndpoint', ENDPOINT_ANSWER);
export const ROTATE_WEBHOOK_SECRET = `mutation rotateWebhookSecret($input: WebhookEndpointIdInput!) { rotateWebhookSecret(input: $input) { secret endpoint { ${ENDPOINT_ANSWER} } } }`;
export const DISABLE_WEBHOOK_ENDPOINT = `mutation disableWebhookEndpoint($input: WebhookEndpointIdInput!) { disableWebhookEndpoint(input: $input) { ${ENDPOINT_ANSWER} } }`;
export const ENABLE_WEBHOOK_ENDPOINT = `mutation enableWebhookEndpoint($input: WebhookEndpointIdInput!) { enableWebhookEndpoint(input: $input) { ${ENDPOINT_ANSWER} } }`;
export const DELETE_WEBHOOK_ENDPOINT = `mutation deleteWebhookEndpoint($input: WebhookEndpointIdInput!) { deleteWebhookEndpoint(input: $input) }`;
export const RESEND_WEBHOOK_EVENT = `mutation resendWebhookEvent($input: ResendWebhookEventInput!) { resendWebhookEvent(input: $input) }`;
export const RECOVER_WEBHOOK_ENDPOINT = `mutation recoverWebhookEndpoint($input: RecoverWebhookEndpointInput!) { recoverWebhookEndpoint(input: $input) }`;
