import { badParameter } from '../errors/fhir-error';
import type { AnySearchParameter, ReferenceValue, TokenValue } from './search-parameter';
import { parseDateValue, type DateRange } from './date-value';

/** The longest value accepted: longer than any id, code or name this API knows. */
const MAX_VALUE_LENGTH = 200;
/** The most alternatives one parameter may give (a,b,c…): each is SQL to run. */
const MAX_VALUES = 50;

/**
 * One occurrence's values, split at commas (FHIR's "or"; `\,` is a comma inside a value) and
 * parsed by the parameter's type. Bad values are refused naming the parameter.
 */
export function parseValues(parameter: AnySearchParameter, raw: string): Array<TokenValue | ReferenceValue | DateRange | string> {
  const values = raw.split(/(?<!\\),/).map((value) => value.replace(/\\,/g, ','));
  if (values.length > MAX_VALUES) throw badParameter(parameter.name, `at most ${MAX_VALUES} values, separated by commas`);
  if (values.some((value) => value.trim() === '')) throw badParameter(parameter.name, 'a value is empty');
  if (values.some((value) => value.length > MAX_VALUE_LENGTH)) throw badParameter(parameter.name, `a value is longer than ${MAX_VALUE_LENGTH} characters`);
  switch (parameter.type) {
    case 'token':
      return values.map((value) => tokenValue(parameter.name, value, parameter.codes));
    case 'reference':
      return values.map((value) => referenceValue(parameter.name, value, parameter.targets ?? []));
    case 'date':
      return values.map((value) => parseDateValue(parameter.name, value, parameter.dateOnly === true));
    case 'string':
      return values.map((value) => value.trim());
  }
}

function tokenValue(name: string, raw: string, codes: readonly string[] | undefined): TokenValue {
  const bar = raw.indexOf('|');
  const value = bar < 0 ? { system: null, code: raw } : { system: raw.slice(0, bar), code: raw.slice(bar + 1) };
  if (value.code === '') throw badParameter(name, `'${raw}' names no code`);
  if (codes && !codes.includes(value.code)) throw badParameter(name, `'${value.code}' is not one of ${codes.join(', ')}`);
  return value;
}

/** `Type/id`, a bare id, or the absolute URL of a resource here (…/Type/id). */
function referenceValue(name: string, raw: string, targets: readonly string[]): ReferenceValue {
  const parts = raw.split('/');
  if (parts.length === 1) {
    if (targets.length !== 1) throw badParameter(name, `name the resource type too (${targets.map((type) => `${type}/<id>`).join(' or ')})`);
    return { type: targets[0], id: raw };
  }
  const [type, id] = parts.slice(-2);
  if (!targets.includes(type)) throw badParameter(name, `refers to ${targets.join(' or ')}, not ${type}`);
  return { type, id };
}
