import { graphql } from '../../gql';

graphql(`
  fragment RangeOfMotion on RangeOfMotionFinding {
    joint
    movement
    side
    measuredDegrees
    expectedDegrees
    painScore
  }
`);

/** Everything the referral page shows; mutations answer with it too, so the page updates from their answer. */
graphql(`
  fragment ReferralDetail on Referral {
    id
    reference
    version
    status
    priority
    modality
    reason
    redFlags
    consentToShare
    conditions
    techniques
    recommendedVisits
    visitsPerWeek
    dueAt
    sentAt
    respondedAt
    appointmentAt
    treatmentStartedAt
    completedAt
    loopClosedAt
    cancelledAt
    cancelReason
    declineReason
    declineNote
    createdAt
    updatedAt
    availableActions
    workActions
    # Here as well as in the episode's query: every answer that moves the referral carries it, so
    # the episode's buttons follow the status without a second request.
    availableEpisodeActions
    progress {
      attendedVisits
    }
    patient {
      id
      firstName
      lastName
      dateOfBirth
      email
      phone
      emailConsent
    }
    referringClinic {
      id
      name
      timeZone
    }
    referringUser {
      id
      displayName
    }
    referringProvider {
      id
      displayName
    }
    toClinic {
      id
      name
    }
    toProvider {
      id
      displayName
    }
    pool {
      radiusKm
    }
    assessment {
      postureNotes
      rangeOfMotion {
        ...RangeOfMotion
      }
    }
    goals {
      longTerm
      shortTerm
    }
    outcome {
      summary
      goalsMet
      visitsUsed
      finalRangeOfMotion {
        ...RangeOfMotion
      }
      shortTermGoals {
        position
        description
        attainment
        note
      }
      recommendations {
        text
        suggestedModality
      }
    }
    treatmentPlan {
      version
      longTermGoal
      plannedVisits
      visitsPerWeek
      techniques
      setAt
      shortTermGoals {
        description
        measure
        targetVisit
      }
    }
    events {
      id
      type
      at
      fromStatus
      toStatus
      reason
      actor {
        id
        displayName
      }
    }
    redirectedFrom {
      id
      reference
    }
    redirectedTo {
      id
      reference
    }
    onwardFrom {
      id
      reference
    }
    onwardReferrals {
      id
      reference
      status
      modality
      toProvider {
        id
        displayName
      }
    }
  }
`);

export const REFERRAL = graphql(`
  query Referral($id: ID!) {
    referral(id: $id) {
      ...ReferralDetail
    }
  }
`);

export const REFERRAL_UPDATES = graphql(`
  subscription ReferralPageUpdates($ids: [ID!]!) {
    referralUpdated(filter: { ids: $ids }) {
      ...ReferralDetail
    }
  }
`);

export const SUGGESTED_PROVIDERS = graphql(`
  query SuggestedProviders($id: ID!) {
    referral(id: $id) {
      id
      suggestedProviders(first: 5) {
        distanceKm
        score
        reasons
        provider {
          id
          displayName
          city
        }
      }
    }
  }
`);

export const SEND = graphql(`
  mutation SendReferral($input: SendReferralInput!) {
    sendReferral(input: $input) {
      ...ReferralDetail
    }
  }
`);
export const ACCEPT = graphql(`
  mutation AcceptReferral($input: AcceptReferralInput!) {
    acceptReferral(input: $input) {
      ...ReferralDetail
    }
  }
`);
export const DECLINE = graphql(`
  mutation DeclineReferral($input: DeclineReferralInput!) {
    declineReferral(input: $input) {
      ...ReferralDetail
    }
  }
`);
export const REQUEST_INFO = graphql(`
  mutation RequestReferralInfo($input: RequestReferralInfoInput!) {
    requestReferralInfo(input: $input) {
      ...ReferralDetail
    }
  }
`);
export const PROVIDE_INFO = graphql(`
  mutation ProvideReferralInfo($input: ProvideReferralInfoInput!) {
    provideReferralInfo(input: $input) {
      ...ReferralDetail
    }
  }
`);
export const SCHEDULE = graphql(`
  mutation ScheduleReferral($input: ScheduleReferralInput!) {
    scheduleReferral(input: $input) {
      ...ReferralDetail
    }
  }
`);
export const START_TREATMENT = graphql(`
  mutation StartReferralTreatment($input: StartReferralTreatmentInput!) {
    startReferralTreatment(input: $input) {
      ...ReferralDetail
    }
  }
`);
export const CANCEL = graphql(`
  mutation CancelReferral($input: CancelReferralInput!) {
    cancelReferral(input: $input) {
      ...ReferralDetail
    }
  }
`);
export const REDIRECT = graphql(`
  mutation RedirectReferral($input: RedirectReferralInput!) {
    redirectReferral(input: $input) {
      ...ReferralDetail
    }
  }
`);
export const COMPLETE = graphql(`
  mutation CompleteReferral($input: CompleteReferralInput!) {
    completeReferral(input: $input) {
      ...ReferralDetail
    }
  }
`);
export const ACKNOWLEDGE = graphql(`
  mutation AcknowledgeReferralOutcome($input: AcknowledgeReferralOutcomeInput!) {
    acknowledgeReferralOutcome(input: $input) {
      ...ReferralDetail
    }
  }
`);
