import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import type { ReferralFilter } from '../../gql/graphql';
import { INBOX } from './inbox-queries';
import { ReferralRow } from './referral-row';

export const PAGE_SIZE = 20;

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
  /** Told the list's total whenever it is known. */
  onTotal?: (total: number) => void;
}

/** One list of referrals with its count and keyset "load more". */
export function ReferralList({ title, filter, direction, now, timeZone, emptyTitle, emptyText, hideWhenEmpty, onTotal }: Props) {
  const { data, error, loading, fetchMore, refetch } = useQuery(INBOX, {
    variables: { filter, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.referrals;
  const total = connection?.totalCount;
  useEffect(() => {
    if (total !== undefined) onTotal?.(total);
  }, [total, onTotal]);
  if (hideWhenEmpty && connection && connection.totalCount === 0) return null;
  const headingId = `list-${title.replace(/\W+/g, '-').toLowerCase()}`;

  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4" id={headingId}>
          {title}
          {connection ? (
            <Text span c="dimmed" fw={400} ml={8} size="md">
              {connection.totalCount.toLocaleString()}
            </Text>
          ) : null}
        </Title>
      </Group>
      {error && !connection ? <ErrorState title="The referrals could not be loaded" error={error} onRetry={() => void refetch()} /> : null}
      {!connection && loading ? <LoadingState label="Loading referrals…" /> : null}
      {connection && connection.totalCount === 0 ? <EmptyState title={emptyTitle}>{emptyText}</EmptyState> : null}
      {connection && connection.edges.length > 0 ? (
        <Stack gap="xs" component="ul" p={0} m={0} aria-label={title}>
          {connection.edges.map(({ node }) => (
            <ReferralRow key={node.id} referral={node} direction={direction} now={now} timeZone={timeZone} />
          ))}
        </Stack>
      ) : null}
      {connection?.pageInfo.hasNextPage ? (
        <Group justify="center">
          <Button
            variant="default"
            loading={loading}
            onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}
          >
            Load more ({connection.edges.length.toLocaleString()} of {connection.totalCount.toLocaleString()} shown)
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
