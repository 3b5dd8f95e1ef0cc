import { useQuery } from '@apollo/client/react';
import { Stack, Text } from '@mantine/core';
import { loadMoreButton } from '../../components/load-more-button';
import { PAGE_SIZE } from '../../components/paged-connection';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useViewer } from '../../layout/viewer';
import { useNow } from '../../lib/use-now';
import { ReferralRow } from '../inbox/referral-row';
import { PATIENT_REFERRALS } from './patient-queries';

/**
 * The referrals of one patient the viewer may see, both directions, newest first: the inbox's
 * rows, each saying where the referral went or came from from the viewer's side.
 */
export function PatientReferrals({ patientId }: { patientId: string }) {
  const viewer = useViewer();
  const now = useNow();
  const query = useQuery(PATIENT_REFERRALS, {
    variables: { filter: { patientId }, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const connection = query.data?.referrals;

  if (query.error && !connection) return <ErrorState title="The patient's referrals could not be loaded" error={query.error} onRetry={() => void query.refetch()} />;
  if (!connection) return query.loading ? <LoadingState label="Loading referrals…" /> : null;
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
      {loadMoreButton(connection, query)}
    </Stack>
  );
}
