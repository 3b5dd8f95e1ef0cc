import { describeError } from './errors';
import { fieldRefusal } from './field-refusal';

/** The part of a @mantine/form form that a refusal needs. */
interface FormWithErrors {
  getValues: () => object;
  setFieldError: (path: string, error: string) => void;
}

/**
 * Every path a form has, nested objects included (`address.city`), arrays as one field
 * (`languages`): the places a server message can be shown beside.
 */
export function formFieldPaths(values: object, prefix = ''): string[] {
  return Object.entries(values).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    const nested = value !== null && typeof value === 'object' && !Array.isArray(value) ? formFieldPaths(value as object, `${path}.`) : [];
    return [path, ...nested];
  });
}

/**
 * The form path an API `field` belongs to: `input.address.city` → `address.city`; a list item
 * (`input.languages.2`) → the list (`languages`); null when the form has no such field.
 */
export function formPathOf(field: string, paths: readonly string[]): string | null {
  const segments = field.replace(/^input\./, '').split('.');
  for (let length = segments.length; length > 0; length--) {
    const candidate = segments.slice(0, length).join('.');
    if (paths.includes(candidate)) return candidate;
  }
  return null;
}

/**
 * "input.address.postalCode: postalCode should not be blank" → "Postal code should not be
 * blank": beside the field, the path in front is noise and the property name is said in words.
 */
export function messageBesideField(message: string, field: string): string {
  const text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  const property = field.split('.').filter((segment) => !/^\d+$/.test(segment)).pop() ?? '';
  const said = property && text.startsWith(`${property} `) ? `${property.replace(/([A-Z])/g, ' $1').toLowerCase()}${text.slice(property.length)}` : text;
  return said.charAt(0).toUpperCase() + said.slice(1);
}

/**
 * Shows a refusal where the user looks for it: a BAD_USER_INPUT naming one of the form's fields
 * goes beside that field (Mantine clears it when the field is edited). Anything else comes back
 * in words, for the caller to show above the buttons; null when it was placed.
 */
export function placeServerError(form: FormWithErrors, error: unknown, rename: Record<string, string> = {}): string | null {
  const described = describeError(error);
  const refusal = fieldRefusal(described);
  if (!refusal) return described.message;
  const path = formPathOf(rename[refusal.field] ?? refusal.field, formFieldPaths(form.getValues()));
  if (!path) return described.message;
  form.setFieldError(path, messageBesideField(refusal.message, refusal.field));
  return null;
}
