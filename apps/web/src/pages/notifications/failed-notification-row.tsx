import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Code, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../api/errors';
import type { FailedEmailFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/clinic-time';
import { NOTIFICATION_STATUS_LABELS, RECIPIENT_LABELS, TEMPLATE_LABELS } from './notification-labels';
import { RETRY_NOTIFICATION } from './notification-queries';

interface Props {
  notification: FailedEmailFieldsFragment;
  timeZone: string;
}

/** One email that could not be delivered, with a way to send it again. Wraps on a phone. */
export function FailedNotificationRow({ notification: n, timeZone }: Props) {
  const [retry, { loading }] = useMutation(RETRY_NOTIFICATION);
  const [failure, setFailure] = useState<string | null>(null);
  const template = TEMPLATE_LABELS[n.template];
  const recipient = `${RECIPIENT_LABELS[n.recipientKind]}${n.maskedAddress ? ` (${n.maskedAddress})` : ''}`;

  const onRetry = async () => {
    setFailure(null);
    try {
      await retry({ variables: { input: { id: n.id } } });
      notifications.show({ color: 'green', title: 'Email queued again', message: `“${template}” to ${recipient} is being sent with a fresh round of attempts.` });
    } catch (error) {
      setFailure(describeError(error).message);
    }
  };

  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{template}</Text>
          <Badge color={n.status === 'FAILED' ? 'red' : n.status === 'SENT' ? 'green' : 'blue'} variant="light" radius="sm">
            {NOTIFICATION_STATUS_LABELS[n.status]}
          </Badge>
        </Group>
        <Group gap="md" wrap="wrap">
          <Text size="sm">To {recipient}</Text>
          <Text size="sm" c="dimmed">
            {n.attempts === 1 ? '1 attempt' : `${n.attempts} attempts`}
          </Text>
          <Text size="sm" c="dimmed">
            Created {formatDateTime(n.createdAt, timeZone)}
          </Text>
        </Group>
        {n.lastError ? (
          <Text size="sm">
            Last error: <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{n.lastError}</Code>
          </Text>
        ) : null}
        <Group justify="space-between" gap="xs" wrap="wrap" mt={4}>
          {n.referralId ? (
            <Anchor component={Link} to={`/referrals/${n.referralId}`} size="sm">
              Open the referral
              <VisuallyHidden> this “{template}” email was about</VisuallyHidden>
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              About an account, not a referral
            </Text>
          )}
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} loading={loading} disabled={n.status !== 'FAILED'} onClick={() => void onRetry()}>
            {n.status === 'FAILED' ? 'Retry' : 'Queued again'}
            <VisuallyHidden>
              {' '}
              “{template}” to {recipient}
            </VisuallyHidden>
          </Button>
        </Group>
        {failure ? (
          <Text c="red.8" size="sm" role="alert">
            Could not retry: {failure}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
