import { ReferralRow } from '@referloop/referrals';
import { ReferralRepository } from '../support/referrals-internals';
import { ILLEGAL_MOVES, NOT_YOUR_SIDE } from '../support/lifecycle-moves';
import { codeOf, referralInState, runMutation, useServices } from '../support/services';
import type { ReachableState } from '../support/world';

/**
 * Every lifecycle move, made on the services by the party that may make it, from every
 * reachable status where the lifecycle does not allow it: INVALID_TRANSITION (or NOT_FOUND
 * where the party cannot see the referral at all), and nothing changes. The same moves over
 * HTTP, one status each, are in test/lifecycle-illegal-transitions.e2e-spec.ts.
 */
describe('referral lifecycle on the services: illegal transitions', () => {
  const services = useServices();
  /** One referral per status, reused while it is untouched (it should always be). */
  const byState = new Map<ReachableState, ReferralRow>();

  const snapshot = async (id: string) => {
    const row = (await services.get(ReferralRepository).findVisible(services.actors.coordinatorA, id)) as ReferralRow;
    const events = (await services.get(ReferralRepository).eventsFor([id])).get(id) ?? [];
    return {
      status: row.status,
      version: row.version,
      eventCount: events.length,
      loopClosedAt: row.loop_closed_at,
      appointmentAt: row.appointment_at,
      declineReason: row.decline_reason,
      reason: row.reason,
      redirectedTo: row.redirected_to_id,
    };
  };

  async function referralIn(state: ReachableState): Promise<ReferralRow> {
    const cached = byState.get(state);
    if (cached && (await snapshot(cached.id)).version === cached.version) return cached;
    const fresh = await referralInState(services, state);
    byState.set(state, fresh);
    return fresh;
  }

  it.each(ILLEGAL_MOVES.map((move) => [move.mutation, move.party, move.state, move.expected, move] as const))(
    '%s by %s on a %s referral → %s, nothing changes',
    async (mutation, party, state, expected, move) => {
      const before = await referralIn(state);
      const unchanged = await snapshot(before.id);
      const input = { ...move.input(before, services.record.actors.alternateProvider.providerId as string), expectedVersion: before.version };
      expect(await codeOf(runMutation(services, mutation, services.actors[party], input))).toBe(expected);
      expect(await snapshot(before.id)).toEqual(unchanged);
    },
  );

  it.each(NOT_YOUR_SIDE)('FORBIDDEN: %s, and nothing changes', async (_label, party, mutation, state, input) => {
    const before = await referralIn(state);
    const unchanged = await snapshot(before.id);
    const call = runMutation(services, mutation, services.actors[party], input(before, services.record.actors.alternateProvider.providerId as string));
    expect(await codeOf(call)).toBe('FORBIDDEN');
    expect(await snapshot(before.id)).toEqual(unchanged);
  });
});
