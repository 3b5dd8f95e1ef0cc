/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ViewerFields on User {\n    __typename\n    id\n    displayName\n    email\n    role\n    clinicId\n    providerId\n    clinic {\n      __typename\n      id\n      name\n      timeZone\n      location {\n        __typename\n        latitude\n        longitude\n      }\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query MatchProviders($input: MatchProvidersInput!) {\n    matchProviders(input: $input) {\n      distanceKm\n      score\n      reasons\n      provider {\n        id\n        displayName\n        city\n      }\n    }\n  }\n": typeof types.MatchProvidersDocument,
    "\n  query Viewer {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      device\n      ipAddress\n      createdAt\n      lastUsedAt\n      current\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  fragment InboxRow on Referral {\n    id\n    reference\n    status\n    priority\n    modality\n    dueAt\n    updatedAt\n    appointmentAt\n    availableActions\n    workActions\n    version\n    patient {\n      id\n      firstName\n      lastName\n    }\n    referringClinic {\n      id\n      name\n    }\n    toClinic {\n      id\n      name\n    }\n    toProvider {\n      id\n      displayName\n    }\n  }\n": typeof types.InboxRowFragmentDoc,
    "\n  query Inbox($filter: ReferralFilter, $first: Int, $after: String) {\n    referrals(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...InboxRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.InboxDocument,
    "\n  query OpenReferrals($first: Int, $after: String) {\n    openReferrals(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          reference\n          modality\n          priority\n          conditions\n          techniques\n          ageBand\n          distanceKm\n          dueAt\n          sentAt\n          version\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.OpenReferralsDocument,
    "\n  subscription InboxUpdates($filter: ReferralUpdatedFilter) {\n    referralUpdated(filter: $filter) {\n      ...InboxRow\n    }\n  }\n": typeof types.InboxUpdatesDocument,
    "\n  mutation ClaimOpenReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      ...InboxRow\n    }\n  }\n": typeof types.ClaimOpenReferralDocument,
    "\n  mutation PassOpenReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      id\n    }\n  }\n": typeof types.PassOpenReferralDocument,
    "\n  fragment IntegrationEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    disabledReason\n    disabledAt\n    failingSince\n    previousSecretValidUntil\n    createdAt\n  }\n": typeof types.IntegrationEndpointFieldsFragmentDoc,
    "\n  fragment IntegrationAttemptFields on WebhookAttempt {\n    id\n    eventId\n    eventType\n    attempt\n    at\n    statusCode\n    durationMs\n    error\n    succeeded\n  }\n": typeof types.IntegrationAttemptFieldsFragmentDoc,
    "\n  query IntegrationsList($first: Int, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...IntegrationEndpointFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.IntegrationsListDocument,
    "\n  query IntegrationsAttempts($id: ID!, $first: Int, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      enabled\n      attempts(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...IntegrationAttemptFields\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.IntegrationsAttemptsDocument,
    "\n  mutation IntegrationsCreate($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...IntegrationEndpointFields\n      }\n    }\n  }\n": typeof types.IntegrationsCreateDocument,
    "\n  mutation IntegrationsRotateSecret($input: WebhookEndpointIdInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      endpoint {\n        ...IntegrationEndpointFields\n      }\n    }\n  }\n": typeof types.IntegrationsRotateSecretDocument,
    "\n  mutation IntegrationsUpdate($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      ...IntegrationEndpointFields\n    }\n  }\n": typeof types.IntegrationsUpdateDocument,
    "\n  mutation IntegrationsDisable($input: WebhookEndpointIdInput!) {\n    disableWebhookEndpoint(input: $input) {\n      ...IntegrationEndpointFields\n    }\n  }\n": typeof types.IntegrationsDisableDocument,
    "\n  mutation IntegrationsEnable($input: WebhookEndpointIdInput!) {\n    enableWebhookEndpoint(input: $input) {\n      ...IntegrationEndpointFields\n    }\n  }\n": typeof types.IntegrationsEnableDocument,
    "\n  mutation IntegrationsDelete($input: WebhookEndpointIdInput!) {\n    deleteWebhookEndpoint(input: $input)\n  }\n": typeof types.IntegrationsDeleteDocument,
    "\n  mutation IntegrationsResendEvent($input: ResendWebhookEventInput!) {\n    resendWebhookEvent(input: $input)\n  }\n": typeof types.IntegrationsResendEventDocument,
    "\n  mutation IntegrationsRecover($input: RecoverWebhookEndpointInput!) {\n    recoverWebhookEndpoint(input: $input)\n  }\n": typeof types.IntegrationsRecoverDocument,
    "\n  query NewReferralPatientChoices($search: String) {\n    patients(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          dateOfBirth\n        }\n      }\n    }\n  }\n": typeof types.NewReferralPatientChoicesDocument,
    "\n  query NewReferralPatient($id: ID!) {\n    patient(id: $id) {\n      id\n      firstName\n      lastName\n      dateOfBirth\n    }\n  }\n": typeof types.NewReferralPatientDocument,
    "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      id\n      reference\n      status\n    }\n  }\n": typeof types.CreateReferralDocument,
    "\n  fragment FailedEmailFields on Notification {\n    id\n    template\n    recipientKind\n    maskedAddress\n    attempts\n    lastError\n    status\n    createdAt\n    sentAt\n    referralId\n  }\n": typeof types.FailedEmailFieldsFragmentDoc,
    "\n  query FailedEmailsList($first: Int, $after: String) {\n    failedNotifications(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...FailedEmailFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.FailedEmailsListDocument,
    "\n  mutation FailedEmailsRetry($input: RetryNotificationInput!) {\n    retryNotification(input: $input) {\n      ...FailedEmailFields\n    }\n  }\n": typeof types.FailedEmailsRetryDocument,
    "\n  mutation OnboardingCreateClinic($input: CreateClinicInput!) {\n    createClinic(input: $input) {\n      id\n      name\n      timeZone\n    }\n  }\n": typeof types.OnboardingCreateClinicDocument,
    "\n  mutation OnboardingInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      displayName\n      role\n      clinicId\n    }\n  }\n": typeof types.OnboardingInviteUserDocument,
    "\n  mutation OnboardingCreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      id\n      displayName\n      clinicId\n      userId\n    }\n  }\n": typeof types.OnboardingCreateProviderDocument,
    "\n  query OnboardingClinicLookup($id: ID!) {\n    clinic(id: $id) {\n      id\n      name\n      timeZone\n    }\n  }\n": typeof types.OnboardingClinicLookupDocument,
    "\n  fragment PatientsPatientFields on Patient {\n    id\n    clinicId\n    firstName\n    lastName\n    dateOfBirth\n    email\n    phone\n    emailConsent\n    createdAt\n    updatedAt\n  }\n": typeof types.PatientsPatientFieldsFragmentDoc,
    "\n  query PatientsList($filter: PatientFilter, $first: Int, $after: String) {\n    patients(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...PatientsPatientFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PatientsListDocument,
    "\n  query PatientsDetail($id: ID!) {\n    patient(id: $id) {\n      ...PatientsPatientFields\n    }\n  }\n": typeof types.PatientsDetailDocument,
    "\n  query PatientsReferrals($filter: ReferralFilter, $first: Int, $after: String) {\n    referrals(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...InboxRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PatientsReferralsDocument,
    "\n  mutation PatientsCreatePatient($input: CreatePatientInput!) {\n    createPatient(input: $input) {\n      ...PatientsPatientFields\n    }\n  }\n": typeof types.PatientsCreatePatientDocument,
    "\n  mutation PatientsUpdatePatient($input: UpdatePatientInput!) {\n    updatePatient(input: $input) {\n      ...PatientsPatientFields\n    }\n  }\n": typeof types.PatientsUpdatePatientDocument,
    "\n  fragment EpisodeDetail on Referral {\n    id\n    version\n    status\n    availableEpisodeActions\n    recommendedVisits\n    assessment {\n      rangeOfMotion {\n        ...RangeOfMotion\n      }\n    }\n    treatmentPlan {\n      version\n      longTermGoal\n      plannedVisits\n      visitsPerWeek\n      techniques\n      setAt\n      setBy {\n        id\n        displayName\n      }\n      shortTermGoals {\n        description\n        measure\n        targetVisit\n      }\n    }\n    treatmentPlanHistory {\n      version\n      plannedVisits\n      visitsPerWeek\n      longTermGoal\n      setAt\n      setBy {\n        id\n        displayName\n      }\n    }\n    visits {\n      id\n      number\n      at\n      attended\n      painScore\n      notes\n      overBudget\n      shortTermGoalsMet\n      techniquesUsed\n      rangeOfMotion {\n        ...RangeOfMotion\n      }\n    }\n    progress {\n      attendedVisits\n      missedVisits\n      plannedVisits\n      firstPainScore\n      latestPainScore\n      goals {\n        position\n        description\n        targetVisit\n        met\n        metAtVisit\n      }\n      measures {\n        joint\n        movement\n        side\n        firstDegrees\n        latestDegrees\n        expectedDegrees\n        changeDegrees\n        towardExpected\n      }\n    }\n    reports {\n      id\n      number\n      writtenAt\n      trigger\n      comments\n      writtenBy {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.EpisodeDetailFragmentDoc,
    "\n  query Episode($id: ID!) {\n    referral(id: $id) {\n      ...EpisodeDetail\n    }\n  }\n": typeof types.EpisodeDocument,
    "\n  mutation SetTreatmentPlan($input: SetTreatmentPlanInput!) {\n    setTreatmentPlan(input: $input) {\n      version\n    }\n  }\n": typeof types.SetTreatmentPlanDocument,
    "\n  mutation RecordVisit($input: RecordVisitInput!) {\n    recordVisit(input: $input) {\n      id\n      number\n    }\n  }\n": typeof types.RecordVisitDocument,
    "\n  mutation SendProgressReport($input: SendProgressReportInput!) {\n    sendProgressReport(input: $input) {\n      id\n      number\n    }\n  }\n": typeof types.SendProgressReportDocument,
    "\n  mutation ReferOnward($input: ReferOnwardInput!) {\n    referOnward(input: $input) {\n      id\n      reference\n    }\n  }\n": typeof types.ReferOnwardDocument,
    "\n  fragment RangeOfMotion on RangeOfMotionFinding {\n    joint\n    movement\n    side\n    measuredDegrees\n    expectedDegrees\n    painScore\n  }\n": typeof types.RangeOfMotionFragmentDoc,
    "\n  fragment ReferralDetail on Referral {\n    id\n    reference\n    version\n    status\n    priority\n    modality\n    reason\n    redFlags\n    consentToShare\n    conditions\n    techniques\n    recommendedVisits\n    visitsPerWeek\n    dueAt\n    sentAt\n    respondedAt\n    appointmentAt\n    treatmentStartedAt\n    completedAt\n    loopClosedAt\n    cancelledAt\n    cancelReason\n    declineReason\n    declineNote\n    createdAt\n    updatedAt\n    availableActions\n    workActions\n    # Here as well as in the episode's query: every answer that moves the referral carries it, so\n    # the episode's buttons follow the status without a second request.\n    availableEpisodeActions\n    progress {\n      attendedVisits\n    }\n    patient {\n      id\n      firstName\n      lastName\n      dateOfBirth\n      email\n      phone\n      emailConsent\n    }\n    referringClinic {\n      id\n      name\n      timeZone\n    }\n    referringUser {\n      id\n      displayName\n    }\n    referringProvider {\n      id\n      displayName\n    }\n    toClinic {\n      id\n      name\n    }\n    toProvider {\n      id\n      displayName\n    }\n    pool {\n      radiusKm\n    }\n    assessment {\n      postureNotes\n      rangeOfMotion {\n        ...RangeOfMotion\n      }\n    }\n    goals {\n      longTerm\n      shortTerm\n    }\n    outcome {\n      summary\n      goalsMet\n      visitsUsed\n      finalRangeOfMotion {\n        ...RangeOfMotion\n      }\n      shortTermGoals {\n        position\n        description\n        attainment\n        note\n      }\n      recommendations {\n        text\n        suggestedModality\n      }\n    }\n    treatmentPlan {\n      version\n      longTermGoal\n      plannedVisits\n      visitsPerWeek\n      techniques\n      setAt\n      shortTermGoals {\n        description\n        measure\n        targetVisit\n      }\n    }\n    events {\n      id\n      type\n      at\n      fromStatus\n      toStatus\n      reason\n      actor {\n        id\n        displayName\n      }\n    }\n    redirectedFrom {\n      id\n      reference\n    }\n    redirectedTo {\n      id\n      reference\n    }\n    onwardFrom {\n      id\n      reference\n    }\n    onwardReferrals {\n      id\n      reference\n      status\n      modality\n      toProvider {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.ReferralDetailFragmentDoc,
    "\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.ReferralDocument,
    "\n  subscription ReferralPageUpdates($ids: [ID!]!) {\n    referralUpdated(filter: { ids: $ids }) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.ReferralPageUpdatesDocument,
    "\n  query SuggestedProviders($id: ID!) {\n    referral(id: $id) {\n      id\n      suggestedProviders(first: 5) {\n        distanceKm\n        score\n        reasons\n        provider {\n          id\n          displayName\n          city\n        }\n      }\n    }\n  }\n": typeof types.SuggestedProvidersDocument,
    "\n  mutation SendReferral($input: SendReferralInput!) {\n    sendReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.SendReferralDocument,
    "\n  mutation AcceptReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.AcceptReferralDocument,
    "\n  mutation DeclineReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.DeclineReferralDocument,
    "\n  mutation RequestReferralInfo($input: RequestReferralInfoInput!) {\n    requestReferralInfo(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.RequestReferralInfoDocument,
    "\n  mutation ProvideReferralInfo($input: ProvideReferralInfoInput!) {\n    provideReferralInfo(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.ProvideReferralInfoDocument,
    "\n  mutation ScheduleReferral($input: ScheduleReferralInput!) {\n    scheduleReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.ScheduleReferralDocument,
    "\n  mutation StartReferralTreatment($input: StartReferralTreatmentInput!) {\n    startReferralTreatment(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.StartReferralTreatmentDocument,
    "\n  mutation CancelReferral($input: CancelReferralInput!) {\n    cancelReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.CancelReferralDocument,
    "\n  mutation RedirectReferral($input: RedirectReferralInput!) {\n    redirectReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.RedirectReferralDocument,
    "\n  mutation CompleteReferral($input: CompleteReferralInput!) {\n    completeReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.CompleteReferralDocument,
    "\n  mutation AcknowledgeReferralOutcome($input: AcknowledgeReferralOutcomeInput!) {\n    acknowledgeReferralOutcome(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": typeof types.AcknowledgeReferralOutcomeDocument,
    "\n  fragment StaffUserFields on User {\n    id\n    email\n    displayName\n    role\n    clinicId\n    status\n    disabled\n    createdAt\n    twoFactorEnabled\n    clinic {\n      id\n      name\n    }\n  }\n": typeof types.StaffUserFieldsFragmentDoc,
    "\n  query StaffList($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...StaffUserFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.StaffListDocument,
    "\n  mutation StaffInvite($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": typeof types.StaffInviteDocument,
    "\n  mutation StaffResendInvitation($input: InvitedUserInput!) {\n    resendInvitation(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": typeof types.StaffResendInvitationDocument,
    "\n  mutation StaffWithdrawInvitation($input: InvitedUserInput!) {\n    revokeInvitation(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": typeof types.StaffWithdrawInvitationDocument,
    "\n  mutation StaffChangeRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": typeof types.StaffChangeRoleDocument,
    "\n  mutation StaffDisable($input: DisableUserInput!) {\n    disableUser(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": typeof types.StaffDisableDocument,
    "\n  mutation StaffEnable($input: EnableUserInput!) {\n    enableUser(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": typeof types.StaffEnableDocument,
    "\n  mutation StaffResetTwoFactor($input: ResetTwoFactorInput!) {\n    resetTwoFactor(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": typeof types.StaffResetTwoFactorDocument,
    "\n  query StaffClinicSettings($id: ID!) {\n    clinic(id: $id) {\n      id\n      name\n      requireTwoFactor\n    }\n    me {\n      id\n      twoFactorEnabled\n    }\n  }\n": typeof types.StaffClinicSettingsDocument,
    "\n  mutation StaffRequireTwoFactor($input: UpdateClinicInput!) {\n    updateClinic(input: $input) {\n      __typename\n      id\n      requireTwoFactor\n    }\n  }\n": typeof types.StaffRequireTwoFactorDocument,
    "\n  query StatsPageReferralStats($input: ReferralStatsInput!) {\n    referralStats(input: $input) {\n      from\n      to\n      total\n      accepted\n      declined\n      expired\n      completed\n      leaked\n      loopsClosed\n      acceptanceRate\n      completionRate\n      leakageRate\n      loopClosedRate\n      goalsMetShare\n      shortTermGoalsMetShare\n      meanVisitsUsed\n      meanVisitsPlanned\n      timeToAcceptHours {\n        measured\n        median\n        p90\n      }\n      timeToFirstVisitHours {\n        measured\n        median\n        p90\n      }\n      byStatus {\n        status\n        count\n      }\n    }\n  }\n": typeof types.StatsPageReferralStatsDocument,
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    expiresAt\n    mustEnrolTwoFactor\n    twoFactorChallenge {\n      token\n      expiresAt\n    }\n    user {\n      ...ViewerFields\n    }\n  }\n": typeof types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation SignIn($input: LoginInput!) {\n    signIn(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  query AccountLink($token: String!) {\n    accountLink(token: $token) {\n      state\n      kind\n      problem\n      email\n      displayName\n      expiresAt\n    }\n  }\n": typeof types.AccountLinkDocument,
    "\n  mutation AcceptInvitation($input: LinkPasswordInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: LinkPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation VerifySignInCode($input: SignInCodeInput!) {\n    verifySignInCode(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": typeof types.VerifySignInCodeDocument,
    "\n  query TwoFactorStatus {\n    twoFactorStatus {\n      enabled\n      required\n      recoveryCodesLeft\n    }\n  }\n": typeof types.TwoFactorStatusDocument,
    "\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment {\n      otpauthUri\n      secret\n    }\n  }\n": typeof types.BeginTotpEnrolmentDocument,
    "\n  mutation ConfirmTotpEnrolment($input: ConfirmTotpEnrolmentInput!) {\n    confirmTotpEnrolment(input: $input) {\n      codes\n    }\n  }\n": typeof types.ConfirmTotpEnrolmentDocument,
    "\n  mutation RemoveTwoFactor($input: RemoveTwoFactorInput!) {\n    removeTwoFactor(input: $input)\n  }\n": typeof types.RemoveTwoFactorDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": typeof types.SignOutEverywhereDocument,
};
const documents: Documents = {
    "\n  fragment ViewerFields on User {\n    __typename\n    id\n    displayName\n    email\n    role\n    clinicId\n    providerId\n    clinic {\n      __typename\n      id\n      name\n      timeZone\n      location {\n        __typename\n        latitude\n        longitude\n      }\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query MatchProviders($input: MatchProvidersInput!) {\n    matchProviders(input: $input) {\n      distanceKm\n      score\n      reasons\n      provider {\n        id\n        displayName\n        city\n      }\n    }\n  }\n": types.MatchProvidersDocument,
    "\n  query Viewer {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      device\n      ipAddress\n      createdAt\n      lastUsedAt\n      current\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.RevokeSessionDocument,
    "\n  fragment InboxRow on Referral {\n    id\n    reference\n    status\n    priority\n    modality\n    dueAt\n    updatedAt\n    appointmentAt\n    availableActions\n    workActions\n    version\n    patient {\n      id\n      firstName\n      lastName\n    }\n    referringClinic {\n      id\n      name\n    }\n    toClinic {\n      id\n      name\n    }\n    toProvider {\n      id\n      displayName\n    }\n  }\n": types.InboxRowFragmentDoc,
    "\n  query Inbox($filter: ReferralFilter, $first: Int, $after: String) {\n    referrals(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...InboxRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.InboxDocument,
    "\n  query OpenReferrals($first: Int, $after: String) {\n    openReferrals(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          reference\n          modality\n          priority\n          conditions\n          techniques\n          ageBand\n          distanceKm\n          dueAt\n          sentAt\n          version\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.OpenReferralsDocument,
    "\n  subscription InboxUpdates($filter: ReferralUpdatedFilter) {\n    referralUpdated(filter: $filter) {\n      ...InboxRow\n    }\n  }\n": types.InboxUpdatesDocument,
    "\n  mutation ClaimOpenReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      ...InboxRow\n    }\n  }\n": types.ClaimOpenReferralDocument,
    "\n  mutation PassOpenReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      id\n    }\n  }\n": types.PassOpenReferralDocument,
    "\n  fragment IntegrationEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    disabledReason\n    disabledAt\n    failingSince\n    previousSecretValidUntil\n    createdAt\n  }\n": types.IntegrationEndpointFieldsFragmentDoc,
    "\n  fragment IntegrationAttemptFields on WebhookAttempt {\n    id\n    eventId\n    eventType\n    attempt\n    at\n    statusCode\n    durationMs\n    error\n    succeeded\n  }\n": types.IntegrationAttemptFieldsFragmentDoc,
    "\n  query IntegrationsList($first: Int, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...IntegrationEndpointFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.IntegrationsListDocument,
    "\n  query IntegrationsAttempts($id: ID!, $first: Int, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      enabled\n      attempts(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...IntegrationAttemptFields\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.IntegrationsAttemptsDocument,
    "\n  mutation IntegrationsCreate($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...IntegrationEndpointFields\n      }\n    }\n  }\n": types.IntegrationsCreateDocument,
    "\n  mutation IntegrationsRotateSecret($input: WebhookEndpointIdInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      endpoint {\n        ...IntegrationEndpointFields\n      }\n    }\n  }\n": types.IntegrationsRotateSecretDocument,
    "\n  mutation IntegrationsUpdate($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      ...IntegrationEndpointFields\n    }\n  }\n": types.IntegrationsUpdateDocument,
    "\n  mutation IntegrationsDisable($input: WebhookEndpointIdInput!) {\n    disableWebhookEndpoint(input: $input) {\n      ...IntegrationEndpointFields\n    }\n  }\n": types.IntegrationsDisableDocument,
    "\n  mutation IntegrationsEnable($input: WebhookEndpointIdInput!) {\n    enableWebhookEndpoint(input: $input) {\n      ...IntegrationEndpointFields\n    }\n  }\n": types.IntegrationsEnableDocument,
    "\n  mutation IntegrationsDelete($input: WebhookEndpointIdInput!) {\n    deleteWebhookEndpoint(input: $input)\n  }\n": types.IntegrationsDeleteDocument,
    "\n  mutation IntegrationsResendEvent($input: ResendWebhookEventInput!) {\n    resendWebhookEvent(input: $input)\n  }\n": types.IntegrationsResendEventDocument,
    "\n  mutation IntegrationsRecover($input: RecoverWebhookEndpointInput!) {\n    recoverWebhookEndpoint(input: $input)\n  }\n": types.IntegrationsRecoverDocument,
    "\n  query NewReferralPatientChoices($search: String) {\n    patients(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          dateOfBirth\n        }\n      }\n    }\n  }\n": types.NewReferralPatientChoicesDocument,
    "\n  query NewReferralPatient($id: ID!) {\n    patient(id: $id) {\n      id\n      firstName\n      lastName\n      dateOfBirth\n    }\n  }\n": types.NewReferralPatientDocument,
    "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      id\n      reference\n      status\n    }\n  }\n": types.CreateReferralDocument,
    "\n  fragment FailedEmailFields on Notification {\n    id\n    template\n    recipientKind\n    maskedAddress\n    attempts\n    lastError\n    status\n    createdAt\n    sentAt\n    referralId\n  }\n": types.FailedEmailFieldsFragmentDoc,
    "\n  query FailedEmailsList($first: Int, $after: String) {\n    failedNotifications(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...FailedEmailFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.FailedEmailsListDocument,
    "\n  mutation FailedEmailsRetry($input: RetryNotificationInput!) {\n    retryNotification(input: $input) {\n      ...FailedEmailFields\n    }\n  }\n": types.FailedEmailsRetryDocument,
    "\n  mutation OnboardingCreateClinic($input: CreateClinicInput!) {\n    createClinic(input: $input) {\n      id\n      name\n      timeZone\n    }\n  }\n": types.OnboardingCreateClinicDocument,
    "\n  mutation OnboardingInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      displayName\n      role\n      clinicId\n    }\n  }\n": types.OnboardingInviteUserDocument,
    "\n  mutation OnboardingCreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      id\n      displayName\n      clinicId\n      userId\n    }\n  }\n": types.OnboardingCreateProviderDocument,
    "\n  query OnboardingClinicLookup($id: ID!) {\n    clinic(id: $id) {\n      id\n      name\n      timeZone\n    }\n  }\n": types.OnboardingClinicLookupDocument,
    "\n  fragment PatientsPatientFields on Patient {\n    id\n    clinicId\n    firstName\n    lastName\n    dateOfBirth\n    email\n    phone\n    emailConsent\n    createdAt\n    updatedAt\n  }\n": types.PatientsPatientFieldsFragmentDoc,
    "\n  query PatientsList($filter: PatientFilter, $first: Int, $after: String) {\n    patients(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...PatientsPatientFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.PatientsListDocument,
    "\n  query PatientsDetail($id: ID!) {\n    patient(id: $id) {\n      ...PatientsPatientFields\n    }\n  }\n": types.PatientsDetailDocument,
    "\n  query PatientsReferrals($filter: ReferralFilter, $first: Int, $after: String) {\n    referrals(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...InboxRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.PatientsReferralsDocument,
    "\n  mutation PatientsCreatePatient($input: CreatePatientInput!) {\n    createPatient(input: $input) {\n      ...PatientsPatientFields\n    }\n  }\n": types.PatientsCreatePatientDocument,
    "\n  mutation PatientsUpdatePatient($input: UpdatePatientInput!) {\n    updatePatient(input: $input) {\n      ...PatientsPatientFields\n    }\n  }\n": types.PatientsUpdatePatientDocument,
    "\n  fragment EpisodeDetail on Referral {\n    id\n    version\n    status\n    availableEpisodeActions\n    recommendedVisits\n    assessment {\n      rangeOfMotion {\n        ...RangeOfMotion\n      }\n    }\n    treatmentPlan {\n      version\n      longTermGoal\n      plannedVisits\n      visitsPerWeek\n      techniques\n      setAt\n      setBy {\n        id\n        displayName\n      }\n      shortTermGoals {\n        description\n        measure\n        targetVisit\n      }\n    }\n    treatmentPlanHistory {\n      version\n      plannedVisits\n      visitsPerWeek\n      longTermGoal\n      setAt\n      setBy {\n        id\n        displayName\n      }\n    }\n    visits {\n      id\n      number\n      at\n      attended\n      painScore\n      notes\n      overBudget\n      shortTermGoalsMet\n      techniquesUsed\n      rangeOfMotion {\n        ...RangeOfMotion\n      }\n    }\n    progress {\n      attendedVisits\n      missedVisits\n      plannedVisits\n      firstPainScore\n      latestPainScore\n      goals {\n        position\n        description\n        targetVisit\n        met\n        metAtVisit\n      }\n      measures {\n        joint\n        movement\n        side\n        firstDegrees\n        latestDegrees\n        expectedDegrees\n        changeDegrees\n        towardExpected\n      }\n    }\n    reports {\n      id\n      number\n      writtenAt\n      trigger\n      comments\n      writtenBy {\n        id\n        displayName\n      }\n    }\n  }\n": types.EpisodeDetailFragmentDoc,
    "\n  query Episode($id: ID!) {\n    referral(id: $id) {\n      ...EpisodeDetail\n    }\n  }\n": types.EpisodeDocument,
    "\n  mutation SetTreatmentPlan($input: SetTreatmentPlanInput!) {\n    setTreatmentPlan(input: $input) {\n      version\n    }\n  }\n": types.SetTreatmentPlanDocument,
    "\n  mutation RecordVisit($input: RecordVisitInput!) {\n    recordVisit(input: $input) {\n      id\n      number\n    }\n  }\n": types.RecordVisitDocument,
    "\n  mutation SendProgressReport($input: SendProgressReportInput!) {\n    sendProgressReport(input: $input) {\n      id\n      number\n    }\n  }\n": types.SendProgressReportDocument,
    "\n  mutation ReferOnward($input: ReferOnwardInput!) {\n    referOnward(input: $input) {\n      id\n      reference\n    }\n  }\n": types.ReferOnwardDocument,
    "\n  fragment RangeOfMotion on RangeOfMotionFinding {\n    joint\n    movement\n    side\n    measuredDegrees\n    expectedDegrees\n    painScore\n  }\n": types.RangeOfMotionFragmentDoc,
    "\n  fragment ReferralDetail on Referral {\n    id\n    reference\n    version\n    status\n    priority\n    modality\n    reason\n    redFlags\n    consentToShare\n    conditions\n    techniques\n    recommendedVisits\n    visitsPerWeek\n    dueAt\n    sentAt\n    respondedAt\n    appointmentAt\n    treatmentStartedAt\n    completedAt\n    loopClosedAt\n    cancelledAt\n    cancelReason\n    declineReason\n    declineNote\n    createdAt\n    updatedAt\n    availableActions\n    workActions\n    # Here as well as in the episode's query: every answer that moves the referral carries it, so\n    # the episode's buttons follow the status without a second request.\n    availableEpisodeActions\n    progress {\n      attendedVisits\n    }\n    patient {\n      id\n      firstName\n      lastName\n      dateOfBirth\n      email\n      phone\n      emailConsent\n    }\n    referringClinic {\n      id\n      name\n      timeZone\n    }\n    referringUser {\n      id\n      displayName\n    }\n    referringProvider {\n      id\n      displayName\n    }\n    toClinic {\n      id\n      name\n    }\n    toProvider {\n      id\n      displayName\n    }\n    pool {\n      radiusKm\n    }\n    assessment {\n      postureNotes\n      rangeOfMotion {\n        ...RangeOfMotion\n      }\n    }\n    goals {\n      longTerm\n      shortTerm\n    }\n    outcome {\n      summary\n      goalsMet\n      visitsUsed\n      finalRangeOfMotion {\n        ...RangeOfMotion\n      }\n      shortTermGoals {\n        position\n        description\n        attainment\n        note\n      }\n      recommendations {\n        text\n        suggestedModality\n      }\n    }\n    treatmentPlan {\n      version\n      longTermGoal\n      plannedVisits\n      visitsPerWeek\n      techniques\n      setAt\n      shortTermGoals {\n        description\n        measure\n        targetVisit\n      }\n    }\n    events {\n      id\n      type\n      at\n      fromStatus\n      toStatus\n      reason\n      actor {\n        id\n        displayName\n      }\n    }\n    redirectedFrom {\n      id\n      reference\n    }\n    redirectedTo {\n      id\n      reference\n    }\n    onwardFrom {\n      id\n      reference\n    }\n    onwardReferrals {\n      id\n      reference\n      status\n      modality\n      toProvider {\n        id\n        displayName\n      }\n    }\n  }\n": types.ReferralDetailFragmentDoc,
    "\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      ...ReferralDetail\n    }\n  }\n": types.ReferralDocument,
    "\n  subscription ReferralPageUpdates($ids: [ID!]!) {\n    referralUpdated(filter: { ids: $ids }) {\n      ...ReferralDetail\n    }\n  }\n": types.ReferralPageUpdatesDocument,
    "\n  query SuggestedProviders($id: ID!) {\n    referral(id: $id) {\n      id\n      suggestedProviders(first: 5) {\n        distanceKm\n        score\n        reasons\n        provider {\n          id\n          displayName\n          city\n        }\n      }\n    }\n  }\n": types.SuggestedProvidersDocument,
    "\n  mutation SendReferral($input: SendReferralInput!) {\n    sendReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": types.SendReferralDocument,
    "\n  mutation AcceptReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": types.AcceptReferralDocument,
    "\n  mutation DeclineReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": types.DeclineReferralDocument,
    "\n  mutation RequestReferralInfo($input: RequestReferralInfoInput!) {\n    requestReferralInfo(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": types.RequestReferralInfoDocument,
    "\n  mutation ProvideReferralInfo($input: ProvideReferralInfoInput!) {\n    provideReferralInfo(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": types.ProvideReferralInfoDocument,
    "\n  mutation ScheduleReferral($input: ScheduleReferralInput!) {\n    scheduleReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": types.ScheduleReferralDocument,
    "\n  mutation StartReferralTreatment($input: StartReferralTreatmentInput!) {\n    startReferralTreatment(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": types.StartReferralTreatmentDocument,
    "\n  mutation CancelReferral($input: CancelReferralInput!) {\n    cancelReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": types.CancelReferralDocument,
    "\n  mutation RedirectReferral($input: RedirectReferralInput!) {\n    redirectReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": types.RedirectReferralDocument,
    "\n  mutation CompleteReferral($input: CompleteReferralInput!) {\n    completeReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": types.CompleteReferralDocument,
    "\n  mutation AcknowledgeReferralOutcome($input: AcknowledgeReferralOutcomeInput!) {\n    acknowledgeReferralOutcome(input: $input) {\n      ...ReferralDetail\n    }\n  }\n": types.AcknowledgeReferralOutcomeDocument,
    "\n  fragment StaffUserFields on User {\n    id\n    email\n    displayName\n    role\n    clinicId\n    status\n    disabled\n    createdAt\n    twoFactorEnabled\n    clinic {\n      id\n      name\n    }\n  }\n": types.StaffUserFieldsFragmentDoc,
    "\n  query StaffList($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...StaffUserFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.StaffListDocument,
    "\n  mutation StaffInvite($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": types.StaffInviteDocument,
    "\n  mutation StaffResendInvitation($input: InvitedUserInput!) {\n    resendInvitation(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": types.StaffResendInvitationDocument,
    "\n  mutation StaffWithdrawInvitation($input: InvitedUserInput!) {\n    revokeInvitation(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": types.StaffWithdrawInvitationDocument,
    "\n  mutation StaffChangeRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": types.StaffChangeRoleDocument,
    "\n  mutation StaffDisable($input: DisableUserInput!) {\n    disableUser(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": types.StaffDisableDocument,
    "\n  mutation StaffEnable($input: EnableUserInput!) {\n    enableUser(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": types.StaffEnableDocument,
    "\n  mutation StaffResetTwoFactor($input: ResetTwoFactorInput!) {\n    resetTwoFactor(input: $input) {\n      ...StaffUserFields\n    }\n  }\n": types.StaffResetTwoFactorDocument,
    "\n  query StaffClinicSettings($id: ID!) {\n    clinic(id: $id) {\n      id\n      name\n      requireTwoFactor\n    }\n    me {\n      id\n      twoFactorEnabled\n    }\n  }\n": types.StaffClinicSettingsDocument,
    "\n  mutation StaffRequireTwoFactor($input: UpdateClinicInput!) {\n    updateClinic(input: $input) {\n      __typename\n      id\n      requireTwoFactor\n    }\n  }\n": types.StaffRequireTwoFactorDocument,
    "\n  query StatsPageReferralStats($input: ReferralStatsInput!) {\n    referralStats(input: $input) {\n      from\n      to\n      total\n      accepted\n      declined\n      expired\n      completed\n      leaked\n      loopsClosed\n      acceptanceRate\n      completionRate\n      leakageRate\n      loopClosedRate\n      goalsMetShare\n      shortTermGoalsMetShare\n      meanVisitsUsed\n      meanVisitsPlanned\n      timeToAcceptHours {\n        measured\n        median\n        p90\n      }\n      timeToFirstVisitHours {\n        measured\n        median\n        p90\n      }\n      byStatus {\n        status\n        count\n      }\n    }\n  }\n": types.StatsPageReferralStatsDocument,
    "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    expiresAt\n    mustEnrolTwoFactor\n    twoFactorChallenge {\n      token\n      expiresAt\n    }\n    user {\n      ...ViewerFields\n    }\n  }\n": types.AuthPayloadFieldsFragmentDoc,
    "\n  mutation SignIn($input: LoginInput!) {\n    signIn(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthPayloadFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  query AccountLink($token: String!) {\n    accountLink(token: $token) {\n      state\n      kind\n      problem\n      email\n      displayName\n      expiresAt\n    }\n  }\n": types.AccountLinkDocument,
    "\n  mutation AcceptInvitation($input: LinkPasswordInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: LinkPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation VerifySignInCode($input: SignInCodeInput!) {\n    verifySignInCode(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n": types.VerifySignInCodeDocument,
    "\n  query TwoFactorStatus {\n    twoFactorStatus {\n      enabled\n      required\n      recoveryCodesLeft\n    }\n  }\n": types.TwoFactorStatusDocument,
    "\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment {\n      otpauthUri\n      secret\n    }\n  }\n": types.BeginTotpEnrolmentDocument,
    "\n  mutation ConfirmTotpEnrolment($input: ConfirmTotpEnrolmentInput!) {\n    confirmTotpEnrolment(input: $input) {\n      codes\n    }\n  }\n": types.ConfirmTotpEnrolmentDocument,
    "\n  mutation RemoveTwoFactor($input: RemoveTwoFactorInput!) {\n    removeTwoFactor(input: $input)\n  }\n": types.RemoveTwoFactorDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": types.SignOutEverywhereDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on User {\n    __typename\n    id\n    displayName\n    email\n    role\n    clinicId\n    providerId\n    clinic {\n      __typename\n      id\n      name\n      timeZone\n      location {\n        __typename\n        latitude\n        longitude\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on User {\n    __typename\n    id\n    displayName\n    email\n    role\n    clinicId\n    providerId\n    clinic {\n      __typename\n      id\n      name\n      timeZone\n      location {\n        __typename\n        latitude\n        longitude\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MatchProviders($input: MatchProvidersInput!) {\n    matchProviders(input: $input) {\n      distanceKm\n      score\n      reasons\n      provider {\n        id\n        displayName\n        city\n      }\n    }\n  }\n"): (typeof documents)["\n  query MatchProviders($input: MatchProvidersInput!) {\n    matchProviders(input: $input) {\n      distanceKm\n      score\n      reasons\n      provider {\n        id\n        displayName\n        city\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      device\n      ipAddress\n      createdAt\n      lastUsedAt\n      current\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      id\n      device\n      ipAddress\n      createdAt\n      lastUsedAt\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InboxRow on Referral {\n    id\n    reference\n    status\n    priority\n    modality\n    dueAt\n    updatedAt\n    appointmentAt\n    availableActions\n    workActions\n    version\n    patient {\n      id\n      firstName\n      lastName\n    }\n    referringClinic {\n      id\n      name\n    }\n    toClinic {\n      id\n      name\n    }\n    toProvider {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment InboxRow on Referral {\n    id\n    reference\n    status\n    priority\n    modality\n    dueAt\n    updatedAt\n    appointmentAt\n    availableActions\n    workActions\n    version\n    patient {\n      id\n      firstName\n      lastName\n    }\n    referringClinic {\n      id\n      name\n    }\n    toClinic {\n      id\n      name\n    }\n    toProvider {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox($filter: ReferralFilter, $first: Int, $after: String) {\n    referrals(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...InboxRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inbox($filter: ReferralFilter, $first: Int, $after: String) {\n    referrals(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...InboxRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenReferrals($first: Int, $after: String) {\n    openReferrals(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          reference\n          modality\n          priority\n          conditions\n          techniques\n          ageBand\n          distanceKm\n          dueAt\n          sentAt\n          version\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenReferrals($first: Int, $after: String) {\n    openReferrals(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          reference\n          modality\n          priority\n          conditions\n          techniques\n          ageBand\n          distanceKm\n          dueAt\n          sentAt\n          version\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription InboxUpdates($filter: ReferralUpdatedFilter) {\n    referralUpdated(filter: $filter) {\n      ...InboxRow\n    }\n  }\n"): (typeof documents)["\n  subscription InboxUpdates($filter: ReferralUpdatedFilter) {\n    referralUpdated(filter: $filter) {\n      ...InboxRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimOpenReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      ...InboxRow\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimOpenReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      ...InboxRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PassOpenReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PassOpenReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IntegrationEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    disabledReason\n    disabledAt\n    failingSince\n    previousSecretValidUntil\n    createdAt\n  }\n"): (typeof documents)["\n  fragment IntegrationEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    disabledReason\n    disabledAt\n    failingSince\n    previousSecretValidUntil\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IntegrationAttemptFields on WebhookAttempt {\n    id\n    eventId\n    eventType\n    attempt\n    at\n    statusCode\n    durationMs\n    error\n    succeeded\n  }\n"): (typeof documents)["\n  fragment IntegrationAttemptFields on WebhookAttempt {\n    id\n    eventId\n    eventType\n    attempt\n    at\n    statusCode\n    durationMs\n    error\n    succeeded\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsList($first: Int, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...IntegrationEndpointFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsList($first: Int, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...IntegrationEndpointFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationsAttempts($id: ID!, $first: Int, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      enabled\n      attempts(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...IntegrationAttemptFields\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegrationsAttempts($id: ID!, $first: Int, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      enabled\n      attempts(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...IntegrationAttemptFields\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsCreate($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...IntegrationEndpointFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntegrationsCreate($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...IntegrationEndpointFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsRotateSecret($input: WebhookEndpointIdInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      endpoint {\n        ...IntegrationEndpointFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IntegrationsRotateSecret($input: WebhookEndpointIdInput!) {\n    rotateWebhookSecret(input: $input) {\n      secret\n      endpoint {\n        ...IntegrationEndpointFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsUpdate($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      ...IntegrationEndpointFields\n    }\n  }\n"): (typeof documents)["\n  mutation IntegrationsUpdate($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      ...IntegrationEndpointFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsDisable($input: WebhookEndpointIdInput!) {\n    disableWebhookEndpoint(input: $input) {\n      ...IntegrationEndpointFields\n    }\n  }\n"): (typeof documents)["\n  mutation IntegrationsDisable($input: WebhookEndpointIdInput!) {\n    disableWebhookEndpoint(input: $input) {\n      ...IntegrationEndpointFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsEnable($input: WebhookEndpointIdInput!) {\n    enableWebhookEndpoint(input: $input) {\n      ...IntegrationEndpointFields\n    }\n  }\n"): (typeof documents)["\n  mutation IntegrationsEnable($input: WebhookEndpointIdInput!) {\n    enableWebhookEndpoint(input: $input) {\n      ...IntegrationEndpointFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsDelete($input: WebhookEndpointIdInput!) {\n    deleteWebhookEndpoint(input: $input)\n  }\n"): (typeof documents)["\n  mutation IntegrationsDelete($input: WebhookEndpointIdInput!) {\n    deleteWebhookEndpoint(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsResendEvent($input: ResendWebhookEventInput!) {\n    resendWebhookEvent(input: $input)\n  }\n"): (typeof documents)["\n  mutation IntegrationsResendEvent($input: ResendWebhookEventInput!) {\n    resendWebhookEvent(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntegrationsRecover($input: RecoverWebhookEndpointInput!) {\n    recoverWebhookEndpoint(input: $input)\n  }\n"): (typeof documents)["\n  mutation IntegrationsRecover($input: RecoverWebhookEndpointInput!) {\n    recoverWebhookEndpoint(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewReferralPatientChoices($search: String) {\n    patients(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          dateOfBirth\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NewReferralPatientChoices($search: String) {\n    patients(filter: { search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          dateOfBirth\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewReferralPatient($id: ID!) {\n    patient(id: $id) {\n      id\n      firstName\n      lastName\n      dateOfBirth\n    }\n  }\n"): (typeof documents)["\n  query NewReferralPatient($id: ID!) {\n    patient(id: $id) {\n      id\n      firstName\n      lastName\n      dateOfBirth\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      id\n      reference\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CreateReferral($input: CreateReferralInput!) {\n    createReferral(input: $input) {\n      id\n      reference\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FailedEmailFields on Notification {\n    id\n    template\n    recipientKind\n    maskedAddress\n    attempts\n    lastError\n    status\n    createdAt\n    sentAt\n    referralId\n  }\n"): (typeof documents)["\n  fragment FailedEmailFields on Notification {\n    id\n    template\n    recipientKind\n    maskedAddress\n    attempts\n    lastError\n    status\n    createdAt\n    sentAt\n    referralId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailedEmailsList($first: Int, $after: String) {\n    failedNotifications(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...FailedEmailFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query FailedEmailsList($first: Int, $after: String) {\n    failedNotifications(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...FailedEmailFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FailedEmailsRetry($input: RetryNotificationInput!) {\n    retryNotification(input: $input) {\n      ...FailedEmailFields\n    }\n  }\n"): (typeof documents)["\n  mutation FailedEmailsRetry($input: RetryNotificationInput!) {\n    retryNotification(input: $input) {\n      ...FailedEmailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OnboardingCreateClinic($input: CreateClinicInput!) {\n    createClinic(input: $input) {\n      id\n      name\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  mutation OnboardingCreateClinic($input: CreateClinicInput!) {\n    createClinic(input: $input) {\n      id\n      name\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OnboardingInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      displayName\n      role\n      clinicId\n    }\n  }\n"): (typeof documents)["\n  mutation OnboardingInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      id\n      email\n      displayName\n      role\n      clinicId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OnboardingCreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      id\n      displayName\n      clinicId\n      userId\n    }\n  }\n"): (typeof documents)["\n  mutation OnboardingCreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      id\n      displayName\n      clinicId\n      userId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnboardingClinicLookup($id: ID!) {\n    clinic(id: $id) {\n      id\n      name\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  query OnboardingClinicLookup($id: ID!) {\n    clinic(id: $id) {\n      id\n      name\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PatientsPatientFields on Patient {\n    id\n    clinicId\n    firstName\n    lastName\n    dateOfBirth\n    email\n    phone\n    emailConsent\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PatientsPatientFields on Patient {\n    id\n    clinicId\n    firstName\n    lastName\n    dateOfBirth\n    email\n    phone\n    emailConsent\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientsList($filter: PatientFilter, $first: Int, $after: String) {\n    patients(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...PatientsPatientFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query PatientsList($filter: PatientFilter, $first: Int, $after: String) {\n    patients(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...PatientsPatientFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientsDetail($id: ID!) {\n    patient(id: $id) {\n      ...PatientsPatientFields\n    }\n  }\n"): (typeof documents)["\n  query PatientsDetail($id: ID!) {\n    patient(id: $id) {\n      ...PatientsPatientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientsReferrals($filter: ReferralFilter, $first: Int, $after: String) {\n    referrals(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...InboxRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query PatientsReferrals($filter: ReferralFilter, $first: Int, $after: String) {\n    referrals(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...InboxRow\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PatientsCreatePatient($input: CreatePatientInput!) {\n    createPatient(input: $input) {\n      ...PatientsPatientFields\n    }\n  }\n"): (typeof documents)["\n  mutation PatientsCreatePatient($input: CreatePatientInput!) {\n    createPatient(input: $input) {\n      ...PatientsPatientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PatientsUpdatePatient($input: UpdatePatientInput!) {\n    updatePatient(input: $input) {\n      ...PatientsPatientFields\n    }\n  }\n"): (typeof documents)["\n  mutation PatientsUpdatePatient($input: UpdatePatientInput!) {\n    updatePatient(input: $input) {\n      ...PatientsPatientFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EpisodeDetail on Referral {\n    id\n    version\n    status\n    availableEpisodeActions\n    recommendedVisits\n    assessment {\n      rangeOfMotion {\n        ...RangeOfMotion\n      }\n    }\n    treatmentPlan {\n      version\n      longTermGoal\n      plannedVisits\n      visitsPerWeek\n      techniques\n      setAt\n      setBy {\n        id\n        displayName\n      }\n      shortTermGoals {\n        description\n        measure\n        targetVisit\n      }\n    }\n    treatmentPlanHistory {\n      version\n      plannedVisits\n      visitsPerWeek\n      longTermGoal\n      setAt\n      setBy {\n        id\n        displayName\n      }\n    }\n    visits {\n      id\n      number\n      at\n      attended\n      painScore\n      notes\n      overBudget\n      shortTermGoalsMet\n      techniquesUsed\n      rangeOfMotion {\n        ...RangeOfMotion\n      }\n    }\n    progress {\n      attendedVisits\n      missedVisits\n      plannedVisits\n      firstPainScore\n      latestPainScore\n      goals {\n        position\n        description\n        targetVisit\n        met\n        metAtVisit\n      }\n      measures {\n        joint\n        movement\n        side\n        firstDegrees\n        latestDegrees\n        expectedDegrees\n        changeDegrees\n        towardExpected\n      }\n    }\n    reports {\n      id\n      number\n      writtenAt\n      trigger\n      comments\n      writtenBy {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment EpisodeDetail on Referral {\n    id\n    version\n    status\n    availableEpisodeActions\n    recommendedVisits\n    assessment {\n      rangeOfMotion {\n        ...RangeOfMotion\n      }\n    }\n    treatmentPlan {\n      version\n      longTermGoal\n      plannedVisits\n      visitsPerWeek\n      techniques\n      setAt\n      setBy {\n        id\n        displayName\n      }\n      shortTermGoals {\n        description\n        measure\n        targetVisit\n      }\n    }\n    treatmentPlanHistory {\n      version\n      plannedVisits\n      visitsPerWeek\n      longTermGoal\n      setAt\n      setBy {\n        id\n        displayName\n      }\n    }\n    visits {\n      id\n      number\n      at\n      attended\n      painScore\n      notes\n      overBudget\n      shortTermGoalsMet\n      techniquesUsed\n      rangeOfMotion {\n        ...RangeOfMotion\n      }\n    }\n    progress {\n      attendedVisits\n      missedVisits\n      plannedVisits\n      firstPainScore\n      latestPainScore\n      goals {\n        position\n        description\n        targetVisit\n        met\n        metAtVisit\n      }\n      measures {\n        joint\n        movement\n        side\n        firstDegrees\n        latestDegrees\n        expectedDegrees\n        changeDegrees\n        towardExpected\n      }\n    }\n    reports {\n      id\n      number\n      writtenAt\n      trigger\n      comments\n      writtenBy {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Episode($id: ID!) {\n    referral(id: $id) {\n      ...EpisodeDetail\n    }\n  }\n"): (typeof documents)["\n  query Episode($id: ID!) {\n    referral(id: $id) {\n      ...EpisodeDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTreatmentPlan($input: SetTreatmentPlanInput!) {\n    setTreatmentPlan(input: $input) {\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation SetTreatmentPlan($input: SetTreatmentPlanInput!) {\n    setTreatmentPlan(input: $input) {\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordVisit($input: RecordVisitInput!) {\n    recordVisit(input: $input) {\n      id\n      number\n    }\n  }\n"): (typeof documents)["\n  mutation RecordVisit($input: RecordVisitInput!) {\n    recordVisit(input: $input) {\n      id\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendProgressReport($input: SendProgressReportInput!) {\n    sendProgressReport(input: $input) {\n      id\n      number\n    }\n  }\n"): (typeof documents)["\n  mutation SendProgressReport($input: SendProgressReportInput!) {\n    sendProgressReport(input: $input) {\n      id\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReferOnward($input: ReferOnwardInput!) {\n    referOnward(input: $input) {\n      id\n      reference\n    }\n  }\n"): (typeof documents)["\n  mutation ReferOnward($input: ReferOnwardInput!) {\n    referOnward(input: $input) {\n      id\n      reference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RangeOfMotion on RangeOfMotionFinding {\n    joint\n    movement\n    side\n    measuredDegrees\n    expectedDegrees\n    painScore\n  }\n"): (typeof documents)["\n  fragment RangeOfMotion on RangeOfMotionFinding {\n    joint\n    movement\n    side\n    measuredDegrees\n    expectedDegrees\n    painScore\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReferralDetail on Referral {\n    id\n    reference\n    version\n    status\n    priority\n    modality\n    reason\n    redFlags\n    consentToShare\n    conditions\n    techniques\n    recommendedVisits\n    visitsPerWeek\n    dueAt\n    sentAt\n    respondedAt\n    appointmentAt\n    treatmentStartedAt\n    completedAt\n    loopClosedAt\n    cancelledAt\n    cancelReason\n    declineReason\n    declineNote\n    createdAt\n    updatedAt\n    availableActions\n    workActions\n    # Here as well as in the episode's query: every answer that moves the referral carries it, so\n    # the episode's buttons follow the status without a second request.\n    availableEpisodeActions\n    progress {\n      attendedVisits\n    }\n    patient {\n      id\n      firstName\n      lastName\n      dateOfBirth\n      email\n      phone\n      emailConsent\n    }\n    referringClinic {\n      id\n      name\n      timeZone\n    }\n    referringUser {\n      id\n      displayName\n    }\n    referringProvider {\n      id\n      displayName\n    }\n    toClinic {\n      id\n      name\n    }\n    toProvider {\n      id\n      displayName\n    }\n    pool {\n      radiusKm\n    }\n    assessment {\n      postureNotes\n      rangeOfMotion {\n        ...RangeOfMotion\n      }\n    }\n    goals {\n      longTerm\n      shortTerm\n    }\n    outcome {\n      summary\n      goalsMet\n      visitsUsed\n      finalRangeOfMotion {\n        ...RangeOfMotion\n      }\n      shortTermGoals {\n        position\n        description\n        attainment\n        note\n      }\n      recommendations {\n        text\n        suggestedModality\n      }\n    }\n    treatmentPlan {\n      version\n      longTermGoal\n      plannedVisits\n      visitsPerWeek\n      techniques\n      setAt\n      shortTermGoals {\n        description\n        measure\n        targetVisit\n      }\n    }\n    events {\n      id\n      type\n      at\n      fromStatus\n      toStatus\n      reason\n      actor {\n        id\n        displayName\n      }\n    }\n    redirectedFrom {\n      id\n      reference\n    }\n    redirectedTo {\n      id\n      reference\n    }\n    onwardFrom {\n      id\n      reference\n    }\n    onwardReferrals {\n      id\n      reference\n      status\n      modality\n      toProvider {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ReferralDetail on Referral {\n    id\n    reference\n    version\n    status\n    priority\n    modality\n    reason\n    redFlags\n    consentToShare\n    conditions\n    techniques\n    recommendedVisits\n    visitsPerWeek\n    dueAt\n    sentAt\n    respondedAt\n    appointmentAt\n    treatmentStartedAt\n    completedAt\n    loopClosedAt\n    cancelledAt\n    cancelReason\n    declineReason\n    declineNote\n    createdAt\n    updatedAt\n    availableActions\n    workActions\n    # Here as well as in the episode's query: every answer that moves the referral carries it, so\n    # the episode's buttons follow the status without a second request.\n    availableEpisodeActions\n    progress {\n      attendedVisits\n    }\n    patient {\n      id\n      firstName\n      lastName\n      dateOfBirth\n      email\n      phone\n      emailConsent\n    }\n    referringClinic {\n      id\n      name\n      timeZone\n    }\n    referringUser {\n      id\n      displayName\n    }\n    referringProvider {\n      id\n      displayName\n    }\n    toClinic {\n      id\n      name\n    }\n    toProvider {\n      id\n      displayName\n    }\n    pool {\n      radiusKm\n    }\n    assessment {\n      postureNotes\n      rangeOfMotion {\n        ...RangeOfMotion\n      }\n    }\n    goals {\n      longTerm\n      shortTerm\n    }\n    outcome {\n      summary\n      goalsMet\n      visitsUsed\n      finalRangeOfMotion {\n        ...RangeOfMotion\n      }\n      shortTermGoals {\n        position\n        description\n        attainment\n        note\n      }\n      recommendations {\n        text\n        suggestedModality\n      }\n    }\n    treatmentPlan {\n      version\n      longTermGoal\n      plannedVisits\n      visitsPerWeek\n      techniques\n      setAt\n      shortTermGoals {\n        description\n        measure\n        targetVisit\n      }\n    }\n    events {\n      id\n      type\n      at\n      fromStatus\n      toStatus\n      reason\n      actor {\n        id\n        displayName\n      }\n    }\n    redirectedFrom {\n      id\n      reference\n    }\n    redirectedTo {\n      id\n      reference\n    }\n    onwardFrom {\n      id\n      reference\n    }\n    onwardReferrals {\n      id\n      reference\n      status\n      modality\n      toProvider {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  query Referral($id: ID!) {\n    referral(id: $id) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReferralPageUpdates($ids: [ID!]!) {\n    referralUpdated(filter: { ids: $ids }) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  subscription ReferralPageUpdates($ids: [ID!]!) {\n    referralUpdated(filter: { ids: $ids }) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuggestedProviders($id: ID!) {\n    referral(id: $id) {\n      id\n      suggestedProviders(first: 5) {\n        distanceKm\n        score\n        reasons\n        provider {\n          id\n          displayName\n          city\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SuggestedProviders($id: ID!) {\n    referral(id: $id) {\n      id\n      suggestedProviders(first: 5) {\n        distanceKm\n        score\n        reasons\n        provider {\n          id\n          displayName\n          city\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendReferral($input: SendReferralInput!) {\n    sendReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  mutation SendReferral($input: SendReferralInput!) {\n    sendReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineReferral($input: DeclineReferralInput!) {\n    declineReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestReferralInfo($input: RequestReferralInfoInput!) {\n    requestReferralInfo(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  mutation RequestReferralInfo($input: RequestReferralInfoInput!) {\n    requestReferralInfo(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProvideReferralInfo($input: ProvideReferralInfoInput!) {\n    provideReferralInfo(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  mutation ProvideReferralInfo($input: ProvideReferralInfoInput!) {\n    provideReferralInfo(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleReferral($input: ScheduleReferralInput!) {\n    scheduleReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleReferral($input: ScheduleReferralInput!) {\n    scheduleReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartReferralTreatment($input: StartReferralTreatmentInput!) {\n    startReferralTreatment(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  mutation StartReferralTreatment($input: StartReferralTreatmentInput!) {\n    startReferralTreatment(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelReferral($input: CancelReferralInput!) {\n    cancelReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CancelReferral($input: CancelReferralInput!) {\n    cancelReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedirectReferral($input: RedirectReferralInput!) {\n    redirectReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  mutation RedirectReferral($input: RedirectReferralInput!) {\n    redirectReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteReferral($input: CompleteReferralInput!) {\n    completeReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteReferral($input: CompleteReferralInput!) {\n    completeReferral(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeReferralOutcome($input: AcknowledgeReferralOutcomeInput!) {\n    acknowledgeReferralOutcome(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeReferralOutcome($input: AcknowledgeReferralOutcomeInput!) {\n    acknowledgeReferralOutcome(input: $input) {\n      ...ReferralDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffUserFields on User {\n    id\n    email\n    displayName\n    role\n    clinicId\n    status\n    disabled\n    createdAt\n    twoFactorEnabled\n    clinic {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment StaffUserFields on User {\n    id\n    email\n    displayName\n    role\n    clinicId\n    status\n    disabled\n    createdAt\n    twoFactorEnabled\n    clinic {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffList($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...StaffUserFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaffList($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...StaffUserFields\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffInvite($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation StaffInvite($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffResendInvitation($input: InvitedUserInput!) {\n    resendInvitation(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation StaffResendInvitation($input: InvitedUserInput!) {\n    resendInvitation(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffWithdrawInvitation($input: InvitedUserInput!) {\n    revokeInvitation(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation StaffWithdrawInvitation($input: InvitedUserInput!) {\n    revokeInvitation(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffChangeRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation StaffChangeRole($input: ChangeUserRoleInput!) {\n    changeUserRole(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffDisable($input: DisableUserInput!) {\n    disableUser(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation StaffDisable($input: DisableUserInput!) {\n    disableUser(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffEnable($input: EnableUserInput!) {\n    enableUser(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation StaffEnable($input: EnableUserInput!) {\n    enableUser(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffResetTwoFactor($input: ResetTwoFactorInput!) {\n    resetTwoFactor(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation StaffResetTwoFactor($input: ResetTwoFactorInput!) {\n    resetTwoFactor(input: $input) {\n      ...StaffUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffClinicSettings($id: ID!) {\n    clinic(id: $id) {\n      id\n      name\n      requireTwoFactor\n    }\n    me {\n      id\n      twoFactorEnabled\n    }\n  }\n"): (typeof documents)["\n  query StaffClinicSettings($id: ID!) {\n    clinic(id: $id) {\n      id\n      name\n      requireTwoFactor\n    }\n    me {\n      id\n      twoFactorEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffRequireTwoFactor($input: UpdateClinicInput!) {\n    updateClinic(input: $input) {\n      __typename\n      id\n      requireTwoFactor\n    }\n  }\n"): (typeof documents)["\n  mutation StaffRequireTwoFactor($input: UpdateClinicInput!) {\n    updateClinic(input: $input) {\n      __typename\n      id\n      requireTwoFactor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatsPageReferralStats($input: ReferralStatsInput!) {\n    referralStats(input: $input) {\n      from\n      to\n      total\n      accepted\n      declined\n      expired\n      completed\n      leaked\n      loopsClosed\n      acceptanceRate\n      completionRate\n      leakageRate\n      loopClosedRate\n      goalsMetShare\n      shortTermGoalsMetShare\n      meanVisitsUsed\n      meanVisitsPlanned\n      timeToAcceptHours {\n        measured\n        median\n        p90\n      }\n      timeToFirstVisitHours {\n        measured\n        median\n        p90\n      }\n      byStatus {\n        status\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query StatsPageReferralStats($input: ReferralStatsInput!) {\n    referralStats(input: $input) {\n      from\n      to\n      total\n      accepted\n      declined\n      expired\n      completed\n      leaked\n      loopsClosed\n      acceptanceRate\n      completionRate\n      leakageRate\n      loopClosedRate\n      goalsMetShare\n      shortTermGoalsMetShare\n      meanVisitsUsed\n      meanVisitsPlanned\n      timeToAcceptHours {\n        measured\n        median\n        p90\n      }\n      timeToFirstVisitHours {\n        measured\n        median\n        p90\n      }\n      byStatus {\n        status\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    expiresAt\n    mustEnrolTwoFactor\n    twoFactorChallenge {\n      token\n      expiresAt\n    }\n    user {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  fragment AuthPayloadFields on AuthPayload {\n    accessToken\n    expiresAt\n    mustEnrolTwoFactor\n    twoFactorChallenge {\n      token\n      expiresAt\n    }\n    user {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: LoginInput!) {\n    signIn(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: LoginInput!) {\n    signIn(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountLink($token: String!) {\n    accountLink(token: $token) {\n      state\n      kind\n      problem\n      email\n      displayName\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query AccountLink($token: String!) {\n    accountLink(token: $token) {\n      state\n      kind\n      problem\n      email\n      displayName\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: LinkPasswordInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: LinkPasswordInput!) {\n    acceptInvitation(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: LinkPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: LinkPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifySignInCode($input: SignInCodeInput!) {\n    verifySignInCode(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"): (typeof documents)["\n  mutation VerifySignInCode($input: SignInCodeInput!) {\n    verifySignInCode(input: $input) {\n      ...AuthPayloadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TwoFactorStatus {\n    twoFactorStatus {\n      enabled\n      required\n      recoveryCodesLeft\n    }\n  }\n"): (typeof documents)["\n  query TwoFactorStatus {\n    twoFactorStatus {\n      enabled\n      required\n      recoveryCodesLeft\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment {\n      otpauthUri\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation BeginTotpEnrolment {\n    beginTotpEnrolment {\n      otpauthUri\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotpEnrolment($input: ConfirmTotpEnrolmentInput!) {\n    confirmTotpEnrolment(input: $input) {\n      codes\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmTotpEnrolment($input: ConfirmTotpEnrolmentInput!) {\n    confirmTotpEnrolment(input: $input) {\n      codes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTwoFactor($input: RemoveTwoFactorInput!) {\n    removeTwoFactor(input: $input)\n  }\n"): (typeof documents)["\n  mutation RemoveTwoFactor($input: RemoveTwoFactorInput!) {\n    removeTwoFactor(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"): (typeof documents)["\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;