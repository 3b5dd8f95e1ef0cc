import { CONDITION_WORDS, Condition, Modality, Technique, TECHNIQUE_WORDS } from '@referloop/common';
import { DeclineReason, GoalAttainment } from '@referloop/lifecycle';
import type { CodeableConcept, Coding } from '../model/fhir-types';
import { REFERLOOP, STANDARD } from './systems';

/**
 * The domain's closed lists as FHIR codes. Each list is a ReferLoop code system whose codes are
 * the domain's own codes (never renamed: they are stored), with a standard code beside it where
 * one is the same concept and could be checked against a published source:
 *
 * - modalities: HL7 service-type (R4 ships the code system; the codes below are its own);
 * - conditions and techniques: no standard code yet. SNOMED CT has concepts for most of them,
 *   but a clinical code that is subtly wrong is worse than none, and none could be checked
 *   against a SNOMED release here; a terminologist's mapping goes in as a second coding.
 */
const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

const MODALITY: Readonly<Record<Modality, { display: string; serviceType: { code: string; display: string } }>> = {
  [Modality.MASSAGE]: { display: 'Massage therapy', serviceType: { code: '25', display: 'Massage Therapy' } },
  [Modality.ACUPUNCTURE]: { display: 'Acupuncture', serviceType: { code: '13', display: 'Acupuncture' } },
  [Modality.CHIROPRACTIC]: { display: 'Chiropractic', serviceType: { code: '52', display: 'Chiropractic' } },
  [Modality.PHYSICAL_THERAPY]: { display: 'Physical therapy', serviceType: { code: '65', display: 'Physiotherapy' } },
};

const DECLINE_REASON: Readonly<Record<DeclineReason, string>> = {
  [DeclineReason.NO_CAPACITY]: 'No capacity',
  [DeclineReason.NOT_ACCEPTING_NEW_PATIENTS]: 'Not accepting new patients',
  [DeclineReason.OUT_OF_SCOPE]: 'Out of scope',
  [DeclineReason.CONTRAINDICATION]: 'Contraindication',
  [DeclineReason.INSURANCE]: 'Insurance',
  [DeclineReason.PATIENT_UNREACHABLE]: 'Patient unreachable',
  [DeclineReason.OTHER]: 'Other',
};

/** Goal attainment as reported with an outcome; HL7's goal-achievement has no "partly". */
const GOAL_ATTAINMENT: Readonly<Record<GoalAttainment, { display: string; achievement: { code: string; display: string } | null }>> = {
  [GoalAttainment.MET]: { display: 'Met', achievement: { code: 'achieved', display: 'Achieved' } },
  [GoalAttainment.PARTIALLY_MET]: { display: 'Partially met', achievement: null },
  [GoalAttainment.NOT_MET]: { display: 'Not met', achievement: { code: 'not-achieved', display: 'Not Achieved' } },
};

export function modalityConcept(modality: Modality): CodeableConcept {
  const { display, serviceType } = MODALITY[modality];
  return {
    coding: [
      { system: STANDARD.serviceType, ...serviceType },
      { system: REFERLOOP.modality, code: modality, display },
    ],
    text: display,
  };
}

export const modalityDisplay = (modality: Modality): string => MODALITY[modality].display;

/**
 * What a posted coding says in the domain's words, the way back of the codings above: a code of
 * a ReferLoop code system as it is (its own rules then judge it, unknown codes included), a
 * service-type code as the modality it stands for. Null when the coding is in no system read.
 */
export function modalityOfCoding(coding: Coding): string | null {
  if (coding.system === REFERLOOP.modality) return coding.code;
  if (coding.system !== STANDARD.serviceType) return null;
  return (Object.keys(MODALITY) as Modality[]).find((modality) => MODALITY[modality].serviceType.code === coding.code) ?? null;
}

export const conditionOfCoding = (coding: Coding): string | null => (coding.system === REFERLOOP.condition ? coding.code : null);

export const techniqueOfCoding = (coding: Coding): string | null => (coding.system === REFERLOOP.technique ? coding.code : null);

/** How a posted modality may be coded, in words for a refusal. */
export const MODALITY_CODINGS_READ = `${STANDARD.serviceType} (${Object.values(MODALITY)
  .map(({ serviceType }) => serviceType.code)
  .join(', ')}) or ${REFERLOOP.modality} (${Object.keys(MODALITY).join(', ')})`;

export function conditionConcept(condition: Condition): CodeableConcept {
  const display = capitalised(CONDITION_WORDS[condition]);
  return { coding: [{ system: REFERLOOP.condition, code: condition, display }], text: display };
}

export function techniqueConcept(technique: Technique): CodeableConcept {
  const display = capitalised(TECHNIQUE_WORDS[technique]);
  return { coding: [{ system: REFERLOOP.technique, code: technique, display }], text: display };
}

export function declineReasonConcept(reason: DeclineReason, note: string | null): CodeableConcept {
  return { coding: [{ system: REFERLOOP.declineReason, code: reason, display: DECLINE_REASON[reason] }], text: note ?? DECLINE_REASON[reason] };
}

export function goalAttainmentConcept(attainment: GoalAttainment): CodeableConcept {
  const { display, achievement } = GOAL_ATTAINMENT[attainment];
  const codings: Coding[] = [{ system: REFERLOOP.goalAttainment, code: attainment, display }];
  return { coding: achievement ? [{ system: STANDARD.goalAchievement, ...achievement }, ...codings] : codings, text: display };
}

/** A goal still being worked on: HL7's in-progress. */
export const GOAL_IN_PROGRESS: CodeableConcept = { coding: [{ system: STANDARD.goalAchievement, code: 'in-progress', display: 'In Progress' }], text: 'In progress' };

/** A short-term goal a visit recorded as met, before the outcome reports on it. */
export const GOAL_ACHIEVED: CodeableConcept = { coding: [{ system: STANDARD.goalAchievement, code: 'achieved', display: 'Achieved' }], text: 'Met at a visit' };
