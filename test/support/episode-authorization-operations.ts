import { PROGRESS_FIELDS, ROM_FIELDS as ROM } from './episode-operations';

/**
 * GraphQL documents and views for the episode authorization tests: everything a party might
 * read of an episode in one query, and the closing moves with the fields the tests check. The
 * episode's own mutations are in episode-operations.ts.
 */

/** The clinical content of an episode, as any party that may see it reads it. */
export const EPISODE_CONTENT = `query episodeContent($id: ID!) {
  referral(id: $id) {
    id status version
    treatmentPlan { version longTermGoal plannedVisits visitsPerWeek techniques shortTermGoals { description targetVisit measure } setBy { id } }
    visits { number at attended techniquesUsed painScore notes shortTermGoalsMet planVersion overBudget rangeOfMotion { ${ROM} } }
    progress { ${PROGRESS_FIELDS} }
    reports { id number trigger comments writtenAt writtenBy { id } progress { ${PROGRESS_FIELDS} } }
    outcome {
      summary goalsMet visitsUsed
      finalRangeOfMotion { ${ROM} }
      shortTermGoals { position description attainment note }
      recommendations { text suggestedModality }
    }
  }
}`;

export interface EpisodeContent {
  id: string;
  status: string;
  version: number;
  treatmentPlan: { version: number; shortTermGoals: Array<{ description: string }> } | null;
  visits: Array<{ number: number; attended: boolean; shortTermGoalsMet: number[] }>;
  progress: { attendedVisits: number; missedVisits: number; goals: Array<{ position: number; met: boolean; metAtVisit: number | null }> };
  reports: Array<{ number: number; trigger: string; comments: string | null; writtenBy: { id: string } }>;
  outcome: {
    summary: string;
    goalsMet: string;
    shortTermGoals: Array<{ position: number; description: string; attainment: string; note: string | null }>;
    recommendations: Array<{ text: string; suggestedModality: string | null }>;
  } | null;
}

/** One field at a time, so each read is its own request (and its own audit entry). */
export const REPORTS_OF = `query reportsOf($id: ID!) { referral(id: $id) { id reports { number comments } } }`;
export const PROGRESS_OF = `query progressOf($id: ID!) { referral(id: $id) { id progress { attendedVisits missedVisits } } }`;
export const OUTCOME_OF = `query outcomeOf($id: ID!) { referral(id: $id) { id outcome { summary goalsMet } } }`;

/** Links between an episode and the referrals made onward from it. */
export const ONWARD_LINKS = `query onwardLinks($id: ID!) {
  referral(id: $id) {
    id
    onwardFrom { id status }
    onwardReferrals { id status }
  }
}`;

export interface OnwardLinks {
  id: string;
  onwardFrom: { id: string; status: string } | null;
  onwardReferrals: Array<{ id: string; status: string }>;
}

export const COMPLETE_REFERRAL = `mutation completeReferral($input: CompleteReferralInput!) {
  completeReferral(input: $input) { id status version }
}`;

export const ACKNOWLEDGE_OUTCOME = `mutation acknowledgeReferralOutcome($input: AcknowledgeReferralOutcomeInput!) {
  acknowledgeReferralOutcome(input: $input) { id status version loopClosedAt }
}`;

export interface StatsView {
  total: number;
  byStatus: Array<{ status: string; count: number }>;
  accepted: number;
  completed: number;
}
