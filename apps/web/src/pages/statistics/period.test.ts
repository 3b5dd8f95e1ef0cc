import { describe, expect, it } from 'vitest';
import { todayInZone } from '../../lib/zoned-time';
import { addDays, firstOfMonth, periodOfDays, presetPeriod, startOfDay, type PresetId } from './period';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3600_000;
const hours = (period: { from: string; to: string }) => (Date.parse(period.to) - Date.parse(period.from)) / HOUR;

describe('calendar arithmetic', () => {
  it('crosses month and year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-05', -6)).toBe('2025-12-30');
  });

  it('steps months across years', () => {
    expect(firstOfMonth('2026-01-15', -1)).toBe('2025-12-01');
    expect(firstOfMonth('2026-12-31', 1)).toBe('2027-01-01');
    expect(firstOfMonth('2026-03-31', -11)).toBe('2025-04-01');
    expect(firstOfMonth('2026-03-31')).toBe('2026-03-01');
  });
});

describe('todayInZone', () => {
  it('is the date on the clinic wall, not in UTC or the browser', () => {
    // 03:30 UTC on 1 March is still 28 February in Chicago and already 1 March in Kolkata.
    expect(todayInZone(at('2026-03-01T03:30:00Z'), 'America/Chicago')).toBe('2026-02-28');
    expect(todayInZone(at('2026-03-01T03:30:00Z'), 'Asia/Kolkata')).toBe('2026-03-01');
    expect(todayInZone(at('2026-02-28T20:00:00Z'), 'Pacific/Auckland')).toBe('2026-03-01');
  });
});

describe('startOfDay', () => {
  it('is midnight in the zone', () => {
    expect(startOfDay('2026-12-01', 'America/Chicago')).toBe('2026-12-01T06:00:00.000Z');
    expect(startOfDay('2026-07-01', 'America/Chicago')).toBe('2026-07-01T05:00:00.000Z');
    expect(startOfDay('2026-12-01', 'Asia/Kolkata')).toBe('2026-11-30T18:30:00.000Z');
    expect(startOfDay('2026-12-01', 'UTC')).toBe('2026-12-01T00:00:00.000Z');
  });

  it('is the moment of the jump where a clock skips midnight', () => {
    // Chile moves 00:00 → 01:00 on 2026-09-06: the day starts at 04:00 UTC (01:00 -03).
    expect(startOfDay('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(todayInZone(at('2026-09-06T03:59:00Z'), 'America/Santiago')).toBe('2026-09-05');
  });

  it('comes after the repeated hour where a clock goes back at midnight', () => {
    // Chile goes from 24:00 back to 23:00 on the night of 4 April 2026: 4 April has 25 hours and
    // 5 April starts at 00:00 -04, 04:00 UTC.
    expect(startOfDay('2026-04-05', 'America/Santiago')).toBe('2026-04-05T04:00:00.000Z');
    expect(hours(periodOfDays('2026-04-04', '2026-04-04', 'America/Santiago'))).toBe(25);
  });
});

describe('periodOfDays', () => {
  it('covers the days from the first midnight to the midnight after the last day', () => {
    expect(periodOfDays('2026-12-01', '2026-12-31', 'America/Chicago')).toEqual({
      firstDay: '2026-12-01',
      lastDay: '2026-12-31',
      from: '2026-12-01T06:00:00.000Z',
      to: '2027-01-01T06:00:00.000Z',
    });
  });

  it('is an hour short in the month the clocks go forward and an hour long when they go back', () => {
    expect(hours(periodOfDays('2026-03-01', '2026-03-31', 'America/Chicago'))).toBe(31 * 24 - 1);
    expect(hours(periodOfDays('2026-11-01', '2026-11-30', 'America/Chicago'))).toBe(30 * 24 + 1);
    expect(hours(periodOfDays('2026-03-29', '2026-03-29', 'Europe/London'))).toBe(23);
    expect(hours(periodOfDays('2026-12-01', '2026-12-31', 'Asia/Kolkata'))).toBe(31 * 24);
  });

  it('takes a single day', () => {
    expect(periodOfDays('2026-05-04', '2026-05-04', 'Europe/Paris')).toMatchObject({ from: '2026-05-03T22:00:00.000Z', to: '2026-05-04T22:00:00.000Z' });
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => periodOfDays('2026-05-04', '2026-05-03', 'UTC')).toThrow('ends before');
  });
});

describe('presetPeriod', () => {
  // 02:00 UTC on 1 April 2026 is still 31 March in Chicago (21:00 CDT).
  const now = at('2026-04-01T02:00:00Z');
  const presetAt = (preset: PresetId, instant: number, timeZone: string) => presetPeriod(preset, todayInZone(instant, timeZone), timeZone);

  it('rolls the last 7 and 30 days back from today in the zone, today included', () => {
    expect(presetAt('last7Days', now, 'America/Chicago')).toMatchObject({ firstDay: '2026-03-25', lastDay: '2026-03-31', from: '2026-03-25T05:00:00.000Z', to: '2026-04-01T05:00:00.000Z' });
    expect(presetAt('last30Days', now, 'America/Chicago')).toMatchObject({ firstDay: '2026-03-02', lastDay: '2026-03-31' });
    // The same instant is already 1 April in London.
    expect(presetAt('last7Days', now, 'Europe/London')).toMatchObject({ firstDay: '2026-03-26', lastDay: '2026-04-01' });
  });

  it('takes this month whole, from the zone’s first midnight to the next month’s, across the clock change', () => {
    const thisMonth = presetAt('thisMonth', now, 'America/Chicago');
    expect(thisMonth).toEqual({ firstDay: '2026-03-01', lastDay: '2026-03-31', from: '2026-03-01T06:00:00.000Z', to: '2026-04-01T05:00:00.000Z' });
  });

  it('takes last month whole, across a year end', () => {
    expect(presetAt('lastMonth', at('2026-01-15T12:00:00Z'), 'America/Chicago')).toEqual({
      firstDay: '2025-12-01',
      lastDay: '2025-12-31',
      from: '2025-12-01T06:00:00.000Z',
      to: '2026-01-01T06:00:00.000Z',
    });
    expect(presetAt('lastMonth', at('2028-03-10T12:00:00Z'), 'UTC')).toMatchObject({ firstDay: '2028-02-01', lastDay: '2028-02-29' });
  });

  it('takes the last 12 months as this month and the eleven before it', () => {
    expect(presetAt('last12Months', now, 'America/Chicago')).toMatchObject({ firstDay: '2025-04-01', lastDay: '2026-03-31' });
    expect(presetAt('last12Months', at('2026-12-31T23:00:00Z'), 'UTC')).toMatchObject({ firstDay: '2026-01-01', lastDay: '2026-12-31', to: '2027-01-01T00:00:00.000Z' });
  });
});
