import { useCallback, useEffect, useState } from 'react';

/** Something asked of the server outside Apollo, as a page shows it. */
export type Fetched<T> = { status: 'loading' } | { status: 'loaded'; value: T } | { status: 'failed'; error: unknown };

const LOADING = { status: 'loading' } as const;

/**
 * Runs `fetch` once per `key` (and again on `retry`); null asks nothing. For the calls made with
 * fetch rather than Apollo (the pages before sign-in, two-factor sign-in). Each answer is kept
 * with the question it answers, so a newer question shows as loading until its own answer comes.
 */
export function useFetched<T>(fetch: (() => Promise<T>) | null, key: string): { fetched: Fetched<T>; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const question = `${attempt}:${key}`;
  const [answer, setAnswer] = useState<{ question: string; fetched: Fetched<T> } | null>(null);
  useEffect(() => {
    if (fetch === null) return;
    let current = true;
    fetch().then(
      (value) => current && setAnswer({ question, fetched: { status: 'loaded', value } }),
      (error: unknown) => current && setAnswer({ question, fetched: { status: 'failed', error } }),
    );
    return () => {
      current = false;
    };
    // The question names what is asked: `fetch` is a new function at every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [question]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { fetched: answer?.question === question ? answer.fetched : LOADING, retry };
}
