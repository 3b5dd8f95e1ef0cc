/**
 * The codes of the R4 value sets with a required binding that the API writes and searches on,
 * as the R4 definitions list them. A status search names one of these or is refused (400), and
 * the status types of the resources are these lists, so a mapping cannot write another code.
 */
export const REQUEST_STATUSES = ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const TASK_STATUSES = [
  'draft', 'requested', 'received', 'accepted', 'rejected', 'ready', 'cancelled', 'in-progress', 'on-hold', 'failed', 'completed', 'entered-in-error',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const GOAL_LIFECYCLE_STATUSES = ['proposed', 'planned', 'accepted', 'active', 'on-hold', 'completed', 'cancelled', 'entered-in-error', 'rejected'] as const;
export type GoalLifecycleStatus = (typeof GOAL_LIFECYCLE_STATUSES)[number];

export const CARE_PLAN_ACTIVITY_STATUSES = ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error'] as const;
export type CarePlanActivityStatus = (typeof CARE_PLAN_ACTIVITY_STATUSES)[number];

export const OBSERVATION_STATUSES = ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];
