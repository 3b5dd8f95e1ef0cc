import { Text, Timeline } from '@mantine/core';
import type { ReferralDetailFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/clinic-time';
import { EVENT_LABELS } from '../../lib/labels';

/** The whole history, oldest first: who did what, when, and what they said. */
export function ReferralTimeline({ events, timeZone }: { events: ReferralDetailFragment['events']; timeZone: string }) {
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} aria-label="History">
      {events.map((event) => (
        <Timeline.Item key={event.id} title={EVENT_LABELS[event.type]}>
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at, timeZone)} · {event.actor?.displayName ?? 'ReferLoop'}
          </Text>
          {event.reason ? (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
              {event.reason}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
