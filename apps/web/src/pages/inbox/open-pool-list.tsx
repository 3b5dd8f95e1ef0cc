import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DueBadge, PriorityBadge } from '../../components/status-badges';
import { PAGE_SIZE } from '../../components/paged-connection';
import { FormDialog, FormProblem } from '../../components/form-dialog';
import { PagedList } from '../../components/paged-list';
import { describeError } from '../../api/errors';
import type { DeclineReason, OpenReferralsQuery } from '../../gql/graphql';
import { formatDateTime } from '../../lib/clinic-time';
import { AGE_BAND_LABELS, conditionLabel, DECLINE_REASON_LABELS, MODALITY_LABELS } from '../../lib/labels';
import { CLAIM_OPEN_REFERRAL, OPEN_REFERRALS, PASS_OPEN_REFERRAL } from './inbox-queries';

type OpenReferral = OpenReferralsQuery['openReferrals']['edges'][number]['node'];

/** Open referrals a provider may claim: the first to claim gets it; passing hides it for you alone. */
export function OpenPoolList({ now, timeZone }: { now: number; timeZone: string }) {
  const query = useQuery(OPEN_REFERRALS, { variables: { first: PAGE_SIZE }, notifyOnNetworkStatusChange: true });
  const [passing, setPassing] = useState<OpenReferral | null>(null);
  const refetch = () => void query.refetch();

  return (
    <PagedList
      title="Open referrals near you"
      listLabel="Open referrals"
      intro={
        <Text size="sm" c="dimmed">
          Offered to every provider of the modality within the radius. The first to claim one becomes its provider.
        </Text>
      }
      connection={query.data?.openReferrals}
      query={query}
      errorTitle="The open referrals could not be loaded"
      loadingLabel="Loading open referrals…"
      emptyTitle="No open referrals for you right now"
      emptyText="New ones appear here as clinics send them."
      renderItem={(node) => <OpenReferralRow key={node.id} referral={node} now={now} timeZone={timeZone} onPass={() => setPassing(node)} onGone={refetch} />}
    >
      {passing ? <PassDialog referral={passing} onClose={() => setPassing(null)} onPassed={refetch} /> : null}
    </PagedList>
  );
}

function OpenReferralRow({ referral, now, timeZone, onPass, onGone }: { referral: OpenReferral; now: number; timeZone: string; onPass: () => void; onGone: () => void }) {
  const navigate = useNavigate();
  const [claim, { loading }] = useMutation(CLAIM_OPEN_REFERRAL);
  const [refusal, setRefusal] = useState<string | null>(null);
  const onClaim = async () => {
    setRefusal(null);
    try {
      const result = await claim({ variables: { input: { id: referral.id, expectedVersion: referral.version } } });
      if (result.data) await navigate(`/referrals/${result.data.acceptReferral.id}`);
    } catch (error) {
      // Usually another provider claimed it first: say so where the user is looking.
      setRefusal(`${referral.reference} could not be claimed: ${describeError(error).message}`);
    }
  };
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>
            {MODALITY_LABELS[referral.modality]} · {referral.reference}
          </Text>
          <Group gap={6}>
            <PriorityBadge priority={referral.priority} />
            <DueBadge dueAt={referral.dueAt} status="SENT" now={now} timeZone={timeZone} />
            <Badge variant="light" color="gray">{referral.distanceKm.toLocaleString()} km away</Badge>
          </Group>
        </Group>
        <Text size="sm">{referral.conditions.map(conditionLabel).join(', ') || 'No conditions given'}</Text>
        <Text size="sm" c="dimmed">
          Patient aged {AGE_BAND_LABELS[referral.ageBand]} · sent {formatDateTime(referral.sentAt, timeZone)}
        </Text>
        {refusal ? (
          <Group gap="xs">
            <Text size="sm" c="red.8" role="alert">
              {refusal}
            </Text>
            <Button size="xs" variant="subtle" onClick={onGone}>
              Refresh the list
            </Button>
          </Group>
        ) : null}
        <Group gap="xs" mt={4}>
          <Button size="xs" loading={loading} disabled={refusal !== null} onClick={() => void onClaim()}>
            Claim {referral.reference}
          </Button>
          <Button size="xs" variant="default" onClick={onPass}>
            Pass<VisuallyHidden> on {referral.reference}</VisuallyHidden>
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Passing on an open referral: it leaves this provider's list; the referring clinic reads the reason. */
function PassDialog({ referral, onClose, onPassed }: { referral: OpenReferral; onClose: () => void; onPassed: () => void }) {
  const [reason, setReason] = useState<DeclineReason | null>(null);
  const [note, setNote] = useState('');
  const [pass] = useMutation(PASS_OPEN_REFERRAL);
  return (
    <FormDialog
      title={`Pass on ${referral.reference}`}
      submitLabel="Pass"
      intro="Passing hides it from you; other providers can still claim it, and the referring clinic sees your reason."
      onClose={onClose}
      submitDisabled={!reason}
      onSubmit={async () => {
        if (!reason) throw new FormProblem('Choose a reason.');
        await pass({ variables: { input: { id: referral.id, expectedVersion: referral.version, reason, note: note.trim() || undefined } } });
        onPassed();
        onClose();
      }}
    >
      {(errorOf) => (
        <>
          <Select
            label="Reason"
            required
            data={Object.entries(DECLINE_REASON_LABELS).map(([value, label]) => ({ value, label }))}
            value={reason}
            onChange={(value) => setReason(value as DeclineReason | null)}
            error={errorOf('input.reason')}
          />
          <Textarea label="Note (optional)" value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={2000} autosize minRows={2} error={errorOf('input.note')} />
        </>
      )}
    </FormDialog>
  );
}
