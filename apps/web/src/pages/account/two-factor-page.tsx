import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { placeServerError } from '../../api/form-errors';
import { FormFooter } from '../../components/form-footer';
import { PasswordField } from '../../components/password-field';
import { ErrorState, LoadingState } from '../../components/states';
import { useFetched } from '../../lib/use-fetched';
import { requestTwoFactorRemoval, requestTwoFactorStatus, type TwoFactorState } from '../../session/session-api';
import { currentAccessToken } from '../../session/session-store';
import { TotpEnrolment } from '../two-factor/totp-enrolment';

/**
 * The signed-in user's two-factor sign-in: on or off, whether they must use it, the recovery
 * codes left; turning it on (an authenticator app) or off (with the password again).
 */
export function TwoFactorPage() {
  const { fetched: load, retry: reload } = useFetched(() => requestTwoFactorStatus(currentAccessToken()), 'two-factor status');
  const [enrolling, setEnrolling] = useState(false);

  return (
    <Stack gap="md" maw={560}>
      <Title order={1} size="h2">
        Two-factor sign-in
      </Title>
      <Text size="sm" c="dimmed">
        With it on, signing in asks for a code from an authenticator app on your phone after your password: a stolen password alone no longer opens your
        account.
      </Text>
      {load.status === 'loading' ? <LoadingState label="Loading…" /> : null}
      {load.status === 'failed' ? <ErrorState title="Two-factor sign-in could not be loaded" error={load.error} onRetry={reload} /> : null}
      {load.status === 'loaded' ? (
        <Paper withBorder p="md">
          {enrolling ? (
            <TotpEnrolment
              onDone={() => {
                setEnrolling(false);
                notifications.show({ color: 'green', message: 'Two-factor sign-in is on. Your next sign-in asks for a code.' });
                reload();
              }}
            />
          ) : load.value.enabled ? (
            <TurnOff state={load.value} onDone={reload} />
          ) : (
            <Stack gap="sm">
              <Group gap="xs">
                <Badge color="gray" variant="light">
                  Off
                </Badge>
                {load.value.required ? <Text size="sm">Your account must use it.</Text> : null}
              </Group>
              <Group justify="flex-end">
                <Button onClick={() => setEnrolling(true)}>Turn on</Button>
              </Group>
            </Stack>
          )}
        </Paper>
      ) : null}
    </Stack>
  );
}

function TurnOff({ state, onDone }: { state: TwoFactorState; onDone: () => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: { password: '' }, validate: { password: (value) => (value ? null : 'Type your password') } });
  const submit = form.onSubmit(async ({ password }) => {
    setFailure(null);
    try {
      await requestTwoFactorRemoval(currentAccessToken(), password);
      notifications.show({ color: 'green', message: 'Two-factor sign-in is off.' });
      onDone();
    } catch (error) {
      setFailure(placeServerError(form, error));
    }
  });
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge color="green" variant="light">
          On
        </Badge>
        <Text size="sm">{state.recoveryCodesLeft === 1 ? '1 recovery code left' : `${state.recoveryCodesLeft} recovery codes left`}</Text>
      </Group>
      {state.required ? (
        <Alert color="blue" variant="light">
          Your account must use two-factor sign-in: turned off, it is asked for again at your next sign-in.
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordField label="Your password, to turn it off" autoComplete="current-password" required {...form.getInputProps('password')} />
          <FormFooter failure={failure} submitLabel="Turn off" submitting={form.submitting} />
        </Stack>
      </form>
    </Stack>
  );
}
