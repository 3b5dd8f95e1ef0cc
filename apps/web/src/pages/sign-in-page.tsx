import { Alert, Anchor, Button, Text, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { PublicPage } from '../layout/public-page';
import { signIn, type CodeStep } from '../session/session';
import { CodeStepForm } from './code-step-form';
import { PasswordField } from '../components/password-field';
import { PlainForm } from '../components/plain-form';

interface Props {
  /** Why the user is here: signed out, session ended, service unreachable. */
  notice?: string;
}

export function SignInPage({ notice }: Props) {
  // Plain state rather than a form library: this page is the first one loaded, and kept small.
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  /** Set once the password was right and the account asks for a code too. */
  const [codeStep, setCodeStep] = useState<CodeStep | null>(null);

  const submit = async () => {
    const problems = {
      email: /^\S+@\S+$/.test(email.trim()) ? undefined : 'Enter the email address you sign in with',
      password: password.length > 0 ? undefined : 'Enter your password',
    };
    setErrors(problems);
    if (problems.email || problems.password) return;
    setFailure(null);
    setSubmitting(true);
    try {
      const step = await signIn(email.trim(), password);
      if (step) {
        setCodeStep(step);
        setSubmitting(false);
      }
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Signing in failed. Try again.');
      setPassword('');
      setSubmitting(false);
    }
  };

  if (codeStep) {
    return (
      <CodeStepForm
        step={codeStep}
        onStartOver={(message) => {
          setCodeStep(null);
          setPassword('');
          setFailure(message);
        }}
      />
    );
  }

  return (
    <PublicPage title="Sign in">
      {notice ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
          {notice}
        </Alert>
      ) : null}
      <PlainForm onSubmit={submit}>
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
        />
        <PasswordField
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
        />
        {failure ? (
          <Text c="red.8" size="sm" role="alert">
            {failure}
          </Text>
        ) : null}
        <Button type="submit" loading={submitting} fullWidth mt="xs">
          Sign in
        </Button>
      </PlainForm>
      <Anchor component={Link} to="/reset-password" size="sm">
        Forgot your password?
      </Anchor>
      <Text size="xs" c="dimmed">
        ReferLoop keeps you signed in on this browser until you sign out. On a shared computer, sign out when you are done.
      </Text>
    </PublicPage>
  );
}
