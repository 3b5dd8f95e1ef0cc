import { describe, expect, it } from 'vitest';
import { figuresOf, type ReferralStatsData } from './figures';
import { formatHours, formatMean, formatShare } from './stats-format';

const stats: ReferralStatsData = {
  from: '2026-03-01T06:00:00.000Z',
  to: '2026-04-01T05:00:00.000Z',
  total: 20,
  accepted: 12,
  declined: 3,
  expired: 1,
  completed: 6,
  leaked: 2,
  loopsClosed: 4,
  acceptanceRate: 0.75,
  completionRate: 0.5,
  leakageRate: 0.1,
  loopClosedRate: 4 / 6,
  goalsMetShare: 0.5,
  shortTermGoalsMetShare: null,
  meanVisitsUsed: 5.5,
  meanVisitsPlanned: 6,
  timeToAcceptHours: { measured: 12, median: 5.25, p90: 30 },
  timeToFirstVisitHours: { measured: 0, median: null, p90: null },
  byStatus: [],
};

const byKey = (key: string) => figuresOf(stats).find((figure) => figure.key === key);

describe('stats formatting', () => {
  it('words durations in the unit a person would use', () => {
    expect(formatHours(0)).toBe('under 1 min');
    expect(formatHours(0.25)).toBe('15 min');
    expect(formatHours(5.25)).toBe('5.3 h');
    expect(formatHours(47.9)).toBe('47.9 h');
    expect(formatHours(72)).toBe('3 days');
    expect(formatHours(null)).toBe('—');
  });

  it('shows a missing share or mean as a dash, not as zero', () => {
    expect(formatShare(null)).toBe('—');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(2 / 3)).toBe('67%');
    expect(formatMean(null)).toBe('—');
    expect(formatMean(5.55)).toBe('5.6');
  });
});

describe('figuresOf', () => {
  it('says what each rate is made of', () => {
    expect(byKey('acceptanceRate')).toMatchObject({ value: '75%', detail: '12 accepted of 16 answered or expired' });
    expect(byKey('completionRate')).toMatchObject({ value: '50%', detail: '6 completed of 12 accepted' });
    expect(byKey('loopsClosed')).toMatchObject({ value: '4', detail: expect.stringContaining('67%') as string });
    expect(byKey('leaked')).toMatchObject({ value: '10%', detail: expect.stringContaining('2 patients lost') as string });
    expect(byKey('visits')?.value).toBe('5.5 of 6');
  });

  it('gives the median and the 90th percentile of each duration, or says nothing was measured', () => {
    expect(byKey('timeToAccept')).toMatchObject({ value: '5.3 h', detail: '90% within 30 h · 12 referrals measured' });
    expect(byKey('timeToFirstVisit')).toMatchObject({ value: '—', detail: 'Nothing measured yet' });
    expect(byKey('shortTermGoalsMet')?.value).toBe('—');
  });

  it('puts every figure in the table and the key ones on cards', () => {
    const figures = figuresOf(stats);
    expect(new Set(figures.map((figure) => figure.key)).size).toBe(figures.length);
    expect(figures.filter((figure) => figure.card).map((figure) => figure.key)).toEqual([
      'total',
      'acceptanceRate',
      'timeToAccept',
      'timeToFirstVisit',
      'completionRate',
      'loopsClosed',
      'leaked',
      'goalsMet',
      'visits',
    ]);
  });
});
