import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError, type DescribedError } from '../../../api/errors';
import { fieldError, fieldRefusal } from '../../../api/field-refusal';
import type { ReferralAction, ReferralDetailFragment } from '../../../gql/graphql';
import { STATUS_LABELS } from '../../../lib/labels';
import { REFERRAL } from '../referral-queries';
import { useReturnFocus } from '../../../components/use-return-focus';
import type { FormValues } from './action-form-types';
import { ACTION_FORMS } from './action-forms';

interface Props {
  action: ReferralAction;
  referral: ReferralDetailFragment;
  timeZone: string;
  onClose: () => void;
  /** After success: where to go when the answer is another referral (a redirect). */
  onDone: (result: ReferralDetailFragment | null) => void;
}

/** What changed under the user: the status they saw and the one it has now. */
interface Conflict {
  sawStatus: string;
  nowStatus: string;
  nowVersion: number;
}

/**
 * The dialog of one action. It sends the version the user looked at; when the referral changed
 * meanwhile (CONFLICT) it says what changed and lets the user apply the same values to the new
 * version; a refused field's message shows beside that field.
 */
export function ActionDialog({ action, referral, timeZone, onClose, onDone }: Props) {
  const form = ACTION_FORMS[action];
  useReturnFocus();
  const client = useApolloClient();
  const [values, setValues] = useState<FormValues>(() => form.initialValues?.(referral, timeZone) ?? {});
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  // The version (and status) the user has seen and agreed to act on: the page behind the dialog
  // updates live, but what the user decided on moves on only when they say so.
  const [actingOn, setActingOn] = useState({ version: referral.version, status: referral.status });
  const actingOnVersion = actingOn.version;

  const set = (name: string, value: unknown) => setValues((current) => ({ ...current, [name]: value }));
  const errorOf = (name: string) => fieldError(failure, `input.${name}`);

  const submit = async () => {
    setFailure(null);
    setLocalError(null);
    let input: Record<string, unknown>;
    try {
      input = { id: referral.id, expectedVersion: actingOnVersion, ...(form.toInput?.(values, timeZone) ?? {}) };
    } catch (error) {
      setLocalError(error instanceof Error ? error.message : String(error));
      return;
    }
    setBusy(true);
    try {
      const result = await client.mutate<Record<string, ReferralDetailFragment | null>>({ mutation: form.mutation, variables: { input } });
      const answer = result.data ? (Object.values(result.data)[0] ?? null) : null;
      notifications.show({ color: 'green', message: `${form.title}: done.` });
      onDone(answer);
    } catch (error) {
      const described = describeError(error);
      if (described.code === 'CONFLICT') {
        const latest = await client.query({ query: REFERRAL, variables: { id: referral.id }, fetchPolicy: 'network-only' }).catch(() => null);
        const now = latest?.data?.referral;
        setConflict({ sawStatus: actingOn.status, nowStatus: now?.status ?? referral.status, nowVersion: now?.version ?? described.currentVersion ?? actingOnVersion });
      } else {
        setFailure(described);
      }
    } finally {
      setBusy(false);
    }
  };

  const unplacedError = failure && !fieldRefusal(failure) ? failure.message : null;
  const fieldlessBadInput = failure && fieldRefusal(failure) && !form.Fields ? failure.message : null;

  return (
    <Modal opened onClose={onClose} title={`${form.title} · ${referral.reference}`} size={action === 'COMPLETE' || action === 'REDIRECT' ? 'lg' : 'md'}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">{form.explain(referral)}</Text>
          {conflict ? (
            <Alert color="orange" title="This referral changed while you were looking" role="alert">
              <Stack gap="xs">
                <Text size="sm">
                  {conflict.sawStatus === conflict.nowStatus
                    ? `Someone else changed it (it is still ${STATUS_LABELS[conflict.nowStatus as keyof typeof STATUS_LABELS]}). The page now shows the latest version.`
                    : `It was ${STATUS_LABELS[conflict.sawStatus as keyof typeof STATUS_LABELS]} and is now ${STATUS_LABELS[conflict.nowStatus as keyof typeof STATUS_LABELS]}.`}{' '}
                  Check the page behind this dialog, then apply your change to the new version, or close.
                </Text>
                <Group>
                  <Button
                    size="xs"
                    color="orange"
                    onClick={() => {
                      setActingOn({ version: conflict.nowVersion, status: conflict.nowStatus as ReferralDetailFragment['status'] });
                      setConflict(null);
                    }}
                  >
                    Use the latest version
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : null}
          {form.Fields ? <form.Fields values={values} set={set} errorOf={errorOf} referral={referral} timeZone={timeZone} /> : null}
          {localError || unplacedError || fieldlessBadInput ? (
            <Text c="red.8" size="sm" role="alert">
              {localError ?? unplacedError ?? fieldlessBadInput}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" color={form.danger ? 'red' : undefined} loading={busy} disabled={conflict !== null}>
              {form.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
