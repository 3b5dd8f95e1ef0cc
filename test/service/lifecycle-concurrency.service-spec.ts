import { DomainError } from '@referloop/core';
import { ReferralRow } from '@referloop/referrals';
import { ReferralRepository } from '../support/referrals-internals';
import { ReferralTransitions } from '../support/referrals-internals';
import { referralInState, useServices } from '../support/services';

/**
 * Two moves on one referral at the same moment, on the services: the row lock and the expected
 * version leave exactly one of them applied, and the other refused, round after round. Over
 * HTTP, lifecycle-concurrency.e2e-spec.ts runs the same races for a few rounds.
 */
const ROUNDS = 10;

describe('referral lifecycle on the services: moves at the same moment', () => {
  const services = useServices();

  const codes = (results: PromiseSettledResult<unknown>[]) =>
    results.flatMap((result) => (result.status === 'rejected' ? [(result.reason as DomainError).code ?? String(result.reason)] : []));
  const stored = async (referral: ReferralRow) => {
    const row = (await services.get(ReferralRepository).findVisible(services.actors.coordinatorA, referral.id)) as ReferralRow;
    const events = (await services.get(ReferralRepository).eventsFor([referral.id])).get(referral.id) ?? [];
    return { row, events };
  };

  it.each([
    ['without expectedVersion', false],
    ['with the same expectedVersion', true],
  ])('exactly one of the target provider and the receiving coordinator accepts (%s)', async (_label, withVersion) => {
    const moves = services.get(ReferralTransitions);
    for (let round = 0; round < ROUNDS; round += 1) {
      const sent = await referralInState(services, 'SENT');
      const input = withVersion ? { id: sent.id, expectedVersion: sent.version } : { id: sent.id };
      const results = await Promise.allSettled([moves.accept(services.actors.targetProvider, input), moves.accept(services.actors.coordinatorB, input)]);
      const refused = codes(results);
      expect({ round, accepted: results.length - refused.length, refused: refused.length }).toEqual({ round, accepted: 1, refused: 1 });
      expect(['INVALID_TRANSITION', 'CONFLICT']).toContain(refused[0]);
      const { row, events } = await stored(sent);
      expect({ status: row.status, version: row.version }).toEqual({ status: 'ACCEPTED', version: sent.version + 1 });
      expect(events.filter((event) => event.toStatus === 'ACCEPTED')).toHaveLength(1);
    }
  });

  it('an accept and a cancel at once leave one consistent outcome', async () => {
    const moves = services.get(ReferralTransitions);
    for (let round = 0; round < ROUNDS; round += 1) {
      const sent = await referralInState(services, 'SENT');
      const [accept, cancel] = await Promise.allSettled([moves.accept(services.actors.targetProvider, { id: sent.id }), moves.cancel(services.actors.coordinatorA, { id: sent.id })]);
      expect({ round, applied: [accept, cancel].filter((result) => result.status === 'fulfilled').length }).toEqual({ round, applied: 1 });
      const { row } = await stored(sent);
      expect({ status: row.status, version: row.version }).toEqual({ status: accept.status === 'fulfilled' ? 'ACCEPTED' : 'CANCELLED', version: sent.version + 1 });
    }
  });
});
