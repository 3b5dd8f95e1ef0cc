import { ArgumentsHost, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { badInput, conflict, DomainError, forbidden, invalidTransition, notFound } from '@referloop/core';
import { ErrorCode } from '@referloop/core';
import { ErrorReason } from '@referloop/core';
import { formatExecutionResult } from './format-execution-result';
import { formatGraphqlError } from './format-graphql-error';
import { GraphqlExceptionFilter } from './graphql-exception.filter';

/*
 * The path of a resolver's error with the real classes: Nest hands it to GraphqlExceptionFilter,
 * graphql-js wraps it with the field's path, formatGraphqlError shapes it for the client. Only
 * the formatter maps and logs; the e2e test error-logging counts the lines of real failures.
 */

const graphqlHost = { getType: () => 'graphql' } as unknown as ArgumentsHost;

/** What a thrown error becomes by the time it reaches formatError: graphql-js's located error. */
function located(thrown: unknown): GraphQLError {
  const original = new GraphqlExceptionFilter().catch(thrown, graphqlHost) as Error;
  return new GraphQLError(original.message, { path: ['referral'], originalError: original });
}

const format = (error: GraphQLError) => formatGraphqlError(error.toJSON(), error);

describe('the error pipeline', () => {
  let logged: jest.SpyInstance;

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => logged.mockRestore());

  it('the filter hands a resolver error on untouched and logs nothing', () => {
    const refused = forbidden('Not yours', ErrorReason.NOT_YOUR_SIDE);
    const failed = new TypeError('a bug');
    expect(new GraphqlExceptionFilter().catch(refused, graphqlHost)).toBe(refused);
    expect(new GraphqlExceptionFilter().catch(failed, graphqlHost)).toBe(failed);
    expect(logged).not.toHaveBeenCalled();
  });

  it('the filter turns a thrown non-Error into an Error, which graphql-js raises instead of taking it for the result', () => {
    const error = new GraphqlExceptionFilter().catch('a string', graphqlHost);
    expect(error).toBeInstanceOf(Error);
    expect(logged).not.toHaveBeenCalled();
  });

  it('maps a DomainError to its message, code, reason and own extensions, without logging', () => {
    expect(format(located(badInput('input.id', 'No consent', ErrorReason.CONSENT_MISSING)))).toEqual({
      message: 'No consent',
      path: ['referral'],
      locations: undefined,
      extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'input.id', reason: ErrorReason.CONSENT_MISSING },
    });
    expect(format(located(conflict('Changed', { currentVersion: 3 }, ErrorReason.STALE_VERSION))).extensions).toEqual({
      code: ErrorCode.CONFLICT,
      currentVersion: 3,
      reason: ErrorReason.STALE_VERSION,
    });
    expect(format(located(invalidTransition('Closed', ErrorReason.ALREADY_ACKNOWLEDGED))).extensions).toEqual({
      code: ErrorCode.INVALID_TRANSITION,
      reason: ErrorReason.ALREADY_ACKNOWLEDGED,
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it('adds no reason key to an error that has none', () => {
    expect(format(located(notFound('Referral'))).extensions).toEqual({ code: ErrorCode.NOT_FOUND });
    expect(format(located(badInput('input.note', 'note is required'))).extensions).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'input.note' });
  });

  it('masks an unexpected error and logs it once, with its own stack', () => {
    const failed = new Error('relation "visits" does not exist');
    expect(format(located(failed))).toEqual({
      message: 'Internal server error',
      path: ['referral'],
      locations: undefined,
      extensions: { code: ErrorCode.INTERNAL },
    });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith(failed.stack);
  });

  it('formats a live result (sent by graphql-ws, not Apollo) the same way', () => {
    const result = formatExecutionResult({
      data: null,
      errors: [located(forbidden('Not yours', ErrorReason.NOT_YOUR_SIDE)), located(new Error('a bug'))],
    });
    expect(result.errors?.map((error) => [error.message, error.extensions])).toEqual([
      ['Not yours', { code: ErrorCode.FORBIDDEN, reason: ErrorReason.NOT_YOUR_SIDE }],
      ['Internal server error', { code: ErrorCode.INTERNAL }],
    ]);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(formatExecutionResult({ data: { ok: true } })).toEqual({ data: { ok: true } });
  });

  it('keeps a DomainError a DomainError: its reason is not one of its extensions', () => {
    const error = forbidden('Not yours', ErrorReason.NOT_YOUR_ROLE);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.reason).toBe(ErrorReason.NOT_YOUR_ROLE);
    expect(error.extensions).toEqual({});
  });
});
