import { badParameter } from '../errors/fhir-error';
import type { Param } from './search-parameter';

/** The comparisons of FHIR date search this API implements (sa, eb and ap are refused). */
const PREFIXES = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
type Prefix = (typeof PREFIXES)[number];

/**
 * A date search value: the prefix and the interval its precision spans, [start, end). A day
 * (2026-03-01) spans the whole day, a month the whole month; a time needs a time zone (FHIR
 * requires one). A date without a time is read in UTC.
 */
export interface DateRange {
  prefix: Prefix;
  start: Date;
  end: Date;
}

const VALUE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

export function parseDateValue(parameter: string, raw: string, dateOnly: boolean): DateRange {
  const prefixed = /^[a-z]{2}/.exec(raw)?.[0];
  if (prefixed !== undefined && !(PREFIXES as readonly string[]).includes(prefixed)) {
    throw badParameter(parameter, `the prefix '${prefixed}' is not supported; use one of ${PREFIXES.join(', ')}`);
  }
  const prefix = (prefixed ?? 'eq') as Prefix;
  const text = prefixed === undefined ? raw : raw.slice(2);
  const match = VALUE.exec(text);
  if (!match) throw badParameter(parameter, `'${text}' is not a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD, or a time with its zone, 2026-03-01T09:30:00Z)`);
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  // The interval's end must still be a four-digit year (PostgreSQL reads no year 10000, nor 0000).
  if (Number(year) < 1 || Number(year) > 9998) throw badParameter(parameter, `'${text}' is out of range: years from 0001 to 9998`);
  if (dateOnly && hour !== undefined) throw badParameter(parameter, 'takes a date without a time');
  const start = new Date(`${year}-${month ?? '01'}-${day ?? '01'}T${hour ?? '00'}:${minute ?? '00'}:${second ?? '00'}${fraction ?? ''}${zone ?? 'Z'}`);
  const calendar = new Date(Date.UTC(Number(year), Number(month ?? '1') - 1, Number(day ?? '1')));
  // A date that does not exist (2026-02-30) rolls over in Date: refuse it instead.
  if (Number.isNaN(start.getTime()) || calendar.getUTCMonth() !== Number(month ?? '1') - 1 || calendar.getUTCDate() !== Number(day ?? '1')) {
    throw badParameter(parameter, `'${text}' is not a valid date`);
  }
  return { prefix, start, end: endOf(start, { month, day, hour, second, fraction }) };
}

/** The end of the interval a value's precision spans. */
function endOf(start: Date, given: { month?: string; day?: string; hour?: string; second?: string; fraction?: string }): Date {
  const end = new Date(start);
  if (given.hour !== undefined) {
    const step = given.fraction !== undefined ? 1 : given.second !== undefined ? 1000 : 60_000;
    return new Date(start.getTime() + step);
  }
  if (given.day !== undefined) end.setUTCDate(end.getUTCDate() + 1);
  else if (given.month !== undefined) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return end;
}

/**
 * The SQL comparing `column` (an instant) with a date search value. An instant matches `eq` when
 * it lies in the value's interval, `gt` when it lies after it, `le` when not after it, and so on.
 */
export function dateCondition(column: string, range: DateRange, param: Param): string {
  return comparison(column, range.prefix, () => param(range.start), () => param(range.end));
}

/** The same for a date column (a birth date): compared as dates, the interval's days. */
export function calendarDateCondition(column: string, range: DateRange, param: Param): string {
  const day = (date: Date) => () => `${param(date.toISOString().slice(0, 10))}::date`;
  return comparison(column, range.prefix, day(range.start), day(range.end));
}

/** Each bound becomes a parameter only where the comparison uses it (PostgreSQL cannot type one it never sees used). */
function comparison(column: string, prefix: Prefix, start: () => string, end: () => string): string {
  switch (prefix) {
    case 'eq':
      return `(${column} >= ${start()} AND ${column} < ${end()})`;
    case 'ne':
      return `(${column} < ${start()} OR ${column} >= ${end()})`;
    case 'gt':
      return `${column} >= ${end()}`;
    case 'ge':
      return `${column} >= ${start()}`;
    case 'lt':
      return `${column} < ${start()}`;
    case 'le':
      return `${column} < ${end()}`;
  }
}
