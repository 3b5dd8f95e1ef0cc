import {
  ASTNode,
  GraphQLError,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { fragmentsOf } from './operation-fragments';

/**
 * Refuses operations nested deeper than `maxDepth` fields, before any resolver runs: a
 * referral → patient → referrals → … cycle could otherwise be used to make one request cost
 * arbitrarily much. Introspection fields (`__schema`, `__type`) are exempt.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = fragmentsOf(context.getDocument());
    // Each fragment's depth is found once: a fragment spreading another twice, nested twenty
    // deep, would otherwise be walked a million times.
    const fragmentDepths = new Map<string, number>();

    const depthOf = (selectionSet: SelectionSetNode | undefined, visited: Set<string>): number => {
      if (!selectionSet) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        let depth = 0;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          depth = selection.selectionSet ? 1 + depthOf(selection.selectionSet, visited) : 1;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          depth = depthOf(selection.selectionSet, visited);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visited.has(name)) continue;
          depth = fragmentDepths.get(name) ?? depthOf(fragment.selectionSet, new Set(visited).add(name));
          fragmentDepths.set(name, depth);
        }
        deepest = Math.max(deepest, depth);
      }
      return deepest;
    };

    return {
      OperationDefinition(node: ASTNode) {
        if (node.kind !== Kind.OPERATION_DEFINITION) return;
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${maxDepth}`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          );
        }
      },
    };
  };
}
