import { useApolloClient, useMutation } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../api/errors';
import { FormDialog, FormProblem } from '../../components/form-dialog';
import { PasswordField } from '../../components/password-field';
import type { UserRole } from '../../gql/graphql';
import { ROLE_LABELS } from '../../lib/labels';
import { CHANGE_ROLE, DISABLE_USER, ENABLE_USER, RESEND_INVITATION, RESET_TWO_FACTOR, STAFF_LIST, WITHDRAW_INVITATION } from './staff-queries';
import { CLINIC_ROLES, ROLE_HINTS, roleOptions, sentence, type StaffMember } from './staff-rules';

interface Props {
  member: StaffMember;
  onClose: () => void;
}

/** Changed accounts may no longer match the list's filter: the list is asked again. */
const REFETCH_LIST = { refetchQueries: [STAFF_LIST] };

/**
 * The clinic's last active admin cannot be demoted or disabled: the API's words for it (which
 * name what to do instead) are said as they are, not as a conflict to reload over.
 */
function lastAdminInWords(error: unknown): unknown {
  const described = describeError(error);
  return described.reason === 'LAST_ACTIVE_ADMIN' ? new FormProblem(sentence(described.message)) : error;
}

/** A new role within the account's clinic; their sessions end, and they sign in again as it. */
export function ChangeRoleDialog({ member, self, onClose }: Props & { self: boolean }) {
  const [role, setRole] = useState<UserRole>(member.role);
  const [change] = useMutation(CHANGE_ROLE, REFETCH_LIST);
  const submit = async () => {
    try {
      await change({ variables: { input: { id: member.id, role } } });
    } catch (error) {
      throw lastAdminInWords(error);
    }
    notifications.show({ color: 'green', title: 'Role changed', message: `${member.displayName} is ${article(ROLE_LABELS[role])} now.` });
    onClose();
  };
  return (
    <FormDialog
      title={`Change the role of ${member.displayName}`}
      submitLabel="Change role"
      size="md"
      onClose={onClose}
      onSubmit={submit}
      submitDisabled={role === member.role}
      intro={
        self
          ? 'You are signed out at once on every device, and sign in again as your new role. The clinic needs another active clinic admin first.'
          : `${member.displayName} is signed out at once on every device, and signs in again as their new role.`
      }
    >
      {(errorOf) => (
        <Select
          label="Role"
          data={roleOptions(CLINIC_ROLES)}
          value={role}
          onChange={(next) => next && setRole(next)}
          allowDeselect={false}
          description={`${role === member.role ? 'Their role now. ' : ''}${ROLE_HINTS[role]}`}
          error={errorOf('input.role')}
        />
      )}
    </FormDialog>
  );
}

export function DisableDialog({ member, onClose }: Props) {
  const [disable] = useMutation(DISABLE_USER, REFETCH_LIST);
  const submit = async () => {
    try {
      await disable({ variables: { input: { id: member.id } } });
    } catch (error) {
      throw lastAdminInWords(error);
    }
    notifications.show({ color: 'green', title: 'Account disabled', message: `${member.displayName} is signed out and cannot sign in until the account is enabled again.` });
    onClose();
  };
  return (
    <FormDialog
      title={`Disable ${member.displayName}?`}
      submitLabel="Disable"
      danger
      size="md"
      onClose={onClose}
      onSubmit={submit}
      intro={`Their sessions end at once: ${member.displayName} is signed out on every device and cannot sign in until an admin enables the account again. Their referrals and records stay as they are.`}
    />
  );
}

/**
 * Turns off the two-factor sign-in of someone who lost their phone and their recovery codes, so
 * they can sign in with their password and set it up again. Anyone who knows the password can
 * then sign in as them: the intro asks the admin to be sure who is asking. Off already (they or
 * another admin turned it off meanwhile), the API says so in the dialog, and the list is asked
 * again so the row shows it.
 */
export function ResetTwoFactorDialog({ member, onClose }: Props) {
  const client = useApolloClient();
  const [reset] = useMutation(RESET_TWO_FACTOR, REFETCH_LIST);
  const [password, setPassword] = useState('');
  const submit = async () => {
    if (!password) throw new FormProblem('Type your own password to confirm it is you asking.');
    try {
      await reset({ variables: { input: { id: member.id, password } } });
    } catch (error) {
      const described = describeError(error);
      if (described.code === 'BAD_USER_INPUT' && described.field === 'input.id') void client.refetchQueries({ include: [STAFF_LIST] });
      throw error;
    }
    notifications.show({
      color: 'green',
      title: 'Two-factor sign-in reset',
      message: `${member.displayName} is signed out everywhere, and signs in with their password until they set up two-factor sign-in again.`,
    });
    onClose();
  };
  return (
    <FormDialog
      title={`Reset the two-factor sign-in of ${member.displayName}?`}
      submitLabel="Reset two-factor"
      danger
      size="md"
      onClose={onClose}
      onSubmit={submit}
      intro={`Their two-factor sign-in is turned off and their sessions end at once: ${member.displayName} is signed out on every device. They sign in with their password alone and set up two-factor sign-in again, straight away if their clinic requires it. Make sure it is really them who lost their phone: until then, their password is all it takes to sign in as them.`}
    >
      {(errorOf) => (
        <PasswordField
          label="Your password"
          description="Asked again: an admin's open session alone must not be enough to take someone's second factor away"
          autoComplete="current-password"
          required
          data-autofocus
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errorOf('input.password')}
        />
      )}
    </FormDialog>
  );
}

/**
 * Enables a disabled account. Whether its holder ever chose a password the API does not say: one
 * who never accepted their invitation (it was withdrawn) is refused naming the account, and is
 * invited again instead, which is what enabling them means.
 */
export function EnableDialog({ member, onClose }: Props) {
  const [enable] = useMutation(ENABLE_USER, REFETCH_LIST);
  const [resend] = useMutation(RESEND_INVITATION, REFETCH_LIST);
  const submit = async () => {
    try {
      await enable({ variables: { input: { id: member.id } } });
      notifications.show({ color: 'green', title: 'Account enabled', message: `${member.displayName} can sign in again with their password.` });
    } catch (error) {
      const described = describeError(error);
      if (described.code !== 'BAD_USER_INPUT' || described.field !== 'input.id') throw error;
      await resend({ variables: { input: { userId: member.id } } });
      notifications.show({ color: 'green', title: 'Invitation sent again', message: `${member.displayName} never accepted their invitation: a new one is on its way to ${member.email}.` });
    }
    onClose();
  };
  return (
    <FormDialog
      title={`Enable ${member.displayName}?`}
      submitLabel="Enable"
      size="md"
      onClose={onClose}
      onSubmit={submit}
      intro={`${member.displayName} can sign in again with their password. If they never accepted their invitation, a new one is emailed to ${member.email} instead.`}
    />
  );
}

export function WithdrawDialog({ member, onClose }: Props) {
  const [withdraw] = useMutation(WITHDRAW_INVITATION, REFETCH_LIST);
  const submit = async () => {
    await withdraw({ variables: { input: { userId: member.id } } });
    notifications.show({ color: 'green', title: 'Invitation withdrawn', message: `The link sent to ${member.email} no longer works.` });
    onClose();
  };
  return (
    <FormDialog
      title={`Withdraw the invitation to ${member.displayName}?`}
      submitLabel="Withdraw invitation"
      danger
      size="md"
      onClose={onClose}
      onSubmit={submit}
      intro={`The link in the email to ${member.email} stops working, and the account is disabled. You can invite them again later from its row.`}
    />
  );
}

/** "a Coordinator" → "a coordinator", "an …" before a vowel. */
function article(label: string): string {
  const word = label.toLowerCase();
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}
