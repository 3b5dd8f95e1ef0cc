import { randomUUID } from 'node:crypto';
import { GraphqlClient } from './support/graphql-client';
import { Referral, appointmentIn, outcomeInput, readReferral, runReferralMutation } from './support/fixtures';
import { expectGraphqlError } from './support/expectations';
import { LifecycleMutation, referralMutation } from './support/operations';
import { useWorld } from './support/file-setup';
import { ReachableState, World, referralIn } from './support/world';

/**
 * Every lifecycle mutation, attempted by the party that may take it, from every reachable
 * state where the lifecycle does not allow it. Each must answer INVALID_TRANSITION (or
 * NOT_FOUND where the party cannot see the referral at all) and change nothing.
 */
type Party = 'coordinatorA' | 'targetProvider';

interface Move {
  mutation: LifecycleMutation;
  party: Party;
  allowedFrom: ReachableState[];
  input: (referral: Referral, world: World) => Record<string, unknown>;
}

const MOVES: Move[] = [
  { mutation: 'sendReferral', party: 'coordinatorA', allowedFrom: ['DRAFT'], input: (r) => ({ id: r.id }) },
  { mutation: 'updateReferral', party: 'coordinatorA', allowedFrom: ['DRAFT'], input: (r) => ({ id: r.id, reason: 'Edited reason for referral' }) },
  { mutation: 'provideReferralInfo', party: 'coordinatorA', allowedFrom: ['ON_HOLD'], input: (r) => ({ id: r.id, answer: 'No imaging.' }) },
  {
    mutation: 'redirectReferral',
    party: 'coordinatorA',
    allowedFrom: ['DECLINED'],
    input: (r, w) => ({ id: r.id, toProviderId: w.alternateProvider.providerId }),
  },
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
  {
    mutation: 'scheduleReferral',
    party: 'targetProvider',
    allowedFrom: ['ACCEPTED', 'SCHEDULED'],
    input: (r) => ({ id: r.id, appointmentAt: appointmentIn(7) }),
  },
  { mutation: 'startReferralTreatment', party: 'targetProvider', allowedFrom: ['SCHEDULED'], input: (r) => ({ id: r.id }) },
  { mutation: 'completeReferral', party: 'targetProvider', allowedFrom: ['IN_TREATMENT'], input: (r) => ({ id: r.id, outcome: outcomeInput() }) },
  {
    mutation: 'cancelReferral',
    party: 'targetProvider',
    allowedFrom: ['ACCEPTED', 'SCHEDULED', 'IN_TREATMENT'],
    input: (r) => ({ id: r.id, reason: 'Patient withdrew' }),
  },
];

const STATES: ReachableState[] = ['DRAFT', 'SENT', 'ON_HOLD', 'ACCEPTED', 'DECLINED', 'SCHEDULED', 'IN_TREATMENT', 'COMPLETED', 'LOOP_CLOSED', 'CANCELLED'];

const CASES = MOVES.flatMap((move) =>
  STATES.filter((state) => !move.allowedFrom.includes(state)).map((state) => ({
    ...move,
    state,
    // The receiving side never sees a draft: to it, the referral does not exist.
    expected: move.party === 'targetProvider' && state === 'DRAFT' ? 'NOT_FOUND' : 'INVALID_TRANSITION',
  })),
);

const snapshot = (r: Referral) => ({
  status: r.status,
  version: r.version,
  eventCount: r.events.length,
  loopClosedAt: r.loopClosedAt,
  appointmentAt: r.appointmentAt,
  declineReason: r.declineReason,
  reason: r.reason,
  redirectedTo: r.redirectedTo,
});

describe('referral lifecycle: illegal transitions', () => {
  const { world } = useWorld();
  /** One referral per state, reused while it is untouched (it should always be). */
  const byState = new Map<ReachableState, Referral>();

  const client = (party: Party | 'coordinatorB' | 'coordinatorC'): GraphqlClient => world[party].client;

  async function referralInState(state: ReachableState): Promise<Referral> {
    const cached = byState.get(state);
    if (cached) {
      const current = await readReferral(world.coordinatorA.client, cached.id);
      if (current.version === cached.version) return current;
    }
    const fresh = await referralIn(world, state);
    const current = await readReferral(world.coordinatorA.client, fresh.id);
    byState.set(state, current);
    return current;
  }

  it('covers every mutation of the contract', () => {
    const covered = new Set(MOVES.map((move) => move.mutation));
    expect([...covered].sort()).toEqual(
      [
        'acceptReferral',
        'acknowledgeReferralOutcome',
        'cancelReferral',
        'completeReferral',
        'declineReferral',
        'provideReferralInfo',
        'redirectReferral',
        'requestReferralInfo',
        'scheduleReferral',
        'sendReferral',
        'startReferralTreatment',
        'updateReferral',
      ].sort(),
    );
  });

  it.each(CASES.map((c) => [c.mutation, c.party, c.state, c.expected, c] as const))(
    '%s by %s on a %s referral → %s, nothing changes',
    async (_mutation, _party, state, expected, move) => {
      const before = await referralInState(state);
      const response = await client(move.party).request(referralMutation(move.mutation), {
        input: { ...move.input(before, world), expectedVersion: before.version },
      });
      expectGraphqlError(response, expected);
      const after = await readReferral(world.coordinatorA.client, before.id);
      expect(snapshot(after)).toEqual(snapshot(before));
    },
  );

  describe('FORBIDDEN: visible, but not this side’s action', () => {
    const forbidden: Array<[string, Party | 'coordinatorB', LifecycleMutation, ReachableState, (r: Referral, w: World) => Record<string, unknown>]> = [
      ["the referrer's coordinator accepting", 'coordinatorA', 'acceptReferral', 'SENT', (r) => ({ id: r.id })],
      ["the referrer's coordinator scheduling", 'coordinatorA', 'scheduleReferral', 'ACCEPTED', (r) => ({ id: r.id, appointmentAt: appointmentIn(2) })],
      ["the receiver's coordinator starting treatment", 'coordinatorB', 'startReferralTreatment', 'SCHEDULED', (r) => ({ id: r.id })],
      ["the receiver's coordinator completing", 'coordinatorB', 'completeReferral', 'IN_TREATMENT', (r) => ({ id: r.id, outcome: outcomeInput() })],
      ['the target provider sending', 'targetProvider', 'sendReferral', 'SENT', (r) => ({ id: r.id })],
      ['the target provider acknowledging the outcome', 'targetProvider', 'acknowledgeReferralOutcome', 'COMPLETED', (r) => ({ id: r.id })],
      ["the receiver's coordinator redirecting", 'coordinatorB', 'redirectReferral', 'DECLINED', (r, w) => ({ id: r.id, toProviderId: w.alternateProvider.providerId })],
      ["the receiver's coordinator answering an info request", 'coordinatorB', 'provideReferralInfo', 'ON_HOLD', (r) => ({ id: r.id, answer: 'x-ray clean' })],
    ];

    it.each(forbidden)('%s → FORBIDDEN, nothing changes', async (_label, party, mutation, state, input) => {
      const before = await referralInState(state);
      const response = await client(party).request(referralMutation(mutation), { input: input(before, world) });
      expectGraphqlError(response, 'FORBIDDEN');
      expect(snapshot(await readReferral(world.coordinatorA.client, before.id))).toEqual(snapshot(before));
    });
  });

  describe('the order of checks: BAD_USER_INPUT → NOT_FOUND → FORBIDDEN → INVALID_TRANSITION → CONFLICT', () => {
    it('bad input wins over an unknown referral', async () => {
      const response = await client('targetProvider').request(referralMutation('declineReferral'), {
        input: { id: randomUUID(), reason: 'OTHER' },
      });
      expectGraphqlError(response, 'BAD_USER_INPUT', 'input.note');
    });

    it('bad input wins over a referral the caller cannot see', async () => {
      const sent = await referralInState('SENT');
      const response = await client('coordinatorC').request(referralMutation('requestReferralInfo'), { input: { id: sent.id, question: '' } });
      expectGraphqlError(response, 'BAD_USER_INPUT', 'input.question');
    });

    it('not found wins over not your side', async () => {
      const scheduled = await referralInState('SCHEDULED');
      const response = await client('coordinatorC').request(referralMutation('startReferralTreatment'), { input: { id: scheduled.id } });
      expectGraphqlError(response, 'NOT_FOUND');
    });

    it('not your side wins over not from this status', async () => {
      const completed = await referralInState('COMPLETED');
      const response = await client('coordinatorA').request(referralMutation('acceptReferral'), { input: { id: completed.id } });
      expectGraphqlError(response, 'FORBIDDEN');
    });

    it('not your side wins over a stale version', async () => {
      const sent = await referralInState('SENT');
      const response = await client('coordinatorA').request(referralMutation('acceptReferral'), {
        input: { id: sent.id, expectedVersion: sent.version - 1 },
      });
      expectGraphqlError(response, 'FORBIDDEN');
    });

    it('not from this status wins over a stale version', async () => {
      const accepted = await referralInState('ACCEPTED');
      const response = await client('targetProvider').request(referralMutation('acceptReferral'), {
        input: { id: accepted.id, expectedVersion: accepted.version - 1 },
      });
      expectGraphqlError(response, 'INVALID_TRANSITION');
    });
  });

  describe('cancelling after acceptance', () => {
    it('requires a reason, naming input.reason, and changes nothing without one', async () => {
      const accepted = await referralIn(world, 'ACCEPTED');
      const response = await client('coordinatorA').request(referralMutation('cancelReferral'), { input: { id: accepted.id } });
      expectGraphqlError(response, 'BAD_USER_INPUT', 'input.reason');
      expect(snapshot(await readReferral(world.coordinatorA.client, accepted.id))).toEqual(snapshot(accepted));
    });

    it('may be done by the receiving side with a reason', async () => {
      const scheduled = await referralIn(world, 'SCHEDULED');
      const cancelled = await runReferralMutation(client('targetProvider'), 'cancelReferral', { id: scheduled.id, reason: 'Patient withdrew' });
      expect(cancelled).toMatchObject({ status: 'CANCELLED', version: scheduled.version + 1 });
      expect(cancelled.availableActions).toEqual([]);
    });

    it('needs no reason before acceptance', async () => {
      const sent = await referralIn(world, 'SENT');
      const cancelled = await runReferralMutation(client('coordinatorA'), 'cancelReferral', { id: sent.id });
      expect(cancelled.status).toBe('CANCELLED');
    });
  });
});
