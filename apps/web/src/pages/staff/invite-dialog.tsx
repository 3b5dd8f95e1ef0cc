import { useMutation } from '@apollo/client/react';
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { placeServerError } from '../../api/form-errors';
import { FormDialog } from '../../components/form-dialog';
import type { UserRole } from '../../gql/graphql';
import { ROLE_LABELS } from '../../lib/labels';
import { ClinicIdInput } from '../onboarding/clinic-id-input';
import { emailRule, idRule, requiredText } from '../onboarding/validators';
import { STAFF_LIST, INVITE_STAFF } from './staff-queries';
import { ROLE_HINTS, roleOptions } from './staff-rules';

interface InviteValues {
  email: string;
  displayName: string;
  role: UserRole | null;
  /** A platform admin's choice only: a clinic admin invites to their own clinic, and the form has no such field. */
  clinicId?: string;
}

interface Props {
  roles: readonly UserRole[];
  /** The clinic admin's own clinic; null for a platform admin, who gives the clinic's id. */
  clinic: { id: string; name: string } | null;
  /** A platform admin's clinic id to start from (the one the list is narrowed to). */
  clinicIdPrefill?: string;
  onClose: () => void;
}

/**
 * Invites a person: their account is made without a password, and they get an email with a link
 * to choose their own. A refusal of a field is shown beside it; anything else above the buttons.
 */
export function InviteDialog({ roles, clinic, clinicIdPrefill = '', onClose }: Props) {
  const form = useForm<InviteValues>({
    initialValues: clinic ? { email: '', displayName: '', role: null } : { email: '', displayName: '', role: null, clinicId: clinicIdPrefill },
    validate: {
      email: emailRule,
      displayName: requiredText('the name shown to others', 120),
      role: (value) => (value ? null : 'Choose a role'),
      clinicId: (value, values) => (clinic || values.role === 'PLATFORM_ADMIN' ? null : idRule('the clinic’s id')(value ?? '')),
    },
  });
  const [invite] = useMutation(INVITE_STAFF, { refetchQueries: [STAFF_LIST] });
  const platformAdminRole = form.values.role === 'PLATFORM_ADMIN';

  const submit = async () => {
    if (form.validate().hasErrors) return;
    const values = form.getValues();
    const role = values.role ?? 'COORDINATOR';
    try {
      const result = await invite({
        variables: {
          input: {
            email: values.email.trim(),
            displayName: values.displayName.trim(),
            role,
            // A platform admin belongs to no clinic: the API refuses one.
            clinicId: clinic ? clinic.id : role === 'PLATFORM_ADMIN' ? null : (values.clinicId ?? '').trim(),
          },
        },
      });
      const user = result.data?.inviteUser;
      notifications.show({
        color: 'green',
        title: 'Invitation sent',
        message: user ? `${user.displayName} is invited as ${ROLE_LABELS[user.role].toLowerCase()}: the email to ${user.email} has a link to choose a password, which works for a week.` : 'The invitation is on its way.',
      });
      onClose();
    } catch (error) {
      // Beside the field it names, or said in words by the dialog.
      if (placeServerError(form, error) !== null) throw error;
    }
  };

  return (
    <FormDialog
      title="Invite someone"
      submitLabel="Send invitation"
      onClose={onClose}
      onSubmit={submit}
      intro={`They get an email with a link to choose their own password${clinic ? ` and join ${clinic.name}` : ''}; the link works for a week.`}
    >
      {() => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Email" description="The invitation goes there; they sign in with it" type="email" required maxLength={254} autoComplete="off" data-autofocus {...form.getInputProps('email')} />
          <TextInput label="Display name" description="Shown to other users" required maxLength={120} autoComplete="off" {...form.getInputProps('displayName')} />
          <Select label="Role" required data={roleOptions(roles)} description={form.values.role ? ROLE_HINTS[form.values.role] : 'What they may do'} {...form.getInputProps('role')} />
          {clinic ? null : <ClinicIdInput inputProps={form.getInputProps('clinicId')} value={form.values.clinicId ?? ''} disabled={platformAdminRole} />}
        </SimpleGrid>
      )}
    </FormDialog>
  );
}
