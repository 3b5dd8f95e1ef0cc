import type { CarePlan, Reference } from '../model/fhir-types';
import { goalId } from '../model/resource-ids';
import type { CarePlanRow } from '../sources/plan-rows';
import { fhirStatus } from '../terminology/referral-status-mapping';
import { modalityConcept, modalityDisplay, techniqueConcept } from '../terminology/vocabulary-codings';
import { instant, referenceTo } from './references';
import { timingOf } from './service-request.mapper';

/**
 * The treating provider's current treatment plan for a referral: the visits planned and how
 * often (the first activity, with the modality and every goal), one activity per technique,
 * and its goals (Goal resources). Same id as the referral; its status follows the referral's.
 */
export function carePlanOf(row: CarePlanRow): CarePlan {
  const status = fhirStatus(row.referral_status, 'carePlanActivity');
  const goals: Reference[] = [0, ...row.short_term_goals.map((_goal, index) => index + 1)].map((ordinal) => referenceTo('Goal', goalId({ referralId: row.referral_id, ordinal })));
  return {
    resourceType: 'CarePlan',
    id: row.referral_id,
    meta: { lastUpdated: instant(row.updated_at) },
    status: fhirStatus(row.referral_status, 'carePlan'),
    intent: 'plan',
    title: `${modalityDisplay(row.modality)} treatment plan`,
    description: `${row.planned_visits} visits, ${row.visits_per_week} a week. Long-term goal: ${row.long_term_goal}`,
    subject: referenceTo('Patient', row.patient_id),
    period: { start: instant(row.first_set_at), ...(row.completed_at && { end: instant(row.completed_at) }) },
    created: instant(row.first_set_at),
    author: row.to_provider_id ? referenceTo('PractitionerRole', row.to_provider_id) : referenceTo('Organization', row.to_clinic_id as string),
    supportingInfo: [referenceTo('ServiceRequest', row.referral_id)],
    goal: goals,
    activity: [
      { detail: { code: modalityConcept(row.modality), status, goal: goals, scheduledTiming: timingOf(row.planned_visits, row.visits_per_week) ?? undefined } },
      ...row.techniques.map((technique) => ({ detail: { code: techniqueConcept(technique), status } })),
    ],
  };
}
