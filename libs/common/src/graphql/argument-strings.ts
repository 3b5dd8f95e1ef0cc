import { FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode, ValueNode } from 'graphql';

/** Where a string sits among a field's arguments: the argument's name, then input fields and list indexes. */
export type ArgumentPath = ReadonlyArray<string | number>;

type Visit = (path: ArgumentPath, value: string) => void;

/** Calls `visit` with every string written in an argument's value, at any depth; variables are not followed. */
export function forEachLiteralString(node: ValueNode, path: ArgumentPath, visit: Visit): void {
  walkValue(node, path, visit, () => undefined);
}

/**
 * Calls `visit` with every string a variable passes to any field of the operation, at any
 * depth, followed to where it is used, so the path names the argument, not the variable.
 * Fragments are followed once each.
 */
export function forEachVariableString(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
  visit: Visit,
): void {
  const fromVariable = (name: string, path: ArgumentPath) => walkJson(variables[name], path, visit);
  const walk = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) walkValue(argument.value, [argument.name.value], () => undefined, fromVariable);
        walk(selection.selectionSet, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        walk(fragments.get(selection.name.value)?.selectionSet, seen);
      }
    }
  };
  walk(operation.selectionSet, new Set());
}

function walkValue(node: ValueNode, path: ArgumentPath, visit: Visit, onVariable: (name: string, path: ArgumentPath) => void): void {
  if (node.kind === Kind.STRING) visit(path, node.value);
  else if (node.kind === Kind.VARIABLE) onVariable(node.name.value, path);
  else if (node.kind === Kind.LIST) node.values.forEach((item, index) => walkValue(item, [...path, index], visit, onVariable));
  else if (node.kind === Kind.OBJECT) for (const field of node.fields) walkValue(field.value, [...path, field.name.value], visit, onVariable);
}

function walkJson(value: unknown, path: ArgumentPath, visit: Visit): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) value.forEach((item, index) => walkJson(item, [...path, index], visit));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) walkJson(item, [...path, key], visit);
}
