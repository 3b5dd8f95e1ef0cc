import { useApolloClient } from '@apollo/client/react';
import { Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormDialog } from '../../../components/form-dialog';
import type { EpisodeDetailFragment } from '../../../gql/graphql';
import { EPISODE, SEND_PROGRESS_REPORT } from './episode-queries';

/** Writes an interim progress report now and sends it to the referrer. */
export function ReportDialog({ episode, onClose }: { episode: EpisodeDetailFragment; onClose: () => void }) {
  const client = useApolloClient();
  const [comments, setComments] = useState('');
  const submit = async () => {
    await client.mutate({
      mutation: SEND_PROGRESS_REPORT,
      variables: { input: { referralId: episode.id, expectedVersion: episode.version, comments: comments.trim() || undefined } },
      refetchQueries: [EPISODE],
      awaitRefetchQueries: true,
    });
    onClose();
  };
  return (
    <FormDialog title="Send a progress report" submitLabel="Send report" onClose={onClose} onSubmit={submit} size="md" intro="The report holds the episode's progress as it stands now (visits, measures, goals) and your comments; the referring clinic is emailed.">
      {(errorOf) => <Textarea label="Comments for the referrer" autosize minRows={3} maxLength={4000} value={comments} onChange={(e) => setComments(e.currentTarget.value)} error={errorOf('input.comments')} data-autofocus />}
    </FormDialog>
  );
}
