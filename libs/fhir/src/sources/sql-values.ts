import { isUuid } from '@referloop/core';
import { anyOf, type Param, type ReferenceValue } from '../search/search-parameter';

/**
 * `column = ANY(ids)` for the ids that can be ids here at all (UUIDs); an id of any other shape
 * names nothing, so it matches nothing rather than reaching PostgreSQL as a bad uuid.
 */
export function idIn(column: string, ids: readonly string[], param: Param): string {
  const valid = ids.filter((id) => isUuid(id)).map((id) => id.toLowerCase());
  return valid.length === 0 ? 'FALSE' : `${column} = ANY(${param(valid)}::uuid[])`;
}

/** A reference parameter's values naming `type`, as an id condition on `column`; values naming another type match nothing. */
export function referenceIn(column: string, values: readonly ReferenceValue[], type: string, param: Param): string {
  return idIn(column, values.filter((value) => value.type === type).map((value) => value.id), param);
}

/** Text a LIKE pattern holds literally, folded as names are (fold_name: lower case, accents off); escaped after folding. */
const folded = (placeholder: string) => `replace(replace(replace(fold_name(${placeholder}), '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;

/**
 * FHIR string search (which matches the start of the text, ignoring case and accents), word by
 * word: a word of the column, split at anything but letters and digits, starts with the value.
 */
export function wordStartsWith(column: string, values: readonly string[], param: Param): string {
  const words = `(' ' || regexp_replace(fold_name(${column}), '[^[:alnum:]]+', ' ', 'g'))`;
  return anyOf(values.map((value) => `${words} LIKE '% ' || ${folded(param(value))} || '%'`));
}
