import fc from 'fast-check';
import { GraphQLArgument, astFromValue, print } from 'graphql';
import { ArgumentValues } from './argument-values';
import { Delivery, deliveryInWords, isLiteral } from './deliveries';
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
  /** How the argument holding the hostile value is sent; `variables` for a case without one. */
  delivery: Delivery;
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
 * names the argument path. The argument with the hostile value is printed as a literal instead
 * when the case is inline, and as its variable's default (`$input: T = { … }`, its value left
 * out of the variables) when the case is sent that way.
 */
export function requestOf(fuzzCase: FuzzCase): { query: string; variables: ArgumentValues } {
  const { operation, args, hostile, delivery } = fuzzCase;
  const written = isLiteral(delivery) && hostile ? hostile.path[0] : undefined;
  const definitions: string[] = [];
  const passed: string[] = [];
  const variables: ArgumentValues = {};
  for (const argument of operation.args) {
    const literal = argument.name === written ? literalOf(args[argument.name], argument, operation) : undefined;
    if (literal !== undefined && delivery === 'inline') {
      passed.push(`${argument.name}: ${literal}`);
      continue;
    }
    definitions.push(`$${argument.name}: ${String(argument.type)}${literal === undefined ? '' : ` = ${literal}`}`);
    passed.push(`${argument.name}: $${argument.name}`);
    if (literal === undefined && args[argument.name] !== undefined) variables[argument.name] = args[argument.name];
  }
  const header = `${operation.kind} fuzz_${operation.name}${definitions.length ? `(${definitions.join(', ')})` : ''}`;
  const field = `${operation.name}${passed.length ? `(${passed.join(', ')})` : ''}${operation.selection}`;
  return { query: `${header} { ${field} }`, variables };
}

/** `value` as GraphQL source text of the argument's type, as a client would write it by hand. */
function literalOf(value: unknown, argument: GraphQLArgument, operation: RootOperation): string {
  const literal = astFromValue(value, argument.type);
  if (!literal) throw new Error(`cannot write ${argument.name} of ${operation.name} as a literal`);
  return print(literal);
}

/** The case in words, for failure messages: every invisible character escaped, huge values cut short. */
export function describeCase(fuzzCase: FuzzCase): string {
  const { operation, caller, hostile, delivery } = fuzzCase;
  const { query, variables } = requestOf(fuzzCase);
  const lines = [`${operation.name} as ${caller}`];
  if (hostile) {
    lines.push(
      `  hostile ${hostile.kind} (${hostile.scalar}) at ${hostile.path.join('.')}, ${deliveryInWords(delivery)}: ${show(hostile.value)}`,
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
