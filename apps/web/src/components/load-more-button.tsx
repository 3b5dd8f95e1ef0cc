import { Button, Group } from '@mantine/core';
import type { PagedConnection, PagedQuery } from './paged-connection';

/**
 * "Load more (20 of 45 shown)": appends the next keyset page after the last item shown; nothing
 * when there is no next page.
 */
export function loadMoreButton(connection: PagedConnection<unknown> | undefined, query: Pick<PagedQuery, 'loading' | 'fetchMore'>) {
  if (!connection?.pageInfo.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button variant="default" loading={query.loading} onClick={() => void query.fetchMore({ variables: { after: connection.pageInfo.endCursor } })}>
        {`Load more (${connection.edges.length.toLocaleString()} of ${connection.totalCount.toLocaleString()} shown)`}
      </Button>
    </Group>
  );
}
