import { buildSchema, OperationDefinitionNode, parse } from 'graphql';
import { measureOperation, QueryCosts } from './operation-measure';
import { fragmentsOf } from './operation-fragments';

const schema = buildSchema(`
  type Query {
    items(first: Int = 20, after: String): ItemConnection!
    item(id: ID!): Item!
    stats: Stats!
    search(input: SearchInput!): [Item!]!
    found(first: Int = 20, filter: FoundFilter, text: String): ItemConnection!
  }
  input FoundFilter { text: String, kind: String }
  type Mutation { touch(id: ID!): Item! }
  input SearchInput { text: String, first: Int = 10 }
  type ItemConnection { edges: [ItemEdge!]!, pageInfo: PageInfo! }
  type ItemEdge { node: Item!, cursor: String! }
  type PageInfo { hasNextPage: Boolean! }
  type Item { id: ID!, name: String!, owner: Person!, stats: Stats!, related(first: Int = 5): [Item!]!, history: [Person!]!, tags: [String!]! }
  type Person { name: String! }
  type Stats { total: Int! }
`);

const costs: QueryCosts = {
  objectField: 1,
  leafField: 0,
  mutationField: 10,
  listSize: 3,
  fields: { 'Query.stats': 100, 'Item.stats': 7 },
  arguments: { 'Query.found(filter.text)': 40, 'Query.found(text)': 5 },
};

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition') as OperationDefinitionNode;
  return measureOperation(schema, operation, fragmentsOf(document), variables, costs);
}

describe('measureOperation', () => {
  it('charges object fields, not scalars', () => {
    expect(measure('{ item(id: "1") { id name owner { name } } }')).toEqual({ items: 0, cost: 2 });
  });

  it('charges the listed exceptions and mutations', () => {
    expect(measure('{ stats { total } }').cost).toBe(100);
    expect(measure('mutation { touch(id: "1") { id } }').cost).toBe(10);
  });

  it('multiplies what a list selects by its page size, with connection plumbing free', () => {
    expect(measure('{ items(first: 50) { edges { cursor node { id owner { name } } } pageInfo { hasNextPage } } }')).toEqual({ items: 50, cost: 1 + 50 * 1 });
  });

  it("uses the schema's default page size when none is given, and a variable's value when one is", () => {
    expect(measure('{ items { edges { node { owner { name } } } } }')).toEqual({ items: 20, cost: 21 });
    expect(measure('query q($n: Int) { items(first: $n) { edges { node { owner { name } } } } }', { n: 3 })).toEqual({ items: 3, cost: 4 });
  });

  it('multiplies nested lists by both sizes', () => {
    expect(measure('{ items(first: 10) { edges { node { related(first: 4) { stats { total } } } } } }')).toEqual({
      items: 14,
      cost: 1 + 10 * (1 + 4 * 7),
    });
  });

  it('reads the first of a search input, inline or in a variable, else its default', () => {
    expect(measure('{ search(input: { first: 7 }) { owner { name } } }')).toEqual({ items: 7, cost: 1 + 7 });
    expect(measure('query q($input: SearchInput!) { search(input: $input) { owner { name } } }', { input: { first: 2 } })).toEqual({ items: 2, cost: 3 });
    expect(measure('{ search(input: { text: "x" }) { owner { name } } }')).toEqual({ items: 10, cost: 11 });
  });

  it('counts every alias and every use of a fragment, and no introspection', () => {
    const aliases = Array.from({ length: 30 }, (_, index) => `s${index}: stats { total }`).join(' ');
    expect(measure(`{ ${aliases} }`).cost).toBe(3000);
    expect(measure('{ a: item(id: "1") { ...F } b: item(id: "2") { ...F } __schema { types { name } } } fragment F on Item { stats { total } owner { name } }').cost).toBe(
      2 * (1 + 7 + 1),
    );
  });

  it('takes a list without first to hold listSize items, counting none of them as list items', () => {
    expect(measure('{ item(id: "1") { history { name } tags } }')).toEqual({ items: 0, cost: 1 + 1 + 3 * 0 });
    expect(measure('{ item(id: "1") { related(first: 2) { history { name } } } }')).toEqual({ items: 2, cost: 1 + (1 + 2 * 1) });
    expect(measure('{ items(first: 2) { edges { node { history { name } } } } }').cost).toBe(1 + 2 * 1);
  });

  it('measures each fragment once, however often it is spread (a doubling chain would take forever otherwise)', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === levels - 1 ? `fragment F${level} on Item { owner { name } }` : `fragment F${level} on Item { ...F${level + 1} a: related(first: 1) { id } ...F${level + 1} }`,
    );
    // Each level counts its own list, then the next level twice (once per spread).
    const expected = { items: 2 ** (levels - 1) - 1, cost: 2 ** (levels - 1) * 1 + (2 ** (levels - 1) - 1) * 1 + 1 };
    expect(measure(`{ item(id: "1") { ...F0 } } ${fragments.join(' ')}`)).toEqual(expected);
  });

  it('adds an argument’s surcharge when it is given, inline, in a variable or inside an input, and not when null or left out', () => {
    const found = (args: string) => `{ found(first: 2${args}) { edges { node { owner { name } } } } }`;
    expect(measure(found(''))).toEqual({ items: 2, cost: 1 + 2 });
    expect(measure(found(', filter: { kind: "x" }')).cost).toBe(3);
    expect(measure(found(', filter: { text: "x" }')).cost).toBe(3 + 40);
    expect(measure(found(', filter: { text: null }')).cost).toBe(3);
    expect(measure(found(', filter: { text: "x" }, text: "y"')).cost).toBe(3 + 40 + 5);
    const byVariable = 'query q($f: FoundFilter, $t: String) { found(first: 2, filter: $f) { edges { node { id } } } other: found(first: 1, filter: { text: $t }) { edges { node { id } } } }';
    expect(measure(byVariable, { f: { text: 'x' }, t: 'y' }).cost).toBe(1 + 40 + 1 + 40);
    expect(measure(byVariable, { f: { kind: 'x' } }).cost).toBe(1 + 1);
    expect(measure(byVariable, { f: { text: null }, t: null }).cost).toBe(1 + 1);
  });

  it('clamps page sizes to the maximum', () => {
    expect(measure('{ items(first: 100000) { edges { node { id } } } }').items).toBe(100);
  });
});
