import { BodySide } from '@referloop/referrals';
import type { CodeableConcept, Coding } from '../model/fhir-types';
import type { Measure } from '../model/resource-ids';
import { REFERLOOP, STANDARD } from './systems';

/**
 * What each kind of measurement is as an Observation. Pain is LOINC 72514-3, the 0-10 numeric
 * rating scale the API records; a joint's range of motion has no standard code that fits every
 * joint and movement, so it is ReferLoop's own, the joint and movement in its text.
 */
export const MEASURE_CODE: Readonly<Record<Measure, CodeableConcept>> = {
  rom: { coding: [{ system: REFERLOOP.observation, code: 'range-of-motion', display: 'Joint range of motion' }], text: 'Joint range of motion' },
  pain: { coding: [{ system: STANDARD.loinc, code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' }], text: 'Pain (0-10)' },
};

/** A range of motion is measured by the practitioner (exam); pain is rated by the patient (survey). */
export const MEASURE_CATEGORY: Readonly<Record<Measure, CodeableConcept>> = {
  rom: { coding: [{ system: STANDARD.observationCategory, code: 'exam', display: 'Exam' }] },
  pain: { coding: [{ system: STANDARD.observationCategory, code: 'survey', display: 'Survey' }] },
};

export const MEASURES: readonly Measure[] = ['rom', 'pain'];

/** Every Observation is a measurement as recorded: final (the API keeps no preliminary or amended ones). */
export const OBSERVATION_STATUS = 'final';

/** Degrees, in UCUM. */
export const degrees = (value: number) => ({ value, unit: 'deg', system: STANDARD.ucum, code: 'deg' });

/** Which side, from R4's bodysite-laterality value set (SNOMED CT). */
const LATERALITY: Readonly<Record<BodySide, Coding>> = {
  [BodySide.LEFT]: { system: STANDARD.snomed, code: '419161000', display: 'Unilateral left' },
  [BodySide.RIGHT]: { system: STANDARD.snomed, code: '419465000', display: 'Unilateral right' },
  [BodySide.BILATERAL]: { system: STANDARD.snomed, code: '51440002', display: 'Bilateral' },
};

export const lateralityConcept = (side: BodySide): CodeableConcept => ({ coding: [LATERALITY[side]] });
