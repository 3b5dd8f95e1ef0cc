import { usePipeline } from './support/file-setup';
import { statsRow } from './support/matching';
import { pollUntil } from './support/poll-until';
import { referralIn } from './support/world';

describe('provider stats: an answer is counted by the worker, not on the request path', () => {
  const { db, world } = usePipeline();

  it('an accepted referral files its provider as due, and the running worker recomputes the stats by itself', async () => {
    const providerId = world.targetProvider.providerId;
    await referralIn(world, 'ACCEPTED');
    const row = await pollUntil(
      async () => {
        const due = await db.query('SELECT 1 FROM provider_stats_due WHERE provider_id = $1', [providerId]);
        return { due: due.rowCount, stats: await statsRow(db, providerId) };
      },
      ({ due, stats }) => due === 0 && stats?.accepted_90d === 1,
      { timeoutMs: 20_000, what: "the worker to recompute the accepting provider's stats" },
    );
    expect(row.stats).toMatchObject({ active_episodes: 1, accepted_this_week: 1, answered_90d: 1, accepted_90d: 1 });
  });
});
