import { ReferralStatus } from '@referloop/lifecycle';
import type { CodeableConcept, Goal } from '../model/fhir-types';
import { goalId } from '../model/resource-ids';
import type { GoalRow } from '../sources/plan-rows';
import { fhirStatus } from '../terminology/referral-status-mapping';
import { GOAL_ACHIEVED, GOAL_IN_PROGRESS, goalAttainmentConcept } from '../terminology/vocabulary-codings';
import { instant, referenceTo } from './references';

/**
 * A goal of the current treatment plan: the long-term goal, or a short-term one to be met by a
 * given visit. Where it stands: as the outcome reported it once the referral is completed;
 * before that, met if a visit under this plan recorded it met, in progress during treatment.
 */
export function goalOf(row: GoalRow): Goal {
  const achievement = achievementOf(row);
  const note = row.ordinal === 0 ? 'Long-term goal' : `Short-term goal ${row.ordinal}${row.target_visit !== null ? `, to be met by visit ${row.target_visit}` : ''}`;
  return {
    resourceType: 'Goal',
    id: goalId({ referralId: row.referral_id, ordinal: row.ordinal }),
    meta: { lastUpdated: instant(row.updated_at) },
    lifecycleStatus: fhirStatus(row.referral_status, 'goal'),
    ...(achievement && { achievementStatus: achievement }),
    description: { text: row.description },
    subject: referenceTo('Patient', row.patient_id),
    ...(row.measure && { target: [{ measure: { text: row.measure } }] }),
    ...(row.to_provider_id && { expressedBy: referenceTo('PractitionerRole', row.to_provider_id) }),
    addresses: [referenceTo('ServiceRequest', row.referral_id)],
    note: [{ text: note }],
  };
}

function achievementOf(row: GoalRow): CodeableConcept | null {
  const reported = row.ordinal === 0 ? row.outcome?.goalsMet : row.outcome?.shortTermGoals?.find((goal) => goal.position === row.ordinal)?.attainment;
  if (reported) return goalAttainmentConcept(reported);
  if (row.met_at_visit !== null) return GOAL_ACHIEVED;
  return row.referral_status === ReferralStatus.IN_TREATMENT ? GOAL_IN_PROGRESS : null;
}
