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
  /**
   * The fields; `errorOf('input.x')` is the API's message for that input path. A dialog without
   * fields (a confirmation) leaves them out, and a refused field is then said above the buttons:
   * there is nothing to show it beside.
   */
  children?: (errorOf: (path: string) => string | undefined) => ReactNode;
  size?: string;
  intro?: ReactNode;
  /** Between the intro and the fields: news the user must act on before sending (a referral changed meanwhile). */
  notice?: ReactNode;
  /** The submit ends or refuses something: a red button. */
  danger?: boolean;
  /** The submit waits for the user to answer the notice first. */
  submitDisabled?: boolean;
  /** A refusal as a line of red text instead of a boxed alert, as the referral's short action dialogs say it. */
  inlineFailure?: boolean;
}

/**
 * A dialog holding one form that sends one mutation: the API's refusal of a field is shown beside
 * that field, any other refusal (a conflict, a lost connection) above the buttons in words; the
 * dialog stays open with what was typed so nothing is lost.
 */
export function FormDialog({ title, submitLabel, onClose, onSubmit, children, size, intro, notice, danger, submitDisabled, inlineFailure }: Props) {
  useReturnFocus();
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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

  const placedBesideField = children !== undefined && fieldRefusal(failure) !== null;
  const general = problem ?? (failure && !placedBesideField ? failure.message : null);
  const conflict = failure?.code === 'CONFLICT';
  const said = conflict ? `${general} The page shows the latest version now; check it and send again.` : general;
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
          {notice}
          {children?.((path) => fieldError(failure, path))}
          {general && inlineFailure ? (
            <Text c="red.8" size="sm" role="alert">
              {said}
            </Text>
          ) : null}
          {general && !inlineFailure ? (
            <Alert color={conflict ? 'orange' : 'red'} role="alert">
              {said}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={busy} disabled={submitDisabled}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
