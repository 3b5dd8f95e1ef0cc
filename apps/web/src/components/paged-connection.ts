/** How many items a list asks for at a time; "Load more" asks for as many again. */
export const PAGE_SIZE = 20;

/** A keyset-paged connection as the lists' queries select it. */
export interface PagedConnection<Node> {
  totalCount: number;
  edges: ReadonlyArray<{ node: Node }>;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** What a paged list needs of its useQuery: its state, a retry, and the next page after a cursor. */
export interface PagedQuery {
  error?: unknown;
  loading: boolean;
  refetch: () => Promise<unknown>;
  fetchMore: (options: { variables: { after: string | null } }) => Promise<unknown>;
}
