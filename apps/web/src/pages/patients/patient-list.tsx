import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import type { PatientsPatientFieldsFragment } from '../../gql/graphql';
import { formatLocalDate } from '../../lib/clinic-time';
import { PAGE_SIZE } from '../inbox/referral-list';
import { PATIENTS_LIST } from './patient-queries';

interface Props {
  /** Trimmed search text, already debounced; empty for every patient. */
  search: string;
  /** What to say when the clinic has no patient at all. */
  emptyText: string;
}

/** The clinic's patients, newest first, with keyset "load more". */
export function PatientList({ search, emptyText }: Props) {
  const { data, error, loading, fetchMore, refetch } = useQuery(PATIENTS_LIST, {
    variables: { filter: search ? { search } : undefined, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.patients;
  const title = search ? 'Matching patients' : 'All patients';

  return (
    <Stack gap="xs" component="section" aria-labelledby="patient-list-title">
      <Title order={2} size="h4" id="patient-list-title">
        {title}
        {connection ? (
          <Text span c="dimmed" fw={400} ml={8} size="md">
            {connection.totalCount.toLocaleString()}
          </Text>
        ) : null}
      </Title>
      {/* A screen reader hears how many match as the search narrows, without moving focus. A live
          region, not role="status": that role is kept for loading states, which come and go. */}
      <VisuallyHidden aria-live="polite">{connection && search ? `${connection.totalCount.toLocaleString()} ${connection.totalCount === 1 ? 'patient matches' : 'patients match'}` : ''}</VisuallyHidden>
      {error && !connection ? <ErrorState title="The patients could not be loaded" error={error} onRetry={() => void refetch()} /> : null}
      {!connection && loading ? <LoadingState label="Loading patients…" /> : null}
      {connection && connection.totalCount === 0 ? (
        search ? (
          <EmptyState title="No patient matches this search">Search by part of a first name, last name or email address.</EmptyState>
        ) : (
          <EmptyState title="No patients yet">{emptyText}</EmptyState>
        )
      ) : null}
      {connection && connection.edges.length > 0 ? (
        <Stack gap="xs" component="ul" p={0} m={0} aria-label={title}>
          {connection.edges.map(({ node }) => (
            <PatientRow key={node.id} patient={node} />
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

/** One patient: wraps onto several lines on a phone instead of scrolling sideways. */
function PatientRow({ patient }: { patient: PatientsPatientFieldsFragment }) {
  const contact = [patient.email, patient.phone].filter(Boolean).join(' · ');
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2}>
          <Anchor component={Link} to={`/patients/${patient.id}`} fw={600}>
            {patient.firstName} {patient.lastName}
          </Anchor>
          <Group gap="md" wrap="wrap">
            <Text size="sm">Born {formatLocalDate(patient.dateOfBirth)}</Text>
            <Text size="sm" c="dimmed">
              {contact || 'No email or phone on file'}
            </Text>
          </Group>
        </Stack>
        {patient.email && !patient.emailConsent ? (
          <Badge variant="light" color="gray" radius="sm">
            No status emails
          </Badge>
        ) : null}
      </Group>
    </Paper>
  );
}
