import { useApolloClient } from '@apollo/client/react';
import { Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormDialog, FormProblem } from '../../../components/form-dialog';
import { ProviderPicker, targetInput, type Target } from '../../../components/provider-picker';
import type { Condition, Modality } from '../../../gql/graphql';
import { useViewer } from '../../../layout/viewer';
import { MODALITIES } from '../../../lib/vocabulary-options';
import { REFER_ONWARD } from './episode-queries';

interface Props {
  referralId: string;
  version: number;
  conditions: readonly Condition[];
  onClose: () => void;
}

/** Refers the patient on to another provider, carrying the assessment forward; the new referral is sent at once. */
export function OnwardDialog({ referralId, version, conditions, onClose }: Props) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const viewer = useViewer();
  const near = viewer.clinic?.location ?? null;
  const [modality, setModality] = useState<Modality | null>(null);
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<Target>(null);

  const submit = async () => {
    if (!modality) throw new FormProblem('Choose the modality to refer on to.');
    if (!target) throw new FormProblem('Choose a provider or the open pool.');
    const result = await client.mutate({
      mutation: REFER_ONWARD,
      variables: { input: { referralId, expectedVersion: version, modality, reason: reason.trim(), ...targetInput(target, near) } },
    });
    onClose();
    if (result.data) await navigate(`/referrals/${result.data.referOnward.id}`);
  };

  return (
    <FormDialog title="Refer the patient on" submitLabel="Refer on" onClose={onClose} onSubmit={submit} intro="A new referral, linked to this episode and carrying its assessment, is sent at once.">
      {(errorOf) => (
        <Stack gap="sm">
          <Select label="Modality" required data={MODALITIES} value={modality} onChange={(v) => setModality(v)} error={errorOf('input.modality')} data-autofocus />
          <Textarea label="Why the patient is referred on" required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errorOf('input.reason')} />
          <ProviderPicker modality={modality} conditions={conditions} techniques={[]} priority="ROUTINE" near={near} value={target} onChange={setTarget} error={errorOf('input.toProviderId')} />
        </Stack>
      )}
    </FormDialog>
  );
}
