import { ArgumentMetadata, Injectable, PipeTransform, ValidationPipe } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { DomainError, ErrorCode } from '@referloop/core';

/** Depth-first path of the first failing property, e.g. `assessment.rangeOfMotion.0.painScore`. */
export function firstFailure(errors: ValidationError[], prefix: string[] = []): { path: string[]; message: string } | null {
  for (const error of errors) {
    const path = [...prefix, error.property];
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) return { path, message: messages[0] };
    const nested = firstFailure(error.children ?? [], path);
    if (nested) return nested;
  }
  return null;
}

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;

/**
 * UUIDs are case-insensitive but the database compares text: an id in capitals must mean the
 * same row as in lower case everywhere (ownership checks, "not the same provider" checks), so
 * every UUID-shaped string in an input is lower-cased once, here.
 */
export function lowercaseIds<T>(value: T): T {
  if (typeof value === 'string') return (UUID.test(value) ? value.toLowerCase() : value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => lowercaseIds(item)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = lowercaseIds(record[key]);
  }
  return value;
}

/**
 * Validates every GraphQL argument against its class-validator decorators and answers
 * BAD_USER_INPUT naming the first offending field (`input.assessment.rangeOfMotion.0.painScore`),
 * before any resolver touches the database.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  private readonly inner = new ValidationPipe({
    transform: true,
    whitelist: false,
    forbidUnknownValues: false,
    validateCustomDecorators: false,
    stopAtFirstError: true,
    exceptionFactory: (errors: ValidationError[]) => errors,
  });

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return value;
    try {
      return lowercaseIds(await this.inner.transform(value, metadata));
    } catch (caught) {
      if (!Array.isArray(caught)) throw caught;
      const failure = firstFailure(caught as ValidationError[]);
      const root = metadata.data ? [metadata.data] : [];
      const field = [...root, ...(failure?.path ?? [])].join('.');
      const message = failure ? `${field}: ${failure.message}` : `${field} is invalid`;
      throw new DomainError(ErrorCode.BAD_USER_INPUT, message, { field });
    }
  }
}
