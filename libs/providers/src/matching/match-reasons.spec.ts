import { Condition, Technique } from '@referloop/common';
import { answersWithin, matchReasons } from './match-reasons';

describe('matchReasons', () => {
  it('explains coverage, distance, responsiveness and room in the order the score weighs them', () => {
    expect(
      matchReasons({
        askedConditions: [Condition.PLANTAR_FASCIITIS, Condition.CALF_PAIN],
        askedTechniques: [Technique.CUPPING],
        providerConditions: [Condition.PLANTAR_FASCIITIS, Condition.BACK_PAIN],
        providerTechniques: [Technique.CUPPING],
        distanceKm: 4.2149,
        medianResponseHours: 5.2,
        capacityLeft: 3,
        weeklyCapacity: 10,
      }),
    ).toEqual([
      'treats plantar fasciitis',
      'does not list calf pain',
      'uses cupping',
      '4.2 km',
      'usually answers within 6 h',
      '3 of 10 places left this week',
    ]);
  });

  it('says so when there is no answer to judge by', () => {
    const reasons = matchReasons({
      askedConditions: [],
      askedTechniques: [],
      providerConditions: [],
      providerTechniques: [],
      distanceKm: 0.04,
      medianResponseHours: null,
      capacityLeft: 1,
      weeklyCapacity: 1,
    });
    expect(reasons).toEqual(['0.0 km', 'no answers in the last 90 days to judge by', '1 of 1 places left this week']);
  });

  it.each([
    [0.1, 'usually answers within 1 h'],
    [6, 'usually answers within 6 h'],
    [48, 'usually answers within 48 h'],
    [49, 'usually answers within 3 days'],
    [100, 'usually answers within 5 days'],
  ])('rounds %s hours up to a promise: %s', (hours, words) => {
    expect(answersWithin(hours)).toBe(words);
  });
});
