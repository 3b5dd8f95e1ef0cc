import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { formatLocalDate } from '../../lib/clinic-time';
import { NEW_REFERRAL_PATIENT, PATIENT_CHOICES } from './new-referral-queries';

interface Props {
  value: string | null;
  onChange: (patientId: string | null) => void;
  error?: string;
}

/** A searchable choice among the clinic's patients; the search text stays on this page, never in the address. */
export function PatientChooser({ value, onChange, error }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const choices = useQuery(PATIENT_CHOICES, { variables: { search: debounced || undefined } });
  const chosen = useQuery(NEW_REFERRAL_PATIENT, { variables: { id: value ?? '' }, skip: !value });
  const people = [...(choices.data?.patients.edges.map((edge) => edge.node) ?? []), ...(chosen.data ? [chosen.data.patient] : [])];
  const options = [...new Map(people.map((p) => [p.id, { value: p.id, label: `${p.firstName} ${p.lastName} (born ${formatLocalDate(p.dateOfBirth)})` }])).values()];
  return (
    <Select
      label="Patient"
      required
      searchable
      placeholder="Type a name to search"
      data={options}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={choices.loading ? 'Searching…' : 'No patient found; register them below'}
      error={error}
    />
  );
}
