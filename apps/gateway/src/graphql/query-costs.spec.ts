import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, GraphQLSchema, isInputObjectType, isObjectType } from 'graphql';
import { QUERY_COSTS } from './query-costs';

/** Whether `Type.field(argument.inputField…)` names an argument (and input fields inside it) the schema has. */
function argumentExists(schema: GraphQLSchema, key: string): boolean {
  const [, coordinate, path] = /^(.+)\((.+)\)$/.exec(key) ?? [];
  const [typeName, fieldName] = (coordinate ?? '').split('.');
  const type = schema.getType(typeName);
  const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
  const [argumentName, ...inputFields] = (path ?? '').split('.');
  let current = field?.args.find((argument) => argument.name === argumentName)?.type;
  for (const name of inputFields) {
    const input = current && getNamedType(current);
    current = isInputObjectType(input) ? input.getFields()[name]?.type : undefined;
  }
  return current !== undefined;
}

describe('QUERY_COSTS', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', '..', 'schema.graphql'), 'utf8'));

  it('names only fields the schema has, so a rename cannot silently make a heavy field cheap', () => {
    for (const coordinate of Object.keys(QUERY_COSTS.fields)) {
      const [typeName, fieldName] = coordinate.split('.');
      const type = schema.getType(typeName);
      expect({ coordinate, exists: isObjectType(type) && fieldName in type.getFields() }).toEqual({ coordinate, exists: true });
    }
  });

  it('names only arguments the schema has, likewise', () => {
    for (const key of Object.keys(QUERY_COSTS.arguments ?? {})) expect({ key, exists: argumentExists(schema, key) }).toEqual({ key, exists: true });
    expect(argumentExists(schema, 'Query.referrals(filter.nonsense)')).toBe(false);
  });
});
