import { AssessmentInput, GoalsInput, OutcomeInput, RangeOfMotionInput } from './dto/clinical.input';

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

/** `goalDescriptions`: the current plan's short-term goals, in order, named in the stored outcome. */
export const outcomeJson = (input: OutcomeInput, goalDescriptions: readonly string[]) => ({
  summary: input.summary.trim(),
  goalsMet: input.goalsMet,
  visitsUsed: input.visitsUsed,
  finalRangeOfMotion: rangeOfMotionJson(input.finalRangeOfMotion),
  shortTermGoals: [...(input.shortTermGoals ?? [])]
    .sort((a, b) => a.position - b.position)
    .map((goal) => ({ position: goal.position, description: goalDescriptions[goal.position - 1], attainment: goal.attainment, note: goal.note?.trim() || null })),
  recommendations: (input.recommendations ?? []).map((recommendation) => ({
    text: recommendation.text.trim(),
    suggestedModality: recommendation.suggestedModality ?? null,
  })),
});
