'use strict';
/**
 * The GraphQL documents of the mixed-load benchmark: each one the selection the web app sends
 * for the same screen or button (apps/web/src: pages/inbox/inbox-queries.ts,
 * pages/referral/referral-queries.ts, pages/referral/episode/episode-queries.ts,
 * pages/new-referral/new-referral-queries.ts, components/provider-picker.tsx), written out
 * here because the harness is plain JavaScript. Keep them in step with the web app.
 */

const RANGE_OF_MOTION = `fragment RangeOfMotion on RangeOfMotionFinding { joint movement side measuredDegrees expectedDegrees painScore }`;

const INBOX_ROW = `fragment InboxRow on Referral {
  id reference status priority modality dueAt updatedAt appointmentAt availableActions workActions version
  patient { id firstName lastName }
  referringClinic { id name }
  toClinic { id name }
  toProvider { id displayName }
}`;

/** One of the two lists of the inbox page (needsAction true, then false), 20 rows, with totalCount. */
const INBOX = `query Inbox($filter: ReferralFilter, $first: Int, $after: String) {
  referrals(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { ...InboxRow } }
    pageInfo { endCursor hasNextPage }
  }
}
${INBOX_ROW}`;

const REFERRAL_DETAIL = `fragment ReferralDetail on Referral {
  id reference version status priority modality reason redFlags consentToShare conditions techniques
  recommendedVisits visitsPerWeek dueAt sentAt respondedAt appointmentAt treatmentStartedAt completedAt
  loopClosedAt cancelledAt cancelReason declineReason declineNote createdAt updatedAt
  availableActions workActions availableEpisodeActions
  progress { attendedVisits }
  patient { id firstName lastName dateOfBirth email phone emailConsent }
  referringClinic { id name timeZone }
  referringUser { id displayName }
  referringProvider { id displayName }
  toClinic { id name }
  toProvider { id displayName }
  pool { radiusKm }
  assessment { postureNotes rangeOfMotion { ...RangeOfMotion } }
  goals { longTerm shortTerm }
  outcome {
    summary goalsMet visitsUsed
    finalRangeOfMotion { ...RangeOfMotion }
    shortTermGoals { position description attainment note }
    recommendations { text suggestedModality }
  }
  treatmentPlan { version longTermGoal plannedVisits visitsPerWeek techniques setAt shortTermGoals { description measure targetVisit } }
  events { id type at fromStatus toStatus reason actor { id displayName } }
  redirectedFrom { id reference }
  redirectedTo { id reference }
  onwardFrom { id reference }
  onwardReferrals { id reference status modality toProvider { id displayName } }
}
${RANGE_OF_MOTION}`;

/** The referral page. */
const REFERRAL = `query Referral($id: ID!) { referral(id: $id) { ...ReferralDetail } }
${REFERRAL_DETAIL}`;

/** The referral page's buttons answer with the whole page, which then updates from the answer. */
const move = (operation, field, inputType) =>
  `mutation ${operation}($input: ${inputType}!) { ${field}(input: $input) { ...ReferralDetail } }
${REFERRAL_DETAIL}`;
const ACCEPT = move('AcceptReferral', 'acceptReferral', 'AcceptReferralInput');
const SCHEDULE = move('ScheduleReferral', 'scheduleReferral', 'ScheduleReferralInput');
const START_TREATMENT = move('StartReferralTreatment', 'startReferralTreatment', 'StartReferralTreatmentInput');

const SET_TREATMENT_PLAN = `mutation SetTreatmentPlan($input: SetTreatmentPlanInput!) { setTreatmentPlan(input: $input) { version } }`;
const RECORD_VISIT = `mutation RecordVisit($input: RecordVisitInput!) { recordVisit(input: $input) { id number } }`;
const CREATE_REFERRAL = `mutation CreateReferral($input: CreateReferralInput!) { createReferral(input: $input) { id reference status } }`;

/** The provider picker of the new-referral form. */
const MATCH_PROVIDERS = `query MatchProviders($input: MatchProvidersInput!) {
  matchProviders(input: $input) { distanceKm score reasons provider { id displayName city } }
}`;

const LOGIN = `mutation login($input: LoginInput!) { login(input: $input) { accessToken user { id role clinicId } } }`;

module.exports = { INBOX, REFERRAL, ACCEPT, SCHEDULE, START_TREATMENT, SET_TREATMENT_PLAN, RECORD_VISIT, CREATE_REFERRAL, MATCH_PROVIDERS, LOGIN };
