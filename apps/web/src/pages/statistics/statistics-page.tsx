import { skipToken, useQuery } from '@apollo/client/react';
import { Grid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { describeError } from '../../api/errors';
import { fieldError } from '../../api/field-refusal';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import type { ReferralStatsInput } from '../../gql/graphql';
import { useViewer } from '../../layout/viewer';
import { formatLocalDate } from '../../lib/clinic-time';
import { MODALITY_LABELS } from '../../lib/labels';
import { useNow } from '../../lib/use-now';
import { Section } from '../referral/referral-details';
import { FigureCards } from './figure-cards';
import { figuresOf } from './figures';
import { todayInZone } from '../../lib/zoned-time';
import { periodOfDays, presetPeriod, type Period } from './period';
import { StatsFilters, type StatsFilterValues } from './stats-filters';
import { REFERRAL_STATS } from './stats-queries';
import { StatusChart } from './status-chart';
import { FiguresTable, StatusTable } from './stats-table';

const INITIAL: StatsFilterValues = { period: 'last30Days', range: [null, null], modality: null, mineOnly: false };

/**
 * How the referrals the viewer may see fared in a period: key figures, a chart of where they
 * stand now, and the same numbers in tables. Periods are whole days in the viewer's clinic zone.
 */
export function StatisticsPage() {
  const viewer = useViewer();
  const today = todayInZone(useNow(), viewer.timeZone);
  const [filters, setFilters] = useState<StatsFilterValues>(INITIAL);
  const providerId = viewer.user.providerId ?? null;

  // Depends on the day, not the minute: the query's variables stay the same all day.
  const period: Period | null = useMemo(() => {
    if (filters.period !== 'custom') return presetPeriod(filters.period, today, viewer.timeZone);
    const [first, last] = filters.range;
    return first && last ? periodOfDays(first, last, viewer.timeZone) : null;
  }, [filters.period, filters.range, today, viewer.timeZone]);

  const input: ReferralStatsInput | null = period
    ? { from: period.from, to: period.to, modality: filters.modality ?? undefined, providerId: filters.mineOnly && providerId ? providerId : undefined }
    : null;
  const { data, error, loading, refetch } = useQuery(REFERRAL_STATS, input ? { variables: { input } } : skipToken);
  const stats = input ? data?.referralStats : undefined;
  // A refused custom period (over ten years) is shown beside its dates; anything else as an error state.
  const described = error ? describeError(error) : null;
  const rangeError = filters.period === 'custom' ? (fieldError(described, 'input.to') ?? fieldError(described, 'input.from')) : undefined;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Statistics
      </Title>
      <StatsFilters value={filters} onChange={setFilters} today={today} canFilterToSelf={providerId !== null} rangeError={rangeError} />
      {period ? (
        // Announced when the period or a filter changes (aria-live; role="status" is for loading).
        <Text size="sm" c="dimmed" aria-live="polite">
          {describePeriod(period, viewer.timeZone)}
          {filters.modality ? ` · ${MODALITY_LABELS[filters.modality]} only` : ''}
          {filters.mineOnly && providerId ? ' · to or from you' : ''}
        </Text>
      ) : (
        <Text size="sm">Pick the first and the last day of the period.</Text>
      )}
      {error && !stats && !rangeError ? <ErrorState title="The statistics could not be loaded" error={error} onRetry={() => void refetch()} /> : null}
      {input && !stats && loading ? <LoadingState label="Counting referrals…" /> : null}
      {stats && stats.total === 0 ? (
        <EmptyState title="No referrals were sent in this period">Choose a longer period{filters.modality || filters.mineOnly ? ' or fewer filters' : ''}.</EmptyState>
      ) : null}
      {stats && stats.total > 0 ? <StatsReport stats={stats} caption={period ? describePeriod(period, viewer.timeZone) : ''} /> : null}
    </Stack>
  );
}

function StatsReport({ stats, caption }: { stats: Parameters<typeof figuresOf>[0]; caption: string }) {
  const figures = figuresOf(stats);
  // The statuses some referral is in: a row or a bar of nothing is noise.
  const byStatus = stats.byStatus.filter(({ count }) => count > 0);
  return (
    <Stack gap="md">
      <FigureCards figures={figures} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section title="Where the referrals stand now" id="stats-status-title">
            <StatusChart byStatus={byStatus} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section title="By status" id="stats-status-table-title">
            <StatusTable byStatus={byStatus} total={stats.total} />
          </Section>
        </Grid.Col>
      </Grid>
      <Section title="All figures" id="stats-figures-title">
        <FiguresTable figures={figures} caption={`Referrals sent ${caption}`} />
      </Section>
    </Stack>
  );
}

/** "Mar 1, 2026 – Mar 31, 2026, days in America/Chicago". */
function describePeriod(period: Period, timeZone: string): string {
  const days = period.firstDay === period.lastDay ? formatLocalDate(period.firstDay) : `${formatLocalDate(period.firstDay)} – ${formatLocalDate(period.lastDay)}`;
  return `${days}, days in ${timeZone}`;
}
