import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Code, Group, Modal, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRefresh, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { describeError } from '../../api/errors';
import { PAGE_SIZE } from '../../components/paged-connection';
import { PagedList } from '../../components/paged-list';
import { useReturnFocus } from '../../components/use-return-focus';
import { formatDateTime } from '../../lib/clinic-time';
import { ENDPOINT_ATTEMPTS, RESEND_EVENT } from './integrations-queries';
import { EVENT_LABELS, endpointLabel, endpointName, formatDuration, wireName, type Attempt, type Endpoint } from './integrations-rules';
import { appendAttempts, pagedQuery } from './paging';

interface Props {
  endpoint: Endpoint;
  timeZone: string;
  onClose: () => void;
}

/**
 * Every attempt to deliver to an endpoint, newest first, a page at a time: when, which event,
 * which attempt of its delivery, the answer and how long it took, and any error; each event can
 * be sent again from a first attempt. Asked again each time it opens (attempts happen all the
 * time); "Refresh" asks again while it is open. Full screen on a phone.
 */
export function AttemptsDialog({ endpoint, timeZone, onClose }: Props) {
  useReturnFocus();
  const phone = useMediaQuery('(max-width: 36em)');
  const query = useQuery(ENDPOINT_ATTEMPTS, { variables: { id: endpoint.id, first: PAGE_SIZE }, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const connection = query.data?.webhookEndpoint.attempts;
  const name = endpointName(endpoint);

  return (
    <Modal opened onClose={onClose} title={`Attempts to deliver to ${name}`} size="xl" fullScreen={phone}>
      <Stack gap="sm">
        {endpoint.enabled ? null : (
          <Alert color="gray" variant="light" role="note">
            The endpoint is disabled: enable it to send an event again.
          </Alert>
        )}
        <PagedList
          title="Attempts, newest first"
          listLabel={`Attempts to deliver to ${name}`}
          aside={
            connection ? (
              <Button variant="default" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} loading={query.loading} onClick={() => void query.refetch()}>
                Refresh
                <VisuallyHidden> the attempts to deliver to {endpointLabel(endpoint)}</VisuallyHidden>
              </Button>
            ) : null
          }
          intro={
            <Text size="sm" c="dimmed">
              A failed delivery is tried again, later each time, over about three days; each try is listed. Times are in {timeZone}.
            </Text>
          }
          connection={connection}
          query={pagedQuery(query, appendAttempts)}
          errorTitle="The attempts could not be loaded"
          loadingLabel="Loading the attempts…"
          emptyTitle="No attempts yet"
          emptyText="An attempt is listed here once an event it receives happens and ReferLoop sends it."
          renderItem={(attempt) => <AttemptRow key={attempt.id} attempt={attempt} endpoint={endpoint} timeZone={timeZone} />}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One attempt: the event, when, the answer; and sending its event again. Wraps on a phone. */
function AttemptRow({ attempt, endpoint, timeZone }: { attempt: Attempt; endpoint: Endpoint; timeZone: string }) {
  const [resend, { loading }] = useMutation(RESEND_EVENT);
  const [failure, setFailure] = useState<string | null>(null);
  const type = wireName(attempt.eventType);
  const at = formatDateTime(attempt.at, timeZone);

  const onResend = async () => {
    setFailure(null);
    try {
      await resend({ variables: { input: { endpointId: endpoint.id, eventId: attempt.eventId } } });
      notifications.show({ color: 'green', title: 'Event sent again', message: `${type} of ${at} is on its way to ${endpointName(endpoint)}, with the same webhook-id. Refresh to see the attempt.` });
    } catch (error) {
      setFailure(`It was not sent again: ${describeError(error).message}`);
    }
  };

  return (
    <Paper withBorder p="xs" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Group gap="xs" wrap="wrap">
            <Code fz="sm">{type}</Code>
            <Text size="sm" c="dimmed">
              {EVENT_LABELS[attempt.eventType]}
            </Text>
          </Group>
          <Text size="sm">
            {at} · attempt {attempt.attempt} · {attempt.statusCode === null ? 'no answer' : `status ${attempt.statusCode}`} · {formatDuration(attempt.durationMs)}
          </Text>
          {attempt.error ? (
            <Text size="sm">
              Error: <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{attempt.error}</Code>
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Badge color={attempt.succeeded ? 'green' : 'red'} variant="light" radius="sm">
            {attempt.succeeded ? 'Delivered' : 'Failed'}
          </Badge>
          <Button size="xs" variant="default" leftSection={<IconSend size={14} aria-hidden />} loading={loading} disabled={!endpoint.enabled} onClick={() => void onResend()} style={{ flexShrink: 0 }}>
            Send again
            <VisuallyHidden>
              {' '}
              {type} of {at} to {endpointLabel(endpoint)}
            </VisuallyHidden>
          </Button>
        </Group>
      </Group>
      {failure ? (
        <Text c="red.8" size="sm" role="alert" mt={4}>
          {failure}
        </Text>
      ) : null}
    </Paper>
  );
}
