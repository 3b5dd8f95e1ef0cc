import { Table } from '@mantine/core';
import type { ReferralStatus } from '../../gql/graphql';
import { STATUS_LABELS } from '../../lib/labels';
import type { Figure } from './figures';
import { ScrollTable } from '../../components/scroll-table';

/** Every figure with what it is made of: the data the cards and the chart show, readable row by row. */
export function FiguresTable({ figures, caption }: { figures: Figure[]; caption: string }) {
  return (
    // Narrower than this, the table scrolls sideways inside its own region, which takes focus so
    // a keyboard can scroll it too; the page itself never scrolls sideways.
    <ScrollTable minWidth={480} label="All figures">
      <Table striped captionSide="top" verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Figure</Table.Th>
            <Table.Th scope="col">Value</Table.Th>
            <Table.Th scope="col">How it is counted</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figures.map((figure) => (
            <Table.Tr key={figure.key}>
              <Table.Th scope="row" fw={500}>
                {figure.label}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{figure.value}</Table.Td>
              <Table.Td>{figure.detail}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The chart's numbers as a table. */
export function StatusTable({ byStatus, total }: { byStatus: ReadonlyArray<{ status: ReferralStatus; count: number }>; total: number }) {
  return (
    <Table striped captionSide="top" verticalSpacing="xs">
      <Table.Caption>Referrals by current status</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Status</Table.Th>
          {/* Whole words: the app lets long text break anywhere, which splits narrow headers. */}
          <Table.Th scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
            Referrals
          </Table.Th>
          <Table.Th scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
            Share
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {byStatus.map(({ status, count }) => (
          <Table.Tr key={status}>
            <Table.Th scope="row" fw={500}>
              {STATUS_LABELS[status]}
            </Table.Th>
            <Table.Td ta="right">{count.toLocaleString()}</Table.Td>
            <Table.Td ta="right">{total > 0 ? `${Math.round((count / total) * 100)}%` : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
