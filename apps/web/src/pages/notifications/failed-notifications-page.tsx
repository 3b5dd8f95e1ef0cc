import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useViewer } from '../../layout/viewer';
import { PAGE_SIZE } from '../inbox/referral-list';
import { FailedNotificationRow } from './failed-notification-row';
import { FAILED_NOTIFICATIONS } from './notification-queries';

/**
 * Emails whose every attempt failed, newest first, each with a retry. The API lets platform
 * admins only see them (`failedNotifications` is platform-wide, across clinics), so anyone else
 * gets that said plainly instead of a refusal.
 */
export function FailedNotificationsPage() {
  const viewer = useViewer();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Failed emails
      </Title>
      {viewer.isPlatformAdmin ? <FailedNotificationList timeZone={viewer.timeZone} /> : <PlatformAdminsOnly />}
    </Stack>
  );
}

function PlatformAdminsOnly() {
  return (
    <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title="Only platform admins can see failed emails" role="note">
      <Text size="sm">
        Failed emails are listed across every clinic, so ReferLoop shows them to its platform admins only. If a patient, provider or referrer
        says an email about a referral did not arrive, ask your ReferLoop platform admin to send it again.
      </Text>
    </Alert>
  );
}

function FailedNotificationList({ timeZone }: { timeZone: string }) {
  const { data, error, loading, fetchMore, refetch } = useQuery(FAILED_NOTIFICATIONS, { variables: { first: PAGE_SIZE }, notifyOnNetworkStatusChange: true });
  const connection = data?.failedNotifications;

  return (
    <Stack gap="xs" component="section" aria-labelledby="failed-list-title">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4" id="failed-list-title">
          Every attempt failed
          {connection ? (
            <Text span c="dimmed" fw={400} ml={8} size="md">
              {connection.totalCount.toLocaleString()}
            </Text>
          ) : null}
        </Title>
        {connection ? (
          <Button variant="subtle" size="xs" loading={loading} onClick={() => void refetch()}>
            Refresh
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        Retrying sends the email again with a fresh round of attempts, to the address on file now: correct a mistyped patient address first.
      </Text>
      {error && !connection ? <ErrorState title="The failed emails could not be loaded" error={error} onRetry={() => void refetch()} /> : null}
      {!connection && loading ? <LoadingState label="Loading failed emails…" /> : null}
      {connection && connection.totalCount === 0 ? <EmptyState title="No failed emails">Every email was delivered, or is still being tried.</EmptyState> : null}
      {connection && connection.edges.length > 0 ? (
        <Stack gap="xs" component="ul" p={0} m={0} aria-label="Failed emails">
          {connection.edges.map(({ node }) => (
            <FailedNotificationRow key={node.id} notification={node} timeZone={timeZone} />
          ))}
        </Stack>
      ) : null}
      {connection?.pageInfo.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" loading={loading} onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}>
            Load more ({connection.edges.length.toLocaleString()} of {connection.totalCount.toLocaleString()} shown)
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
