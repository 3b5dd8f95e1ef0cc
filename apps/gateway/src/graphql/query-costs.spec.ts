import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { QUERY_COSTS } from './query-costs';

describe('QUERY_COSTS', () => {
  it('names only fields the schema has, so a rename cannot silently make a heavy field cheap', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', '..', 'schema.graphql'), 'utf8'));
    for (const coordinate of Object.keys(QUERY_COSTS.fields)) {
      const [typeName, fieldName] = coordinate.split('.');
      const type = schema.getType(typeName);
      expect({ coordinate, exists: isObjectType(type) && fieldName in type.getFields() }).toEqual({ coordinate, exists: true });
    }
  });
});
