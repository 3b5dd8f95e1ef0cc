import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
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
   * The fields; `errorOf('input.x')` is the API's message for that input path. A refusal of a
   * path no field asked for (a dialog without fields, or an input the form does not show) is said
   * above the buttons instead: there is nothing to show it beside.
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
}

/**
 * A dialog holding one form that sends one mutation: the API's refusal of a field is shown beside
 * that field, any other refusal (a conflict, a lost connection) above the buttons in words; the
 * dialog stays open with what was typed so nothing is lost.
 */
export function FormDialog({ title, submitLabel, onClose, onSubmit, children, size, intro, notice, danger, submitDisabled }: Props) {
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

  // Whether a field shows the refusal is known once the fields have rendered (they may be
  // components of their own): one marked invalid shows it, and Mantine marks the field it gives an
  // error. A refusal of an input no field shows is said in words above the buttons.
  const formRef = useRef<HTMLFormElement>(null);
  const [placedBesideField, setPlacedBesideField] = useState(false);
  useLayoutEffect(() => {
    setPlacedBesideField(fieldRefusal(failure) !== null && formRef.current?.querySelector('[aria-invalid="true"]') != null);
  }, [failure]);

  const general = problem ?? (failure && !placedBesideField ? (fieldRefusal(failure)?.message ?? failure.message) : null);
  const conflict = failure?.code === 'CONFLICT';
  const said = conflict ? `${general} The page shows the latest version now; check it and send again.` : general;
  return (
    <Modal opened onClose={onClose} title={title} size={size ?? 'lg'}>
      <form
        ref={formRef}
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
          {general ? (
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
