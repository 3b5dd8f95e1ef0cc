import { useMutation } from '@apollo/client/react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { placeServerError } from '../../api/form-errors';
import { graphql } from '../../gql';
import { PasswordField } from '../../components/password-field';
import { FormFooter } from '../../components/form-footer';

const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeatedPassword: string;
}

const EMPTY: PasswordValues = { currentPassword: '', newPassword: '', repeatedPassword: '' };

/**
 * The signed-in user's own password: the current one, then the new one twice. The server decides
 * what a good password is (length, and not the user's email or name); this page only checks that
 * the new one was typed the same twice, which only the page can know.
 */
export function PasswordPage() {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<PasswordValues>({
    initialValues: EMPTY,
    validate: {
      currentPassword: (value) => (value ? null : 'Type your current password'),
      newPassword: (value) => (value ? null : 'Type a new password'),
      repeatedPassword: (value, values) => (value === values.newPassword ? null : 'Type the same new password again'),
    },
  });
  const [changePassword] = useMutation(CHANGE_PASSWORD);

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setFailure(null);
    try {
      await changePassword({ variables: { input: { currentPassword, newPassword } } });
      form.setValues(EMPTY);
      notifications.show({ color: 'green', message: 'Your password is changed. Every other browser signed in as you was signed out.' });
    } catch (error) {
      setFailure(placeServerError(form, error));
    }
  });

  return (
    <Stack gap="md" maw={560}>
      <Title order={1} size="h2">
        Change your password
      </Title>
      <Text size="sm" c="dimmed">
        At least 12 characters; a few unrelated words are easy to remember and hard to guess. It may not hold your email address or your name.
        Every other browser signed in as you is signed out; this one stays signed in.
      </Text>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <PasswordField label="Current password" autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
            <PasswordField label="New password" autoComplete="new-password" required {...form.getInputProps('newPassword')} />
            <PasswordField label="New password again" autoComplete="new-password" required {...form.getInputProps('repeatedPassword')} />
            <FormFooter failure={failure} submitLabel="Change password" submitting={form.submitting} />
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
