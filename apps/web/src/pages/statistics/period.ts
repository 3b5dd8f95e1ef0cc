import { todayInZone, zonedWallClockToIso } from '../../lib/zoned-time';

/**
 * Statistics periods are whole days in the viewer's clinic zone: "last month" for a clinic in
 * Chicago starts at midnight in Chicago, not in UTC or in the browser's zone. The API counts
 * referrals sent in [from, to), so a period is sent as the first instant of its first day and
 * the first instant of the day after its last.
 */

export type PresetId = 'last7Days' | 'last30Days' | 'thisMonth' | 'lastMonth' | 'last12Months';

export const PRESETS: ReadonlyArray<{ id: PresetId; label: string }> = [
  { id: 'last7Days', label: 'Last 7 days' },
  { id: 'last30Days', label: 'Last 30 days' },
  { id: 'thisMonth', label: 'This month' },
  { id: 'lastMonth', label: 'Last month' },
  { id: 'last12Months', label: 'Last 12 months' },
];

export interface Period {
  /** First day, 'YYYY-MM-DD', in the zone. */
  firstDay: string;
  /** Last day, included. */
  lastDay: string;
  /** ISO instant: the first moment of firstDay in the zone. */
  from: string;
  /** ISO instant, excluded: the first moment of the day after lastDay. */
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const match = DAY.exec(day);
  if (!match) throw new Error(`Not a date: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Calendar arithmetic on 'YYYY-MM-DD': no zone, no clock change can shift it. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = parts(day);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The first day of the month `months` away from the month of `day` (0: its own). */
export function firstOfMonth(day: string, months = 0): string {
  const [year, month] = parts(day);
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10);
}

/** The date the clock on the wall of `timeZone` shows at `now` (ms). */

const localDay = (instant: number, timeZone: string) => todayInZone(instant, timeZone);

/**
 * The first instant of `day` in `timeZone`: its midnight, or where a clock skips midnight
 * (America/Santiago in September: 00:00 → 01:00) the moment it jumps.
 */
export function startOfDay(day: string, timeZone: string): string {
  const guess = Date.parse(zonedWallClockToIso(`${day} 00:00`, timeZone));
  if (localDay(guess, timeZone) >= day) return new Date(guess).toISOString();
  // Midnight does not exist that day, and the guess fell on the day before (zonedWallClockToIso
  // reads a skipped time with the later offset). Find the jump to the minute: no clock skips 3 h.
  let before = guess;
  let after = guess + 3 * 3600_000;
  while (after - before > 60_000) {
    const middle = before + Math.floor((after - before) / 120_000) * 60_000;
    if (localDay(middle, timeZone) >= day) after = middle;
    else before = middle;
  }
  return new Date(after).toISOString();
}

/** The days firstDay to lastDay (both included) in the zone, as the API's [from, to). */
export function periodOfDays(firstDay: string, lastDay: string, timeZone: string): Period {
  if (lastDay < firstDay) throw new Error('The period ends before it starts');
  return { firstDay, lastDay, from: startOfDay(firstDay, timeZone), to: startOfDay(addDays(lastDay, 1), timeZone) };
}

/**
 * A preset's days around `today` (todayInZone). The rolling ones end with today; the calendar
 * ones are whole months, this month's included to its end (nothing is sent in the future). It
 * takes the day rather than the time, so the period stays the same all day long.
 */
export function presetPeriod(preset: PresetId, today: string, timeZone: string): Period {
  const endOfThisMonth = addDays(firstOfMonth(today, 1), -1);
  switch (preset) {
    case 'last7Days':
      return periodOfDays(addDays(today, -6), today, timeZone);
    case 'last30Days':
      return periodOfDays(addDays(today, -29), today, timeZone);
    case 'thisMonth':
      return periodOfDays(firstOfMonth(today), endOfThisMonth, timeZone);
    case 'lastMonth':
      return periodOfDays(firstOfMonth(today, -1), addDays(firstOfMonth(today), -1), timeZone);
    case 'last12Months':
      return periodOfDays(firstOfMonth(today, -11), endOfThisMonth, timeZone);
  }
}
