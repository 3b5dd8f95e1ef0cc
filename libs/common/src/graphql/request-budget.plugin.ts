import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { ErrorCode } from '../errors';
import { MAX_PAGE_SIZE } from '../pagination/connection';

const DEFAULT_PAGE_SIZE = 20;

/**
 * Each list takes at most 100 items, but aliases could ask for the same list a hundred times
 * in one request. This adds up the page sizes (`first`, or its default) of every list field in
 * the operation, variables resolved, and refuses the request before anything runs when the
 * total exceeds the budget.
 */
export function pageBudgetPlugin(maxItems: number): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          const requested = itemsRequested(operation, fragments, request.variables ?? {}, paginatedFieldNames(schema));
          if (requested > maxItems) {
            throw new GraphQLError(`This request asks for ${requested} list items; at most ${maxItems} per request`, {
              // `http` sets the status of a refused request (Apollo removes it from the body).
              extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'first', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** Where a list field takes its size: its own `first` argument, or `first` inside its `input`. */
type SizeArgument = 'first' | 'input.first';

const paginatedNamesBySchema = new WeakMap<GraphQLSchema, Map<string, SizeArgument>>();

/**
 * Names of the fields that take `first` (the paginated lists, and searches such as
 * matchProviders whose `input` has a `first`), on any type. Matching by name alone is
 * deliberate: a list field is paginated wherever it appears, so a name never means a paginated
 * list on one type and an unbounded one on another.
 */
function paginatedFieldNames(schema: GraphQLSchema): Map<string, SizeArgument> {
  let names = paginatedNamesBySchema.get(schema);
  if (!names) {
    names = new Map();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.args.some((argument) => argument.name === 'first')) names.set(field.name, 'first');
        const input = field.args.find((argument) => argument.name === 'input');
        const inputType = input && getNamedType(input.type);
        if (inputType && isInputObjectType(inputType) && 'first' in inputType.getFields()) names.set(field.name, 'input.first');
      }
    }
    paginatedNamesBySchema.set(schema, names);
  }
  return names;
}

function itemsRequested(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  paginated: Map<string, SizeArgument>,
): number {
  const pageSize = (field: FieldNode): number => {
    const size = paginated.get(field.name.value);
    if (size === undefined) return 0;
    const argument = field.arguments?.find((candidate) => candidate.name.value === (size === 'first' ? 'first' : 'input'));
    const given = argument ? valueOf(argument.value, variables) : undefined;
    const value = size === 'first' ? given : firstOf(argument?.value, given, variables);
    return typeof value === 'number' ? Math.min(value, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  };
  const walk = (selectionSet: SelectionSetNode | undefined, visited: Set<string>): number => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) total += pageSize(selection) + walk(selection.selectionSet, visited);
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += walk(selection.selectionSet, visited);
      else if (!visited.has(selection.name.value)) {
        total += walk(fragments.get(selection.name.value)?.selectionSet, new Set(visited).add(selection.name.value));
      }
    }
    return total;
  };
  return walk(operation.selectionSet, new Set());
}

/** `first` of an `input` given inline (an object literal) or as a variable. */
function firstOf(node: ValueNode | undefined, given: unknown, variables: Record<string, unknown>): unknown {
  if (node?.kind === Kind.OBJECT) {
    const first = node.fields.find((field) => field.name.value === 'first');
    return first ? valueOf(first.value, variables) : undefined;
  }
  return typeof given === 'object' && given !== null ? (given as { first?: unknown }).first : undefined;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}
