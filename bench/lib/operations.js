'use strict';
/** The GraphQL documents the benchmark sends, the referral it creates and the patient it is for. */

const { boolEnv } = require('./util');

/** The password of every user the seeding creates. */
const PASSWORD = 'bench-password-correct-horse-42';

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
const INBOX_WITH_COUNT = boolEnv('BENCH_INBOX_COUNT');
const INBOX = `query inbox {
  referrals(filter: { direction: INBOUND }, first: 20) {
    ${INBOX_WITH_COUNT ? 'totalCount' : ''}
    edges { node { id reference status priority patient { firstName lastName } toProvider { displayName } availableActions } }
    pageInfo { endCursor hasNextPage }
  }
}`;

/**
 * Logs in as the bootstrap `admin`: `login(email, password)`, `as(token)(mutation, input)` and
 * `asAdmin(mutation, input)` send through `gateway`.
 */
async function apiSession(gateway, admin) {
  const login = async (email, password) => (await gateway.request(LOGIN, { input: { email, password } })).login;
  const adminToken = (await login(admin.email, admin.password)).accessToken;
  const as = (token) => (query, input) => gateway.request(query, { input }, token);
  return { login, as, asAdmin: as(adminToken) };
}

/** The patient the seeded referrals are for, at `clinicId`. */
function patientInput(clinicId) {
  return {
    clinicId,
    firstName: 'Jordan',
    lastName: 'Rivera',
    email: 'jordan.rivera@bench.example',
    dateOfBirth: '1984-05-17',
    phone: '+1 312 555 0199',
    emailConsent: true,
  };
}

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

module.exports = {
  PASSWORD,
  INBOX_WITH_COUNT,
  LOGIN,
  CREATE_CLINIC,
  CREATE_USER,
  CREATE_PROVIDER,
  CREATE_PATIENT,
  CREATE_REFERRAL,
  INBOX,
  apiSession,
  patientInput,
  referralInput,
};
