import { expectNoLeakedInternals } from '../expectations';
import { GraphqlResponse } from '../graphql-client';
import { isLiteral } from './deliveries';
import { FuzzCase } from './fuzz-case';
import { hasLoneSurrogate } from './refusal-rules';
import { show } from './show';

/** How a refused case must be answered: HTTP 400, one of `codes`, and `field` when the code is BAD_USER_INPUT. */
export interface ExpectedRefusal {
  codes: readonly string[];
  field: string | undefined;
}

/**
 * What the contract requires of the answer to a case that must be refused. Written as a
 * literal (inline or as a variable's default), two things differ from a value sent in
 * variables:
 *   - a lone surrogate cannot be written in GraphQL's syntax at all (neither raw nor as a \u
 *     escape), so the document is refused as unparseable (GRAPHQL_PARSE_FAILED) — or, by a
 *     server that looks first, as bad input naming the field;
 *   - an impossible date is found by the scalar while graphql-js validates the document
 *     (a default literal is checked against its variable's type too): GRAPHQL_VALIDATION_FAILED.
 *     Inline, that check names no variable, so BAD_USER_INPUT may name any field; a default
 *     reaches the resolver only through variable coercion, so BAD_USER_INPUT from there names
 *     the field, as for a value that was sent.
 */
export function expectedRefusal(fuzzCase: FuzzCase): ExpectedRefusal | undefined {
  const { hostile, delivery } = fuzzCase;
  if (!hostile?.refusal) return undefined;
  const field = hostile.path.join('.');
  if (!isLiteral(delivery)) return { codes: ['BAD_USER_INPUT'], field };
  if (hasLoneSurrogate(hostile.value)) return { codes: ['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED'], field };
  if (hostile.refusal.rule === 'impossible date') {
    return { codes: ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'], field: delivery === 'inline' ? undefined : field };
  }
  return { codes: ['BAD_USER_INPUT'], field };
}

/** Everything wrong with `response` as an answer to `fuzzCase`; empty when it keeps the contract. */
export function outcomeProblems(fuzzCase: FuzzCase, response: GraphqlResponse): string[] {
  const problems: string[] = [];
  // Every answer: no 5xx, a code on every error, never an internal error, nothing internal shown.
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  (response.errors ?? []).forEach((error, index) => {
    const code = error.extensions?.code;
    if (typeof code !== 'string') problems.push(`errors[${index}] has no extensions.code`);
    else if (code === 'INTERNAL_SERVER_ERROR') problems.push(`errors[${index}] is INTERNAL_SERVER_ERROR`);
  });
  try {
    expectNoLeakedInternals(response);
  } catch (leak) {
    problems.push(`an error shows internals: ${(leak as Error).message.split('\n').slice(0, 3).join(' ')}`);
  }

  const refusal = expectedRefusal(fuzzCase);
  if (!refusal) return problems;
  const first = response.errors?.[0];
  const code = first?.extensions?.code;
  if (response.status !== 400) problems.push(`refused input must answer HTTP 400, got ${response.status}`);
  if (typeof code !== 'string' || !refusal.codes.includes(code)) {
    problems.push(`refused input must answer ${refusal.codes.join(' or ')}, got ${code === undefined ? 'no error code' : String(code)}`);
  } else if (code === 'BAD_USER_INPUT' && refusal.field !== undefined && first?.extensions?.field !== refusal.field) {
    problems.push(`BAD_USER_INPUT must name field "${refusal.field}", named ${JSON.stringify(first?.extensions?.field)}`);
  }
  // Refused before execution, an answer has no "data" at all; `{ field: null }` means the resolver ran.
  if (response.data !== undefined && response.data !== null) problems.push(`refused input must run nothing, yet the answer has data ${show(response.data)}`);
  return problems;
}
