import { useApolloClient } from '@apollo/client/react';
import { Button, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { describeError, type DescribedError } from '../../api/errors';
import { graphql } from '../../gql';

const CREATE_PATIENT = graphql(`
  mutation NewReferralCreatePatient($input: CreatePatientInput!) {
    createPatient(input: $input) {
      id
      firstName
      lastName
      dateOfBirth
    }
  }
`);

/** Registers a patient without leaving the referral form; the new patient becomes the referral's. */
export function NewPatientInline({ clinicId, onCreated, onCancel }: { clinicId: string; onCreated: (id: string) => void; onCancel: () => void }) {
  const client = useApolloClient();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [emailConsent, setEmailConsent] = useState(false);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = (path: string) => (failure?.code === 'BAD_USER_INPUT' && failure.field === path ? failure.message : undefined);

  const create = async () => {
    setFailure(null);
    setBusy(true);
    try {
      const result = await client.mutate({
        mutation: CREATE_PATIENT,
        variables: { input: { clinicId, firstName: firstName.trim(), lastName: lastName.trim(), dateOfBirth: dateOfBirth ?? '', email: email.trim() || undefined, emailConsent } },
      });
      if (result.data) onCreated(result.data.createPatient.id);
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Register a new patient
        </Text>
        <Group grow wrap="wrap">
          <TextInput label="First name" required value={firstName} onChange={(e) => setFirstName(e.currentTarget.value)} error={errorOf('input.firstName')} />
          <TextInput label="Last name" required value={lastName} onChange={(e) => setLastName(e.currentTarget.value)} error={errorOf('input.lastName')} />
        </Group>
        <Group grow wrap="wrap">
          <DateInput label="Date of birth" required valueFormat="YYYY-MM-DD" placeholder="YYYY-MM-DD" value={dateOfBirth} onChange={setDateOfBirth} error={errorOf('input.dateOfBirth')} maxDate={new Date().toISOString().slice(0, 10)} />
          <TextInput label="Email (optional)" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errorOf('input.email')} />
        </Group>
        <Checkbox label="The patient agrees to get status emails about their referrals" checked={emailConsent} onChange={(e) => setEmailConsent(e.currentTarget.checked)} />
        {failure && !(failure.code === 'BAD_USER_INPUT' && failure.field) ? <Text c="red.8" size="sm" role="alert">{failure.message}</Text> : null}
        <Group>
          <Button size="xs" loading={busy} onClick={() => void create()}>
            Register patient
          </Button>
          <Button size="xs" variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
