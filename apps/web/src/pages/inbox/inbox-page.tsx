import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { Button, Group, Stack, Tabs, Title } from '@mantine/core';
import { useDebouncedValue, useThrottledCallback } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PAGE_SIZE } from '../../components/paged-connection';
import { useViewer } from '../../layout/viewer';
import { useNow } from '../../lib/use-now';
import type { ReferralFilter } from '../../gql/graphql';
import { InboxFilters, type InboxFilterValues } from './inbox-filters';
import { INBOX, INBOX_UPDATES } from './inbox-queries';
import { OpenPoolList } from './open-pool-list';
import { ReferralList } from './referral-list';

type View = 'inbound' | 'outbound' | 'open';

/** The second list's heading: "everything else" only when the first list is there. */
const REST_TITLES = {
  inbound: { alone: 'Sent to you', besideNeeds: 'Everything else sent to you' },
  outbound: { alone: 'Sent by you', besideNeeds: 'Everything else you sent' },
};

const NO_FILTERS: InboxFilterValues = { status: [], priority: null, modality: null, search: '' };

/**
 * The inbox: referrals sent to the viewer's side, those it sent, and for providers the open pool.
 * What needs the viewer's action comes first. The view is in the address (no patient data); the
 * search text is not.
 */
export function InboxPage() {
  const viewer = useViewer();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'outbound' ? 'outbound' : params.get('view') === 'open' && viewer.isProvider ? 'open' : 'inbound';
  const [filters, setFilters] = useState<InboxFilterValues>(NO_FILTERS);
  const [search] = useDebouncedValue(filters.search.trim(), 300);
  const direction = view === 'outbound' ? 'OUTBOUND' : 'INBOUND';

  const filter: ReferralFilter = useMemo(
    () => ({
      direction,
      status: filters.status.length ? filters.status : undefined,
      priority: filters.priority ?? undefined,
      modality: filters.modality ?? undefined,
      search: search || undefined,
    }),
    [direction, filters.status, filters.priority, filters.modality, search],
  );

  const needsFilter = useMemo(() => ({ ...filter, needsAction: true }), [filter]);
  const restFilter = useMemo(() => ({ ...filter, needsAction: false }), [filter]);
  // The first list's count, read from what that list's own query put in the cache (no request of
  // its own): the second list's wording depends on whether anything is above it.
  const needs = useQuery(INBOX, { variables: { filter: needsFilter, first: PAGE_SIZE }, fetchPolicy: 'cache-only' });
  const needsCount = needs.data?.referrals.totalCount ?? 0;

  const filtered = filters.status.length > 0 || filters.priority !== null || filters.modality !== null || search !== '';
  useLiveInbox(direction);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Referrals
        </Title>
        <Button component={Link} to="/referrals/new" leftSection={<IconPlus size={16} aria-hidden />}>
          New referral
        </Button>
      </Group>
      <Tabs value={view} onChange={(next) => setParams(next && next !== 'inbound' ? { view: next } : {})} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="inbound">Inbound</Tabs.Tab>
          <Tabs.Tab value="outbound">Outbound</Tabs.Tab>
          {viewer.isProvider ? <Tabs.Tab value="open">Open pool</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="open" pt="md">
          <OpenPoolList now={now} timeZone={viewer.timeZone} />
        </Tabs.Panel>
        {(['inbound', 'outbound'] as const).map((tab) => (
          <Tabs.Panel key={tab} value={tab} pt="md">
            <Stack gap="lg">
              <InboxFilters value={filters} onChange={setFilters} />
              <ReferralList
                title="Needs your action"
                filter={needsFilter}
                direction={direction}
                now={now}
                timeZone={viewer.timeZone}
                emptyTitle="Nothing needs your action"
                hideWhenEmpty
              />
              <ReferralList
                title={REST_TITLES[tab][needsCount > 0 ? 'besideNeeds' : 'alone']}
                filter={restFilter}
                direction={direction}
                now={now}
                timeZone={viewer.timeZone}
                emptyTitle={needsCount > 0 ? (filtered ? 'No other referrals match these filters' : 'Nothing else') : filtered ? 'No referrals match these filters' : 'No referrals yet'}
                emptyText={needsCount > 0 ? 'Everything here needs your action (above).' : tab === 'inbound' ? 'Referrals other clinics send you appear here as they arrive.' : 'Referrals you send appear here.'}
              />
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

/**
 * New and changed referrals arrive over the live subscription: a changed one updates in place
 * (Apollo's cache is normalised by id); the lists are refetched, at most every two seconds, so
 * a new referral appears and one that changed section moves.
 */
function useLiveInbox(direction: 'INBOUND' | 'OUTBOUND') {
  const client = useApolloClient();
  const refetchLists = useThrottledCallback(() => void client.refetchQueries({ include: [INBOX] }), 2000);
  useSubscription(INBOX_UPDATES, { variables: { filter: { direction } }, onData: () => refetchLists() });
}
