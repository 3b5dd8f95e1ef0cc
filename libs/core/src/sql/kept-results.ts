import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ThrottledLogger } from '../request/throttled-logger';

export interface KeepPolicy<T> {
  /** Whether a result is worth keeping (a large one); others are computed on every request. */
  keep: (value: T) => boolean;
  /** How long a kept result is answered as it is. */
  ttlMs: number;
  /**
   * How much longer a kept result may still be answered while one request recomputes it in the
   * background, so nobody waits for the recompute; 0 makes the request that finds it expired
   * wait for the new result.
   */
  staleMs?: number;
  /** Distinct results kept at most; the oldest go first. */
  maxEntries?: number;
}

/**
 * Results of expensive read statements, kept per process for a short while, keyed by the
 * statement and its values (which carry the reader's tenancy, so no one is answered from
 * another clinic's result). Requests that miss together share one computation. A failed
 * computation is never kept: its error reaches the request that waited for it, and a failed
 * background recompute forgets the entry, so the next request computes and sees the error.
 */
export class KeptResults<T> {
  private readonly entries = new Map<string, { value: T; computedAt: number }>();
  private readonly computing = new Map<string, Promise<T>>();
  private readonly staleMs: number;
  private readonly maxEntries: number;
  private readonly log = new ThrottledLogger('KeptResults');

  constructor(private readonly policy: KeepPolicy<T>) {
    this.staleMs = policy.staleMs ?? 0;
    this.maxEntries = policy.maxEntries ?? 5_000;
  }

  /** `now`: a monotonic clock by default, so a wall clock set back cannot make an old result look fresh. */
  async get(sql: string, values: readonly unknown[], compute: () => Promise<T>, now: () => number = () => performance.now()): Promise<T> {
    const key = createHash('sha256').update(sql).update('\0').update(JSON.stringify(values)).digest('base64');
    const kept = this.entries.get(key);
    const age = kept ? now() - kept.computedAt : Infinity;
    if (kept && age < this.policy.ttlMs) return kept.value;
    if (kept && age < this.policy.ttlMs + this.staleMs) {
      // Answered as it is; the recompute's failure forgets it (see the class comment) and is logged.
      this.computeOnce(key, compute, now).catch((error: unknown) => {
        this.entries.delete(key);
        this.log.warn('recompute', `A kept result could not be recomputed; the next request computes it: ${(error as Error).message}`);
      });
      return kept.value;
    }
    return this.computeOnce(key, compute, now);
  }

  private computeOnce(key: string, compute: () => Promise<T>, now: () => number): Promise<T> {
    let pending = this.computing.get(key);
    if (!pending) {
      // As of when the computation started: what it answers is at least that fresh.
      const startedAt = now();
      pending = compute()
        .then((value) => {
          this.entries.delete(key);
          if (this.policy.keep(value)) {
            this.entries.set(key, { value, computedAt: startedAt });
            // A Map iterates in insertion order: the first key is the oldest.
            if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
          }
          return value;
        })
        .finally(() => this.computing.delete(key));
      this.computing.set(key, pending);
    }
    return pending;
  }
}
