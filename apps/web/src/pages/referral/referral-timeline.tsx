import { Button, List, Text, Timeline } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReferralDetailFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/clinic-time';
import { EVENT_LABELS } from '../../lib/labels';
import { historyEntries, type HistoryEvent } from './history-runs';

const whoOf = (event: HistoryEvent) => event.actor?.displayName ?? 'ReferLoop';

/** The whole history, oldest first: who did what, when, and what they said. */
export function ReferralTimeline({ events, timeZone }: { events: ReferralDetailFragment['events']; timeZone: string }) {
  const entries = historyEntries(events);
  return (
    <Timeline active={entries.length - 1} bulletSize={14} lineWidth={2} aria-label="History">
      {entries.map(({ key, events: run }) =>
        run.length === 1 ? (
          <Timeline.Item key={key} title={EVENT_LABELS[run[0].type]}>
            <Text size="xs" c="dimmed">
              {formatDateTime(run[0].at, timeZone)} · {whoOf(run[0])}
            </Text>
            {run[0].reason ? (
              <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                {run[0].reason}
              </Text>
            ) : null}
          </Timeline.Item>
        ) : (
          <Timeline.Item key={key} title={`${EVENT_LABELS[run[0].type]}, ${run.length} times`}>
            <RunDetails run={run} timeZone={timeZone} />
          </Timeline.Item>
        ),
      )}
    </Timeline>
  );
}

/** A folded run: its first and last time, and each one on request. */
function RunDetails({ run, timeZone }: { run: HistoryEvent[]; timeZone: string }) {
  const [open, { toggle }] = useDisclosure(false);
  const listId = `history-run-${run[0].id}`;
  return (
    <>
      <Text size="xs" c="dimmed">
        {formatDateTime(run[0].at, timeZone)} to {formatDateTime(run[run.length - 1].at, timeZone)} · {whoOf(run[0])}
      </Text>
      <Button variant="subtle" size="compact-xs" px={0} onClick={toggle} aria-expanded={open} aria-controls={listId}>
        {open ? 'Hide each time' : `Show each of the ${run.length}`}
      </Button>
      {open ? (
        <List size="xs" c="dimmed" id={listId}>
          {run.map((event) => (
            <List.Item key={event.id}>{formatDateTime(event.at, timeZone)}</List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}
