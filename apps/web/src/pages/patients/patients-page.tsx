import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useViewer } from '../../layout/viewer';
import { useNow } from '../../lib/use-now';
import { todayInZone } from '../../lib/zoned-time';
import { NewPatientModal } from './new-patient-modal';
import { PatientList } from './patient-list';

/**
 * The clinic's patients. The search text stays in this component's state, never in the address:
 * a patient's name must not end up in browser history or proxy logs.
 */
export function PatientsPage() {
  const viewer = useViewer();
  const now = useNow();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [creating, { open, close }] = useDisclosure(false);
  // Patients are registered by their own clinic; a platform admin has none.
  const clinic = viewer.clinic;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Patients
        </Title>
        {clinic ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            New patient
          </Button>
        ) : null}
      </Group>
      {clinic ? null : <Text c="dimmed">Patients are registered by their clinic&apos;s staff. As a platform admin you can look them up here, not register them.</Text>}
      <Group role="search" aria-label="Search patients">
        <TextInput
          label="Search"
          placeholder="Name or email"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
          maxLength={100}
          autoComplete="off"
        />
      </Group>
      <PatientList search={debounced} emptyText={clinic ? 'Register a patient with “New patient” to refer them.' : 'No clinic has registered a patient yet.'} />
      {clinic ? <NewPatientModal opened={creating} onClose={close} clinicId={clinic.id} clinicName={clinic.name} today={todayInZone(now, viewer.timeZone)} /> : null}
    </Stack>
  );
}
