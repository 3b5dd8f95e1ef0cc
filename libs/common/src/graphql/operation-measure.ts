import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  getNamedType,
  getNullableType,
  isListType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../pagination/connection';

/** What one field costs, before its list size multiplies what it selects (docs/request-limits.md). */
export interface QueryCosts {
  /** A field returning an object: it may need a query or a batch of its own. */
  objectField: number;
  /** A scalar or enum field: read with its parent row. */
  leafField: number;
  /** A mutation: a transaction with its checks, history and notifications. */
  mutationField: number;
  /** How many items a list that takes no `first` is taken to hold (a referral's visits, events, reports). */
  listSize: number;
  /** Exceptions, by schema coordinate (`Type.field`): statistics, matching, computed fields. */
  fields: Readonly<Record<string, number>>;
  /**
   * What a field costs on top when an argument is given (not null), by `Type.field(argument)`,
   * or `Type.field(argument.inputField)` for a field inside an input: a search inside a list's
   * filter, which reads more than the list does.
   */
  arguments?: Readonly<Record<string, number>>;
}

/** What an operation asks for: list items summed over every list, and its cost. */
export interface OperationMeasure {
  items: number;
  cost: number;
}

/** The page size of a list field when the request gives none and the schema states no default. */
const DEFAULT_PAGE_SIZE = 20;

/**
 * Measures an operation before it runs, over every alias and fragment, with variables
 * resolved. A paginated field (one taking `first`, directly or inside its `input`) adds its page
 * size to the items, and its page size multiplies the cost of what it selects, so a nested list
 * costs its size times its children; a list without `first` multiplies by `costs.listSize`. A
 * fragment is measured once, however often it is spread: a fragment spreading another twice,
 * nested twenty deep, would otherwise be walked a million times. Connection and edge types' own fields (edges, node,
 * pageInfo) cost nothing: they hold what their list already read. Introspection is not counted.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
  costs: QueryCosts,
): OperationMeasure {
  const root = schema.getRootType(operation.operation);
  /** A connection's or edge's own fields (edges, node, pageInfo): they hold what their list read. */
  const isPlumbing = (parent: GraphQLNamedType) => /(Connection|Edge)$/.test(parent.name);
  const fieldCost = (parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): number => {
    const exception = costs.fields[`${parent.name}.${field.name}`];
    if (exception !== undefined) return exception;
    if (parent === schema.getMutationType()) return costs.mutationField;
    if (isPlumbing(parent)) return 0;
    return isLeafType(getNamedType(field.type)) ? costs.leafField : costs.objectField;
  };
  const fragmentMeasures = new Map<string, OperationMeasure>();
  const walk = (selectionSet: SelectionSetNode | undefined, parent: GraphQLNamedType | null | undefined, seen: ReadonlySet<string>): OperationMeasure => {
    const total = { items: 0, cost: 0 };
    for (const selection of selectionSet?.selections ?? []) {
      let inner: OperationMeasure;
      if (selection.kind === Kind.FIELD) {
        const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        if (!definition || !parent) continue;
        const size = pageSize(definition, selection, variables);
        const times = size ?? (isListType(getNullableType(definition.type)) && !isPlumbing(parent) ? costs.listSize : 1);
        const children = walk(selection.selectionSet, getNamedType(definition.type), seen);
        const own = fieldCost(parent, definition) + argumentsCost(`${parent.name}.${definition.name}`, selection, variables, costs);
        inner = { items: (size ?? 0) + children.items, cost: own + times * children.cost };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = walk(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        let measured = fragmentMeasures.get(fragment.name.value);
        if (!measured) {
          measured = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), new Set(seen).add(fragment.name.value));
          fragmentMeasures.set(fragment.name.value, measured);
        }
        inner = measured;
      }
      total.items += inner.items;
      total.cost += inner.cost;
    }
    return total;
  };
  return walk(operation.selectionSet, root, new Set());
}

/** The surcharges of `costs.arguments` for the arguments this use of the field gives. */
function argumentsCost(coordinate: string, node: FieldNode, variables: Readonly<Record<string, unknown>>, costs: QueryCosts): number {
  let total = 0;
  for (const [key, cost] of Object.entries(costs.arguments ?? {})) {
    const match = /^(.+)\((.+)\)$/.exec(key);
    if (!match || match[1] !== coordinate) continue;
    const [name, ...path] = match[2].split('.');
    const given = valueAt(node.arguments?.find((argument) => argument.name.value === name)?.value, path, variables);
    if (given !== undefined && given !== null) total += cost;
  }
  return total;
}

/** The value at `path` inside an argument, given inline, as a variable, or as an object literal holding variables. */
function valueAt(node: ValueNode | undefined, path: readonly string[], variables: Readonly<Record<string, unknown>>): unknown {
  if (!node || node.kind === Kind.NULL) return undefined;
  if (node.kind === Kind.VARIABLE) {
    let value: unknown = variables[node.name.value];
    for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return value;
  }
  if (path.length === 0) return node;
  if (node.kind !== Kind.OBJECT) return undefined;
  return valueAt(node.fields.find((field) => field.name.value === path[0])?.value, path.slice(1), variables);
}

/**
 * How many items a list field asks for: its `first` argument, or `first` inside its `input`
 * (searches such as matchProviders), as given, else the schema's default; undefined for a
 * field that is not paginated. Sizes over the maximum count as the maximum (they are refused
 * as bad input anyway).
 */
function pageSize(definition: GraphQLField<unknown, unknown>, node: FieldNode, variables: Readonly<Record<string, unknown>>): number | undefined {
  const given = (name: string) => node.arguments?.find((argument) => argument.name.value === name)?.value;
  const first = definition.args.find((argument) => argument.name === 'first');
  const inputArgument = definition.args.find((argument) => argument.name === 'input');
  const inputType = inputArgument && getNamedType(inputArgument.type);
  const inputFirst = inputType && isInputObjectType(inputType) ? inputType.getFields().first : undefined;
  let value: unknown;
  let fallback: unknown;
  if (first) {
    const node = given('first');
    value = node && valueOf(node, variables);
    fallback = first.defaultValue;
  } else if (inputFirst) {
    value = firstOfInput(given('input'), variables);
    fallback = inputFirst.defaultValue;
  } else {
    return undefined;
  }
  const size = typeof value === 'number' ? value : typeof fallback === 'number' ? fallback : DEFAULT_PAGE_SIZE;
  return Math.max(0, Math.min(size, MAX_PAGE_SIZE));
}

/** `first` of an `input` given inline (an object literal) or as a variable. */
function firstOfInput(node: ValueNode | undefined, variables: Readonly<Record<string, unknown>>): unknown {
  if (node?.kind === Kind.OBJECT) {
    const first = node.fields.find((field) => field.name.value === 'first');
    return first ? valueOf(first.value, variables) : undefined;
  }
  const given = node && valueOf(node, variables);
  return typeof given === 'object' && given !== null ? (given as { first?: unknown }).first : undefined;
}

function valueOf(node: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}
