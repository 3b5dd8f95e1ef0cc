import fc from 'fast-check';
import { astFromValue, print } from 'graphql';
import { ArgumentValues } from './argument-values';
import { HostileKind } from './hostile-values';
import { Refusal } from './refusal-rules';
import { RootOperation } from './root-operations';
import { ANY_ELEMENT, LeafStep } from './text-leaves';
import { show, showDocument } from './show';

export const CALLERS = ['anonymous', 'platform admin', 'coordinator', 'provider'] as const;
export type CallerName = (typeof CALLERS)[number];

/** The one hostile value of a case and where it went. */
export interface Placement {
  kind: HostileKind;
  value: string;
  scalar: string;
  /** The leaf in the schema, e.g. `input.assessment.rangeOfMotion[].joint`. */
  leaf: string;
  /** The concrete place: `['input', 'assessment', 'rangeOfMotion', 0, 'joint']`. */
  path: ReadonlyArray<string | number>;
  /** What the contract says must happen to it, if it must be refused. */
  refusal: Refusal | undefined;
}

export interface FuzzCase {
  operation: RootOperation;
  caller: CallerName;
  /** All argument values, the hostile one in place. */
  args: ArgumentValues;
  hostile: Placement | undefined;
  /** Whether the argument holding the hostile value is written into the query text instead of a variable. */
  inline: boolean;
}

/**
 * Puts `value` at `steps` in a copy of `args` and returns the copy with the concrete path.
 * `spot` picks the element of each list on the way (the lists there are never empty).
 */
export function placeValue(
  args: ArgumentValues,
  steps: readonly LeafStep[],
  value: string,
  spot: number,
): { args: ArgumentValues; path: Array<string | number> } {
  type Container = Record<string | number, unknown>;
  const copy = structuredClone(args);
  const path: Array<string | number> = [];
  let parent: Container = copy;
  let choice = spot;
  steps.forEach((step, index) => {
    let key: string | number;
    if (step === ANY_ELEMENT) {
      const length = (parent as unknown as unknown[]).length;
      key = choice % length;
      choice = Math.floor(choice / length);
    } else key = step;
    path.push(key);
    if (index === steps.length - 1) parent[key] = value;
    else parent = parent[key] as Container;
  });
  return { args: copy, path };
}

/**
 * The request for a case: one variable per argument, named after it, so a coercion error
 * names the argument path; the argument with the hostile value is printed as a literal instead
 * when the case is inline.
 */
export function requestOf(fuzzCase: FuzzCase): { query: string; variables: ArgumentValues } {
  const { operation, args, hostile, inline } = fuzzCase;
  const inlined = inline && hostile ? hostile.path[0] : undefined;
  const definitions: string[] = [];
  const passed: string[] = [];
  const variables: ArgumentValues = {};
  for (const argument of operation.args) {
    if (argument.name === inlined) {
      const literal = astFromValue(args[argument.name], argument.type);
      if (!literal) throw new Error(`cannot write ${argument.name} of ${operation.name} as a literal`);
      passed.push(`${argument.name}: ${print(literal)}`);
      continue;
    }
    definitions.push(`$${argument.name}: ${String(argument.type)}`);
    passed.push(`${argument.name}: $${argument.name}`);
    if (args[argument.name] !== undefined) variables[argument.name] = args[argument.name];
  }
  const header = `${operation.kind} fuzz_${operation.name}${definitions.length ? `(${definitions.join(', ')})` : ''}`;
  const field = `${operation.name}${passed.length ? `(${passed.join(', ')})` : ''}${operation.selection}`;
  return { query: `${header} { ${field} }`, variables };
}

/** The case in words, for failure messages: every invisible character escaped, huge values cut short. */
export function describeCase(fuzzCase: FuzzCase): string {
  const { operation, caller, hostile, inline } = fuzzCase;
  const { query, variables } = requestOf(fuzzCase);
  const lines = [`${operation.name} as ${caller}`];
  if (hostile) {
    lines.push(
      `  hostile ${hostile.kind} (${hostile.scalar}) at ${hostile.path.join('.')}${inline ? ', written inline' : ', in a variable'}: ${show(hostile.value)}`,
      `  contract: ${hostile.refusal ? `must be refused (${hostile.refusal.rule}: ${hostile.refusal.why})` : 'allowed (any coded answer, no 5xx)'}`,
    );
  } else lines.push('  no text argument: only the general rules apply');
  lines.push(`  query: ${showDocument(query)}`, `  variables: ${show(variables)}`);
  return lines.join('\n');
}

/** Makes fast-check print the case with `describeCase` in its counterexample, not a 100 kB dump. */
export function printable(fuzzCase: FuzzCase): FuzzCase {
  return Object.assign(fuzzCase, { [fc.toStringMethod]: () => `\n${describeCase(fuzzCase)}\n` });
}
