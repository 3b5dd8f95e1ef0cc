import fc from 'fast-check';
import {
  GraphQLInputField,
  GraphQLInputType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isRequiredInputField,
  isScalarType,
} from 'graphql';
import { KnownRows } from './known-rows';
import { plausibleText } from './plausible-values';
import { RootOperation } from './root-operations';
import { ANY_ELEMENT, LeafStep, isTextScalar } from './text-leaves';

export type ArgumentValues = Record<string, unknown>;

interface Context {
  operationName: string;
  rows: KnownRows;
}

/**
 * Type-valid values for all of an operation's arguments, derived from the schema: required
 * arguments and fields always, optional ones sometimes, lists of up to three. Everything on
 * `through` (the path to the leaf that will get the hostile value) is always present and every
 * list on it has at least one element, so that leaf exists in every generated value.
 */
export function argumentValues(operation: RootOperation, through: readonly LeafStep[], rows: KnownRows): fc.Arbitrary<ArgumentValues> {
  const context = { operationName: operation.name, rows };
  const entries = operation.args.map((argument) => {
    const onPath = through[0] === argument.name;
    const value = valueOf(argument.type, argument.name, onPath ? through.slice(1) : undefined, context);
    return [argument.name, isNonNullType(argument.type) || onPath ? value : sometimes(value)] as const;
  });
  return fc.record(Object.fromEntries(entries)).map(withoutAbsentKeys);
}

/** Half the time the value, half the time left out. */
function sometimes(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.option(value, { nil: undefined });
}

function withoutAbsentKeys(values: Record<string, unknown>): ArgumentValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** `rest` is the part of the forced path below this value, or undefined when this value is off it. */
function valueOf(type: GraphQLInputType, name: string, rest: readonly LeafStep[] | undefined, context: Context): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const onPath = rest !== undefined && rest[0] === ANY_ELEMENT;
    const element = valueOf(nullable.ofType, name, onPath ? rest.slice(1) : undefined, context);
    // A required list is rarely meant to be empty (conditions, modalities), and a list of
    // plain values is mostly a set (languages, techniques): cases should fail for the hostile
    // value, not for a validator's "at least one" or "all different" rule.
    const size = { minLength: onPath || isNonNullType(type) ? 1 : 0, maxLength: 3 };
    return isLeafType(getNamedType(nullable)) ? fc.uniqueArray(element, size) : fc.array(element, size);
  }
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields()).map((field) => [field.name, fieldValue(field, rest, context)] as const);
    return fc.record(Object.fromEntries(fields)).map(withoutAbsentKeys);
  }
  if (isEnumType(nullable)) return fc.constantFrom(...nullable.getValues().map((value) => value.name));
  if (isScalarType(nullable)) return scalarValue(nullable.name, name, context);
  throw new Error(`schema-fuzz cannot generate a value of ${String(type)} for ${name}`);
}

function fieldValue(field: GraphQLInputField, rest: readonly LeafStep[] | undefined, context: Context): fc.Arbitrary<unknown> {
  const onPath = rest !== undefined && rest[0] === field.name;
  const value = valueOf(field.type, field.name, onPath ? rest.slice(1) : undefined, context);
  return isRequiredInputField(field) || onPath ? value : sometimes(value);
}

/**
 * Small positive numbers (whole ones 1–6, page sizes up to 20, others 0.5–90 in halves) lie
 * inside the ranges the validators accept (visits per week, pain scores, latitudes, radii),
 * so cases get past them to the code behind.
 */
function scalarValue(scalar: string, name: string, context: Context): fc.Arbitrary<unknown> {
  if (scalar === 'Int') return fc.integer({ min: 1, max: name === 'first' ? 20 : 6 });
  if (scalar === 'Float') return fc.integer({ min: 1, max: 180 }).map((halves) => halves / 2);
  if (scalar === 'Boolean') return fc.boolean();
  if (isTextScalar(scalar)) return plausibleText(scalar, name, context.operationName, context.rows);
  throw new Error(`schema-fuzz cannot generate a value of scalar ${scalar} for ${name}`);
}
