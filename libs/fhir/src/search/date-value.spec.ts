import { FhirError } from '../errors/fhir-error';
import { dateCondition, parseDateValue } from './date-value';

const range = (raw: string, dateOnly = false) => {
  const { prefix, start, end } = parseDateValue('date', raw, dateOnly);
  return { prefix, start: start.toISOString(), end: end.toISOString() };
};

describe('FHIR date search values', () => {
  it('span their precision: a year, a month, a day (UTC), a minute, a second, a millisecond', () => {
    expect(range('2026')).toEqual({ prefix: 'eq', start: '2026-01-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' });
    expect(range('ge2026-02')).toEqual({ prefix: 'ge', start: '2026-02-01T00:00:00.000Z', end: '2026-03-01T00:00:00.000Z' });
    expect(range('lt2026-12-31')).toEqual({ prefix: 'lt', start: '2026-12-31T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' });
    expect(range('2026-03-01T09:30+01:00')).toEqual({ prefix: 'eq', start: '2026-03-01T08:30:00.000Z', end: '2026-03-01T08:31:00.000Z' });
    expect(range('gt2026-03-01T09:30:15Z')).toEqual({ prefix: 'gt', start: '2026-03-01T09:30:15.000Z', end: '2026-03-01T09:30:16.000Z' });
    expect(range('le2026-03-01T09:30:15.250Z')).toEqual({ prefix: 'le', start: '2026-03-01T09:30:15.250Z', end: '2026-03-01T09:30:15.251Z' });
  });

  it('refuses what is not a date, a date that does not exist, a time without its zone, an unsupported prefix', () => {
    for (const [raw, problem] of [
      ['2026-02-30', /not a valid date/],
      ['2026-13', /not a valid date/],
      ['2026-03-01T09:30', /not a FHIR date/],
      ['03/01/2026', /not a FHIR date/],
      ['sa2026', /prefix 'sa'/],
      ['ap2026', /prefix 'ap'/],
    ] as const) {
      expect(() => parseDateValue('date', raw, false)).toThrow(problem);
    }
    expect(() => parseDateValue('birthdate', '1980-01-01T00:00:00Z', true)).toThrow(FhirError);
  });

  it('compares an instant with the interval as each prefix says, using only the bounds it needs', () => {
    const sql = (raw: string) => {
      const values: unknown[] = [];
      const condition = dateCondition('t', parseDateValue('date', raw, false), (value) => `$${values.push(value)}`);
      return { condition, values: values.map((value) => (value as Date).toISOString().slice(0, 10)) };
    };
    expect(sql('2026-03-01')).toEqual({ condition: '(t >= $1 AND t < $2)', values: ['2026-03-01', '2026-03-02'] });
    expect(sql('ne2026-03-01')).toEqual({ condition: '(t < $1 OR t >= $2)', values: ['2026-03-01', '2026-03-02'] });
    expect(sql('gt2026-03-01')).toEqual({ condition: 't >= $1', values: ['2026-03-02'] });
    expect(sql('ge2026-03-01')).toEqual({ condition: 't >= $1', values: ['2026-03-01'] });
    expect(sql('lt2026-03-01')).toEqual({ condition: 't < $1', values: ['2026-03-01'] });
    expect(sql('le2026-03-01')).toEqual({ condition: 't < $1', values: ['2026-03-02'] });
  });

  it('refuses years whose interval PostgreSQL could not hold (0000, and 9999 whose end is year 10000)', () => {
    for (const raw of ['0000', '9999', 'ge9999-12-31', '0000-01-01']) expect(() => parseDateValue('birthdate', raw, true)).toThrow(/out of range/);
    expect(parseDateValue('birthdate', '9998-12-31', true).end.toISOString()).toBe('9999-01-01T00:00:00.000Z');
    expect(parseDateValue('birthdate', '0001', true).start.toISOString()).toBe('0001-01-01T00:00:00.000Z');
  });
});
