import { GraphQLInputType, getNullableType, isInputObjectType, isListType, isScalarType } from 'graphql';
import { RootOperation } from './root-operations';

/** Scalars whose values are not text; every other scalar (String, ID, DateTime, LocalDate, …) travels as a string. */
const NON_TEXT_SCALARS = new Set(['Int', 'Float', 'Boolean']);

/** A step into an argument's value: an input field by name, or an element of a list (which one is chosen per case). */
export const ANY_ELEMENT = Symbol('any element');
export type LeafStep = string | typeof ANY_ELEMENT;

/** A place in an operation's arguments that holds text: where a hostile value can be put. */
export interface TextLeaf {
  /** Starts with the argument's name: `['input', 'assessment', 'rangeOfMotion', ANY_ELEMENT, 'joint']`. */
  steps: readonly LeafStep[];
  /** The scalar at the leaf, e.g. `String` or `DateTime`. */
  scalar: string;
  /** `input.assessment.rangeOfMotion[].joint`, for test names and coverage. */
  label: string;
}

export function isTextScalar(name: string): boolean {
  return !NON_TEXT_SCALARS.has(name);
}

export function leafLabel(steps: readonly LeafStep[]): string {
  return steps.map((step) => (step === ANY_ELEMENT ? '[]' : step)).join('.').replace(/\.\[\]/g, '[]');
}

/** Every text position in an operation's arguments, through nested inputs and lists. */
export function textLeaves(operation: RootOperation): TextLeaf[] {
  return operation.args.flatMap((argument) => leavesOf(argument.type, [argument.name], new Set()));
}

function leavesOf(type: GraphQLInputType, steps: LeafStep[], inputsOnPath: Set<string>): TextLeaf[] {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return leavesOf(nullable.ofType, [...steps, ANY_ELEMENT], inputsOnPath);
  if (isScalarType(nullable)) return isTextScalar(nullable.name) ? [{ steps, scalar: nullable.name, label: leafLabel(steps) }] : [];
  // A recursive input type would have infinitely many positions; its first level is enough.
  if (isInputObjectType(nullable) && !inputsOnPath.has(nullable.name)) {
    const inner = new Set(inputsOnPath).add(nullable.name);
    return Object.values(nullable.getFields()).flatMap((field) => leavesOf(field.type, [...steps, field.name], inner));
  }
  return [];
}
