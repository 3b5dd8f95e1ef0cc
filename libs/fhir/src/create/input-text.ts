import { badInput, textProblem } from '@referloop/core';

/**
 * Holds every string of an input to the text rules (no NUL or other control characters, no lone
 * surrogates, nothing over the longest text any field takes), as GraphQL holds every string its
 * arguments carry before anything runs (argumentTextPlugin): PostgreSQL, the templates and the
 * validators are never handed text they would fail on. The first string that breaks them is
 * refused as bad input naming its field (`input.reason`), which the caller names as an element.
 */
export function assertInputText(input: unknown, path: readonly string[] = ['input']): void {
  if (typeof input === 'string') {
    const problem = textProblem(input);
    if (problem) throw badInput(path.join('.'), `${path.join('.')}: ${problem}`);
  } else if (Array.isArray(input)) {
    input.forEach((item, index) => assertInputText(item, [...path, String(index)]));
  } else if (typeof input === 'object' && input !== null) {
    for (const [key, value] of Object.entries(input)) assertInputText(value, [...path, key]);
  }
}
