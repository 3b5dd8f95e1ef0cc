import { useQuery, useSubscription } from '@apollo/client/react';
import { Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Suspense, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError } from '../../api/errors';
import { ErrorState, LoadingState } from '../../components/states';
import { AWAITING_ANSWER, DueBadge, PriorityBadge, StatusBadge } from '../../components/status-badges';
import type { ReferralAction } from '../../gql/graphql';
import { useViewer } from '../../layout/viewer';
import { formatDateTime } from '../../lib/clinic-time';
import { ACTION_LABELS } from '../../lib/labels';
import { useNow } from '../../lib/use-now';
import { lazyComponent } from '../../lib/lazy-component';
import { ActionDialog } from './actions/action-dialog';
import { ReferralDetails } from './referral-details';
import { REFERRAL, REFERRAL_UPDATES } from './referral-queries';
import { ReferralTimeline } from './referral-timeline';

// Charts are the heaviest part of the app: loaded with the episode section, not with the inbox.
// The episode's code starts loading with this page's, alongside the referral's query, not after it.
const episode = lazyComponent(() => import('./episode/episode-section').then((m) => m.EpisodeSection));
void episode.preload();
const EpisodeSection = episode.Component;

/** A referral: what it is, where it stands, what the viewer may do now, the episode and the history. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const now = useNow();
  const navigate = useNavigate();
  const [acting, setActing] = useState<ReferralAction | null>(null);
  const { data, error, refetch } = useQuery(REFERRAL, { variables: { id } });
  // Changes by anyone else arrive here and update the page in place (the cache is keyed by id);
  // the server sends the changes of the referrals named only, not of every one the viewer may see.
  const ownIds = useMemo(() => [id], [id]);
  useSubscription(REFERRAL_UPDATES, { variables: { ids: ownIds } });
  // The onward referrals' statuses, shown beside their links, stay current too: a subscription of
  // their own, so that a new onward referral never interrupts this referral's.
  const referral = data?.referral;
  const onwardKey = referral?.onwardReferrals.map((onward) => onward.id).join(' ') ?? '';
  const onwardIds = useMemo(() => (onwardKey ? onwardKey.split(' ') : []), [onwardKey]);
  useSubscription(REFERRAL_UPDATES, { variables: { ids: onwardIds }, skip: onwardIds.length === 0 });

  if (error && !referral) {
    const notFound = describeError(error).code === 'NOT_FOUND';
    return (
      <Stack>
        <BackLink />
        <ErrorState title={notFound ? 'Referral not found' : 'The referral could not be loaded'} error={notFound ? new Error('gone') : error} onRetry={notFound ? undefined : () => void refetch()} />
        {notFound ? <Text>It does not exist, or it is not shared with your clinic.</Text> : null}
      </Stack>
    );
  }
  if (!referral) return <LoadingState label="Loading referral…" />;

  const actions = referral.availableActions;
  const todo = new Set(referral.workActions);

  return (
    <Stack gap="md">
      <BackLink />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {referral.patient.firstName} {referral.patient.lastName}
          </Title>
          <Group gap={6} wrap="wrap">
            <Text c="dimmed" fw={600}>{referral.reference}</Text>
            <StatusBadge status={referral.status} />
            <PriorityBadge priority={referral.priority} />
            <DueBadge dueAt={referral.dueAt} status={referral.status} now={now} timeZone={viewer.timeZone} />
          </Group>
          {referral.dueAt && AWAITING_ANSWER.has(referral.status) ? (
            <Text size="sm" c="dimmed">
              Answer due {formatDateTime(referral.dueAt, viewer.timeZone)}
            </Text>
          ) : null}
        </Stack>
        {actions.length > 0 ? (
          <Group gap="xs" wrap="wrap" role="group" aria-label="Actions">
            {actions.map((action) => (
              <Button key={action} variant={todo.has(action) ? 'filled' : 'default'} color={action === 'CANCEL' || action === 'DECLINE' ? 'red' : undefined} onClick={() => setActing(action)}>
                {ACTION_LABELS[action]}
              </Button>
            ))}
          </Group>
        ) : null}
      </Group>
      {referral.redirectedTo ? (
        <Text size="sm">
          Replaced by <Anchor component={Link} to={`/referrals/${referral.redirectedTo.id}`}>{referral.redirectedTo.reference}</Anchor>.
        </Text>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <ReferralDetails referral={referral} timeZone={viewer.timeZone} />
            <Suspense fallback={<LoadingState label="Loading the treatment episode…" />}>
              <EpisodeSection referral={referral} />
            </Suspense>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="history-title">
            <Title order={2} size="h4" id="history-title" mb="sm">
              History
            </Title>
            <ReferralTimeline events={referral.events} timeZone={viewer.timeZone} />
          </Paper>
        </Grid.Col>
      </Grid>
      {acting ? (
        <ActionDialog
          action={acting}
          referral={referral}
          timeZone={viewer.timeZone}
          onClose={() => setActing(null)}
          onDone={(result) => {
            setActing(null);
            if (result && result.id !== referral.id) void navigate(`/referrals/${result.id}`);
          }}
        />
      ) : null}
    </Stack>
  );
}

function BackLink() {
  return (
    <Anchor component={Link} to="/referrals" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden /> All referrals
      </Group>
    </Anchor>
  );
}
