import { Alert, Button, Code, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { placeServerError } from '../../api/form-errors';
import { FormFooter } from '../../components/form-footer';
import { PasswordField } from '../../components/password-field';
import { useFetched } from '../../lib/use-fetched';
import { ErrorState, LoadingState } from '../../components/states';
import { requestTotpConfirmation, requestTotpEnrolment, type TotpEnrolment as Enrolment } from '../../session/session-api';
import { currentAccessToken } from '../../session/session-store';

/** The secret in groups of four, as people type it into an app that cannot scan. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

const digits = (code: string) => code.replace(/\s/g, '');

/**
 * Enrolling an authenticator app: the secret as a QR code (and as text), then a code from the
 * app and the password to confirm it, then the ten recovery codes, shown this once. `onDone`
 * once they are saved.
 */
export function TotpEnrolment({ onDone }: { onDone: () => void }) {
  const { fetched: begun, retry } = useFetched(() => requestTotpEnrolment(currentAccessToken()), 'enrolment');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: '', password: '' },
    validate: {
      code: (value) => (/^\d{6}$/.test(digits(value)) ? null : 'Enter the six digits your app shows now'),
      password: (value) => (value ? null : 'Type your password'),
    },
  });
  const confirm = form.onSubmit(async ({ code, password }) => {
    setFailure(null);
    try {
      setRecoveryCodes(await requestTotpConfirmation(currentAccessToken(), digits(code), password));
    } catch (error) {
      setFailure(placeServerError(form, error));
    }
  });

  if (recoveryCodes !== null) {
    return (
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Save your recovery codes now">
          <Text size="sm">Each signs you in once without your phone. They are shown only this once: print them or keep them in a password manager.</Text>
        </Alert>
        <SimpleGrid cols={2} spacing="xs" component="ul" aria-label="Recovery codes" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {recoveryCodes.map((recoveryCode) => (
            <Code component="li" key={recoveryCode} fz="md" ta="center">
              {recoveryCode}
            </Code>
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button onClick={onDone}>I have saved them</Button>
        </Group>
      </Stack>
    );
  }
  if (begun.status === 'loading') return <LoadingState label="Making your secret…" />;
  if (begun.status === 'failed') return <ErrorState title="Two-factor sign-in could not be set up" error={begun.error} onRetry={retry} />;
  const enrolment: Enrolment = begun.value;
  return (
    <Stack gap="md">
      <Text size="sm">
        Scan this code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, …), then enter the six digits it shows.
      </Text>
      <Group justify="center" role="img" aria-label="QR code of your two-factor secret">
        <QRCodeSVG value={enrolment.otpauthUri} size={192} marginSize={2} aria-hidden />
      </Group>
      <Text size="sm">
        Cannot scan? Type this key into the app: <Code fz="sm">{grouped(enrolment.secret)}</Code>
      </Text>
      <form onSubmit={confirm} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Code from the app"
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            {...form.getInputProps('code')}
            aria-invalid={form.errors.code ? true : undefined}
          />
          <PasswordField
            label="Your password"
            description="Turning it on signs you out everywhere else."
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <FormFooter failure={failure} submitLabel="Turn on two-factor sign-in" submitting={form.submitting} />
        </Stack>
      </form>
    </Stack>
  );
}
