import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, Text } from '@mantine/core';
import type { ReferralStatus } from '../../gql/graphql';
import { STATUS_LABELS } from '../../lib/labels';

interface Props {
  byStatus: ReadonlyArray<{ status: ReferralStatus; count: number }>;
}

/** "Sent 3, Accepted 5, …": what the chart shows, for a screen reader. */
export function statusSummary(byStatus: Props['byStatus']): string {
  return byStatus.map(({ status, count }) => `${STATUS_LABELS[status]} ${count.toLocaleString()}`).join(', ');
}

const ROW_HEIGHT = 36;
const AXIS_HEIGHT = 40;

/**
 * Referrals of the period by the status they are in now. Horizontal bars, so the status names
 * fit on a phone. The chart itself is hidden from assistive technology: the figure's label
 * summarises it and the table beside it carries the same numbers.
 */
export function StatusChart({ byStatus }: Props) {
  const data = byStatus.map(({ status, count }) => ({ status: STATUS_LABELS[status], referrals: count }));
  return (
    <Box component="figure" m={0} aria-label={`Referrals by current status: ${statusSummary(byStatus)}.`}>
      <Box aria-hidden>
        <BarChart
          // Height follows the number of bars, and bars keep one width: one status is one slim bar, not a block.
          h={AXIS_HEIGHT + data.length * ROW_HEIGHT}
          maxBarWidth={24}
          data={data}
          dataKey="status"
          orientation="vertical"
          series={[{ name: 'referrals', label: 'Referrals', color: 'blue.8' }]}
          yAxisProps={{ width: 150 }}
          gridAxis="x"
          // Counts of referrals: whole numbers on the axis, never 0.25.
          xAxisProps={{ allowDecimals: false }}
          tooltipAnimationDuration={0}
          barChartProps={{ accessibilityLayer: false }}
        />
      </Box>
      <Text component="figcaption" size="xs" c="dimmed" mt={4}>
        The status each referral sent in the period is in now. The same numbers are in the table.
      </Text>
    </Box>
  );
}
