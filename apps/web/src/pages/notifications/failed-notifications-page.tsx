import { useQuery } from '@apollo/client/react';
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { PAGE_SIZE } from '../../components/paged-connection';
import { PagedList } from '../../components/paged-list';
import { useViewer } from '../../layout/viewer';
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
  const query = useQuery(FAILED_NOTIFICATIONS, { variables: { first: PAGE_SIZE }, notifyOnNetworkStatusChange: true });
  const connection = query.data?.failedNotifications;

  return (
    <PagedList
      title="Every attempt failed"
      listLabel="Failed emails"
      aside={
        connection ? (
          <Button variant="subtle" size="xs" loading={query.loading} onClick={() => void query.refetch()}>
            Refresh
          </Button>
        ) : null
      }
      intro={
        <Text size="sm" c="dimmed">
          Retrying sends the email again with a fresh round of attempts, to the address on file now: correct a mistyped patient address first.
        </Text>
      }
      connection={connection}
      query={query}
      errorTitle="The failed emails could not be loaded"
      loadingLabel="Loading failed emails…"
      emptyTitle="No failed emails"
      emptyText="Every email was delivered, or is still being tried."
      renderItem={(node) => <FailedNotificationRow key={node.id} notification={node} timeZone={timeZone} />}
    />
  );
}
