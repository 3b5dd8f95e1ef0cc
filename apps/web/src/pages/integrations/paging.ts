import type { PagedQuery } from '../../components/paged-connection';
import type { IntegrationsAttemptsQuery, IntegrationsListQuery } from '../../gql/graphql';

interface Edges<Edge> {
  edges: readonly Edge[];
}

const appended = <Edge, Connection extends Edges<Edge>>(previous: Connection, next: Connection): Connection => ({ ...next, edges: [...previous.edges, ...next.edges] });

/** The next page of endpoints after the ones shown. */
export const appendEndpoints = (previous: IntegrationsListQuery, { fetchMoreResult }: { fetchMoreResult: IntegrationsListQuery }): IntegrationsListQuery => ({
  ...fetchMoreResult,
  webhookEndpoints: appended(previous.webhookEndpoints, fetchMoreResult.webhookEndpoints),
});

/** The next page of an endpoint's attempts after the ones shown. */
export const appendAttempts = (previous: IntegrationsAttemptsQuery, { fetchMoreResult }: { fetchMoreResult: IntegrationsAttemptsQuery }): IntegrationsAttemptsQuery => ({
  ...fetchMoreResult,
  webhookEndpoint: { ...fetchMoreResult.webhookEndpoint, attempts: appended(previous.webhookEndpoint.attempts, fetchMoreResult.webhookEndpoint.attempts) },
});

interface FetchMoreWithUpdate<Data> {
  error?: unknown;
  loading: boolean;
  refetch: () => Promise<unknown>;
  fetchMore: (options: { variables: { after: string | null }; updateQuery: (previous: Data, options: { fetchMoreResult: Data }) => Data }) => Promise<unknown>;
}

/**
 * The app's "Load more" (PagedList, loadMoreButton) over a query whose pages are joined here
 * rather than by a cache field policy: the next page is appended to the ones shown, and a
 * refetch (after an endpoint is added, say) starts again from the newest.
 */
export function pagedQuery<Data>(query: FetchMoreWithUpdate<Data>, append: (previous: Data, options: { fetchMoreResult: Data }) => Data): PagedQuery {
  return {
    error: query.error,
    loading: query.loading,
    refetch: query.refetch,
    fetchMore: ({ variables }) => query.fetchMore({ variables, updateQuery: append }),
  };
}
