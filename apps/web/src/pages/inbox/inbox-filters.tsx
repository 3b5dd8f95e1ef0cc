import { Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Modality, ReferralPriority, ReferralStatus } from '../../gql/graphql';
import { MODALITY_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '../../lib/labels';

export interface InboxFilterValues {
  status: ReferralStatus[];
  priority: ReferralPriority | null;
  modality: Modality | null;
  /** Kept in memory only: a patient's name must not end up in the address bar. */
  search: string;
}

const options = <T extends string>(labels: Record<T, string>) => (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

interface Props {
  value: InboxFilterValues;
  onChange: (next: InboxFilterValues) => void;
}

export function InboxFilters({ value, onChange }: Props) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter referrals">
      <TextInput
        label="Search"
        placeholder="Reference or patient name"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={value.search}
        onChange={(event) => onChange({ ...value, search: event.currentTarget.value })}
        w={{ base: '100%', sm: 260 }}
        maxLength={100}
      />
      <MultiSelect
        label="Status"
        placeholder={value.status.length ? undefined : 'Any status'}
        data={options(STATUS_LABELS)}
        value={value.status}
        onChange={(status) => onChange({ ...value, status: status })}
        clearable
        w={{ base: '100%', sm: 240 }}
      />
      <Select
        label="Priority"
        placeholder="Any priority"
        data={options(PRIORITY_LABELS)}
        value={value.priority}
        onChange={(priority) => onChange({ ...value, priority: priority })}
        clearable
        w={{ base: '47%', sm: 150 }}
      />
      <Select
        label="Modality"
        placeholder="Any modality"
        data={options(MODALITY_LABELS)}
        value={value.modality}
        onChange={(modality) => onChange({ ...value, modality: modality })}
        clearable
        w={{ base: '47%', sm: 180 }}
      />
    </Group>
  );
}
