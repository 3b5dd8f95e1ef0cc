import { describeError } from './errors';
import { fieldRefusal } from './field-refusal';

/** The part of a @mantine/form form that a refusal needs. */
interface FormWithErrors {
  getValues: () => object;
  setFieldError: (path: string, error: string) => void;
}

/**
 * Every path a form has, nested objects included (`address.city`), a list as one field
 * (`languages`): the places a server message can be shown beside. A list the form shows item by
 * item (named in `itemLists`: a row of fields, or one field an item) has its items' paths too
 * (`assessment.0.joint`, `shortTermGoals.1`).
 */
export function formFieldPaths(values: object, itemLists: readonly string[] = []): string[] {
  const pathsBelow = (value: unknown, path: string): string[] => {
    const opened = value !== null && typeof value === 'object' && (!Array.isArray(value) || itemLists.includes(path));
    return [path, ...(opened ? Object.entries(value).flatMap(([key, inner]) => pathsBelow(inner, `${path}.${key}`)) : [])];
  };
  return Object.entries(values).flatMap(([key, value]) => pathsBelow(value, key));
}

/** A form's own name for API paths: a pattern over the path without `input.`, and its replacement. */
export type FieldRename = readonly [pattern: RegExp, replacement: string];

/**
 * The form path an API `field` belongs to: `input.address.city` → `address.city`; a list item
 * (`input.languages.2`) → the list (`languages`) unless the form has a field for the item; null
 * when the form has no such field. `renames` are the form's own names where it groups things
 * differently from the API (`assessment.rangeOfMotion.2.painScore` → `assessment.2.pain`),
 * applied in order before the form's paths are looked up.
 */
export function formPathOf(field: string, paths: readonly string[], renames: readonly FieldRename[] = []): string | null {
  const renamed = renames.reduce((path, [pattern, replacement]) => path.replace(pattern, replacement), field.replace(/^input\./, ''));
  const segments = renamed.split('.');
  for (let length = segments.length; length > 0; length--) {
    const candidate = segments.slice(0, length).join('.');
    if (paths.includes(candidate)) return candidate;
  }
  return null;
}

/** How a form's paths differ from the API's: lists shown item by item, and its own names. */
export interface FormShape {
  itemLists?: readonly string[];
  renames?: readonly FieldRename[];
}

/**
 * Shows a refusal where the user looks for it: a BAD_USER_INPUT naming one of the form's fields
 * goes beside that field (Mantine clears it when the field is edited). Anything else comes back
 * in words, for the caller to show above the buttons; null when it was placed.
 */
export function placeServerError(form: FormWithErrors, error: unknown, shape: FormShape = {}): string | null {
  const described = describeError(error);
  const refusal = fieldRefusal(described);
  const path = refusal && formPathOf(refusal.field, formFieldPaths(form.getValues(), shape.itemLists), shape.renames);
  if (!refusal || !path) return described.message;
  form.setFieldError(path, refusal.message);
  return null;
}
