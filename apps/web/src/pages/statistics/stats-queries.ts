import { graphql } from '../../gql';

export const REFERRAL_STATS = graphql(`
  query StatsPageReferralStats($input: ReferralStatsInput!) {
    referralStats(input: $input) {
      from
      to
      total
      accepted
      declined
      expired
      completed
      leaked
      loopsClosed
      acceptanceRate
      completionRate
      leakageRate
      loopClosedRate
      goalsMetShare
      shortTermGoalsMetShare
      meanVisitsUsed
      meanVisitsPlanned
      timeToAcceptHours {
        measured
        median
        p90
      }
      timeToFirstVisitHours {
        measured
        median
        p90
      }
      byStatus {
        status
        count
      }
    }
  }
`);
