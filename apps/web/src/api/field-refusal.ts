import type { DescribedError } from './errors';

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

/** A refusal of one input: the path it names (`input.appointmentAt`) and what is wrong with it, worded to stand beside it. */
export interface FieldRefusal {
  field: string;
  message: string;
}

/**
 * The input a refusal names, if it names one: a BAD_USER_INPUT whose `field` is set. The one
 * reading of `field`, so that every form decides alike what goes beside a field and what is
 * said in words above its buttons.
 */
export function fieldRefusal(described: DescribedError | null | undefined): FieldRefusal | null {
  return described?.code === 'BAD_USER_INPUT' && described.field ? { field: described.field, message: messageBesideField(described.message, described.field) } : null;
}

/** The message for one input path, when the refusal names that path. */
export function fieldError(described: DescribedError | null | undefined, path: string): string | undefined {
  const refusal = fieldRefusal(described);
  return refusal?.field === path ? refusal.message : undefined;
}
