import { NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import type { GoalAttainment, Modality, ReferralDetailFragment } from '../../../gql/graphql';
import { MODALITY_LABELS } from '../../../lib/labels';
import type { FieldProps, FormValues } from './action-form-types';

export const ATTAINMENT_LABELS: Record<GoalAttainment, string> = { MET: 'Met', PARTIALLY_MET: 'Partly met', NOT_MET: 'Not met' };
const attainmentOptions = Object.entries(ATTAINMENT_LABELS).map(([value, label]) => ({ value, label }));
const modalityOptions = Object.entries(MODALITY_LABELS).map(([value, label]) => ({ value, label }));

export function outcomeInitialValues(referral: ReferralDetailFragment): FormValues {
  return { summary: '', goalsMet: null, visitsUsed: referral.progress.attendedVisits, recommendation: '', suggestedModality: null, goalAttainment: {} };
}

export function outcomeInput(values: FormValues): Record<string, unknown> {
  const summary = typeof values.summary === 'string' ? values.summary.trim() : '';
  if (!values.goalsMet) throw new Error('Say whether the goals were met.');
  const recommendation = typeof values.recommendation === 'string' ? values.recommendation.trim() : '';
  const perGoal = (values.goalAttainment ?? {}) as Record<string, GoalAttainment | null>;
  return {
    outcome: {
      summary,
      goalsMet: values.goalsMet,
      visitsUsed: values.visitsUsed,
      shortTermGoals: Object.entries(perGoal)
        .filter(([, attainment]) => attainment)
        .map(([position, attainment]) => ({ position: Number(position), attainment })),
      recommendations: recommendation ? [{ text: recommendation, suggestedModality: (values.suggestedModality as Modality | null) ?? undefined }] : [],
    },
  };
}

export function OutcomeFields({ values, set, errorOf, referral }: FieldProps) {
  const perGoal = (values.goalAttainment ?? {}) as Record<string, string | null>;
  const goals = referral.treatmentPlan?.shortTermGoals ?? [];
  return (
    <Stack gap="sm">
      <Textarea
        label="Summary"
        required
        autosize
        minRows={3}
        maxLength={4000}
        value={(values.summary as string) ?? ''}
        onChange={(event) => set('summary', event.currentTarget.value)}
        error={errorOf('outcome.summary')}
        data-autofocus
      />
      <Select label="Goals met" required data={attainmentOptions} value={(values.goalsMet as string | null) ?? null} onChange={(value) => set('goalsMet', value)} error={errorOf('outcome.goalsMet')} />
      <NumberInput label="Visits used" required min={0} max={200} value={values.visitsUsed as number} onChange={(value) => set('visitsUsed', typeof value === 'number' ? value : 0)} error={errorOf('outcome.visitsUsed')} />
      {goals.length > 0 ? (
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Short-term goals
          </Text>
          {goals.map((goal, index) => (
            <Select
              key={index}
              label={goal.description}
              placeholder="Not reported"
              data={attainmentOptions}
              clearable
              value={perGoal[String(index + 1)] ?? null}
              onChange={(value) => set('goalAttainment', { ...perGoal, [String(index + 1)]: value })}
              error={errorOf(`outcome.shortTermGoals.${index}.attainment`)}
            />
          ))}
        </Stack>
      ) : null}
      <Textarea
        label="Recommendation (optional)"
        autosize
        minRows={2}
        maxLength={2000}
        value={(values.recommendation as string) ?? ''}
        onChange={(event) => set('recommendation', event.currentTarget.value)}
        error={errorOf('outcome.recommendations.0.text')}
      />
      <Select label="Suggested next modality (optional)" data={modalityOptions} clearable value={(values.suggestedModality as string | null) ?? null} onChange={(value) => set('suggestedModality', value)} />
    </Stack>
  );
}
