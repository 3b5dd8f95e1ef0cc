import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, ValueNode } from 'graphql';

/**
 * ISO-8601 instant with an explicit offset, always emitted in UTC ending in `Z`. Each part is
 * checked, not left to `Date`, which would move 2030-02-30 to 2 March and 24:00 to the next day.
 */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
/** The widest offsets in use (UTC−12:00 to UTC+14:00), with a margin of symmetry. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** Whether a value written as INSTANT (`match`) names a real instant. */
function isRealInstant(match: RegExpExecArray): boolean {
  if (!isRealLocalDate(match[1])) return false;
  const [hours, minutes, seconds] = [match[2], match[3], match[4] ?? '00'].map(Number);
  if (hours > 23 || minutes > 59 || seconds > 59) return false;
  if (match[5] === undefined) return true;
  const [offsetHours, offsetMinutes] = [Number(match[5]), Number(match[6])];
  return offsetMinutes <= 59 && offsetHours * 60 + offsetMinutes <= MAX_OFFSET_MINUTES;
}

export function parseInstant(value: unknown): Date {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!match) {
    throw new GraphQLError('DateTime must be an ISO-8601 instant with a time zone, e.g. 2026-03-01T14:30:00Z', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const date = new Date(match[0]);
  if (!isRealInstant(match) || Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime "${match[0]}" is not a real instant (a real calendar date, hours 00-23, minutes and seconds 00-59, offset within ±14:00)`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

export class DateTime {}

@Scalar('DateTime', () => DateTime)
export class DateTimeScalar implements CustomScalar<string, Date> {
  description = 'An instant in time, ISO-8601 in UTC ending in Z (e.g. 2026-03-01T14:30:00.000Z).';
  parseValue(value: unknown): Date {
    return parseInstant(value);
  }
  serialize(value: unknown): string {
    const date = value instanceof Date ? value : new Date(String(value));
    return date.toISOString();
  }
  parseLiteral(ast: ValueNode): Date {
    return parseInstant(ast.kind === Kind.STRING ? ast.value : undefined);
  }
}

/** A calendar date with no time zone: birthdays must never shift by a day. */
export class LocalDate {}

export function isRealLocalDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string' || !isRealLocalDate(value)) {
    throw new GraphQLError('LocalDate must be a real calendar date written YYYY-MM-DD', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

@Scalar('LocalDate', () => LocalDate)
export class LocalDateScalar implements CustomScalar<string, string> {
  description = 'A calendar date without time zone, YYYY-MM-DD.';
  parseValue(value: unknown): string {
    return parseLocalDate(value);
  }
  serialize(value: unknown): string {
    return String(value);
  }
  parseLiteral(ast: ValueNode): string {
    return parseLocalDate(ast.kind === Kind.STRING ? ast.value : undefined);
  }
}
