import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { placeServerError } from '../../api/form-errors';
import { FormFooter } from '../../components/form-footer';
import { PublicPage } from '../../layout/public-page';
import { useLinkToken } from '../../lib/link-token';
import { requestPasswordReset, requestResetPassword } from '../../session/session-api';
import { ChoosePasswordForm } from './choose-password-form';
import { CheckedLink } from './checked-link';

/**
 * A forgotten password. Opened plainly (from the sign-in page), it asks for the email address
 * and sends the link; opened from that link (`/reset-password#<token>`), it takes the new
 * password. What it says after a request is the same whether or not the address has an account.
 */
export function ResetPasswordPage() {
  const [token, forgetToken] = useLinkToken();
  // Keyed by the token: a second link pasted into this tab starts from its own check.
  return token === null ? <RequestLink /> : <ChooseNewPassword key={token} token={token} onAskAgain={forgetToken} />;
}

function RequestLink() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter the email address you sign in with'),
    },
  });
  const submit = form.onSubmit(async ({ email }) => {
    setFailure(null);
    try {
      await requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (error) {
      setFailure(placeServerError(form, error));
    }
  });

  if (sentTo !== null) {
    return (
      <PublicPage title="Check your email">
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          <Text size="sm">
            If <strong>{sentTo}</strong> belongs to a ReferLoop account, a link to choose a new password is on its way there. It works once, for a short time.
          </Text>
        </Alert>
        <Text size="sm" c="dimmed">
          Nothing after a few minutes? Check your spam folder, or ask again.
        </Text>
        <Button variant="default" onClick={() => setSentTo(null)}>
          Ask again
        </Button>
        <Anchor component={Link} to="/referrals" size="sm">
          Back to sign in
        </Anchor>
      </PublicPage>
    );
  }
  return (
    <PublicPage title="Forgot your password?">
      <Text size="sm">Enter the email address you sign in with, and we will email you a link to choose a new password.</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <FormFooter failure={failure} submitLabel="Email me a link" submitting={form.submitting} />
        </Stack>
      </form>
      <Anchor component={Link} to="/referrals" size="sm">
        Back to sign in
      </Anchor>
    </PublicPage>
  );
}

function ChooseNewPassword({ token, onAskAgain }: { token: string; onAskAgain: () => void }) {
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <PublicPage title="Your password is changed">
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          <Text size="sm">Every device that was signed in as you has been signed out. Sign in with your new password.</Text>
        </Alert>
        <Button component={Link} to="/referrals">
          Sign in
        </Button>
      </PublicPage>
    );
  }
  return (
    <CheckedLink
      token={token}
      kind="PASSWORD_RESET"
      title="Choose a new password"
      what="link"
      wrongKind="This is an invitation link, not a password reset. Open it from the email it came in."
      problemAction={
        <Button variant="default" onClick={onAskAgain}>
          Ask for a new link
        </Button>
      }
    >
      {({ email }) => (
        <PublicPage title="Choose a new password">
          <Text size="sm">
            For <strong>{email}</strong>. Once it is set, every device signed in as you is signed out.
          </Text>
          <ChoosePasswordForm
            email={email}
            submitLabel="Set new password"
            onSubmit={async (password) => {
              await requestResetPassword(token, password);
              setDone(true);
            }}
          />
        </PublicPage>
      )}
    </CheckedLink>
  );
}
