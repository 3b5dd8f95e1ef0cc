import { useQuery } from '@apollo/client/react';
import { skipToken } from '@apollo/client/react';
import { Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { describeError } from '../../api/errors';
import { CLINIC_LOOKUP } from './onboarding-queries';
import { isId } from './validators';

interface Props {
  inputProps: GetInputPropsReturnType;
  value: string;
  disabled?: boolean;
}

/**
 * The clinic, by id. The API has no query listing clinics (only `clinic(id)`), so the admin
 * pastes the id ReferLoop showed when the clinic was created; the clinic's name is looked up and
 * shown under the field, so a wrong paste is seen before sending.
 */
export function ClinicIdInput({ inputProps, value, disabled }: Props) {
  const id = value.trim();
  const lookup = useQuery(CLINIC_LOOKUP, isId(id) && !disabled ? { variables: { id } } : skipToken);
  const clinic = lookup.data?.clinic;
  const description = disabled
    ? undefined
    : clinic
      ? `${clinic.name} (times in ${clinic.timeZone})`
      : lookup.error
        ? describeError(lookup.error).code === 'NOT_FOUND'
          ? 'No clinic has this id.'
          : `The clinic could not be looked up: ${describeError(lookup.error).message}`
        : lookup.loading
          ? 'Looking the clinic up…'
          : 'Paste the id shown when the clinic was created.';

  return (
    <TextInput
      label="Clinic id"
      required={!disabled}
      disabled={disabled}
      autoComplete="off"
      spellCheck={false}
      placeholder="e.g. 3f2b8c1e-…"
      description={<Text span size="xs" aria-live="polite">{description}</Text>}
      {...inputProps}
    />
  );
}
