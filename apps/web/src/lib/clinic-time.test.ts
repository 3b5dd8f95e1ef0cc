import { describe, expect, it } from 'vitest';
import { relativeToNow } from './clinic-time';

describe('relativeToNow', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  it.each([
    ['2026-12-07T12:00:20Z', 'now'],
    ['2026-12-07T11:59:40Z', 'now'],
    ['2026-12-07T12:05:00Z', 'in 5 min'],
    ['2026-12-07T09:00:00Z', '3 h ago'],
    ['2026-12-08T23:00:00Z', 'in 35 h'],
    ['2026-12-04T12:00:00Z', '3 d ago'],
  ])('says %s as "%s"', (iso, said) => {
    expect(relativeToNow(iso, now)).toBe(said);
  });
});
