/**
 * A wall-clock time picked on screen ("2026-12-08 14:30") means that time in the clinic's zone,
 * whatever zone the browser is in. These turn it into an instant and back.
 */

/** Minutes the zone is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant (ISO 8601, UTC) at which the clock in `timeZone` shows `wallClock`. In the hour a
 * clock skips (spring forward) the time does not exist and the later offset is used; in the hour it
 * repeats, the first one.
 */
export function zonedWallClockToIso(wallClock: string, timeZone: string): string {
  const match = WALL_CLOCK.exec(wallClock);
  if (!match) throw new Error(`Not a date and time: ${wallClock}`);
  const [, y, mo, d, h, mi, s] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // Two passes settle the offset around a change: first guess from the wall clock read as UTC.
  const first = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000;
  const second = asUtc - offsetMinutes(new Date(first), timeZone) * 60_000;
  return new Date(Math.min(first, second)).toISOString();
}

/** The wall clock ("YYYY-MM-DD HH:mm:ss") that `iso` shows in `timeZone`; for pre-filling a picker. */
export function isoToZonedWallClock(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}

/** Today's date ("YYYY-MM-DD") on the clinic's calendar. */
export function todayInZone(now: number, timeZone: string): string {
  return isoToZonedWallClock(new Date(now).toISOString(), timeZone).slice(0, 10);
}
