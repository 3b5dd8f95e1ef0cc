import { Progress, Table, Text } from '@mantine/core';
import type { RangeOfMotionFragment } from '../../gql/graphql';
import { sentenceCase } from '../../lib/labels';
import { ScrollTable } from '../../components/scroll-table';

/** "Shoulder flexion (left)". */
export function measureName(finding: { joint: string; movement: string; side?: string | null }): string {
  const side = finding.side ? ` (${finding.side.toLowerCase()})` : '';
  return `${sentenceCase(finding.joint)} ${finding.movement.toLowerCase()}${side}`;
}

/** Share of the expected range reached, 0–100, or null without an expected range. */
export function shareOfExpected(measured: number, expected: number | null | undefined): number | null {
  if (!expected || expected <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((measured / expected) * 100)));
}

/** Range-of-motion findings against the expected range, each with a bar. Scrolls inside itself on a phone, never the page. */
export function RangeOfMotionTable({ findings, caption }: { findings: readonly RangeOfMotionFragment[]; caption: string }) {
  if (findings.length === 0) return <Text c="dimmed" size="sm">No range-of-motion findings recorded.</Text>;
  return (
    <ScrollTable minWidth={420} label={caption}>
      <Table striped verticalSpacing="xs" captionSide="top">
        <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Joint movement</Table.Th>
            <Table.Th scope="col" ta="right">Measured</Table.Th>
            <Table.Th scope="col" ta="right">Expected</Table.Th>
            <Table.Th scope="col" w="30%">Of expected</Table.Th>
            <Table.Th scope="col" ta="right">Pain</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {findings.map((finding, index) => {
            const share = shareOfExpected(finding.measuredDegrees, finding.expectedDegrees);
            return (
              <Table.Tr key={index}>
                <Table.Th scope="row" fw={500}>{measureName(finding)}</Table.Th>
                <Table.Td ta="right">{finding.measuredDegrees}°</Table.Td>
                <Table.Td ta="right">{finding.expectedDegrees != null ? `${finding.expectedDegrees}°` : '—'}</Table.Td>
                <Table.Td>
                  {share === null ? (
                    <Text size="xs" c="dimmed">No expected range</Text>
                  ) : (
                    <Progress value={share} color={share >= 90 ? 'green' : share >= 60 ? 'yellow' : 'red'} aria-label={`${measureName(finding)}: ${share}% of expected`} />
                  )}
                </Table.Td>
                <Table.Td ta="right">{finding.painScore != null ? `${finding.painScore}/10` : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
