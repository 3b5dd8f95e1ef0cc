import { randomUUID } from 'node:crypto';
import { GraphqlClient } from './support/graphql-client';
import { Referral, readReferral, runReferralMutation } from './support/fixtures';
import { expectGraphqlError } from './support/expectations';
import { IllegalMove, ILLEGAL_MOVES, MOVES, Party } from './support/lifecycle-moves';
import { referralMutation } from './support/operations';
import { useWorld } from './support/file-setup';
import { ReachableState, referralIn } from './support/world';

/**
 * Every lifecycle mutation over HTTP, attempted by the party that may take it, from a status
 * where the lifecycle does not allow it: INVALID_TRANSITION (or NOT_FOUND where the party cannot
 * see the referral at all), and nothing changes. One status per mutation here, for the wiring
 * from mutation to service and from domain error to GraphQL error; every status, and the moves
 * that are not the caller's side's (FORBIDDEN), are tried on the services in
 * test/service/lifecycle-illegal-transitions.service-spec.ts.
 */
/** The first status each move is not allowed from. */
const CASES = MOVES.map((move) => ILLEGAL_MOVES.find((illegal) => illegal.mutation === move.mutation && illegal.party === move.party) as IllegalMove);

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

  it('covers every mutation of the contract, and a referral the receiver cannot see as well as one in the wrong status', () => {
    expect(new Set(CASES.map((c) => c.expected))).toEqual(new Set(['NOT_FOUND', 'INVALID_TRANSITION']));
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
        input: { ...move.input(before, world.alternateProvider.providerId), expectedVersion: before.version },
      });
      expectGraphqlError(response, expected);
      const after = await readReferral(world.coordinatorA.client, before.id);
      expect(snapshot(after)).toEqual(snapshot(before));
    },
  );

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
