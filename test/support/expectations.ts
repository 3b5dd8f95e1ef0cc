import { GraphqlError, GraphqlResponse } from './graphql-client';

/**
 * Asserts the response failed with `code` (and, for bad input, `field`) and carried no
 * partial data for the failing operation. Returns the first error for further checks. The
 * whole error list is part of the compared value so a failure shows what actually came back.
 */
export function expectGraphqlError(response: GraphqlResponse, code: string, field?: string): GraphqlError {
  const first = response.errors?.[0];
  const actual = { code: first?.extensions?.code, ...(field === undefined ? {} : { field: first?.extensions?.field }) };
  const expected = { code, ...(field === undefined ? {} : { field }) };
  expect({ ...actual, errors: response.errors, data: response.data }).toMatchObject(expected);
  if (response.data) {
    for (const value of Object.values(response.data)) expect(value).toBeNull();
  }
  expectNoLeakedInternals(response);
  return first as GraphqlError;
}

/**
 * Asserts the response failed with `code` and `extensions.reason` (and, for bad input, `field`),
 * as expectGraphqlError does. Returns the first error for further checks.
 */
export function expectGraphqlReason(response: GraphqlResponse, code: string, reason: string, field?: string): GraphqlError {
  const first = expectGraphqlError(response, code, field);
  expect({ reason: first.extensions?.reason, errors: response.errors }).toMatchObject({ reason });
  return first;
}

/** No stack traces, SQL or source frames in any error a client sees. */
export function expectNoLeakedInternals(response: GraphqlResponse): void {
  for (const error of response.errors ?? []) {
    expect(error.extensions?.stacktrace).toBeUndefined();
    expect(error.extensions?.exception).toBeUndefined();
    expect(error.message).not.toMatch(/\bSELECT\b|\bINSERT\b|\bUPDATE\s+\w+\s+SET\b|\n\s+at\s|node_modules|\.ts:\d+/);
  }
}

export function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}
