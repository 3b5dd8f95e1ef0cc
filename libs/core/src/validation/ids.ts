import { badInput } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Ids are UUIDs; anything else is bad input, caught before it reaches SQL. */
export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(field, `${field} must be an id returned by this API`);
  return value.toLowerCase();
}
