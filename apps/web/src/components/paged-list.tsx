import { Group, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { loadMoreButton } from './load-more-button';
import type { PagedConnection, PagedQuery } from './paged-connection';
import { EmptyState, ErrorState, LoadingState } from './states';

interface Props<Node> {
  /** The section's heading (h2), with the count beside it once known. */
  title: string;
  /** The list's accessible name, when it is not the heading. */
  listLabel?: string;
  /** Beside the heading: a button that acts on the whole list. */
  aside?: ReactNode;
  /** Under the heading: what the list holds, or a live region that reads out the count. */
  intro?: ReactNode;
  connection: PagedConnection<Node> | undefined;
  query: PagedQuery;
  /** The error state's heading, when the first page could not be loaded. */
  errorTitle: string;
  loadingLabel: string;
  /** What the list says when it has nothing, and a sentence under that. */
  emptyTitle: string;
  emptyText?: ReactNode;
  /** One item's row (an `li`), keyed by the item's id. */
  renderItem: (node: Node) => ReactNode;
  /** After the list: a dialog its items open. */
  children?: ReactNode;
}

/**
 * A section holding one keyset-paged list: a heading with the count, the loading, error and empty
 * states, the items, and "Load more". The loading and error states stand in for the list only
 * while it has nothing to show, so a refetch never blanks the items the user is reading.
 */
export function PagedList<Node>(props: Props<Node>) {
  const { title, connection, query } = props;
  const headingId = useId();
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
        {props.aside}
      </Group>
      {props.intro}
      {query.error && !connection ? <ErrorState title={props.errorTitle} error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!connection && query.loading ? <LoadingState label={props.loadingLabel} /> : null}
      {connection?.totalCount === 0 ? <EmptyState title={props.emptyTitle}>{props.emptyText}</EmptyState> : null}
      {connection && connection.edges.length > 0 ? (
        <Stack gap="xs" component="ul" p={0} m={0} aria-label={props.listLabel ?? title}>
          {connection.edges.map(({ node }) => props.renderItem(node))}
        </Stack>
      ) : null}
      {loadMoreButton(connection, query)}
      {props.children}
    </Stack>
  );
}
