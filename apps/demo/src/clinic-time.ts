/** Times as people at a clinic read and book them, in the clinic's own time zone. */

/** An instant as people at the clinic read it: "Thu 5 Mar, 10:00 (America/Chicago)". */
export function atClinic(iso: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}

/** Tomorrow at `hour`:00 in the clinic's time zone, as a UTC instant. */
export function tomorrowAt(hour: number, timeZone: string): string {
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(tomorrow)
    .split('-')
    .map(Number);
  const asIfUtc = Date.UTC(year, month - 1, day, hour);
  // The zone's offset at that moment: what its clocks show then, less the instant itself.
  const shown = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(asIfUtc))
    .reduce<Record<string, number>>((parts, part) => (part.type === 'literal' ? parts : { ...parts, [part.type]: Number(part.value) }), {});
  const offset = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute) - asIfUtc;
  return new Date(asIfUtc - offset).toISOString();
}
