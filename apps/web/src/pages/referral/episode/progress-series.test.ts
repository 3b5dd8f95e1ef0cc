import { describe, expect, it } from 'vitest';
import { budgetUse, measureSeries, painSeries } from './progress-series';

const knee = (measuredDegrees: number, expectedDegrees: number | null = null) => ({ joint: 'Knee', movement: 'Flexion', side: 'LEFT', measuredDegrees, expectedDegrees });

describe('measureSeries', () => {
  it('follows each joint movement from the assessment through the attended visits, in visit order', () => {
    const series = measureSeries(
      [knee(95, 135)],
      [
        { number: 2, attended: true, rangeOfMotion: [knee(110)] },
        { number: 1, attended: true, rangeOfMotion: [knee(100), { joint: 'Hip', movement: 'Extension', side: null, measuredDegrees: 10 }] },
        { number: 3, attended: false, rangeOfMotion: [] },
      ],
    );
    expect(series).toHaveLength(2);
    expect(series[0]).toMatchObject({ joint: 'Knee', expected: 135 });
    expect(series[0].points).toEqual([
      { label: 'Assessment', degrees: 95 },
      { label: 'Visit 1', degrees: 100 },
      { label: 'Visit 2', degrees: 110 },
    ]);
    expect(series[1].points).toEqual([{ label: 'Visit 1', degrees: 10 }]);
  });

  it('treats names case-insensitively and keeps sides apart', () => {
    const series = measureSeries([knee(90)], [{ number: 1, attended: true, rangeOfMotion: [{ ...knee(100), joint: 'knee' }, { ...knee(120), side: 'RIGHT' }] }]);
    expect(series.map((s) => s.points.length)).toEqual([2, 1]);
  });

  it('takes the latest expected range given', () => {
    const [series] = measureSeries([knee(90, 130)], [{ number: 1, attended: true, rangeOfMotion: [knee(100, 140)] }]);
    expect(series.expected).toBe(140);
  });
});

describe('painSeries', () => {
  it('lists the pain of attended visits that recorded it', () => {
    expect(
      painSeries([
        { number: 2, attended: true, painScore: 4, rangeOfMotion: [] },
        { number: 1, attended: true, painScore: 7, rangeOfMotion: [] },
        { number: 3, attended: false, painScore: null, rangeOfMotion: [] },
        { number: 4, attended: true, painScore: null, rangeOfMotion: [] },
      ]),
    ).toEqual([
      { label: 'Visit 1', pain: 7 },
      { label: 'Visit 2', pain: 4 },
    ]);
  });
});

describe('budgetUse', () => {
  it('is the share of the budget used, capped at 100, and says when it is exceeded', () => {
    expect(budgetUse(3, 1, 6)).toEqual({ attended: 3, missed: 1, planned: 6, percent: 50, over: false });
    expect(budgetUse(7, 0, 6)).toMatchObject({ percent: 100, over: true });
  });

  it('has no share without a budget', () => {
    expect(budgetUse(2, 0, null)).toMatchObject({ planned: null, percent: null, over: false });
    expect(budgetUse(2, 0, 0)).toMatchObject({ planned: null, percent: null });
  });
});
