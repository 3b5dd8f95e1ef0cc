import { useMutation } from '@apollo/client/react';
import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import type { UserRole } from '../../gql/graphql';
import { ROLE_LABELS } from '../../lib/labels';
import { ClinicIdInput } from './clinic-id-input';
import { CreatedNotice } from './created-notice';
import { placeServerError } from '../../api/form-errors';
import { INVITE_USER } from './onboarding-queries';
import { emailRule, idRule, requiredText } from './validators';
import { FormFooter } from '../../components/form-footer';

interface UserValues {
  email: string;
  displayName: string;
  role: UserRole | null;
  clinicId: string;
}

export interface CreatedUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  clinicId: string | null;
}

const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as UserRole[]).map((value) => ({ value, label: ROLE_LABELS[value] }));

const ROLE_HINTS: Record<UserRole, string> = {
  PLATFORM_ADMIN: 'Runs ReferLoop for every clinic; belongs to no clinic.',
  CLINIC_ADMIN: 'Manages the clinic’s users and providers, and works its referrals.',
  COORDINATOR: 'Registers patients and sends and answers the clinic’s referrals.',
  PROVIDER: 'Treats patients; needs a provider profile (next tab) to receive referrals.',
};

interface Props {
  /** A clinic id handed over from the clinic just created. */
  clinicId?: string;
  /** After creating a PROVIDER user: offer to create their profile. */
  onCreateProfile: (user: CreatedUser) => void;
  focusOnMount?: boolean;
}

/**
 * Invites a user: the account is made without a password, and the person gets an email with a
 * link to choose their own (nobody types or passes on another person's password).
 */
export function UserForm({ clinicId = '', onCreateProfile, focusOnMount = false }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Handed over from another tab: the button pressed there is hidden now, so focus comes here.
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [inviteUser] = useMutation(INVITE_USER);
  const form = useForm<UserValues>({
    initialValues: { email: '', displayName: '', role: null, clinicId },
    validate: {
      email: emailRule,
      displayName: requiredText('the name shown to others', 120),
      role: (value) => (value ? null : 'Choose a role'),
      clinicId: (value, values) => (values.role === 'PLATFORM_ADMIN' ? null : idRule('the clinic’s id')(value)),
    },
  });
  const platformAdmin = form.values.role === 'PLATFORM_ADMIN';

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setCreated(null);
    try {
      const result = await inviteUser({
        variables: {
          input: {
            email: values.email.trim(),
            displayName: values.displayName.trim(),
            role: values.role ?? 'COORDINATOR',
            // A platform admin belongs to no clinic: the API refuses one.
            clinicId: values.role === 'PLATFORM_ADMIN' ? null : values.clinicId.trim(),
          },
        },
      });
      const user = result.data?.inviteUser;
      if (user) {
        setCreated({ id: user.id, email: user.email, displayName: user.displayName, role: user.role, clinicId: user.clinicId ?? null });
        // The clinic stays: the next user is often for the same one.
        form.setValues({ email: '', displayName: '', role: null });
        form.resetDirty();
      }
    } catch (error) {
      setFailure(placeServerError(form, error));
    }
  });

  return (
    <Stack gap="md" component="section" aria-labelledby="create-user-title">
      <Title order={2} size="h4" id="create-user-title" ref={headingRef} tabIndex={-1}>
        Invite a user
      </Title>
      {created ? (
        <CreatedNotice title={`${ROLE_LABELS[created.role]} ${created.displayName} invited`} id={created.id}>
          <Text size="sm">An invitation is on its way to {created.email}: they choose their password from its link, which works for a week.</Text>
          {created.role === 'PROVIDER' ? (
            <Group>
              <Button size="xs" onClick={() => onCreateProfile(created)}>
                Create their provider profile
              </Button>
            </Group>
          ) : null}
        </CreatedNotice>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Email" description="The invitation goes there; they sign in with it" type="email" required maxLength={254} autoComplete="off" {...form.getInputProps('email')} />
            <TextInput label="Display name" description="Shown to other users" required maxLength={120} autoComplete="off" {...form.getInputProps('displayName')} />
            <Select label="Role" required data={ROLE_OPTIONS} description={form.values.role ? ROLE_HINTS[form.values.role] : 'What they may do'} {...form.getInputProps('role')} />
            <ClinicIdInput inputProps={form.getInputProps('clinicId')} value={form.values.clinicId} disabled={platformAdmin} />
          </SimpleGrid>
          <FormFooter failure={failure} submitLabel="Send invitation" submitting={form.submitting} />
        </Stack>
      </form>
    </Stack>
  );
}
