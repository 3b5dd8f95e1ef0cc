import { ReferralStatsRepository } from '../support/referrals-internals';
import { tableScansOf } from '../support/query-plans';
import { referralInState, useServices } from '../support/services';
import type { ReachableState } from '../support/world';

/**
 * A clinic's statistics for a period, planned as PostgreSQL would over a large table (no
 * sequential or bitmap scans, tableScansOf): the period's referrals are found in the clinic's two list
 * indexes alone and only they are read from the table, by id. Before, PostgreSQL read every
 * referral the clinic ever sent or received from the table to keep the period's. A change that
 * loses the index-only lookup (a condition the indexes do not carry, the inbox index's own
 * condition dropped) fails here; what the figures are is referral-stats.e2e-spec's.
 */
const STATES: ReachableState[] = ['SENT', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'CANCELLED'];

describe("referralStats: a clinic's period read by id from its list indexes", () => {
  const services = useServices();

  beforeAll(async () => {
    for (const state of STATES) await referralInState(services, state);
    // The visibility map, so an index-only scan need not visit the table for rows just written.
    await services.db.query('VACUUM (ANALYZE) referrals');
  });

  it.each(['coordinatorA', 'coordinatorB', 'platformAdmin'] as const)('as %s: two index-only scans, then the table by primary key', async (role) => {
    const clinicId = services.record.actors.coordinatorA.clinicId as string;
    const statements: Array<{ sql: string; values: unknown[] }> = [];
    // Records the statement; it still runs as usual.
    const query = jest.spyOn(services.db, 'query');
    try {
      const now = Date.now();
      await services.get(ReferralStatsRepository).stats(services.actors[role], { clinicId, from: new Date(now - 86_400_000), to: new Date(now + 86_400_000) });
      for (const [sql, values] of query.mock.calls) if (sql.startsWith('WITH p AS')) statements.push({ sql, values: (values ?? []) as unknown[] });
    } finally {
      query.mockRestore();
    }
    expect(statements).toHaveLength(1);

    const scans = await tableScansOf(services.db, 'referrals', statements[0].sql, statements[0].values);
    expect(scans.sort()).toEqual(['Index Only Scan', 'Index Only Scan', 'Index Scan']);
  });
});
