import { Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateField } from '../../components/date-field';
import type { UseFormReturnType } from '@mantine/form';
import type { PatientFormValues } from './patient-form-values';

interface Props {
  form: UseFormReturnType<PatientFormValues>;
  /** Today in the clinic's zone: the latest date of birth allowed. */
  today: string;
}

/** The fields of a patient, for registering and for editing. */
export function PatientFormFields({ form, today }: Props) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label="First name" required autoComplete="off" maxLength={100} data-autofocus {...form.getInputProps('firstName')} />
        <TextInput label="Last name" required autoComplete="off" maxLength={100} {...form.getInputProps('lastName')} />
      </SimpleGrid>
      <DateField
        label="Date of birth"
        description="Type it as YYYY-MM-DD or pick it"
        required
        defaultLevel="decade"
        minDate="1900-01-01"
        maxDate={today}
        {...form.getInputProps('dateOfBirth')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label="Email" type="email" autoComplete="off" maxLength={254} {...form.getInputProps('email')} />
        <TextInput label="Phone" type="tel" autoComplete="off" maxLength={32} {...form.getInputProps('phone')} />
      </SimpleGrid>
      <Checkbox
        label="The patient agreed to receive status emails"
        description="ReferLoop then emails them when their referral is sent, accepted, scheduled, declined, cancelled or completed. The emails never name a condition or a diagnosis, and each has an unsubscribe link. Without this consent the patient gets no email."
        {...form.getInputProps('emailConsent', { type: 'checkbox' })}
      />
    </Stack>
  );
}
