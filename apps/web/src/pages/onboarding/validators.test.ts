import { describe, expect, it } from 'vitest';
import { languageOptions } from './languages';
import { timeZoneOptions, utcOffsetLabel } from './time-zones';
import { coordinateRule, idRule, isEmailAddress, isPhoneNumber, requiredText } from './validators';

describe('validators', () => {
  it('checks phones as the API does', () => {
    expect(isPhoneNumber('+1 (651) 555-0142')).toBe(true);
    expect(isPhoneNumber('555-01')).toBe(false);
    expect(isPhoneNumber('call me')).toBe(false);
    expect(isPhoneNumber('1234567890123456')).toBe(false);
  });

  it('checks emails, ids, texts and coordinates', () => {
    expect(isEmailAddress('a@b.co')).toBe(true);
    expect(isEmailAddress('a@b')).toBe(false);
    expect(idRule('the clinic’s id')('8d0c6a7e-5a0b-4b8e-9f0a-2b7c1d3e4f50')).toBeNull();
    expect(idRule('the clinic’s id')('Lakeside')).toMatch(/Paste the clinic’s id/);
    expect(requiredText('a name', 5)('   ')).toBe('Enter a name');
    expect(requiredText('a name', 5)('abcdef')).toBe('At most 5 characters');
    expect(coordinateRule('Latitude')('')).toBe('Enter the latitude');
    expect(coordinateRule('Latitude')(91)).toBe('Latitude is between -90 and 90');
    expect(coordinateRule('Longitude')(-179.5)).toBeNull();
  });
});

describe('time zones', () => {
  it('labels each zone with its offset at the time, UTC included', () => {
    const winter = new Date('2026-01-15T12:00:00Z');
    expect(utcOffsetLabel('America/Chicago', winter)).toBe('UTC-06:00');
    expect(utcOffsetLabel('America/Chicago', new Date('2026-07-15T12:00:00Z'))).toBe('UTC-05:00');
    expect(utcOffsetLabel('UTC', winter)).toBe('UTC+00:00');
    expect(utcOffsetLabel('Europe/London', winter)).toBe('UTC+00:00');
    const options = timeZoneOptions(winter);
    expect(options).toContainEqual({ value: 'Asia/Kolkata', label: 'Asia/Kolkata (UTC+05:30)' });
    expect(options.some((option) => option.value === 'UTC')).toBe(true);
  });
});

describe('languages', () => {
  it('offers two-letter lower-case codes with their names', () => {
    const options = languageOptions();
    expect(options).toContainEqual({ value: 'es', label: 'Spanish (es)' });
    expect(options.every((option) => /^[a-z]{2}$/.test(option.value))).toBe(true);
    expect(options.length).toBeGreaterThan(100);
  });
});
