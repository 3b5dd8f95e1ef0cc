/**
 * Values as text for failure messages. Every code unit outside printable ASCII is escaped
 * (\u202e would otherwise reverse the rest of the line in a terminal, \u0000 cut it short) and
 * strings are cut to `maxUnits`, saying how long they were: a 100 kB value must not bury the
 * message.
 */
export function show(value: unknown, maxUnits = 80): string {
  if (typeof value === 'string') return showString(value, maxUnits);
  if (Array.isArray(value)) return `[${value.map((item) => show(item, maxUnits)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${key}: ${show(item, maxUnits)}`).join(', ')} }`;
  }
  return String(value);
}

function showString(text: string, maxUnits: number): string {
  const escaped = visible((text.length > maxUnits ? text.slice(0, maxUnits) : text).replace(/["\\]/g, (unit) => `\\${unit}`));
  return text.length > maxUnits ? `"${escaped}…" (${text.length} code units)` : `"${escaped}"`;
}

/** A document as it was sent, unquoted, with only invisible code units escaped and a long one cut short. */
export function showDocument(text: string, maxUnits = 600): string {
  const shown = visible(text.length > maxUnits ? text.slice(0, maxUnits) : text);
  return text.length > maxUnits ? `${shown}… (${text.length} code units)` : shown;
}

function visible(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
