/**
 * Every time on screen is in the clinic's zone with the zone named ("Dec 6, 2026, 2:05 PM CST"):
 * a referral crosses clinics, and "2 pm" without a zone is a missed appointment waiting to happen.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(undefined, {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      ...(withTime ? { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' } : {}),
    });
    formatters.set(key, found);
  }
  return found;
}

export function formatDateTime(iso: string, timeZone: string): string {
  return formatter(timeZone, true).format(new Date(iso));
}

/** A calendar date (LocalDate, e.g. a date of birth): no zone, it is the same day everywhere. */
export function formatLocalDate(date: string): string {
  return formatter('UTC', false).format(new Date(`${date}T00:00:00Z`));
}

export type DueState = 'overdue' | 'due-soon' | 'due-later';

/** Within this of its due time, a referral is marked as due soon. */
export const DUE_SOON_MS = 12 * 3600_000;

export function dueState(dueAt: string, now: number): DueState {
  const left = Date.parse(dueAt) - now;
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'due-soon' : 'due-later';
}

/** "in 3 h", "2 d ago", "now" (within half a minute): how far a time is from now, in the largest whole unit. */
export function relativeToNow(iso: string, now: number): string {
  const delta = Date.parse(iso) - now;
  const minutes = Math.round(Math.abs(delta) / 60_000);
  if (minutes === 0) return 'now';
  const [value, unit] = minutes < 60 ? [minutes, 'min'] : minutes < 48 * 60 ? [Math.round(minutes / 60), 'h'] : [Math.round(minutes / 1440), 'd'];
  return delta >= 0 ? `in ${value} ${unit}` : `${value} ${unit} ago`;
}
