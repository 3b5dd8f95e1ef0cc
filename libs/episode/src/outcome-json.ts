import { OutcomeInput, rangeOfMotionJson } from '@referloop/referrals';

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
