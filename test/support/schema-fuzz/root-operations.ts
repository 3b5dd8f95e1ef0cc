import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLArgument, GraphQLSchema, buildSchema, getNamedType, isLeafType } from 'graphql';

/**
 * The operations a client can run, read from the committed contract (schema.graphql at the
 * repository root) rather than listed by hand, so an operation added to the schema is fuzzed
 * without anyone touching the test.
 */
const SCHEMA_FILE = join(__dirname, '..', '..', '..', 'schema.graphql');

export interface RootOperation {
  kind: 'query' | 'mutation';
  /** The root field, e.g. `createReferral`. */
  name: string;
  args: readonly GraphQLArgument[];
  /** `{ __typename }` for object, interface and union results (valid on any of them), nothing for leaves. */
  selection: string;
}

export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
}

/**
 * Every field of Query and Mutation. Subscriptions are left out: they run over graphql-ws, and
 * an HTTP POST of one is refused before its arguments are looked at.
 */
export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  const roots = [
    { kind: 'query' as const, type: schema.getQueryType() },
    { kind: 'mutation' as const, type: schema.getMutationType() },
  ];
  return roots.flatMap(({ kind, type }) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({
      kind,
      name: field.name,
      args: field.args,
      selection: isLeafType(getNamedType(field.type)) ? '' : ' { __typename }',
    })),
  );
}
