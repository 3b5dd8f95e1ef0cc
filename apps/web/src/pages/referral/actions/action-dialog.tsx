import { useApolloClient } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../../api/errors';
import { FormDialog, FormProblem } from '../../../components/form-dialog';
import type { ReferralAction, ReferralDetailFragment } from '../../../gql/graphql';
import { REFERRAL } from '../referral-queries';
import type { ActionForm, FormValues } from './action-form-types';
import { ACTION_FORMS } from './action-forms';
import { ConflictNotice, type Conflict } from './conflict-notice';

interface Props {
  action: ReferralAction;
  referral: ReferralDetailFragment;
  timeZone: string;
  onClose: () => void;
  /** After success: where to go when the answer is another referral (a redirect). */
  onDone: (result: ReferralDetailFragment | null) => void;
}

/** The action's own input; whatever its checks (or reading a date) throw is said in the dialog as it is. */
function actionInput(form: ActionForm, values: FormValues, timeZone: string): Record<string, unknown> {
  try {
    return form.toInput?.(values, timeZone) ?? {};
  } catch (error) {
    throw new FormProblem(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/**
 * The dialog of one action: a FormDialog that sends the version the user looked at. When the
 * referral changed meanwhile (CONFLICT) it says what changed and lets the user apply the same
 * values to the new version; a refused field's message shows beside that field.
 */
export function ActionDialog({ action, referral, timeZone, onClose, onDone }: Props) {
  const form = ACTION_FORMS[action];
  const client = useApolloClient();
  const [values, setValues] = useState<FormValues>(() => form.initialValues?.(referral, timeZone) ?? {});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // The version (and status) the user has seen and agreed to act on: the page behind the dialog
  // updates live, but what the user decided on moves on only when they say so.
  const [actingOn, setActingOn] = useState({ version: referral.version, status: referral.status });

  const set = (name: string, value: unknown) => setValues((current) => ({ ...current, [name]: value }));

  const submit = async () => {
    const input = { id: referral.id, expectedVersion: actingOn.version, ...actionInput(form, values, timeZone) };
    let answer: ReferralDetailFragment | null;
    try {
      const result = await client.mutate<Record<string, ReferralDetailFragment | null>>({ mutation: form.mutation, variables: { input } });
      answer = result.data ? (Object.values(result.data)[0] ?? null) : null;
    } catch (error) {
      const described = describeError(error);
      // A conflict is not a failure to show: the notice asks the user what to do with it.
      if (described.code !== 'CONFLICT') throw error;
      // The latest status only words the notice better: when it cannot be read (errorPolicy 'all'
      // answers with no data then), the version the refusal carries will do.
      const latest = await client.query({ query: REFERRAL, variables: { id: referral.id }, fetchPolicy: 'network-only', errorPolicy: 'all' });
      const now = latest.data?.referral;
      setConflict({ sawStatus: actingOn.status, nowStatus: now?.status ?? referral.status, nowVersion: now?.version ?? described.currentVersion ?? actingOn.version });
      return;
    }
    notifications.show({ color: 'green', message: `${form.title}: done.` });
    onDone(answer);
  };

  const actOnLatest = (latest: Conflict) => {
    setActingOn({ version: latest.nowVersion, status: latest.nowStatus });
    setConflict(null);
  };
  const Fields = form.Fields;

  return (
    <FormDialog
      title={`${form.title} · ${referral.reference}`}
      submitLabel={form.submitLabel}
      onClose={onClose}
      onSubmit={submit}
      size={action === 'COMPLETE' || action === 'REDIRECT' ? 'lg' : 'md'}
      intro={form.explain(referral)}
      notice={conflict ? <ConflictNotice conflict={conflict} onUseLatest={() => actOnLatest(conflict)} /> : null}
      danger={form.danger}
      submitDisabled={conflict !== null}
    >
      {Fields ? (errorOf) => <Fields values={values} set={set} errorOf={(name) => errorOf(`input.${name}`)} referral={referral} timeZone={timeZone} /> : undefined}
    </FormDialog>
  );
}
