/**
 * Zones the browser still lists under a retired name (ICU keeps CLDR's old ids): offered under
 * today's IANA name, so an admin searching "Kolkata" or "Kyiv" finds it.
 */
const CURRENT_NAMES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
};

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    // An unknown zone is answered by leaving it out: the old name is offered instead.
    return false;
  }
}

/** "UTC-06:00" for `timeZone` at `at`: the offset an admin checks a choice against. */
export function utcOffsetLabel(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  const offset = part?.value ?? 'GMT';
  // Engines write a zero offset as "GMT" or "GMT+00:00": one label for both.
  return offset === 'GMT' ? 'UTC+00:00' : offset.replace('GMT', 'UTC');
}

/**
 * Every IANA zone this browser knows, as options labelled with their offset at `at`
 * ("America/Chicago (UTC-06:00)"), by name. UTC is added: engines leave it out of the list, and
 * the API accepts it.
 */
export function timeZoneOptions(at: Date): { value: string; label: string }[] {
  const names = new Set(Intl.supportedValuesOf('timeZone').map((zone) => (CURRENT_NAMES[zone] && isKnownZone(CURRENT_NAMES[zone]) ? CURRENT_NAMES[zone] : zone)));
  names.add('UTC');
  return [...names].sort().map((zone) => ({ value: zone, label: `${zone.replace(/_/g, ' ')} (${utcOffsetLabel(zone, at)})` }));
}
