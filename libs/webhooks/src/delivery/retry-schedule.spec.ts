import { nextAttemptDelay } from './retry-schedule';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A short schedule: the wait before attempt 2, 3 and 4. */
const SCHEDULE = [1000, 60_000, 2 * HOUR] as const;

/** A random source that always answers `value` (0 ≤ value < 1). */
const fixed = (value: number) => () => value;

describe('nextAttemptDelay', () => {
  it('waits the first delay, spread by ±10 %, once the first attempt has failed', () => {
    expect(nextAttemptDelay(SCHEDULE, 1, null, fixed(0))).toBe(900);
    expect(nextAttemptDelay(SCHEDULE, 1, null, fixed(0.5))).toBe(1000);
    expect(nextAttemptDelay(SCHEDULE, 1, null, fixed(0.999999))).toBe(1100);
  });

  it('stays within ±10 % of the schedule with the real random source', () => {
    const waits = Array.from({ length: 500 }, () => nextAttemptDelay(SCHEDULE, 2, null) as number);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(54_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(66_000);
    // Spread, not one fixed value: retries of many deliveries do not all land at once.
    expect(new Set(waits).size).toBeGreaterThan(50);
  });

  it('takes each failed attempt to the next wait of the schedule', () => {
    expect([1, 2, 3].map((attempts) => nextAttemptDelay(SCHEDULE, attempts, null, fixed(0.5)))).toEqual([1000, 60_000, 2 * HOUR]);
  });

  it("honours the receiver's Retry-After when it asks for longer, and ignores it when it asks for less", () => {
    expect(nextAttemptDelay(SCHEDULE, 1, 30_000, fixed(0.5))).toBe(30_000);
    expect(nextAttemptDelay(SCHEDULE, 1, 500, fixed(0.5))).toBe(1000);
    expect(nextAttemptDelay(SCHEDULE, 1, 0, fixed(0))).toBe(900);
    // Longer than the jittered wait, shorter than its upper bound: the Retry-After wins.
    expect(nextAttemptDelay(SCHEDULE, 1, 1050, fixed(0))).toBe(1050);
  });

  it('never waits more than 24 hours, whatever the schedule or the Retry-After says', () => {
    expect(nextAttemptDelay([DAY], 1, null, fixed(0.999999))).toBe(DAY);
    expect(nextAttemptDelay(SCHEDULE, 1, 3 * DAY, fixed(0.5))).toBe(DAY);
    expect(nextAttemptDelay(SCHEDULE, 3, 25 * HOUR, fixed(0.5))).toBe(DAY);
    // Just under the cap is left alone.
    expect(nextAttemptDelay(SCHEDULE, 1, DAY - 1, fixed(0.5))).toBe(DAY - 1);
  });

  it('is null once the schedule is spent (the delivery has failed), and for no failed attempt at all', () => {
    expect(nextAttemptDelay(SCHEDULE, SCHEDULE.length + 1, null, fixed(0.5))).toBeNull();
    expect(nextAttemptDelay(SCHEDULE, SCHEDULE.length + 1, 1000, fixed(0.5))).toBeNull();
    expect(nextAttemptDelay(SCHEDULE, 10, null)).toBeNull();
    expect(nextAttemptDelay(SCHEDULE, 0, null)).toBeNull();
    expect(nextAttemptDelay([], 1, null)).toBeNull();
    // The last wait of the schedule is still given.
    expect(nextAttemptDelay(SCHEDULE, SCHEDULE.length, null, fixed(0.5))).toBe(2 * HOUR);
  });
});
