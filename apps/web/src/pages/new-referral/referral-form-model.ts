import type { BodySide, Condition, CreateReferralInput, Modality, ReferralPriority, Technique } from '../../gql/graphql';
import type { FieldRename } from '../../api/form-errors';
import { targetInput, type Target } from '../../components/provider-picker';

export interface AssessmentRow {
  joint: string;
  movement: string;
  side: BodySide | null;
  measured: number | '';
  expected: number | '';
  pain: number | '';
}

/** The new-referral form as the user fills it in. */
export interface ReferralFormValues {
  patientId: string | null;
  modality: Modality | null;
  priority: ReferralPriority;
  conditions: Condition[];
  techniques: Technique[];
  reason: string;
  assessment: AssessmentRow[];
  postureNotes: string;
  longTermGoal: string;
  shortTermGoals: string[];
  recommendedVisits: number | '';
  visitsPerWeek: number | '';
  redFlags: string;
  consentToShare: boolean;
  target: Target;
}

export const EMPTY_ASSESSMENT_ROW: AssessmentRow = { joint: '', movement: '', side: null, measured: '', expected: '', pain: '' };

export function initialReferralValues(patientId: string | null): ReferralFormValues {
  return {
    patientId,
    modality: null,
    priority: 'ROUTINE',
    conditions: [],
    techniques: [],
    reason: '',
    assessment: [],
    postureNotes: '',
    longTermGoal: '',
    shortTermGoals: [],
    recommendedVisits: 6,
    visitsPerWeek: 1,
    redFlags: '',
    consentToShare: false,
    target: null,
  };
}

const optional = (text: string) => text.trim() || undefined;
const number = (value: number | '') => (value === '' ? undefined : value);

/**
 * The createReferral input for the form. Rows left entirely empty are dropped; half-filled ones
 * are sent so the server names the missing field.
 */
export function toCreateReferralInput(values: ReferralFormValues, send: boolean, idempotencyKey: string, near: { latitude: number; longitude: number } | null): CreateReferralInput {
  const rows = values.assessment.filter((row) => row.joint.trim() || row.movement.trim() || row.measured !== '');
  const goals = values.shortTermGoals.map((goal) => goal.trim()).filter(Boolean);
  return {
    idempotencyKey,
    send,
    patientId: values.patientId ?? '',
    modality: values.modality as Modality,
    priority: values.priority,
    conditions: values.conditions,
    techniques: values.techniques,
    reason: values.reason.trim(),
    redFlags: optional(values.redFlags),
    consentToShare: values.consentToShare,
    recommendedVisits: number(values.recommendedVisits),
    visitsPerWeek: number(values.visitsPerWeek),
    assessment:
      rows.length || values.postureNotes.trim()
        ? {
            postureNotes: optional(values.postureNotes),
            rangeOfMotion: rows.map((row) => ({
              joint: row.joint.trim(),
              movement: row.movement.trim(),
              side: row.side ?? undefined,
              // The form refuses a row with no measurement before sending (validateReferralForm).
              measuredDegrees: row.measured === '' ? 0 : row.measured,
              expectedDegrees: number(row.expected),
              painScore: number(row.pain),
            })),
          }
        : undefined,
    goals: values.longTermGoal.trim() ? { longTerm: values.longTermGoal.trim(), shortTerm: goals } : undefined,
    ...targetInput(values.target, near),
  };
}

/** The lists this form shows item by item: a server message about one item goes beside it. */
export const REFERRAL_ITEM_LISTS = ['assessment', 'shortTermGoals'];

/**
 * Where the API's `extensions.field` (a path into the input) shows in this form, for formPathOf:
 * the names differ where the form groups things differently from the API.
 */
export const REFERRAL_FIELD_RENAMES: readonly FieldRename[] = [
  [/^assessment\.rangeOfMotion\.(\d+)\.measuredDegrees$/, 'assessment.$1.measured'],
  [/^assessment\.rangeOfMotion\.(\d+)\.expectedDegrees$/, 'assessment.$1.expected'],
  [/^assessment\.rangeOfMotion\.(\d+)\.painScore$/, 'assessment.$1.pain'],
  [/^assessment\.rangeOfMotion\.(\d+)\.(joint|movement|side)$/, 'assessment.$1.$2'],
  [/^assessment\.postureNotes$/, 'postureNotes'],
  [/^goals\.longTerm$/, 'longTermGoal'],
  [/^goals\.shortTerm\.(\d+)$/, 'shortTermGoals.$1'],
  [/^(toProviderId|toPool.*)$/, 'target'],
];

/** Checks made before anything is sent; the server checks everything again. Keys are form paths. */
export function validateReferralForm(values: ReferralFormValues, send: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.patientId) errors.patientId = 'Choose the patient, or register a new one';
  if (!values.modality) errors.modality = 'Choose a modality';
  if (!values.reason.trim()) errors.reason = 'Say why the patient is referred';
  values.assessment.forEach((row, index) => {
    const used = row.joint.trim() || row.movement.trim() || row.measured !== '';
    if (!used) return;
    if (!row.joint.trim()) errors[`assessment.${index}.joint`] = 'Name the joint';
    if (!row.movement.trim()) errors[`assessment.${index}.movement`] = 'Name the movement';
    if (row.measured === '') errors[`assessment.${index}.measured`] = 'Enter the measured degrees';
  });
  if (send && !values.consentToShare) errors.consentToShare = 'The patient must agree to share the referral before it is sent';
  if (send && !values.target) errors.target = 'Choose a provider or the open pool';
  return errors;
}
