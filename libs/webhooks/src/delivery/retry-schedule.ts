/** The longest any retry waits, whatever the receiver's Retry-After asks. */
const MAX_WAIT_MS = 24 * 60 * 60 * 1000;

/**
 * How long to wait before the next attempt, after `attemptsMade` attempts failed: the schedule's
 * next wait, spread by ±10 % so that a receiver coming back is not hit by every retry at once,
 * and never sooner than the receiver's Retry-After. Null when the schedule is spent: the
 * delivery has failed.
 */
export function nextAttemptDelay(delaysMs: readonly number[], attemptsMade: number, retryAfterMs: number | null, random: () => number = Math.random): number | null {
  if (attemptsMade < 1 || attemptsMade > delaysMs.length) return null;
  const jittered = Math.round(delaysMs[attemptsMade - 1] * (0.9 + 0.2 * random()));
  return Math.min(Math.max(jittered, retryAfterMs ?? 0), MAX_WAIT_MS);
}
