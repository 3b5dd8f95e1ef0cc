import { Button, Group } from '@mantine/core';
import type { PagedConnection, PagedQuery } from './paged-connection';

/**
 * "Load more": appends the next keyset page after the last item shown; nothing when there is no
 * next page. It says how many are shown of how many (`Load more (20 of 45 shown)`) unless `plain`,
 * as the open pool says it. A function, not a component: it has no state of its own, and the
 * inbox's lists that use it are in the first page's script, which is on a byte budget
 * (scripts/check-web-budget.js).
 */
export function loadMoreButton(connection: PagedConnection<unknown> | undefined, query: Pick<PagedQuery, 'loading' | 'fetchMore'>, plain?: boolean) {
  if (!connection?.pageInfo.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button variant="default" loading={query.loading} onClick={() => void query.fetchMore({ variables: { after: connection.pageInfo.endCursor } })}>
        {plain ? 'Load more' : `Load more (${connection.edges.length.toLocaleString()} of ${connection.totalCount.toLocaleString()} shown)`}
      </Button>
    </Group>
  );
}
