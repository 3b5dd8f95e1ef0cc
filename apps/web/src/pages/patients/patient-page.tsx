import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../../api/errors';
import { ErrorState, LoadingState } from '../../components/states';
import { useViewer } from '../../layout/viewer';
import { formatDateTime, formatLocalDate } from '../../lib/clinic-time';
import { useNow } from '../../lib/use-now';
import { Section } from '../referral/referral-details';
import { todayInZone } from '../../lib/zoned-time';
import { EditPatientModal } from './edit-patient-modal';
import { PATIENT_DETAIL } from './patient-queries';
import { PatientReferrals } from './patient-referrals';

/** One patient: details, editing for the patient's own clinic, and their referrals. */
export function PatientPage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const { data, error, refetch } = useQuery(PATIENT_DETAIL, { variables: { id } });
  const patient = data?.patient;

  if (error && !patient) {
    const described = describeError(error);
    // NOT_FOUND, or an id that is not one (BAD_USER_INPUT): the same to the user.
    const notFound = described.code === 'NOT_FOUND' || described.code === 'BAD_USER_INPUT';
    return (
      <Stack>
        <BackLink />
        <Title order={1} size="h2">
          {notFound ? 'Patient not found' : 'Patient'}
        </Title>
        {notFound ? (
          <Text>This patient does not exist, or is not shared with your clinic.</Text>
        ) : (
          <ErrorState title="The patient could not be loaded" error={error} onRetry={() => void refetch()} />
        )}
      </Stack>
    );
  }
  if (!patient) return <LoadingState label="Loading patient…" />;

  // Only the patient's own clinic edits them or refers them; a receiving clinic only reads.
  const ownClinic = viewer.clinic !== null && viewer.clinic.id === patient.clinicId;

  return (
    <Stack gap="md">
      <BackLink />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {patient.firstName} {patient.lastName}
          </Title>
          <Text c="dimmed">Born {formatLocalDate(patient.dateOfBirth)}</Text>
        </Stack>
        {ownClinic ? (
          <Group gap="xs" wrap="wrap">
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              Edit patient
            </Button>
            {/* The patient id travels in router state, not in the address. */}
            <Button component={Link} to="/referrals/new" state={{ patientId: patient.id }} leftSection={<IconPlus size={16} aria-hidden />}>
              New referral for this patient
            </Button>
          </Group>
        ) : null}
      </Group>
      <Section title="Details" id="patient-details-title">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" component="dl" m={0}>
          <Detail label="Date of birth">{formatLocalDate(patient.dateOfBirth)}</Detail>
          <Detail label="Email">{patient.email ?? 'None on file'}</Detail>
          <Detail label="Phone">{patient.phone ?? 'None on file'}</Detail>
          <Detail label="Status emails">
            {patient.emailConsent ? (
              <Badge color="green" variant="light" radius="sm">
                Agreed
              </Badge>
            ) : (
              <Badge color="gray" variant="light" radius="sm">
                Not agreed: no emails sent
              </Badge>
            )}
          </Detail>
          <Detail label="Registered">{formatDateTime(patient.createdAt, viewer.timeZone)}</Detail>
          <Detail label="Last changed">{formatDateTime(patient.updatedAt, viewer.timeZone)}</Detail>
        </SimpleGrid>
        {ownClinic ? null : (
          <Text size="sm" c="dimmed" mt="sm">
            {viewer.isPlatformAdmin
              ? 'Only the patient’s own clinic edits their details or refers them.'
              : 'This patient belongs to another clinic, which keeps their details; you see them because of a referral you received.'}
          </Text>
        )}
      </Section>
      <Section title="Referrals" id="patient-referrals-title">
        <PatientReferrals patientId={patient.id} />
      </Section>
      {editing ? <EditPatientModal patient={patient} today={todayInZone(now, viewer.timeZone)} onClose={() => setEditing(false)} /> : null}
    </Stack>
  );
}

/** A term and its value in the details' description list. */
function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

function BackLink() {
  return (
    <Anchor component={Link} to="/patients" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden /> All patients
      </Group>
    </Anchor>
  );
}
