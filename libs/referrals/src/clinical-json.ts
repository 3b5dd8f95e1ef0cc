import { AssessmentInput, GoalsInput, RangeOfMotionInput } from './dto/clinical.input';

/** The JSON stored for clinical inputs: trimmed, with every optional field present as null. */
export const rangeOfMotionJson = (items: RangeOfMotionInput[] | undefined) =>
  (items ?? []).map((item) => ({
    joint: item.joint.trim(),
    movement: item.movement.trim(),
    side: item.side ?? null,
    measuredDegrees: item.measuredDegrees,
    expectedDegrees: item.expectedDegrees ?? null,
    painScore: item.painScore ?? null,
  }));

export const assessmentJson = (input: AssessmentInput | null | undefined) =>
  input ? { postureNotes: input.postureNotes ?? null, rangeOfMotion: rangeOfMotionJson(input.rangeOfMotion) } : null;

export const goalsJson = (input: GoalsInput | null | undefined) =>
  input ? { longTerm: input.longTerm.trim(), shortTerm: (input.shortTerm ?? []).map((goal) => goal.trim()) } : null;

