import { useCallback, useEffect, useState } from 'react';
import { requestAccountLink, type AccountLinkCheck } from '../../session/session-api';

export type LinkLookup = { status: 'loading' } | { status: 'loaded'; check: AccountLinkCheck } | { status: 'failed'; error: unknown };

const LOADING: LinkLookup = { status: 'loading' };

/** Whether the emailed link still works, and for whom; `retry` asks again after a failure. */
export function useAccountLink(token: string | null): { lookup: LinkLookup; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  // Each answer is kept with the question it answers: until the current one's arrives, it is loading.
  const question = `${attempt}:${token ?? ''}`;
  const [answer, setAnswer] = useState<{ question: string; lookup: LinkLookup } | null>(null);
  useEffect(() => {
    if (token === null) return;
    let current = true;
    requestAccountLink(token).then(
      (check) => current && setAnswer({ question, lookup: { status: 'loaded', check } }),
      (error: unknown) => current && setAnswer({ question, lookup: { status: 'failed', error } }),
    );
    return () => {
      current = false;
    };
  }, [token, question]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { lookup: answer?.question === question ? answer.lookup : LOADING, retry };
}
