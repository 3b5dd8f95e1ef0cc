import { parseInstant } from './scalars';

describe('parseInstant (the DateTime scalar)', () => {
  it.each([
    ['2030-02-28T10:00:00Z', '2030-02-28T10:00:00.000Z'],
    ['2028-02-29T10:00:00Z', '2028-02-29T10:00:00.000Z'],
    ['2030-03-01T09:30:00-06:00', '2030-03-01T15:30:00.000Z'],
    ['2030-03-01T23:59:59.999+14:00', '2030-03-01T09:59:59.999Z'],
    ['2030-03-01T00:00-12:00', '2030-03-01T12:00:00.000Z'],
    ['2030-12-31T23:59:59Z', '2030-12-31T23:59:59.000Z'],
  ])('accepts %s as %s', (value, utc) => {
    expect(parseInstant(value).toISOString()).toBe(utc);
  });

  it.each([
    ['30 February', '2030-02-30T10:00:00Z'],
    ['31 April', '2030-04-31T10:00:00Z'],
    ['29 February of a common year', '2030-02-29T10:00:00Z'],
    ['month 13', '2030-13-01T10:00:00Z'],
    ['month 0', '2030-00-10T10:00:00Z'],
    ['day 0', '2030-01-00T10:00:00Z'],
    ['day 32', '2030-01-32T10:00:00Z'],
    ['hour 24', '2030-01-10T24:00:00Z'],
    ['hour 25', '2030-01-10T25:00:00Z'],
    ['minute 60', '2030-01-10T10:60:00Z'],
    ['second 60', '2030-01-10T10:00:60Z'],
    ['offset +15:00', '2030-01-10T10:00:00+15:00'],
    ['offset -14:30', '2030-01-10T10:00:00-14:30'],
    ['offset minutes 60', '2030-01-10T10:00:00+01:60'],
    ['no offset', '2030-01-10T10:00:00'],
    ['a date alone', '2030-01-10'],
  ])('refuses %s (%s) as bad input', (_what, value) => {
    expect(() => parseInstant(value)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });
});
