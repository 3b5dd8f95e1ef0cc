import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DueBadge, PriorityBadge, StatusBadge } from '../../components/status-badges';
import type { InboxRowFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/clinic-time';
import { ACTION_LABELS, MODALITY_LABELS } from '../../lib/labels';

interface Props {
  referral: InboxRowFragment;
  direction: 'INBOUND' | 'OUTBOUND';
  now: number;
  timeZone: string;
}

/** One referral in the inbox: wraps onto several lines on a phone instead of scrolling sideways. */
export function ReferralRow({ referral, direction, now, timeZone }: Props) {
  const counterpart =
    direction === 'INBOUND'
      ? `From ${referral.referringClinic.name}`
      : `To ${referral.toProvider?.displayName ?? 'the open pool'}${referral.toClinic ? `, ${referral.toClinic.name}` : ''}`;
  const todo = referral.workActions;
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/referrals/${referral.id}`} fw={600}>
              {referral.patient.firstName} {referral.patient.lastName}
              <Text span c="dimmed" fw={400} ml={6} size="sm">
                {referral.reference}
              </Text>
            </Anchor>
          </Group>
          <Group gap={6} wrap="wrap">
            <PriorityBadge priority={referral.priority} />
            <DueBadge dueAt={referral.dueAt} status={referral.status} now={now} timeZone={timeZone} />
            <StatusBadge status={referral.status} />
          </Group>
        </Group>
        <Group gap="md" wrap="wrap">
          <Text size="sm">{MODALITY_LABELS[referral.modality]}</Text>
          <Text size="sm" c="dimmed">
            {counterpart}
          </Text>
          {referral.appointmentAt ? (
            <Text size="sm" c="dimmed">
              Appointment {formatDateTime(referral.appointmentAt, timeZone)}
            </Text>
          ) : null}
        </Group>
        <Group justify="space-between" gap="xs" wrap="wrap">
          {todo.length > 0 ? (
            <Text size="sm" fw={600} c="blue.8">
              To do: {todo.map((action) => ACTION_LABELS[action]).join(' · ')}
            </Text>
          ) : (
            <span />
          )}
          <Text size="xs" c="dimmed">
            Updated {formatDateTime(referral.updatedAt, timeZone)}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
