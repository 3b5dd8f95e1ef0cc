import { useFetched, type Fetched } from '../../lib/use-fetched';
import { requestAccountLink, type AccountLinkCheck } from '../../session/session-api';

export type LinkLookup = Fetched<AccountLinkCheck>;

/** Whether the emailed link still works, and for whom; `retry` asks again after a failure. */
export function useAccountLink(token: string | null): { lookup: LinkLookup; retry: () => void } {
  const { fetched, retry } = useFetched(token === null ? null : () => requestAccountLink(token), token ?? '');
  return { lookup: fetched, retry };
}
