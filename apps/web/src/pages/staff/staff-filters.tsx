import { skipToken, useQuery } from '@apollo/client/react';
import { Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { describeError } from '../../api/errors';
import type { UserRole, UserStatus } from '../../gql/graphql';
import { CLINIC_LOOKUP } from '../onboarding/onboarding-queries';
import { isId } from '../onboarding/validators';
import { roleOptions, USER_STATUS_LABELS } from './staff-rules';

export interface StaffFilterValues {
  status: UserStatus | null;
  role: UserRole | null;
  /** A platform admin's clinic id field as typed; applied once it is an id, or empty for every clinic. */
  clinicText: string;
}

export const NO_FILTER: StaffFilterValues = { status: null, role: null, clinicText: '' };

/** The clinic the list is narrowed to: the id typed, once it is one; null for every clinic. */
export function clinicOf(values: StaffFilterValues): string | null {
  const id = values.clinicText.trim();
  return isId(id) ? id : null;
}

/** The API's filter for these choices; undefined when nothing narrows the list. */
export function userFilterOf(values: StaffFilterValues) {
  const clinicId = clinicOf(values);
  const filter = { ...(values.status ? { status: values.status } : {}), ...(values.role ? { role: values.role } : {}), ...(clinicId ? { clinicId } : {}) };
  return Object.keys(filter).length > 0 ? filter : undefined;
}

const ALL = 'ALL';
const STATUS_OPTIONS = [{ value: ALL, label: 'All' }, ...(Object.keys(USER_STATUS_LABELS) as UserStatus[]).map((value) => ({ value, label: USER_STATUS_LABELS[value] }))];

interface Props {
  value: StaffFilterValues;
  onChange: (next: StaffFilterValues) => void;
  roles: readonly UserRole[];
  /** Platform admins narrow the list by clinic; a clinic admin's is their own. */
  byClinic: boolean;
}

export function StaffFilters({ value, onChange, roles, byClinic }: Props) {
  const statusLabel = useId();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter staff">
      <Stack gap={4} w={{ base: '100%', xs: 'auto' }}>
        <Text size="sm" fw={500} id={statusLabel}>
          Status
        </Text>
        <SegmentedControl
          aria-labelledby={statusLabel}
          data={STATUS_OPTIONS}
          value={value.status ?? ALL}
          onChange={(status) => onChange({ ...value, status: status === ALL ? null : (status as UserStatus) })}
          fullWidth
        />
      </Stack>
      <Select
        label="Role"
        placeholder="Any role"
        data={roleOptions(roles)}
        value={value.role}
        onChange={(role) => onChange({ ...value, role: role })}
        clearable
        w={{ base: '100%', xs: 200 }}
      />
      {byClinic ? <ClinicFilter text={value.clinicText} onChange={(clinicText) => onChange({ ...value, clinicText })} /> : null}
    </Group>
  );
}

/**
 * The clinic, by id, or empty for every clinic. The API lists no clinics to pick from, so the
 * admin pastes the id ReferLoop showed when the clinic was created; the clinic's name is shown
 * under the field, so a wrong paste is seen at once.
 */
function ClinicFilter({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  const id = text.trim();
  const lookup = useQuery(CLINIC_LOOKUP, isId(id) ? { variables: { id } } : skipToken);
  const clinic = lookup.data?.clinic;
  const described = lookup.error ? describeError(lookup.error) : null;
  const description = !id
    ? 'Empty: every clinic.'
    : !isId(id)
      ? null
      : clinic
        ? `Showing ${clinic.name}.`
        : described
          ? described.code === 'NOT_FOUND'
            ? 'No clinic has this id.'
            : `The clinic could not be looked up: ${described.message}`
          : 'Looking the clinic up…';
  return (
    <TextInput
      label="Clinic id"
      placeholder="Every clinic"
      autoComplete="off"
      spellCheck={false}
      value={text}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={id && !isId(id) ? 'Paste the id exactly as ReferLoop showed it (36 characters, like 3f2b8c1e-…)' : undefined}
      description={description ? <Text span size="xs" aria-live="polite">{description}</Text> : undefined}
      w={{ base: '100%', xs: 340 }}
    />
  );
}
