import { Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { DateField } from '../../../components/date-field';
import { useQuery } from '@apollo/client/react';
import type { ReferralAction } from '../../../gql/graphql';
import { LoadingState } from '../../../components/states';
import { DECLINE_REASON_LABELS } from '../../../lib/labels';
import { useNow } from '../../../lib/use-now';
import { isoToZonedWallClock, todayInZone, zonedWallClockToIso } from '../../../lib/zoned-time';
import { ACCEPT, ACKNOWLEDGE, CANCEL, COMPLETE, DECLINE, PROVIDE_INFO, REDIRECT, REQUEST_INFO, SCHEDULE, SEND, START_TREATMENT, SUGGESTED_PROVIDERS } from '../referral-queries';
import type { ActionForm, FieldProps } from './action-form-types';
import { OutcomeFields, outcomeInput, outcomeInitialValues } from './outcome-fields';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const optionalText = (value: unknown) => text(value) || undefined;

function TextField({ name, label, required, description, ...props }: FieldProps & { name: string; label: string; required?: boolean; description?: string }) {
  return (
    <Textarea
      label={label}
      description={description}
      required={required}
      autosize
      minRows={3}
      maxLength={2000}
      value={(props.values[name] as string | undefined) ?? ''}
      onChange={(event) => props.set(name, event.currentTarget.value)}
      error={props.errorOf(name)}
      data-autofocus
    />
  );
}

/** The latest question the receiver asked (the INFO_REQUESTED event's text). */
function openQuestion(props: FieldProps): string | null {
  const asked = [...props.referral.events].reverse().find((event) => event.type === 'INFO_REQUESTED');
  return asked?.reason ?? null;
}

function ScheduleFields(props: FieldProps) {
  // Today where the clinic is, not in UTC: in a clinic's evening UTC is already on the next day.
  const today = todayInZone(useNow(), props.timeZone);
  return (
    <Stack gap="sm">
      <DateField
        label="Date"
        required
        value={(props.values.date as string | null) ?? null}
        onChange={(value) => props.set('date', value)}
        error={props.errorOf('appointmentAt')}
        minDate={today}
        data-autofocus
      />
      <TimeInput label={`Time (${props.timeZone})`} required value={(props.values.time as string | undefined) ?? ''} onChange={(event) => props.set('time', event.currentTarget.value)} />
    </Stack>
  );
}

function SuggestedProviderFields(props: FieldProps) {
  const { data, loading } = useQuery(SUGGESTED_PROVIDERS, { variables: { id: props.referral.id }, fetchPolicy: 'network-only' });
  const matches = data?.referral.suggestedProviders ?? [];
  if (loading && !data) return <LoadingState label="Finding providers…" />;
  if (matches.length === 0) return <Text c="dimmed">No other provider matches this referral right now. Cancel it or try again later.</Text>;
  return (
    <Radio.Group label="Send it to" required value={(props.values.toProviderId as string | undefined) ?? ''} onChange={(value) => props.set('toProviderId', value)} error={props.errorOf('toProviderId')}>
      <Stack gap="xs" mt="xs">
        {matches.map((match) => (
          <Radio
            key={match.provider.id}
            value={match.provider.id}
            label={`${match.provider.displayName}${match.provider.city ? `, ${match.provider.city}` : ''} · ${match.distanceKm.toLocaleString()} km · score ${Math.round(match.score * 100)}`}
            description={match.reasons.join(' · ')}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** Every action's dialog, keyed by the action the server offers in availableActions. */
export const ACTION_FORMS: Record<ReferralAction, ActionForm> = {
  SEND: {
    title: 'Send referral',
    explain: (r) => (r.toProvider ? `${r.reference} goes to ${r.toProvider.displayName}, who is emailed and has until the due time to answer.` : `${r.reference} is offered to every matching provider within the radius.`),
    submitLabel: 'Send',
    mutation: SEND,
  },
  ACCEPT: {
    title: 'Accept referral',
    explain: (r) => `You take ${r.reference} on; ${r.referringClinic.name} is told.`,
    submitLabel: 'Accept',
    mutation: ACCEPT,
    Fields: (props) => <TextField {...props} name="note" label="Note to the referring clinic (optional)" />,
    toInput: (values) => ({ note: optionalText(values.note) }),
  },
  DECLINE: {
    title: 'Decline referral',
    explain: (r) => `${r.referringClinic.name} is told, with your reason, and can send it to another provider.`,
    submitLabel: 'Decline',
    danger: true,
    mutation: DECLINE,
    Fields: (props) => (
      <Stack gap="sm">
        <Select
          label="Reason"
          required
          data={Object.entries(DECLINE_REASON_LABELS).map(([value, label]) => ({ value, label }))}
          value={(props.values.reason as string | null) ?? null}
          onChange={(value) => props.set('reason', value)}
          error={props.errorOf('reason')}
          data-autofocus
        />
        <TextField {...props} name="note" label="Note (optional)" />
      </Stack>
    ),
    toInput: (values) => {
      if (!values.reason) throw new Error('Choose a reason.');
      return { reason: values.reason, note: optionalText(values.note) };
    },
  },
  REQUEST_INFO: {
    title: 'Request information',
    explain: (r) => `${r.reference} goes on hold and the response clock pauses until ${r.referringClinic.name} answers.`,
    submitLabel: 'Send question',
    mutation: REQUEST_INFO,
    Fields: (props) => <TextField {...props} name="question" label="Your question" required />,
    toInput: (values) => ({ question: text(values.question) }),
  },
  PROVIDE_INFO: {
    title: 'Provide information',
    explain: () => 'Your answer goes to the provider, and the referral is sent again with the clock running.',
    submitLabel: 'Send answer',
    mutation: PROVIDE_INFO,
    Fields: (props) => (
      <Stack gap="sm">
        {openQuestion(props) ? (
          <Text size="sm">
            <Text span fw={600}>
              Question:{' '}
            </Text>
            {openQuestion(props)}
          </Text>
        ) : null}
        <TextField {...props} name="answer" label="Your answer" required />
      </Stack>
    ),
    toInput: (values) => ({ answer: text(values.answer) }),
  },
  SCHEDULE: {
    title: 'Schedule the first visit',
    explain: () => 'The patient and the referring clinic are told the time.',
    submitLabel: 'Schedule',
    mutation: SCHEDULE,
    initialValues: (r, timeZone) => {
      if (!r.appointmentAt) return { date: null, time: '' };
      const wall = isoToZonedWallClock(r.appointmentAt, timeZone);
      return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
    },
    Fields: ScheduleFields,
    toInput: (values, timeZone) => {
      if (!values.date || !text(values.time)) throw new Error('Choose a date and a time.');
      return { appointmentAt: zonedWallClockToIso(`${text(values.date)} ${text(values.time)}`, timeZone) };
    },
  },
  START_TREATMENT: {
    title: 'Start treatment',
    explain: () => 'Marks the first visit as having taken place. Recording the first attended visit does this too.',
    submitLabel: 'Start treatment',
    mutation: START_TREATMENT,
  },
  CANCEL: {
    title: 'Cancel referral',
    explain: (r) => `${r.reference} stops here; whoever was asked to treat is told.`,
    submitLabel: 'Cancel referral',
    danger: true,
    mutation: CANCEL,
    Fields: (props) => <TextField {...props} name="reason" label="Reason (optional)" />,
    toInput: (values) => ({ reason: optionalText(values.reason) }),
  },
  REDIRECT: {
    title: 'Redirect to another provider',
    explain: (r) => `A new referral replaces ${r.reference}, sent at once to the provider you choose.`,
    submitLabel: 'Redirect',
    mutation: REDIRECT,
    Fields: SuggestedProviderFields,
    toInput: (values) => {
      if (!values.toProviderId) throw new Error('Choose a provider.');
      return { toProviderId: values.toProviderId };
    },
  },
  COMPLETE: {
    title: 'Complete with outcome',
    explain: (r) => `Ends treatment. The outcome goes to ${r.referringClinic.name}, which closes the loop by acknowledging it.`,
    submitLabel: 'Complete',
    mutation: COMPLETE,
    initialValues: outcomeInitialValues,
    Fields: OutcomeFields,
    toInput: outcomeInput,
  },
  ACKNOWLEDGE_OUTCOME: {
    title: 'Acknowledge outcome',
    explain: () => 'You have read the outcome: this closes the loop.',
    submitLabel: 'Acknowledge',
    mutation: ACKNOWLEDGE,
  },
};
