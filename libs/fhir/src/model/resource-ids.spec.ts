import { goalId, observationId, parseGoalId, parseObservationId, type ObservationKey } from './resource-ids';

const REFERRAL = '0d9f6a5e-1c2b-4a3d-9e8f-7a6b5c4d3e2f';
const VISIT = '5b0e1d2c-3b4a-4c5d-8e6f-9a8b7c6d5e4f';

describe('the ids of resources without a row of their own', () => {
  it('reads back every Observation id it writes, and stays within FHIR’s 64 characters', () => {
    const keys: ObservationKey[] = [
      { source: 'assessment', sourceId: REFERRAL, ordinal: 1, measure: 'rom' },
      { source: 'assessment', sourceId: REFERRAL, ordinal: 60, measure: 'pain' },
      { source: 'visit', sourceId: VISIT, ordinal: 0, measure: 'pain' },
      { source: 'visit', sourceId: VISIT, ordinal: 3, measure: 'rom' },
      { source: 'outcome', sourceId: REFERRAL, ordinal: 2, measure: 'pain' },
    ];
    for (const key of keys) {
      const id = observationId(key);
      expect(id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      expect(parseObservationId(id)).toEqual(key);
    }
    expect(observationId(keys[2])).toBe(`v-${VISIT}-pain`);
  });

  it('finds no measurement in an id it could not have written', () => {
    for (const id of [`a-${REFERRAL}-pain`, `o-${REFERRAL}-rom`, `v-${VISIT}-rom`, `a-${REFERRAL}-0-rom`, `x-${REFERRAL}-1-rom`, `a-${REFERRAL}-1-temp`, 'a-not-a-uuid-1-rom', `a-${REFERRAL}-100-rom`]) {
      expect({ id, key: parseObservationId(id) }).toEqual({ id, key: null });
    }
    expect(parseObservationId(`A-${REFERRAL}-1-rom`)).toBeNull();
    expect(parseObservationId(`a-${REFERRAL.toUpperCase()}-1-rom`)).toEqual({ source: 'assessment', sourceId: REFERRAL, ordinal: 1, measure: 'rom' });
  });

  it('reads back every Goal id it writes, and no other', () => {
    for (const ordinal of [0, 1, 12]) expect(parseGoalId(goalId({ referralId: REFERRAL, ordinal }))).toEqual({ referralId: REFERRAL, ordinal });
    expect(goalId({ referralId: REFERRAL, ordinal: 0 })).toBe(`${REFERRAL}-long-term`);
    for (const id of [`${REFERRAL}-short-term-0`, `${REFERRAL}-short-term`, `${REFERRAL}-goal-1`, REFERRAL]) expect(parseGoalId(id)).toBeNull();
  });
});
