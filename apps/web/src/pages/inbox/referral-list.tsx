import { useQuery } from '@apollo/client/react';
import { PAGE_SIZE } from '../../components/paged-connection';
import { PagedList } from '../../components/paged-list';
import type { ReferralFilter } from '../../gql/graphql';
import { INBOX } from './inbox-queries';
import { ReferralRow } from './referral-row';

interface Props {
  title: string;
  filter: ReferralFilter;
  direction: 'INBOUND' | 'OUTBOUND';
  now: number;
  timeZone: string;
  emptyTitle: string;
  emptyText?: string;
  /** Hide the whole section when it has nothing (the "needs your action" section). */
  hideWhenEmpty?: boolean;
}

/** One list of referrals with its count and keyset "load more". */
export function ReferralList({ title, filter, direction, now, timeZone, emptyTitle, emptyText, hideWhenEmpty }: Props) {
  const query = useQuery(INBOX, {
    variables: { filter, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const connection = query.data?.referrals;
  if (hideWhenEmpty && connection?.totalCount === 0) return null;

  return (
    <PagedList
      title={title}
      connection={connection}
      query={query}
      errorTitle="The referrals could not be loaded"
      loadingLabel="Loading referrals…"
      emptyTitle={emptyTitle}
      emptyText={emptyText}
      renderItem={(node) => <ReferralRow key={node.id} referral={node} direction={direction} now={now} timeZone={timeZone} />}
    />
  );
}
