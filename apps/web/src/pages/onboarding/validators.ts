/**
 * Client-side copies of the API's input rules, so a form says what is wrong before sending. The
 * server stays the judge: whatever it still refuses is shown beside the field it names.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value) && value.length <= 254;
}

/** The server's phone rule (libs/common isPhoneNumber): digits, spaces and +-(), 7 to 15 digits. */
export function isPhoneNumber(value: string): boolean {
  if (!/^[0-9 +\-()]+$/.test(value) || value.length > 32) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/** Ids the API hands out are UUIDs; anything else is refused before it is sent. */
export function isId(value: string): boolean {
  return UUID.test(value);
}

/** A required text: trimmed, not blank, at most `max` characters. */
export const requiredText =
  (what: string, max: number) =>
  (value: string): string | null => {
    const trimmed = value.trim();
    if (!trimmed) return `Enter ${what}`;
    return trimmed.length > max ? `At most ${max} characters` : null;
  };

export const emailRule = (value: string) => (isEmailAddress(value.trim()) ? null : 'Enter an email address like name@example.com');

export const optionalPhoneRule = (value: string) => (!value.trim() || isPhoneNumber(value.trim()) ? null : 'Use digits, spaces and + - ( ), with 7 to 15 digits');

/** A coordinate from a NumberInput (a number, or '' while empty). */
export const coordinateRule =
  (what: 'Latitude' | 'Longitude') =>
  (value: number | string): string | null => {
    const limit = what === 'Latitude' ? 90 : 180;
    if (value === '' || typeof value !== 'number' || Number.isNaN(value)) return `Enter the ${what.toLowerCase()}`;
    return Math.abs(value) <= limit ? null : `${what} is between -${limit} and ${limit}`;
  };

export const idRule = (what: string) => (value: string) => (isId(value.trim()) ? null : `Paste ${what} exactly as ReferLoop showed it (36 characters, like 3f2b8c1e-…)`);
