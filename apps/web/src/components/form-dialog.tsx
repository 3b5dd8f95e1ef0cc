import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { describeError, type DescribedError } from '../api/errors';
import { fieldError, fieldRefusal } from '../api/field-refusal';
import { useReturnFocus } from './use-return-focus';

/** Thrown by a dialog's submit for a check made before anything is sent; its message is shown as it is. */
export class FormProblem extends Error {}

interface Props {
  title: string;
  submitLabel: string;
  onClose: () => void;
  /** Sends the form; throws a FormProblem or the API's error, which the dialog shows. */
  onSubmit: () => Promise<void>;
  /** The fields; `errorOf('input.x')` is the API's message for that input path. */
  children: (errorOf: (path: string) => string | undefined) => ReactNode;
  size?: string;
  intro?: ReactNode;
}

/**
 * A dialog holding one form that sends one mutation: the API's refusal of a field is shown beside
 * that field, any other refusal (a conflict, a lost connection) above the buttons in words; the
 * dialog stays open with what was typed so nothing is lost.
 */
export function FormDialog({ title, submitLabel, onClose, onSubmit, children, size, intro }: Props) {
  useReturnFocus();
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = (path: string) => fieldError(failure, path);

  const submit = async () => {
    setFailure(null);
    setProblem(null);
    setBusy(true);
    try {
      await onSubmit();
    } catch (error) {
      if (error instanceof FormProblem) setProblem(error.message);
      else setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const general = problem ?? (failure && !fieldRefusal(failure) ? failure.message : null);
  return (
    <Modal opened onClose={onClose} title={title} size={size ?? 'lg'}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          {intro ? <Text size="sm">{intro}</Text> : null}
          {children(errorOf)}
          {general ? (
            <Alert color={failure?.code === 'CONFLICT' ? 'orange' : 'red'} role="alert">
              {failure?.code === 'CONFLICT' ? `${general} The page shows the latest version now; check it and send again.` : general}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
