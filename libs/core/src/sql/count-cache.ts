import { KeptResults } from './kept-results';

/** Counts at least this large are kept for a while; smaller ones are cheap enough to count every time. */
export const COUNT_CACHE_FLOOR = 10_000;
/** How long a kept count is answered before it is counted again. */
export const COUNT_CACHE_TTL_MS = 30_000;

/**
 * Large counts, kept for a short while. A list's `totalCount` over a clinic's hundred thousand
 * referrals reads every one of them (about 30 ms) for a page that reads twenty, and the figure a
 * person reads as "about 100,000" gains nothing from being recounted on every page: so a count of
 * COUNT_CACHE_FLOOR or more is exact as of at most COUNT_CACHE_TTL_MS ago. Smaller counts, where
 * one more or one fewer is what the reader looks for, are always counted. Per process: each
 * gateway keeps its own.
 */
export class CountCache extends KeptResults<number> {
  constructor(floor = COUNT_CACHE_FLOOR, ttlMs = COUNT_CACHE_TTL_MS, maxEntries = 5_000) {
    super({ keep: (total) => total >= floor, ttlMs, maxEntries });
  }

  /** The count for this statement and its values: kept if fresh, else from `count()`. */
  override get(sql: string, values: readonly unknown[], count: () => Promise<number>, now?: () => number): Promise<number> {
    return super.get(sql, values, async () => Number(await count()), now);
  }
}
