import { Button, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { PublicPage } from '../layout/public-page';
import { SessionRefused } from '../session/session-api';
import { signInWithCode, type CodeStep } from '../session/session';
import { PlainForm } from '../components/plain-form';

interface Props {
  step: CodeStep;
  /** The code step is over without a session (expired, or refused too often): back to the password, saying why. */
  onStartOver: (message: string) => void;
}

/**
 * The second step of signing in with two-factor sign-in on: the six digits the authenticator
 * app shows, or one of the recovery codes. Plain state, like the sign-in page it belongs to.
 */
export function CodeStepForm({ step, onStartOver }: Props) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (!code.trim()) return setError('Enter the code your authenticator app shows');
    setError(null);
    setSubmitting(true);
    try {
      await signInWithCode(step, code.trim());
    } catch (failure) {
      setSubmitting(false);
      setCode('');
      if (failure instanceof SessionRefused && failure.code === 'UNAUTHENTICATED') return onStartOver(failure.message);
      setError(failure instanceof Error ? failure.message : 'Signing in failed. Try again.');
    }
  };

  return (
    <PublicPage title="Enter your code">
      <Text size="sm">Open your authenticator app and enter the six-digit code it shows for ReferLoop.</Text>
      <PlainForm onSubmit={submit}>
        <TextInput
          label="Code"
          autoComplete="one-time-code"
          inputMode="numeric"
          data-autofocus
          autoFocus
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={error}
          aria-invalid={error ? true : undefined}
        />
        <Button type="submit" loading={submitting} fullWidth>
          Sign in
        </Button>
      </PlainForm>
      <Text size="xs" c="dimmed">
        No phone at hand? Enter one of your recovery codes instead; each works once.
      </Text>
    </PublicPage>
  );
}
