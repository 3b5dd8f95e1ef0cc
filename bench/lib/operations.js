'use strict';
/** The GraphQL documents the benchmark sends, and the referral it creates. */

const LOGIN = `mutation login($input: LoginInput!) {
  login(input: $input) { accessToken user { id role clinicId } }
}`;

const CREATE_CLINIC = `mutation createClinic($input: CreateClinicInput!) { createClinic(input: $input) { id } }`;
const CREATE_USER = `mutation createUser($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const CREATE_PROVIDER = `mutation createProvider($input: CreateProviderInput!) { createProvider(input: $input) { id } }`;
const CREATE_PATIENT = `mutation createPatient($input: CreatePatientInput!) { createPatient(input: $input) { id } }`;

/** What a client shows right after sending: the new referral's identity and what it may do next. */
const CREATE_REFERRAL = `mutation createReferral($input: CreateReferralInput!) {
  createReferral(input: $input) { id reference status version sentAt dueAt availableActions }
}`;

/** The receiving clinic's inbox, first page. */
/**
 * One inbox page as a client pages through it. BENCH_INBOX_COUNT=1 also asks for totalCount,
 * which costs a count over the whole inbox (index-only, but proportional to its size).
 */
const INBOX_WITH_COUNT = ['1', 'true', 'yes'].includes(String(process.env.BENCH_INBOX_COUNT ?? '').trim().toLowerCase());
const INBOX = `query inbox {
  referrals(filter: { direction: INBOUND }, first: 20) {
    ${INBOX_WITH_COUNT ? 'totalCount' : ''}
    edges { node { id reference status priority patient { firstName lastName } toProvider { displayName } availableActions } }
    pageInfo { endCursor hasNextPage }
  }
}`;

/** Full clinical content, as a physiotherapy referral for a shoulder would carry. */
function referralInput({ patientId, toProviderId, idempotencyKey }) {
  return {
    patientId,
    toProviderId,
    modality: 'PHYSICAL_THERAPY',
    conditions: ['SHOULDER_PAIN', 'POSTURAL_IMBALANCE', 'TENDINOPATHY'],
    techniques: ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY', 'KINESIO_TAPING'],
    priority: 'ROUTINE',
    reason:
      'Right rotator cuff tendinopathy with painful arc after six weeks of massage therapy; ' +
      'plateaued, needs progressive loading and scapular control work.',
    assessment: {
      postureNotes: 'Forward head posture, protracted right scapula, thoracic kyphosis increased; painful arc 70-120 degrees.',
      rangeOfMotion: [
        { joint: 'shoulder', movement: 'flexion', side: 'RIGHT', measuredDegrees: 135, expectedDegrees: 180, painScore: 5 },
        { joint: 'shoulder', movement: 'abduction', side: 'RIGHT', measuredDegrees: 110, expectedDegrees: 180, painScore: 6 },
        { joint: 'shoulder', movement: 'external rotation', side: 'RIGHT', measuredDegrees: 55, expectedDegrees: 90, painScore: 3 },
        { joint: 'cervical spine', movement: 'rotation', side: 'BILATERAL', measuredDegrees: 65, expectedDegrees: 80, painScore: 1 },
      ],
    },
    goals: {
      longTerm: 'Pain-free overhead reaching and return to recreational swimming within 8 weeks.',
      shortTerm: ['Flexion to 160 degrees by visit 4', 'Pain at most 2/10 on daily tasks', 'Independent home exercise programme'],
    },
    recommendedVisits: 8,
    visitsPerWeek: 2,
    redFlags: 'None reported; no night pain, no neurological signs.',
    consentToShare: true,
    idempotencyKey,
    send: true,
  };
}

module.exports = { INBOX_WITH_COUNT, LOGIN, CREATE_CLINIC, CREATE_USER, CREATE_PROVIDER, CREATE_PATIENT, CREATE_REFERRAL, INBOX, referralInput };
