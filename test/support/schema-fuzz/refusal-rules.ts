/**
 * The contract's rules for which argument values must be refused as BAD_USER_INPUT before
 * anything runs, written independently of the server's code and of the generators: a case is
 * classified by looking at the value it ended up with, not at how it was made (an arbitrary
 * string of "control characters" may well be only tabs and line feeds, which are allowed).
 */
export const MAX_TEXT_UNITS = 10_000;

export type Refusal =
  /** Control character, lone surrogate or over-long text: refused in any text scalar. */
  | { rule: 'text'; why: string }
  /** A well-formed but impossible calendar time in a DateTime or LocalDate. */
  | { rule: 'impossible date'; why: string };

/** Why the contract refuses `value` at a leaf of type `scalar`, or undefined when any coded answer will do. */
export function contractRefusal(value: string, scalar: string): Refusal | undefined {
  if (value.length > MAX_TEXT_UNITS) return { rule: 'text', why: `${value.length} UTF-16 code units (more than ${MAX_TEXT_UNITS})` };
  const control = forbiddenControlAt(value);
  if (control !== undefined) return { rule: 'text', why: `control character ${codeUnit(value, control)} at index ${control}` };
  const surrogate = loneSurrogateAt(value);
  if (surrogate !== undefined) return { rule: 'text', why: `lone surrogate ${codeUnit(value, surrogate)} at index ${surrogate}` };
  const impossible =
    scalar === 'DateTime' ? impossibleInstant(value) : scalar === 'LocalDate' ? impossibleLocalDate(value) : undefined;
  return impossible ? { rule: 'impossible date', why: impossible } : undefined;
}

/** U+0000–U+0008, U+000B, U+000C, U+000E–U+001F and U+007F; tab, line feed and carriage return are text. */
export function isForbiddenControl(unit: number): boolean {
  return (unit <= 0x1f && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0x7f;
}

function forbiddenControlAt(value: string): number | undefined {
  for (let index = 0; index < value.length; index += 1) if (isForbiddenControl(value.charCodeAt(index))) return index;
  return undefined;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

function loneSurrogateAt(value: string): number | undefined {
  for (let index = 0; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    if (isHigh(unit)) {
      if (index + 1 < value.length && isLow(value.charCodeAt(index + 1))) index += 1;
      else return index;
    } else if (isLow(unit)) return index;
  }
  return undefined;
}

export function hasLoneSurrogate(value: string): boolean {
  return loneSurrogateAt(value) !== undefined;
}

function codeUnit(value: string, index: number): string {
  return `U+${value.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** What is impossible about a YYYY-MM-DD date; undefined when it is real or not shaped like a date at all. */
export function impossibleLocalDate(value: string): string | undefined {
  const match = DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12) return `month ${match[2]}`;
  if (day < 1 || day > daysInMonth(year, month)) return `day ${match[3]} of ${year}-${match[2]}`;
  return undefined;
}

/**
 * What is impossible about an ISO-8601 instant; undefined when it is real or not shaped like
 * an instant (a malformed one is refused for its format, which the contract does not pin down).
 */
export function impossibleInstant(value: string): string | undefined {
  const match = INSTANT.exec(value);
  if (!match) return undefined;
  const date = impossibleLocalDate(match[1]);
  if (date) return date;
  const [hour, minute, second] = [match[2], match[3], match[4] ?? '00'].map(Number);
  if (hour > 23) return `hour ${match[2]}`;
  if (minute > 59) return `minute ${match[3]}`;
  if (second > 59) return `second ${match[4]}`;
  if (match[5] === undefined) return undefined;
  const [offsetHours, offsetMinutes] = [Number(match[5]), Number(match[6])];
  if (offsetMinutes > 59) return `offset minutes ${match[6]}`;
  if (offsetHours * 60 + offsetMinutes > 14 * 60) return `offset ${match[5]}:${match[6]} beyond ±14:00`;
  return undefined;
}
