import { useApolloClient } from '@apollo/client/react';
import { ActionIcon, Button, Group, MultiSelect, NumberInput, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { FormDialog, FormProblem } from '../../../components/form-dialog';
import type { EpisodeDetailFragment, Technique } from '../../../gql/graphql';
import { TECHNIQUES } from '../../../lib/vocabulary-options';
import { EPISODE, SET_TREATMENT_PLAN } from './episode-queries';

interface GoalRow {
  description: string;
  measure: string;
  targetVisit: number | '';
}

interface Props {
  episode: EpisodeDetailFragment;
  /** The referrer's short-term goals, the starting point of a first plan. */
  referralGoals: { longTerm: string; shortTerm: readonly string[] } | null;
  onClose: () => void;
}

/** Sets the treatment plan, or changes it (a new version; the earlier ones are kept). */
export function PlanDialog({ episode, referralGoals, onClose }: Props) {
  const client = useApolloClient();
  const plan = episode.treatmentPlan;
  const [longTermGoal, setLongTermGoal] = useState(plan?.longTermGoal ?? referralGoals?.longTerm ?? '');
  const [plannedVisits, setPlannedVisits] = useState<number | ''>(plan?.plannedVisits ?? episode.recommendedVisits ?? 6);
  const [visitsPerWeek, setVisitsPerWeek] = useState<number | ''>(plan?.visitsPerWeek ?? 1);
  const [techniques, setTechniques] = useState<string[]>(plan?.techniques ?? []);
  const [goals, setGoals] = useState<GoalRow[]>(
    plan?.shortTermGoals.map((goal) => ({ description: goal.description, measure: goal.measure ?? '', targetVisit: goal.targetVisit })) ??
      referralGoals?.shortTerm.map((description, index) => ({ description, measure: '', targetVisit: index + 2 })) ??
      [],
  );
  const setGoal = (index: number, change: Partial<GoalRow>) => setGoals((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = async () => {
    if (plannedVisits === '' || visitsPerWeek === '') throw new FormProblem('Give the number of visits and visits a week.');
    await client.mutate({
      mutation: SET_TREATMENT_PLAN,
      variables: {
        input: {
          referralId: episode.id,
          expectedPlanVersion: plan?.version ?? 0,
          longTermGoal: longTermGoal.trim(),
          plannedVisits,
          visitsPerWeek,
          techniques: techniques as Technique[],
          shortTermGoals: goals
            .filter((goal) => goal.description.trim())
            .map((goal) => ({ description: goal.description.trim(), measure: goal.measure.trim() || undefined, targetVisit: goal.targetVisit === '' ? 1 : goal.targetVisit })),
        },
      },
      refetchQueries: [EPISODE],
      awaitRefetchQueries: true,
    });
    onClose();
  };

  return (
    <FormDialog title={plan ? `Change the treatment plan (version ${plan.version + 1})` : 'Set the treatment plan'} submitLabel="Save plan" onClose={onClose} onSubmit={submit}>
      {(errorOf) => (
        <Stack gap="sm">
          <Textarea label="Long-term goal" required autosize minRows={2} value={longTermGoal} onChange={(e) => setLongTermGoal(e.currentTarget.value)} error={errorOf('input.longTermGoal')} data-autofocus />
          <Group grow wrap="wrap">
            <NumberInput label="Planned visits" required min={1} max={100} value={plannedVisits} onChange={(v) => setPlannedVisits(typeof v === 'number' ? v : '')} error={errorOf('input.plannedVisits')} />
            <NumberInput label="Visits a week" required min={1} max={7} value={visitsPerWeek} onChange={(v) => setVisitsPerWeek(typeof v === 'number' ? v : '')} error={errorOf('input.visitsPerWeek')} />
          </Group>
          <MultiSelect label="Techniques" data={TECHNIQUES} value={techniques} onChange={setTechniques} searchable error={errorOf('input.techniques')} />
          <Text size="sm" fw={500}>
            Short-term goals
          </Text>
          {goals.map((goal, index) => (
            <Paper key={index} withBorder p="xs">
              <Group align="flex-end" wrap="wrap" gap="xs">
                <TextInput label={`Goal ${index + 1}`} required value={goal.description} onChange={(e) => setGoal(index, { description: e.currentTarget.value })} error={errorOf(`input.shortTermGoals.${index}.description`)} style={{ flex: '1 1 220px' }} />
                <TextInput label="Measure" value={goal.measure} onChange={(e) => setGoal(index, { measure: e.currentTarget.value })} style={{ flex: '1 1 140px' }} />
                <NumberInput label="By visit" min={1} max={100} value={goal.targetVisit} onChange={(v) => setGoal(index, { targetVisit: typeof v === 'number' ? v : '' })} error={errorOf(`input.shortTermGoals.${index}.targetVisit`)} w={100} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove goal ${index + 1}`} onClick={() => setGoals((rows) => rows.filter((_, i) => i !== index))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          <Group>
            <Button variant="default" size="xs" onClick={() => setGoals((rows) => [...rows, { description: '', measure: '', targetVisit: rows.length + 2 }])}>
              Add a short-term goal
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
