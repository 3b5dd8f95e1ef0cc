import fc from 'fast-check';
import { argumentValues } from './argument-values';
import { Delivery } from './deliveries';
import { CALLERS, FuzzCase, placeValue, printable } from './fuzz-case';
import { HostileFamily, hostileValue } from './hostile-values';
import { KnownRows } from './known-rows';
import { plausibleText } from './plausible-values';
import { contractRefusal } from './refusal-rules';
import { RootOperation } from './root-operations';
import { TextLeaf } from './text-leaves';

/** Which cases a property makes: where the hostile value goes, of which family, and how it is sent. */
export interface PropertyTarget {
  leaf: TextLeaf;
  family: HostileFamily;
  delivery: Delivery;
}

/**
 * Cases for one operation: a caller, valid values for all its arguments, and one hostile value
 * of `target.family` at `target.leaf`, its argument sent as `target.delivery` says. Without
 * a target (an operation that takes no text) a case is only a valid call, checked against the
 * rules every answer keeps.
 */
export function fuzzCases(operation: RootOperation, target: PropertyTarget | undefined, rows: KnownRows): fc.Arbitrary<FuzzCase> {
  const caller = fc.constantFrom(...CALLERS);
  const args = argumentValues(operation, target?.leaf.steps ?? [], rows);
  if (!target) return fc.record({ caller, args }).map(({ caller: who, args: values }) => printable({ operation, caller: who, args: values, hostile: undefined, delivery: 'variables' }));

  const { leaf, family, delivery } = target;
  const fieldName = [...leaf.steps].reverse().find((step): step is string => typeof step === 'string') ?? '';
  const host = plausibleText(leaf.scalar, fieldName, operation.name, rows);
  return fc.record({ caller, args, hostile: hostileValue(leaf.scalar, host, family), spot: fc.nat() }).map(({ caller: who, args: values, hostile, spot }) => {
    const placed = placeValue(values, leaf.steps, hostile.value, spot);
    return printable({
      operation,
      caller: who,
      args: placed.args,
      delivery,
      hostile: { ...hostile, scalar: leaf.scalar, leaf: leaf.label, path: placed.path, refusal: contractRefusal(hostile.value, leaf.scalar) },
    });
  });
}
