import { FhirError } from '../errors/fhir-error';
import { RESOURCE_ID, searchParameter, type AnySearchParameter } from './search-parameter';
import { handlingOf, parseSearch } from './search-request';

const PARAMETERS: readonly AnySearchParameter[] = [
  searchParameter({ name: '_id', type: 'token', definition: RESOURCE_ID, documentation: '', where: (values) => values.map((value) => value.code).join('|') }),
  searchParameter({ name: 'status', type: 'token', definition: '', documentation: '', codes: ['active', 'draft'], where: (values) => values.map((value) => value.code).join('|') }),
  searchParameter({ name: 'patient', type: 'reference', definition: '', documentation: '', targets: ['Patient'], where: (values) => values.map((value) => `${value.type}/${value.id}`).join('|') }),
];

const parse = (query: string, handling: 'strict' | 'lenient' = 'strict') => parseSearch('ServiceRequest', PARAMETERS, new URLSearchParams(query), handling);
const conditions = (query: string) => parse(query).conditions.map((condition) => condition(() => '$'));

describe('parsing a search', () => {
  it('keeps each occurrence as a condition of its own (all must hold), its commas as alternatives, an escaped comma as a comma', () => {
    expect(conditions('status=active,draft&patient=Patient/1&patient=2&_id=a\\,b')).toEqual(['active|draft', 'Patient/1', 'Patient/2', 'a,b']);
    expect(parse('_count=5&status=active').applied).toEqual([['_count', '5'], ['status', 'active']]);
  });

  it('refuses an unsupported parameter by default and leaves it out under lenient handling, saying so', () => {
    expect(() => parse('stauts=active')).toThrow(/Search parameter 'stauts': not a supported ServiceRequest search parameter/);
    expect(() => parse('status:not=active')).toThrow(/modifiers are not supported/);
    const lenient = parse('stauts=active&status=draft', 'lenient');
    expect(lenient.applied).toEqual([['status', 'draft']]);
    expect(lenient.ignored).toEqual([expect.stringMatching(/^'stauts' was ignored/)]);
  });

  it('refuses bad values under either handling: a code outside the value set, another resource type, a bad _count', () => {
    for (const query of ['status=finished', 'patient=Practitioner/1', '_count=0', '_count=abc', 'status=']) {
      for (const handling of ['strict', 'lenient'] as const) expect(() => parse(query, handling)).toThrow(FhirError);
    }
  });

  it('bounds what one search may ask: 20 parameters, 50 values each', () => {
    expect(() => parse(Array.from({ length: 21 }, (_, i) => `_id=${i}`).join('&'))).toThrow(/at most 20 parameters/);
    expect(parse(Array.from({ length: 20 }, (_, i) => `_id=${i}`).join('&')).conditions).toHaveLength(20);
    expect(() => parse(`_id=${Array.from({ length: 51 }, (_, i) => i).join(',')}`)).toThrow(/'_id': at most 50 values/);
  });

  it('reads the Prefer header', () => {
    expect(handlingOf(undefined)).toBe('strict');
    expect(handlingOf('handling=lenient')).toBe('lenient');
    expect(handlingOf('return=minimal, handling=lenient')).toBe('lenient');
    expect(handlingOf('handling=strict')).toBe('strict');
    expect(handlingOf(['respond-async', 'handling=lenient'])).toBe('lenient');
  });
});
