import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { depthLimitRule } from './depth-limit.rule';

const schema = buildSchema(`
  type Query { node: Node! }
  type Node { id: ID!, next: Node! }
`);

const errorsOf = (query: string) => validate(schema, parse(query), [...specifiedRules, depthLimitRule(8)]).map((error) => error.message);

describe('depthLimitRule', () => {
  it('counts depth through fragments', () => {
    expect(errorsOf('{ node { ...A } } fragment A on Node { next { next { id } } }')).toEqual([]);
    expect(errorsOf('{ node { ...A } } fragment A on Node { next { next { next { next { next { next { next { id } } } } } } } }')).toEqual([
      'Query is nested 9 levels deep; the limit is 8',
    ]);
  });

  it('finds the depth of each fragment once, however often it is spread (a doubling chain would take forever otherwise)', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === levels - 1 ? `fragment F${level} on Node { id }` : `fragment F${level} on Node { ...F${level + 1} next { id } ...F${level + 1} }`,
    );
    expect(errorsOf(`{ node { ...F0 } } ${fragments.join(' ')}`)).toEqual([]);
  });
});
