import { useApolloClient } from '@apollo/client/react';
import { ActionIcon, Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { placeServerError } from '../../api/form-errors';
import { ProviderPicker } from '../../components/provider-picker';
import type { BodySide } from '../../gql/graphql';
import { useViewer } from '../../layout/viewer';
import { CONDITIONS, MODALITIES, TECHNIQUES } from '../../lib/vocabulary-options';
import { CREATE_REFERRAL } from './new-referral-queries';
import { NewPatientModal } from '../patients/new-patient-modal';
import { todayInZone } from '../../lib/zoned-time';
import { useNow } from '../../lib/use-now';
import { PatientChooser } from './patient-chooser';
import { EMPTY_ASSESSMENT_ROW, initialReferralValues, REFERRAL_FIELD_RENAMES, REFERRAL_ITEM_LISTS, toCreateReferralInput, validateReferralForm, type ReferralFormValues } from './referral-form-model';

const SIDES = [
  { value: 'NONE', label: '—' },
  { value: 'LEFT', label: 'Left' },
  { value: 'RIGHT', label: 'Right' },
  { value: 'BILATERAL', label: 'Both' },
];

function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = `part-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/**
 * A new referral: the patient, the clinical request, the assessment and goals, consent, then a
 * target from the ranked matches or the open pool. One idempotency key for the life of the form,
 * so a double click or a retry after a lost answer never makes two referrals.
 */
export function NewReferralPage() {
  const viewer = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  const presetPatient = (location.state as { patientId?: string } | null)?.patientId ?? null;
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [registering, setRegistering] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState<'draft' | 'send' | null>(null);
  const form = useForm<ReferralFormValues>({ initialValues: initialReferralValues(presetPatient) });
  const values = form.getValues();
  const near = viewer.clinic?.location ?? null;
  const now = useNow();

  const submit = async (send: boolean) => {
    setFailure(null);
    const current = form.getValues();
    const problems = validateReferralForm(current, send);
    form.setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setFailure('Some fields need attention; they are marked below.');
      return;
    }
    setSending(send ? 'send' : 'draft');
    try {
      const result = await client.mutate({ mutation: CREATE_REFERRAL, variables: { input: toCreateReferralInput(current, send, idempotencyKey, near) } });
      if (result.data) await navigate(`/referrals/${result.data.createReferral.id}`);
    } catch (error) {
      const unplaced = placeServerError(form, error, { itemLists: REFERRAL_ITEM_LISTS, renames: REFERRAL_FIELD_RENAMES });
      setFailure(unplaced === null ? 'The referral was not saved: a field needs attention (marked below).' : `The referral was not saved. ${unplaced}`);
    } finally {
      setSending(null);
    }
  };

  if (viewer.isPlatformAdmin || !viewer.clinic) {
    return <Alert color="blue">Referrals are made by clinic staff and providers. Platform admins onboard clinics instead.</Alert>;
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit(true);
      }}
    >
      <Stack gap="md" maw={960}>
        <Title order={1} size="h2">
          New referral
        </Title>
        <Part title="Patient">
          <PatientChooser value={values.patientId} onChange={(id) => form.setFieldValue('patientId', id)} error={form.errors.patientId as string | undefined} />
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setRegistering(true)}>
              Register a new patient
            </Button>
          </Group>
          <NewPatientModal
            opened={registering}
            onClose={() => setRegistering(false)}
            clinicId={viewer.clinic.id}
            clinicName={viewer.clinic.name}
            today={todayInZone(now, viewer.timeZone)}
            onCreated={(id) => form.setFieldValue('patientId', id)}
          />
        </Part>

        <Part title="What is asked">
          <Group grow wrap="wrap" align="flex-start">
            <Select label="Modality" required data={MODALITIES} {...form.getInputProps('modality')} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="priority-label">
                Priority
              </Text>
              <SegmentedControl aria-labelledby="priority-label" data={[{ value: 'ROUTINE', label: 'Routine' }, { value: 'URGENT', label: 'Urgent' }]} {...form.getInputProps('priority')} />
            </Stack>
          </Group>
          <MultiSelect label="Conditions" data={CONDITIONS} searchable {...form.getInputProps('conditions')} />
          <MultiSelect label="Techniques asked for" data={TECHNIQUES} searchable {...form.getInputProps('techniques')} />
          <Textarea label="Reason for referral" required autosize minRows={3} maxLength={4000} {...form.getInputProps('reason')} />
          <Textarea label="Red flags and contraindications" autosize minRows={2} maxLength={2000} {...form.getInputProps('redFlags')} />
          <Group grow wrap="wrap">
            <NumberInput label="Recommended visits" min={1} max={100} {...form.getInputProps('recommendedVisits')} />
            <NumberInput label="Visits a week" min={1} max={7} {...form.getInputProps('visitsPerWeek')} />
          </Group>
        </Part>

        <Part title="Assessment">
          {values.assessment.map((_, index) => (
            <Paper key={form.key(`assessment.${index}`)} withBorder p="xs">
              <Group align="flex-end" wrap="wrap" gap="xs">
                <TextInput label="Joint" w={120} {...form.getInputProps(`assessment.${index}.joint`)} />
                <TextInput label="Movement" w={130} {...form.getInputProps(`assessment.${index}.movement`)} />
                <SegmentedControl size="xs" data={SIDES} aria-label={`Side, row ${index + 1}`} value={values.assessment[index].side ?? 'NONE'} onChange={(v) => form.setFieldValue(`assessment.${index}.side`, v === 'NONE' ? null : (v as BodySide))} />
                <NumberInput label="Measured °" min={0} max={360} w={110} {...form.getInputProps(`assessment.${index}.measured`)} />
                <NumberInput label="Expected °" min={0} max={360} w={110} {...form.getInputProps(`assessment.${index}.expected`)} />
                <NumberInput label="Pain 0–10" min={0} max={10} w={100} {...form.getInputProps(`assessment.${index}.pain`)} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove finding ${index + 1}`} onClick={() => form.removeListItem('assessment', index)}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          <Group>
            <Button variant="default" size="xs" onClick={() => form.insertListItem('assessment', { ...EMPTY_ASSESSMENT_ROW })}>
              Add a range-of-motion finding
            </Button>
          </Group>
          <Textarea label="Posture notes" autosize minRows={2} maxLength={2000} {...form.getInputProps('postureNotes')} />
        </Part>

        <Part title="Goals">
          <Textarea label="Long-term goal" autosize minRows={2} maxLength={2000} {...form.getInputProps('longTermGoal')} />
          {values.shortTermGoals.map((_, index) => (
            <Group key={form.key(`shortTermGoals.${index}`)} align="flex-end" wrap="nowrap" gap="xs">
              <TextInput label={`Short-term goal ${index + 1}`} style={{ flex: 1 }} {...form.getInputProps(`shortTermGoals.${index}`)} />
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove short-term goal ${index + 1}`} onClick={() => form.removeListItem('shortTermGoals', index)}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="default" size="xs" onClick={() => form.insertListItem('shortTermGoals', '')}>
              Add a short-term goal
            </Button>
          </Group>
        </Part>

        <Part title="Consent and target">
          <Checkbox label="The patient agreed to share this referral with the provider who receives it (required to send)" {...form.getInputProps('consentToShare', { type: 'checkbox' })} />
          <ProviderPicker
            modality={values.modality}
            conditions={values.conditions}
            techniques={values.techniques}
            priority={values.priority}
            near={near}
            value={values.target}
            onChange={(target) => form.setFieldValue('target', target)}
            error={form.errors.target as string | undefined}
          />
        </Part>

        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" loading={sending === 'draft'} disabled={sending !== null} onClick={() => void submit(false)}>
            Save as draft
          </Button>
          <Button type="submit" loading={sending === 'send'} disabled={sending !== null}>
            Send referral
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
