import type { Modality, Technique } from '@referloop/common';
import type { ReferralStatus } from '@referloop/lifecycle';
import type { Outcome } from '@referloop/referrals';

/**
 * The current version of a referral `r`'s treatment plan, as `plan`. A referral has one
 * CarePlan, its current plan; earlier versions are history, which this API does not serve.
 */
export const CURRENT_PLAN = `JOIN LATERAL (SELECT tp.* FROM treatment_plans tp WHERE tp.referral_id = r.id ORDER BY tp.version DESC LIMIT 1) plan ON TRUE`;

/** What of the referral a CarePlan and a Goal show, and what audits them. */
export const PLAN_REFERRAL_COLUMNS = `r.id AS referral_id, r.patient_id, r.status AS referral_status, r.referring_clinic_id, r.to_clinic_id, r.to_provider_id, r.updated_at`;

export interface PlanReferral {
  referral_id: string;
  patient_id: string;
  referral_status: ReferralStatus;
  referring_clinic_id: string;
  to_clinic_id: string | null;
  to_provider_id: string | null;
  updated_at: Date;
}

export interface StoredShortTermGoal {
  description: string;
  targetVisit: number;
  measure: string | null;
}

export interface CarePlanRow extends PlanReferral {
  modality: Modality;
  treatment_started_at: Date | null;
  completed_at: Date | null;
  long_term_goal: string;
  short_term_goals: StoredShortTermGoal[];
  planned_visits: number;
  visits_per_week: number;
  techniques: Technique[];
  /** When the first version was set: when the plan was made. */
  first_set_at: Date;
}

export const CARE_PLAN_COLUMNS = `${PLAN_REFERRAL_COLUMNS}, r.modality, r.treatment_started_at, r.completed_at,
  plan.long_term_goal, plan.short_term_goals, plan.planned_visits, plan.visits_per_week, plan.techniques,
  (SELECT min(first.set_at) FROM treatment_plans first WHERE first.referral_id = r.id) AS first_set_at`;

/**
 * The goals of the current plan, as `goal`: its long-term goal (ordinal 0), then each
 * short-term goal in the plan's order (1…), the positions visits and the outcome name them by.
 */
export const GOALS_OF_PLAN = `CROSS JOIN LATERAL (
    SELECT 0 AS ordinal, plan.long_term_goal AS description, NULL::int AS target_visit, NULL::text AS measure
    UNION ALL
    SELECT g.n::int, g.goal ->> 'description', (g.goal ->> 'targetVisit')::int, g.goal ->> 'measure'
      FROM jsonb_array_elements(plan.short_term_goals) WITH ORDINALITY AS g (goal, n)
  ) goal`;

export interface GoalRow extends PlanReferral {
  outcome: Outcome | null;
  ordinal: number;
  description: string;
  target_visit: number | null;
  measure: string | null;
  /** The first visit under this plan version that recorded the goal met, if any. */
  met_at_visit: number | null;
}

export const GOAL_COLUMNS = `${PLAN_REFERRAL_COLUMNS}, r.outcome, goal.ordinal, goal.description, goal.target_visit, goal.measure,
  (SELECT min(v.number) FROM visits v WHERE v.referral_id = r.id AND v.plan_version = plan.version AND goal.ordinal = ANY(v.short_term_goals_met)) AS met_at_visit`;
