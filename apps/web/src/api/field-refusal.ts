import type { DescribedError } from './errors';

/** A refusal of one input: the path it names (`input.appointmentAt`) and what is wrong with it. */
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
  return described?.code === 'BAD_USER_INPUT' && described.field ? { field: described.field, message: described.message } : null;
}

/** The message for one input path, when the refusal names that path. */
export function fieldError(described: DescribedError | null | undefined, path: string): string | undefined {
  const refusal = fieldRefusal(described);
  return refusal?.field === path ? refusal.message : undefined;
}
