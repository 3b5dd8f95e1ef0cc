import { registerDecorator, ValidationOptions } from 'class-validator';
import { isRealLocalDate } from '@referloop/common';

/** A real calendar date, not in the future and not before 1900. */
export function IsPastDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPastDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a real date between 1900-01-01 and today', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          isRealLocalDate(value) &&
          value >= '1900-01-01' &&
          value <= new Date().toISOString().slice(0, 10),
      },
    });
}
