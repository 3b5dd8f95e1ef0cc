import type { StatsPageReferralStatsQuery } from '../../gql/graphql';
import { count, formatHours, formatMean, formatShare, NONE } from './stats-format';

export type ReferralStatsData = StatsPageReferralStatsQuery['referralStats'];

/** One figure: what the cards show and the table repeats, from a single source. */
export interface Figure {
  key: string;
  label: string;
  value: string;
  /** What it is made of, in words ("12 accepted of 15 answered"). */
  detail: string;
  /** Shown as a card at the top; every figure is in the table. */
  card: boolean;
}

const durationDetail = (measured: number, p90: number | null | undefined) =>
  measured === 0 ? 'Nothing measured yet' : `90% within ${formatHours(p90)} · ${count(measured, 'referral', 'referrals')} measured`;

/** The period's figures, in the order they are read: volume, answers, speed, care, outcome, loss. */
export function figuresOf(stats: ReferralStatsData): Figure[] {
  const answered = stats.accepted + stats.declined + stats.expired;
  return [
    { key: 'total', label: 'Referrals sent', value: stats.total.toLocaleString(), detail: 'Sent in the period; drafts are not counted', card: true },
    {
      key: 'acceptanceRate',
      label: 'Acceptance rate',
      value: formatShare(stats.acceptanceRate),
      detail: answered === 0 ? 'None answered or expired yet' : `${stats.accepted.toLocaleString()} accepted of ${answered.toLocaleString()} answered or expired`,
      card: true,
    },
    { key: 'timeToAccept', label: 'Time to accept (median)', value: formatHours(stats.timeToAcceptHours.median), detail: durationDetail(stats.timeToAcceptHours.measured, stats.timeToAcceptHours.p90), card: true },
    { key: 'timeToAcceptP90', label: 'Time to accept (90th percentile)', value: formatHours(stats.timeToAcceptHours.p90), detail: '9 in 10 were accepted within this, time on hold included', card: false },
    {
      key: 'timeToFirstVisit',
      label: 'Time to first visit (median)',
      value: formatHours(stats.timeToFirstVisitHours.median),
      detail: durationDetail(stats.timeToFirstVisitHours.measured, stats.timeToFirstVisitHours.p90),
      card: true,
    },
    { key: 'timeToFirstVisitP90', label: 'Time to first visit (90th percentile)', value: formatHours(stats.timeToFirstVisitHours.p90), detail: 'From sending to the first attended visit', card: false },
    {
      key: 'completionRate',
      label: 'Completion rate',
      value: formatShare(stats.completionRate),
      detail: `${stats.completed.toLocaleString()} completed of ${stats.accepted.toLocaleString()} accepted`,
      card: true,
    },
    {
      key: 'loopsClosed',
      label: 'Loops closed',
      value: stats.loopsClosed.toLocaleString(),
      detail: `${formatShare(stats.loopClosedRate)} of completed referrals: outcome acknowledged by the referrer`,
      card: true,
    },
    { key: 'loopClosedRate', label: 'Loop-closed rate', value: formatShare(stats.loopClosedRate), detail: 'Loops closed of referrals completed', card: false },
    {
      key: 'leaked',
      label: 'Leakage',
      value: formatShare(stats.leakageRate),
      detail: `${count(stats.leaked, 'patient', 'patients')} lost: declined or expired and never redirected`,
      card: true,
    },
    { key: 'goalsMet', label: 'Goals met', value: formatShare(stats.goalsMetShare), detail: 'Completed referrals whose outcome reports the goals met', card: true },
    { key: 'shortTermGoalsMet', label: 'Short-term goals met', value: formatShare(stats.shortTermGoalsMetShare), detail: 'Of the short-term goals reported on in outcomes', card: false },
    {
      key: 'visits',
      label: 'Visits used vs planned (mean)',
      value: stats.meanVisitsUsed === null && stats.meanVisitsPlanned === null ? NONE : `${formatMean(stats.meanVisitsUsed)} of ${formatMean(stats.meanVisitsPlanned)}`,
      detail: 'Over completed referrals; planned counts those that had a visit budget',
      card: true,
    },
    { key: 'declined', label: 'Declined', value: stats.declined.toLocaleString(), detail: 'Declined by the receiver', card: false },
    { key: 'expired', label: 'Expired', value: stats.expired.toLocaleString(), detail: 'Not answered in time', card: false },
  ];
}
