import { LineChart } from '@mantine/charts';
import { Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { measureName } from '../assessment-table';
import type { BudgetUse, MeasureSeries } from './progress-series';

/**
 * Progress as charts: each joint movement across visits with its expected range as a reference
 * line, pain over visits, and visits used against the budget. Each chart has a text summary for
 * screen readers (and anyone who prefers numbers).
 */
export function ProgressCharts({ measures, pain, budget }: { measures: MeasureSeries[]; pain: { label: string; pain: number }[]; budget: BudgetUse }) {
  return (
    <Stack gap="lg">
      <BudgetBar budget={budget} />
      {measures.length > 0 ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {measures.map((series) => (
            <MeasureChart key={series.key} series={series} />
          ))}
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed">
          No range of motion measured yet.
        </Text>
      )}
      {pain.length > 0 ? <PainChart pain={pain} /> : null}
    </Stack>
  );
}

function BudgetBar({ budget }: { budget: BudgetUse }) {
  const words = budget.planned
    ? `${budget.attended} of ${budget.planned} planned visits used${budget.missed ? `, ${budget.missed} missed` : ''}${budget.over ? ' — over budget' : ''}`
    : `${budget.attended} visits attended${budget.missed ? `, ${budget.missed} missed` : ''}; no visit budget set`;
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Visits
        </Text>
        <Text size="sm" c={budget.over ? 'red.8' : 'dimmed'}>
          {words}
        </Text>
      </Group>
      {budget.percent !== null ? <Progress value={budget.percent} color={budget.over ? 'red' : 'blue'} size="lg" aria-label={words} /> : null}
    </Stack>
  );
}

function MeasureChart({ series }: { series: MeasureSeries }) {
  const name = measureName(series);
  const first = series.points[0];
  const latest = series.points[series.points.length - 1];
  const measured = series.points.length > 1 ? `${first.degrees}° at ${first.label.toLowerCase()}, ${latest.degrees}° at ${latest.label.toLowerCase()}` : `${first.degrees}° at ${first.label.toLowerCase()}`;
  const summary = `${name}: ${measured}${series.expected != null ? `, expected ${series.expected}°` : ''}.`;
  const top = Math.max(series.expected ?? 0, ...series.points.map((point) => point.degrees));
  return (
    <figure style={{ margin: 0 }}>
      <Title order={3} size="h6" mb={4}>
        {name}
      </Title>
      <LineChart
        h={180}
        data={series.points}
        dataKey="label"
        series={[{ name: 'degrees', label: 'Measured (°)', color: 'blue.8' }]}
        yAxisProps={{ domain: [0, Math.ceil((top * 1.1) / 10) * 10] }}
        referenceLines={series.expected != null ? [{ y: series.expected, label: `Expected ${series.expected}°`, color: 'green.8' }] : []}
        curveType="linear"
        withDots
        aria-label={summary}
        role="img"
      />
      <figcaption>
        <Text size="xs" c="dimmed">
          {summary}
        </Text>
      </figcaption>
    </figure>
  );
}

function PainChart({ pain }: { pain: { label: string; pain: number }[] }) {
  const summary = `Pain ${pain[0].pain}/10 at ${pain[0].label.toLowerCase()}, ${pain[pain.length - 1].pain}/10 at ${pain[pain.length - 1].label.toLowerCase()}.`;
  return (
    <figure style={{ margin: 0 }}>
      <Title order={3} size="h6" mb={4}>
        Pain over visits
      </Title>
      <LineChart h={160} data={pain} dataKey="label" series={[{ name: 'pain', label: 'Pain (0–10)', color: 'red.8' }]} yAxisProps={{ domain: [0, 10] }} curveType="linear" withDots aria-label={summary} role="img" />
      <figcaption>
        <Text size="xs" c="dimmed">
          {summary}
        </Text>
      </figcaption>
    </figure>
  );
}
