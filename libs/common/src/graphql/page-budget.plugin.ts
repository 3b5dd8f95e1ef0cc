import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
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

const paginatedNamesBySchema = new WeakMap<GraphQLSchema, Set<string>>();

/**
 * Names of the fields that take `first` (the paginated lists), on any type. Matching by name
 * alone is deliberate: a list field is paginated wherever it appears, so a name never means a
 * paginated list on one type and an unbounded one on another.
 */
function paginatedFieldNames(schema: GraphQLSchema): Set<string> {
  let names = paginatedNamesBySchema.get(schema);
  if (!names) {
    names = new Set();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.args.some((argument) => argument.name === 'first')) names.add(field.name);
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
  paginated: Set<string>,
): number {
  const pageSize = (field: FieldNode): number => {
    if (!paginated.has(field.name.value)) return 0;
    const first = field.arguments?.find((argument) => argument.name.value === 'first');
    const value = first ? valueOf(first.value, variables) : undefined;
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

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}
