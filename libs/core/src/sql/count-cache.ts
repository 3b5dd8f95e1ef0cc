import { createHash } from 'node:crypto';

/** Counts at least this large are kept for a while; smaller ones are cheap enough to count every time. */
export const COUNT_CACHE_FLOOR = 10_000;
/** How long a kept count is answered before it is counted again. */
export const COUNT_CACHE_TTL_MS = 30_000;
/** Distinct counts kept at most; the oldest go first. */
const MAX_ENTRIES = 5_000;

/**
 * Large counts, kept for a short while. A list's `totalCount` over a clinic's hundred thousand
 * referrals reads every one of them (about 30 ms) for a page that reads twenty, and the figure a
 * person reads as "about 100,000" gains nothing from being recounted on every page: so a count of
 * COUNT_CACHE_FLOOR or more is exact as of at most COUNT_CACHE_TTL_MS ago. Smaller counts, where
 * one more or one fewer is what the reader looks for, are always counted. Per process: each
 * gateway keeps its own.
 */
export class CountCache {
  private readonly entries = new Map<string, { total: number; countedAt: number }>();

  constructor(
    private readonly floor = COUNT_CACHE_FLOOR,
    private readonly ttlMs = COUNT_CACHE_TTL_MS,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** The count for this statement and its values: kept if fresh, else from `count()`. */
  async get(sql: string, values: readonly unknown[], count: () => Promise<number>, now = Date.now): Promise<number> {
    const key = createHash('sha256').update(sql).update('\0').update(JSON.stringify(values)).digest('base64');
    const kept = this.entries.get(key);
    if (kept && now() - kept.countedAt < this.ttlMs) return kept.total;
    const total = Number(await count());
    this.entries.delete(key);
    if (total >= this.floor) {
      this.entries.set(key, { total, countedAt: now() });
      // A Map iterates in insertion order: the first key is the oldest.
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    return total;
  }
}
