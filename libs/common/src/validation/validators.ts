import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';

/** Free text of digits, spaces and `+-()` holding 7 to 15 digits (E.164's maximum). */
export function isPhoneNumber(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[0-9 +\-()]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

export function IsPhone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPhone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be digits, spaces and +-() with 7 to 15 digits', ...options },
      validator: { validate: isPhoneNumber },
    });
}

/** A time zone name from the IANA database that this runtime knows, such as `America/Chicago`. */
export function isIanaTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  if (value !== 'UTC' && !value.includes('/')) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone name such as America/Chicago', ...options },
      validator: { validate: isIanaTimeZone },
    });
}

/** Rejects strings that are empty once trimmed. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must not be blank', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0 },
    });
}

/**
 * For update inputs: the field may be left out, but null is validated (and so refused by the
 * field's other rules) because the column it sets cannot be empty.
 */
export const MayBeOmitted = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
