import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { PAGE_SIZE } from '../../components/paged-connection';
import { PagedList } from '../../components/paged-list';
import type { PatientsPatientFieldsFragment } from '../../gql/graphql';
import { formatLocalDate } from '../../lib/clinic-time';
import { PATIENTS_LIST } from './patient-queries';

interface Props {
  /** Trimmed search text, already debounced; empty for every patient. */
  search: string;
  /** What to say when the clinic has no patient at all. */
  emptyText: string;
}

/** The clinic's patients, newest first, with keyset "load more". */
export function PatientList({ search, emptyText }: Props) {
  const query = useQuery(PATIENTS_LIST, {
    variables: { filter: search ? { search } : undefined, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const connection = query.data?.patients;

  return (
    <PagedList
      title={search ? 'Matching patients' : 'All patients'}
      intro={
        // A screen reader hears how many match as the search narrows, without moving focus. A live
        // region, not role="status": that role is kept for loading states, which come and go.
        <VisuallyHidden aria-live="polite">{connection && search ? `${connection.totalCount.toLocaleString()} ${connection.totalCount === 1 ? 'patient matches' : 'patients match'}` : ''}</VisuallyHidden>
      }
      connection={connection}
      query={query}
      errorTitle="The patients could not be loaded"
      loadingLabel="Loading patients…"
      emptyTitle={search ? 'No patient matches this search' : 'No patients yet'}
      emptyText={search ? 'Search by part of a first name, last name or email address.' : emptyText}
      renderItem={(node) => <PatientRow key={node.id} patient={node} />}
    />
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
