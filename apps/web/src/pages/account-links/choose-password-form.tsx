import { Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { placeServerError } from '../../api/form-errors';
import { FormFooter } from '../../components/form-footer';
import { PasswordField } from '../../components/password-field';

interface Props {
  /** The account the password is for: shown, and given to password managers as the username. */
  email: string;
  submitLabel: string;
  /** Sends the password; a refusal it throws is shown beside the field or above the button. */
  onSubmit: (password: string) => Promise<void>;
}

/**
 * A new password, typed twice. What makes a good password (length, not a common one, not the
 * email or the name) is the server's to say, beside the field; only that both were typed the
 * same is checked here, which only the page can know.
 */
export function ChoosePasswordForm({ email, submitLabel, onSubmit }: Props) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', repeatedPassword: '' },
    validate: {
      password: (value) => (value ? null : 'Choose a password'),
      repeatedPassword: (value, values) => (value === values.password ? null : 'Type the same password again'),
    },
  });
  const submit = form.onSubmit(async ({ password }) => {
    setFailure(null);
    try {
      await onSubmit(password);
    } catch (error) {
      setFailure(placeServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Text size="sm" c="dimmed">
          At least 12 characters; a few unrelated words are easy to remember and hard to guess. Not a common password, and not your email address or name.
        </Text>
        <PasswordField label="New password" autoComplete="new-password" required {...form.getInputProps('password')} />
        <PasswordField label="New password again" autoComplete="new-password" required {...form.getInputProps('repeatedPassword')} />
        <FormFooter failure={failure} submitLabel={submitLabel} submitting={form.submitting} />
      </Stack>
    </form>
  );
}
