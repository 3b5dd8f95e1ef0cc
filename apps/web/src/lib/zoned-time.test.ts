import { describe, expect, it } from 'vitest';
import { isoToZonedWallClock, zonedWallClockToIso } from './zoned-time';

describe('zonedWallClockToIso', () => {
  it('reads the wall clock in the clinic zone, not the browser zone', () => {
    expect(zonedWallClockToIso('2026-12-08 14:30:00', 'America/Chicago')).toBe('2026-12-08T20:30:00.000Z');
    expect(zonedWallClockToIso('2026-07-08 14:30', 'America/Chicago')).toBe('2026-07-08T19:30:00.000Z');
    expect(zonedWallClockToIso('2026-12-08 09:00', 'Asia/Kolkata')).toBe('2026-12-08T03:30:00.000Z');
  });

  it('takes the later offset in the hour a clock skips, and the first in the hour it repeats', () => {
    // 2026-03-08 02:30 does not exist in Chicago (clocks go 02:00 → 03:00 CDT).
    expect(zonedWallClockToIso('2026-03-08 02:30', 'America/Chicago')).toBe('2026-03-08T07:30:00.000Z');
    // 2026-11-01 01:30 happens twice; the first is CDT (UTC-5).
    expect(zonedWallClockToIso('2026-11-01 01:30', 'America/Chicago')).toBe('2026-11-01T06:30:00.000Z');
  });

  it('round-trips with isoToZonedWallClock', () => {
    const iso = '2026-12-08T20:30:00.000Z';
    expect(zonedWallClockToIso(isoToZonedWallClock(iso, 'America/Chicago'), 'America/Chicago')).toBe(iso);
  });

  it('refuses what is not a date and time', () => {
    expect(() => zonedWallClockToIso('tomorrow', 'UTC')).toThrow('Not a date and time');
  });
});
