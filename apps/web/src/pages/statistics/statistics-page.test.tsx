// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatsPageReferralStatsQueryVariables } from '../../gql/graphql';
import { renderPage } from '../onboarding/test-harness';
import { StatisticsPage } from './statistics-page';
import { REFERRAL_STATS } from './stats-queries';

afterEach(cleanup);
// happy-dom lays nothing out, so Recharts would draw a 0×0 chart and warn: the chart's data is
// checked through its summary and the table instead.
vi.mock('@mantine/charts', () => ({ BarChart: () => null }));

const STATUSES = ['ACCEPTED', 'CANCELLED', 'COMPLETED', 'DECLINED', 'EXPIRED', 'IN_TREATMENT', 'ON_HOLD', 'SCHEDULED', 'SENT'] as const;
const none = { __typename: 'DurationPercentiles', measured: 0, median: null, p90: null };

function stats(total: number, counts: Partial<Record<(typeof STATUSES)[number], number>> = {}) {
  return {
    __typename: 'ReferralStats',
    from: '2026-03-01T06:00:00.000Z',
    to: '2026-04-01T05:00:00.000Z',
    total,
    accepted: counts.ACCEPTED ?? 0,
    declined: counts.DECLINED ?? 0,
    expired: 0,
    completed: 0,
    leaked: counts.DECLINED ?? 0,
    loopsClosed: 0,
    acceptanceRate: total ? 0.5 : null,
    completionRate: total ? 0 : null,
    leakageRate: total ? (counts.DECLINED ?? 0) / total : null,
    loopClosedRate: null,
    goalsMetShare: null,
    shortTermGoalsMetShare: null,
    meanVisitsUsed: null,
    meanVisitsPlanned: null,
    timeToAcceptHours: total ? { ...none, measured: 1, median: 5, p90: 5 } : none,
    timeToFirstVisitHours: none,
    byStatus: STATUSES.map((status) => ({ __typename: 'StatusCount', status, count: counts[status] ?? 0 })),
  };
}

/** Answers every period asked for (the dates depend on today) and records what was asked. */
function statsMock(total: number, counts?: Parameters<typeof stats>[1], asked: StatsPageReferralStatsQueryVariables[] = []) {
  return {
    request: { query: REFERRAL_STATS, variables: (variables: StatsPageReferralStatsQueryVariables) => (asked.push(variables), true) },
    result: { data: { referralStats: stats(total, counts) } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

describe('StatisticsPage', () => {
  it('shows an empty state, not a chart of zeros, for a period without referrals', async () => {
    renderPage(<StatisticsPage />, { role: 'COORDINATOR', mocks: [statsMock(0)] });
    expect(await screen.findByText('No referrals were sent in this period')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the figures as cards, the chart with a summary, and the same numbers in tables', async () => {
    const asked: StatsPageReferralStatsQueryVariables[] = [];
    renderPage(<StatisticsPage />, { role: 'COORDINATOR', mocks: [statsMock(4, { ACCEPTED: 2, DECLINED: 1, SENT: 1 }, asked)] });
    const cards = await screen.findByRole('list', { name: 'Key figures' });
    expect(within(cards).getByText('Referrals sent').nextSibling?.textContent).toBe('4');
    expect(within(cards).getByText('Acceptance rate').nextSibling?.textContent).toBe('50%');
    expect(screen.getByRole('figure').getAttribute('aria-label')).toBe('Referrals by current status: Accepted 2, Declined 1, Sent 1.');
    // Statuses no referral is in are left out of the chart and the table alike.
    expect(screen.queryByRole('rowheader', { name: 'Completed' })).toBeNull();
    const byStatus = screen.getByRole('table', { name: 'Referrals by current status' });
    expect(within(byStatus).getByRole('rowheader', { name: 'Declined' }).closest('tr')?.textContent).toBe('Declined125%');
    // The period is whole days in the clinic's zone: it starts at a Chicago midnight.
    expect(asked[0].input.from).toMatch(/T0[56]:00:00.000Z$/);
  });

  it('sends the modality filter with the period', async () => {
    const asked: StatsPageReferralStatsQueryVariables[] = [];
    renderPage(<StatisticsPage />, { role: 'COORDINATOR', mocks: [statsMock(1, { SENT: 1 }, asked)] });
    await screen.findByRole('list', { name: 'Key figures' });
    fireEvent.click(screen.getByPlaceholderText('All modalities'));
    fireEvent.click(await screen.findByRole('option', { name: 'Acupuncture', hidden: true }));
    await screen.findByText(/Acupuncture only/);
    expect(asked.at(-1)?.input.modality).toBe('ACUPUNCTURE');
  });
});
