import type { CodeableConcept } from '../model/fhir-types';
import { REFERLOOP } from './systems';

/** The kinds of a Task's outputs: the ReferLoop code system task-output (docs/fhir.md). */
const TASK_OUTPUT = {
  appointment: 'First appointment',
  'treatment-plan': 'Treatment plan',
  'visit-measurement': 'Measurement at a visit',
  'outcome-summary': 'Outcome summary',
  'goals-met': 'Goals met',
  'visits-used': 'Visits used',
  'final-measurement': 'Final measurement',
  recommendation: 'Recommendation',
  'outcome-acknowledged': 'Outcome acknowledged by the referrer',
} as const;

export type TaskOutputType = keyof typeof TASK_OUTPUT;

export const taskOutputType = (code: TaskOutputType): CodeableConcept => ({ coding: [{ system: REFERLOOP.taskOutput, code, display: TASK_OUTPUT[code] }], text: TASK_OUTPUT[code] });
