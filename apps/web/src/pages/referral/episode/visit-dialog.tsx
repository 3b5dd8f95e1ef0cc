import { useApolloClient } from '@apollo/client/react';
import { ActionIcon, Button, Checkbox, Group, MultiSelect, NumberInput, Paper, SegmentedControl, Slider, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { DateField } from '../../../components/date-field';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { FormDialog, FormProblem } from '../../../components/form-dialog';
import type { BodySide, EpisodeDetailFragment, Technique } from '../../../gql/graphql';
import { TECHNIQUES } from '../../../lib/vocabulary-options';
import { isoToZonedWallClock, zonedWallClockToIso } from '../../../lib/zoned-time';
import { EPISODE, RECORD_VISIT } from './episode-queries';
import { measureSeries } from './progress-series';
import { REFERRAL } from '../referral-queries';

interface MeasureRow {
  joint: string;
  movement: string;
  side: BodySide | null;
  expected: number | '';
  measured: number | '';
}

const SIDES = [
  { value: 'NONE', label: '—' },
  { value: 'LEFT', label: 'Left' },
  { value: 'RIGHT', label: 'Right' },
  { value: 'BILATERAL', label: 'Both' },
];

interface Props {
  episode: EpisodeDetailFragment;
  timeZone: string;
  onClose: () => void;
}

/** Records a visit: attended or missed, range of motion per joint movement, pain, goals met, notes. */
export function VisitDialog({ episode, timeZone, onClose }: Props) {
  const client = useApolloClient();
  const nowWall = isoToZonedWallClock(new Date().toISOString(), timeZone);
  const [date, setDate] = useState<string | null>(nowWall.slice(0, 10));
  const [time, setTime] = useState(nowWall.slice(11, 16));
  const [attended, setAttended] = useState(true);
  // The joint movements measured so far, ready to be measured again.
  const [measures, setMeasures] = useState<MeasureRow[]>(() =>
    measureSeries(episode.assessment?.rangeOfMotion ?? [], episode.visits).map((series) => ({
      joint: series.joint,
      movement: series.movement,
      side: (series.side as BodySide | null) ?? null,
      expected: series.expected ?? '',
      measured: '',
    })),
  );
  const [pain, setPain] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const [goalsMet, setGoalsMet] = useState<string[]>([]);
  const [techniques, setTechniques] = useState<string[]>(episode.treatmentPlan?.techniques ?? []);
  const setMeasure = (index: number, change: Partial<MeasureRow>) => setMeasures((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const goals = episode.treatmentPlan?.shortTermGoals ?? [];

  const submit = async () => {
    if (!date || !/^\d{2}:\d{2}$/.test(time)) throw new FormProblem('Give the date and time of the visit.');
    const measured = attended ? measures.filter((row) => row.measured !== '' && row.joint.trim() && row.movement.trim()) : [];
    await client.mutate({
      mutation: RECORD_VISIT,
      variables: {
        input: {
          referralId: episode.id,
          expectedVersion: episode.version,
          at: zonedWallClockToIso(`${date} ${time}`, timeZone),
          attended,
          painScore: attended ? (pain ?? undefined) : undefined,
          notes: notes.trim() || undefined,
          rangeOfMotion: measured.map((row) => ({
            joint: row.joint.trim(),
            movement: row.movement.trim(),
            side: row.side ?? undefined,
            measuredDegrees: Number(row.measured),
            expectedDegrees: row.expected === '' ? undefined : row.expected,
          })),
          shortTermGoalsMet: attended ? goalsMet.map(Number) : [],
          techniquesUsed: attended ? (techniques as Technique[]) : [],
        },
      },
      refetchQueries: [EPISODE, REFERRAL],
      awaitRefetchQueries: true,
    });
    onClose();
  };

  return (
    <FormDialog title={`Record visit ${episode.visits.length + 1}`} submitLabel="Record visit" onClose={onClose} onSubmit={submit} size="xl">
      {(errorOf) => (
        <Stack gap="sm">
          <Group grow wrap="wrap" align="flex-start">
            <DateField label="Date" required value={date} onChange={setDate} error={errorOf('input.at')} />
            <TimeInput label={`Time (${timeZone})`} required value={time} onChange={(e) => setTime(e.currentTarget.value)} />
          </Group>
          <SegmentedControl
            value={attended ? 'attended' : 'missed'}
            onChange={(value) => setAttended(value === 'attended')}
            data={[
              { value: 'attended', label: 'Attended' },
              { value: 'missed', label: 'Missed (no-show)' },
            ]}
            aria-label="Did the patient attend?"
          />
          {attended ? (
            <>
              <Text size="sm" fw={500}>
                Range of motion (degrees)
              </Text>
              {measures.map((row, index) => (
                <Paper key={index} withBorder p="xs">
                  <Group align="flex-end" wrap="wrap" gap="xs">
                    <TextInput label="Joint" value={row.joint} onChange={(e) => setMeasure(index, { joint: e.currentTarget.value })} w={120} error={errorOf(`input.rangeOfMotion.${index}.joint`)} />
                    <TextInput label="Movement" value={row.movement} onChange={(e) => setMeasure(index, { movement: e.currentTarget.value })} w={130} error={errorOf(`input.rangeOfMotion.${index}.movement`)} />
                    <SegmentedControl size="xs" value={row.side ?? 'NONE'} onChange={(value) => setMeasure(index, { side: value === 'NONE' ? null : (value as BodySide) })} data={SIDES} aria-label={`Side, row ${index + 1}`} />
                    <NumberInput
                      label={`Measured${row.joint ? ` (${row.joint} ${row.movement})` : ''}`.trim()}
                      min={0}
                      max={360}
                      value={row.measured}
                      onChange={(v) => setMeasure(index, { measured: typeof v === 'number' ? v : '' })}
                      w={150}
                      error={errorOf(`input.rangeOfMotion.${index}.measuredDegrees`)}
                    />
                    <NumberInput label="Expected" min={0} max={360} value={row.expected} onChange={(v) => setMeasure(index, { expected: typeof v === 'number' ? v : '' })} w={100} />
                    <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove measurement ${index + 1}`} onClick={() => setMeasures((rows) => rows.filter((_, i) => i !== index))}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Paper>
              ))}
              <Group>
                <Button variant="default" size="xs" onClick={() => setMeasures((rows) => [...rows, { joint: '', movement: '', side: null, expected: '', measured: '' }])}>
                  Add a measurement
                </Button>
              </Group>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="pain-label">
                  Pain {pain === null ? '(not asked)' : `${pain}/10`}
                </Text>
                <Slider min={0} max={10} step={1} value={pain ?? 0} onChange={setPain} marks={[{ value: 0, label: '0' }, { value: 5, label: '5' }, { value: 10, label: '10' }]} aria-labelledby="pain-label" mb="md" />
              </Stack>
              {goals.length > 0 ? (
                <Checkbox.Group label="Short-term goals met at this visit" value={goalsMet} onChange={setGoalsMet}>
                  <Stack gap={4} mt={4}>
                    {goals.map((goal, index) => (
                      <Checkbox key={index} value={String(index + 1)} label={`${goal.description} (by visit ${goal.targetVisit})`} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              ) : null}
              <MultiSelect label="Techniques used" data={TECHNIQUES} value={techniques} onChange={setTechniques} searchable />
            </>
          ) : null}
          <Textarea label="Notes" autosize minRows={2} maxLength={4000} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errorOf('input.notes')} />
        </Stack>
      )}
    </FormDialog>
  );
}
