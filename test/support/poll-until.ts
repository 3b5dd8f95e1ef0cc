import { setTimeout as delay } from 'node:timers/promises';

/**
 * Re-reads `probe` until `done` holds over its value, and returns that value; rejects after
 * `timeoutMs` with the last value seen. For state the test cannot subscribe to (rows in
 * PostgreSQL, an HTTP status): the pause between reads only paces the polling, the condition
 * is what the test waits on.
 */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs, what, intervalMs = 200 }: { timeoutMs: number; what: string; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await delay(intervalMs);
  }
}

/** `promise`, or a rejection naming `what` once `ms` have passed: bounds a call that might hang. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
