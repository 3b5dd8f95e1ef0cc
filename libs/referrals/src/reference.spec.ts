import { newReference, REFERENCE_PATTERN } from './reference';

describe('referral references', () => {
  it('look like RF-7K3Q9P and avoid look-alike characters', () => {
    for (let i = 0; i < 1000; i += 1) {
      const reference = newReference();
      expect(reference).toMatch(REFERENCE_PATTERN);
      expect(reference.slice(3)).not.toMatch(/[01ILO]/);
    }
  });

  it('are random, not sequential', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => newReference()));
    expect(seen.size).toBeGreaterThan(995);
  });
});
