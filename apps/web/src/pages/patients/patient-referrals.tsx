import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useViewer } from '../../layout/viewer';
import { useNow } from '../../lib/use-now';
import { PAGE_SIZE } from '../inbox/referral-list';
import { ReferralRow } from '../inbox/referral-row';
import { PATIENT_REFERRALS } from './patient-queries';

/**
 * The referrals of one patient the viewer may see, both directions, newest first: the inbox's
 * rows, each saying where the referral went or came from from the viewer's side.
 */
export function PatientReferrals({ patientId }: { patientId: string }) {
  const viewer = useViewer();
  const now = useNow();
  const { data, error, loading, fetchMore, refetch } = useQuery(PATIENT_REFERRALS, {
    variables: { filter: { patientId }, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.referrals;

  if (error && !connection) return <ErrorState title="The patient's referrals could not be loaded" error={error} onRetry={() => void refetch()} />;
  if (!connection) return loading ? <LoadingState label="Loading referrals…" /> : null;
  if (connection.totalCount === 0) return <EmptyState title="No referrals for this patient yet" />;

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {connection.totalCount === 1 ? '1 referral' : `${connection.totalCount.toLocaleString()} referrals`}, newest first
      </Text>
      <Stack gap="xs" component="ul" p={0} m={0} aria-label="Referrals of this patient">
        {connection.edges.map(({ node }) => (
          <ReferralRow
            key={node.id}
            referral={node}
            // Sent by the viewer's clinic: "To …"; received: "From …".
            direction={viewer.clinic && node.referringClinic.id === viewer.clinic.id ? 'OUTBOUND' : 'INBOUND'}
            now={now}
            timeZone={viewer.timeZone}
          />
        ))}
      </Stack>
      {connection.pageInfo.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" loading={loading} onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}>
            Load more ({connection.edges.length.toLocaleString()} of {connection.totalCount.toLocaleString()} shown)
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
