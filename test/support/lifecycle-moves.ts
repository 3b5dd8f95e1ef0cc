import { appointmentIn, outcomeInput } from './inputs';
import type { LifecycleMutation } from './operations';
import type { ReachableState } from './world';

/**
 * The lifecycle as a table: every move of an existing referral, the party that may make it and
 * the statuses it may be made from. The illegal-transition tests (over HTTP and on the services)
 * try each move from every other reachable status.
 */
export type Party = 'coordinatorA' | 'targetProvider';

export interface Move {
  mutation: Exclude<LifecycleMutation, 'createReferral'>;
  party: Party;
  allowedFrom: ReachableState[];
  /** The mutation's input, as the API takes it (`alternateProviderId`: another provider at the receiving clinic). */
  input: (referral: { id: string }, alternateProviderId: string) => Record<string, unknown>;
}

export const MOVES: Move[] = [
  { mutation: 'sendReferral', party: 'coordinatorA', allowedFrom: ['DRAFT'], input: (r) => ({ id: r.id }) },
  { mutation: 'updateReferral', party: 'coordinatorA', allowedFrom: ['DRAFT'], input: (r) => ({ id: r.id, reason: 'Edited reason for referral' }) },
  { mutation: 'provideReferralInfo', party: 'coordinatorA', allowedFrom: ['ON_HOLD'], input: (r) => ({ id: r.id, answer: 'No imaging.' }) },
  { mutation: 'redirectReferral', party: 'coordinatorA', allowedFrom: ['DECLINED'], input: (r, alternate) => ({ id: r.id, toProviderId: alternate }) },
  {
    mutation: 'cancelReferral',
    party: 'coordinatorA',
    allowedFrom: ['DRAFT', 'SENT', 'ON_HOLD', 'ACCEPTED', 'SCHEDULED', 'IN_TREATMENT'],
    input: (r) => ({ id: r.id, reason: 'Patient withdrew' }),
  },
  { mutation: 'acknowledgeReferralOutcome', party: 'coordinatorA', allowedFrom: ['COMPLETED'], input: (r) => ({ id: r.id }) },
  { mutation: 'requestReferralInfo', party: 'targetProvider', allowedFrom: ['SENT'], input: (r) => ({ id: r.id, question: 'Imaging?' }) },
  { mutation: 'acceptReferral', party: 'targetProvider', allowedFrom: ['SENT'], input: (r) => ({ id: r.id }) },
  { mutation: 'declineReferral', party: 'targetProvider', allowedFrom: ['SENT', 'ON_HOLD'], input: (r) => ({ id: r.id, reason: 'NO_CAPACITY' }) },
  { mutation: 'scheduleReferral', party: 'targetProvider', allowedFrom: ['ACCEPTED', 'SCHEDULED'], input: (r) => ({ id: r.id, appointmentAt: appointmentIn(7) }) },
  { mutation: 'startReferralTreatment', party: 'targetProvider', allowedFrom: ['SCHEDULED'], input: (r) => ({ id: r.id }) },
  { mutation: 'completeReferral', party: 'targetProvider', allowedFrom: ['IN_TREATMENT'], input: (r) => ({ id: r.id, outcome: outcomeInput() }) },
  {
    mutation: 'cancelReferral',
    party: 'targetProvider',
    allowedFrom: ['ACCEPTED', 'SCHEDULED', 'IN_TREATMENT'],
    input: (r) => ({ id: r.id, reason: 'Patient withdrew' }),
  },
];

export const STATES: ReachableState[] = ['DRAFT', 'SENT', 'ON_HOLD', 'ACCEPTED', 'DECLINED', 'SCHEDULED', 'IN_TREATMENT', 'COMPLETED', 'LOOP_CLOSED', 'CANCELLED'];

export interface IllegalMove extends Move {
  state: ReachableState;
  expected: 'NOT_FOUND' | 'INVALID_TRANSITION';
}

/** Every move from every reachable status it is not allowed from, with the error it must get. */
export const ILLEGAL_MOVES: IllegalMove[] = MOVES.flatMap((move) =>
  STATES.filter((state) => !move.allowedFrom.includes(state)).map((state) => ({
    ...move,
    state,
    // The receiving side never sees a draft: to it, the referral does not exist.
    expected: move.party === 'targetProvider' && state === 'DRAFT' ? ('NOT_FOUND' as const) : ('INVALID_TRANSITION' as const),
  })),
);

/** Visible, but not this side's action: each must be FORBIDDEN and change nothing. */
export const NOT_YOUR_SIDE: Array<[label: string, party: Party | 'coordinatorB', mutation: Move['mutation'], state: ReachableState, input: Move['input']]> = [
  ["the referrer's coordinator accepting", 'coordinatorA', 'acceptReferral', 'SENT', (r) => ({ id: r.id })],
  ["the referrer's coordinator scheduling", 'coordinatorA', 'scheduleReferral', 'ACCEPTED', (r) => ({ id: r.id, appointmentAt: appointmentIn(2) })],
  ["the receiver's coordinator starting treatment", 'coordinatorB', 'startReferralTreatment', 'SCHEDULED', (r) => ({ id: r.id })],
  ["the receiver's coordinator completing", 'coordinatorB', 'completeReferral', 'IN_TREATMENT', (r) => ({ id: r.id, outcome: outcomeInput() })],
  ['the target provider sending', 'targetProvider', 'sendReferral', 'SENT', (r) => ({ id: r.id })],
  ['the target provider acknowledging the outcome', 'targetProvider', 'acknowledgeReferralOutcome', 'COMPLETED', (r) => ({ id: r.id })],
  ["the receiver's coordinator redirecting", 'coordinatorB', 'redirectReferral', 'DECLINED', (r, alternate) => ({ id: r.id, toProviderId: alternate })],
  ["the receiver's coordinator answering an info request", 'coordinatorB', 'provideReferralInfo', 'ON_HOLD', (r) => ({ id: r.id, answer: 'x-ray clean' })],
];
