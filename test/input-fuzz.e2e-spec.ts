import fc from 'fast-check';
import { CaseRunner } from './support/schema-fuzz/case-runner';
import { DELIVERIES, deliveryInWords } from './support/schema-fuzz/deliveries';
import { CallerName } from './support/schema-fuzz/fuzz-case';
import { PropertyTarget, fuzzCases } from './support/schema-fuzz/fuzz-cases';
import { FuzzCoverage } from './support/schema-fuzz/fuzz-coverage';
import { fuzzSettings, propertySeed } from './support/schema-fuzz/fuzz-settings';
import { HOSTILE_FAMILIES, HostileKind } from './support/schema-fuzz/hostile-values';
import { KnownRows, knownRows } from './support/schema-fuzz/known-rows';
import { RootOperation, loadSchema, rootOperations } from './support/schema-fuzz/root-operations';
import { TableSnapshots } from './support/schema-fuzz/table-snapshots';
import { textLeaves } from './support/schema-fuzz/text-leaves';
import { GraphqlClient } from './support/graphql-client';
import { TestApp } from './support/test-app';
import { startWorldApp } from './support/world';

/**
 * Issue 12, "Keep it fixed": every text argument of every query and mutation in
 * schema.graphql (read at run time, so a new operation is covered without touching this file)
 * is sent control characters, lone surrogates, bidi marks, emoji, combining marks, 100 kB
 * values, strings at the length limit and impossible dates, by each kind of caller, in
 * variables, written inline and written as the default of its variable with no variables sent
 * (which must count exactly as if that value had been sent). The contract:
 *   - text holding a forbidden control character or a lone surrogate, or longer than 10,000
 *     UTF-16 code units, and an impossible date, are refused before anything runs: HTTP 400,
 *     BAD_USER_INPUT naming the argument path (`input.assessment.rangeOfMotion.0.joint`);
 *   - whatever else comes back, never HTTP 5xx; every error has a code, none is
 *     INTERNAL_SERVER_ERROR, none shows internals;
 *   - a request that fails writes nothing (every table's rows and content compared around it).
 *
 * Each text leaf of each operation gets six fast-check properties (values against the rules
 * and within them, each in variables, inline and as a variable's default), each with a seed
 * derived from the base seed and its name, so a failure in one hides nothing in the others.
 * The default (CI) run is fixed; for more:
 *   FUZZ_RUNS=50 npx jest test/input-fuzz.e2e-spec.ts   cases per property in variables
 *                                                       (default 2; written as a literal,
 *                                                       inline or as a default, half as many)
 *   FUZZ_SEED=7 npx jest test/input-fuzz.e2e-spec.ts    other cases (default 20260112)
 * A failure prints the case (operation, caller, hostile value and where it went, the query and
 * variables, huge values cut short) and the answer. A property stops at its first
 * counterexample without shrinking: every try is a real request against a database the earlier
 * tries changed, so a shrunk case would not reproduce reliably anyway.
 */
const settings = fuzzSettings();
const operations = rootOperations(loadSchema());
/** Far more than a case takes (milliseconds), so that only a hung request times a test out. */
const TIMEOUT_PER_CASE_MS = 1_000;

interface FuzzProperty {
  target: PropertyTarget | undefined;
  runs: number;
}

/** Per text leaf: each family of hostile values, sent each way; without text, plain valid calls. */
function propertiesOf(operation: RootOperation): FuzzProperty[] {
  const leaves = textLeaves(operation);
  if (leaves.length === 0) return [{ target: undefined, runs: settings.runs }];
  return leaves.flatMap((leaf) =>
    HOSTILE_FAMILIES.flatMap((family) =>
      DELIVERIES.map((delivery) => ({ target: { leaf, family, delivery }, runs: delivery === 'variables' ? settings.runs : settings.literalRuns })),
    ),
  );
}

/**
 * The seed of a property. Variables and inline keep the name parts they had before defaults
 * were fuzzed (none and `inline`), so their cases, and any failure found with them, stay the same.
 */
function seedOf(operation: RootOperation, property: FuzzProperty): number {
  const { target } = property;
  const delivery = !target || target.delivery === 'variables' ? '' : target.delivery;
  return propertySeed(settings.seed, operation.name, target?.leaf.label ?? '', target?.family ?? '', delivery);
}

function propertyName(property: FuzzProperty): string {
  const { target } = property;
  if (!target) return 'no text argument';
  return `${target.leaf.label} (${target.leaf.scalar}), values ${target.family}, ${deliveryInWords(target.delivery)}`;
}

/** fast-check's report (seed, path, the case) and the reason the case failed, without its closing hint. */
function failureReport(property: FuzzProperty, error: unknown): string {
  const report = (error as Error).message.replace(/\n\nHint: .*$/s, '');
  const cause = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : '';
  return `── ${propertyName(property)}\n${report}\n${cause}`;
}

describe('schema input fuzz: hostile text and impossible dates in every argument', () => {
  let testApp: TestApp;
  let tables: TableSnapshots;
  let runner: CaseRunner;
  let rows: KnownRows;
  const coverage = new FuzzCoverage();

  beforeAll(async () => {
    // Login cases fail on purpose; at the default limit (20 failures per address) every later
    // login case would be TOO_MANY_REQUESTS, which is allowed but reaches no further code.
    const started = await startWorldApp({ LOGIN_MAX_FAILURES: '1000' });
    testApp = started.app;
    const { world } = started;
    rows = await knownRows(world);
    tables = await TableSnapshots.open(testApp.config.databaseUrl);
    const callers: Record<CallerName, GraphqlClient> = {
      anonymous: testApp.anonymous,
      'platform admin': world.platformAdmin,
      coordinator: world.coordinatorA.client,
      provider: world.targetProvider.client,
    };
    runner = new CaseRunner(callers, tables, coverage);
  }, 60_000);

  afterAll(async () => {
    await tables?.close();
    await testApp?.close();
  });

  it.each(operations.map((operation) => [operation.name, operation] as const))(
    '%s: refused or survived, never a 5xx, an uncoded error or a partial write',
    async (_name, operation) => {
      const properties = propertiesOf(operation);
      const failures: string[] = [];
      for (const property of properties) {
        try {
          await fc.assert(
            fc.asyncProperty(fuzzCases(operation, property.target, rows), (fuzzCase) => runner.run(fuzzCase)),
            { seed: seedOf(operation, property), numRuns: property.runs, endOnFailure: true },
          );
        } catch (error) {
          failures.push(failureReport(property, error));
        }
      }
      if (failures.length > 0) {
        throw new Error(`${failures.length} of ${properties.length} properties of ${operation.name} failed:\n\n${failures.join('\n\n')}`);
      }
    },
    30_000 + casesOfLargestOperation() * TIMEOUT_PER_CASE_MS,
  );

  it('covered every operation and every text leaf, in variables, inline and as a default, with every kind of hostile value', () => {
    expect([...coverage.operations].sort()).toEqual(operations.map((operation) => operation.name).sort());
    const withText = operations.filter((operation) => textLeaves(operation).length > 0);
    const leaves = [...new Set(withText.flatMap((operation) => textLeaves(operation).map((leaf) => `${operation.name}(${leaf.label})`)))].sort();
    expect([...coverage.leaves].sort()).toEqual(leaves);
    // Each way of sending on its own: the totals above would not notice one that never sent
    // anything. An operation without text arguments has no hostile value to send any way.
    const expected = { operations: withText.map((operation) => operation.name).sort(), leaves };
    for (const delivery of DELIVERIES) expect({ delivery, ...coverage.sentAs(delivery) }).toEqual({ delivery, ...expected });
    expect(coverage.mustRefuse).toBeGreaterThan(0);
    expect(coverage.succeeded).toBeGreaterThan(0);
    const kinds: HostileKind[] = [
      'control character',
      'lone surrogate',
      'bidi mark',
      'emoji',
      'combining marks',
      'tab or newline',
      'any unicode',
      '100 kB',
      'length boundary',
      'impossible date',
    ];
    expect(kinds.filter((kind) => !coverage.kinds.has(kind))).toEqual([]);
  });
});

/** How many cases the largest operation runs: its test's timeout grows with FUZZ_RUNS. */
function casesOfLargestOperation(): number {
  return Math.max(...operations.map((operation) => propertiesOf(operation).reduce((sum, property) => sum + property.runs, 0)));
}
