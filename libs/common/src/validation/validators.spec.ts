import { isIanaTimeZone, isPhoneNumber } from './validators';
import { isRealLocalDate } from '../graphql/scalars';

describe('field validators', () => {
  it.each(['+1 (651) 323-0005', '651-323-0005', '0044 20 7946 0958'])('accepts phone %s', (phone) => {
    expect(isPhoneNumber(phone)).toBe(true);
  });

  it.each(['123456', '+1 651 CALL NOW', '1234567890123456', '', '---'])('refuses phone %s', (phone) => {
    expect(isPhoneNumber(phone)).toBe(false);
  });

  it.each(['America/Chicago', 'Europe/London', 'UTC', 'America/Argentina/Buenos_Aires'])('accepts time zone %s', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Base', 'EST', 'chicago', '', 'America/Chicago; DROP'])('refuses time zone %s', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['1980-01-01', true],
    ['1980-1-1', false],
    ['1980-13-01', false],
  ])('calendar date %s is real: %s', (value, expected) => {
    expect(isRealLocalDate(value)).toBe(expected);
  });
});
