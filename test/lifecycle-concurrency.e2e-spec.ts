import { readReferral, runReferralMutation } from './support/fixtures';
import { expectGraphqlError } from './support/expectations';
import { referralMutation } from './support/operations';
import { referralIn } from './support/world';
import { useWorld } from './support/file-setup';

describe('referral lifecycle: optimistic concurrency', () => {
  const { world } = useWorld();

  describe('expectedVersion', () => {
    it('answers CONFLICT for a stale version and changes nothing; the current version works', async () => {
      const sent = await referralIn(world, 'SENT');
      const stale = await world.targetProvider.client.request(referralMutation('acceptReferral'), {
        input: { id: sent.id, expectedVersion: sent.version - 1 },
      });
      expectGraphqlError(stale, 'CONFLICT');
      const unchanged = await readReferral(world.coordinatorA.client, sent.id);
      expect(unchanged).toMatchObject({ status: 'SENT', version: sent.version, respondedAt: null });
      expect(unchanged.events).toHaveLength(sent.events.length);

      const ahead = await world.targetProvider.client.request(referralMutation('acceptReferral'), {
        input: { id: sent.id, expectedVersion: sent.version + 1 },
      });
      expectGraphqlError(ahead, 'CONFLICT');

      const accepted = await runReferralMutation(world.targetProvider.client, 'acceptReferral', { id: sent.id, expectedVersion: sent.version });
      expect(accepted).toMatchObject({ status: 'ACCEPTED', version: sent.version + 1 });
    });

    it('guards draft edits: a stale updateReferral is a CONFLICT, a current one applies', async () => {
      const draft = await referralIn(world, 'DRAFT');
      const edited = await runReferralMutation(world.coordinatorA.client, 'updateReferral', {
        id: draft.id,
        expectedVersion: draft.version,
        reason: 'First edit',
        priority: 'URGENT',
      });
      expect(edited).toMatchObject({ status: 'DRAFT', version: draft.version + 1, reason: 'First edit', priority: 'URGENT' });

      const stale = await world.coordinatorA.client.request(referralMutation('updateReferral'), {
        input: { id: draft.id, expectedVersion: draft.version, reason: 'Lost update' },
      });
      expectGraphqlError(stale, 'CONFLICT');
      expect(await readReferral(world.coordinatorA.client, draft.id)).toMatchObject({ reason: 'First edit', version: edited.version });
    });
  });

  // Over HTTP a few rounds of each race, for the answers; ten of each run on the services
  // (service/lifecycle-concurrency.service-spec.ts).
  describe('two accepts at once', () => {
    const ROUNDS = 2;

    it.each([
      ['without expectedVersion', false],
      ['with the same expectedVersion', true],
    ])('exactly one of the target provider and the receiving coordinator wins (%s)', async (_label, withVersion) => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const sent = await referralIn(world, 'SENT');
        const input = withVersion ? { id: sent.id, expectedVersion: sent.version } : { id: sent.id };
        const responses = await Promise.all([
          world.targetProvider.client.request(referralMutation('acceptReferral'), { input }),
          world.coordinatorB.client.request(referralMutation('acceptReferral'), { input }),
        ]);
        const winners = responses.filter((response) => !response.errors && response.data?.acceptReferral);
        const losers = responses.filter((response) => response.errors);
        expect({ round, winners: winners.length, losers: losers.length, responses }).toMatchObject({ winners: 1, losers: 1 });
        expect(['INVALID_TRANSITION', 'CONFLICT']).toContain(losers[0].errors![0].extensions?.code);

        const final = await readReferral(world.coordinatorA.client, sent.id);
        expect(final).toMatchObject({ status: 'ACCEPTED', version: sent.version + 1 });
        expect(final.events.filter((event) => event.toStatus === 'ACCEPTED')).toHaveLength(1);
      }
    });
  });

  it('two different moves at once (accept vs cancel) leave one consistent outcome', async () => {
    for (let round = 0; round < 2; round += 1) {
      const sent = await referralIn(world, 'SENT');
      const [accept, cancel] = await Promise.all([
        world.targetProvider.client.request(referralMutation('acceptReferral'), { input: { id: sent.id } }),
        world.coordinatorA.client.request(referralMutation('cancelReferral'), { input: { id: sent.id } }),
      ]);
      const succeeded = [accept, cancel].filter((response) => !response.errors);
      expect({ round, succeeded: succeeded.length, accept, cancel }).toMatchObject({ succeeded: 1 });
      const final = await readReferral(world.coordinatorA.client, sent.id);
      expect(final.status).toBe(accept.errors ? 'CANCELLED' : 'ACCEPTED');
      expect(final.version).toBe(sent.version + 1);
    }
  });
});
