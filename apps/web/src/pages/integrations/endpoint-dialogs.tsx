import { useApolloClient, useMutation } from '@apollo/client/react';
import { Checkbox, SimpleGrid, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../api/errors';
import { DateField } from '../../components/date-field';
import { FormDialog, FormProblem } from '../../components/form-dialog';
import { formatDateTime } from '../../lib/clinic-time';
import { isoToZonedWallClock, zonedWallClockToIso } from '../../lib/zoned-time';
import { EndpointFields, placeRefusal, useEndpointForm } from './endpoint-form';
import { CREATE_ENDPOINT, DELETE_ENDPOINT, DISABLE_ENDPOINT, ENABLE_ENDPOINT, ENDPOINT_LIST, RECOVER_ENDPOINT, ROTATE_SECRET, UPDATE_ENDPOINT } from './integrations-queries';
import { defaultRecoverSince, endpointName, type Endpoint } from './integrations-rules';
import type { ShownSecret } from './secret-dialog';

/** The list is asked again after a change that adds, removes or reorders endpoints. */
const REFETCH_LIST = { refetchQueries: [ENDPOINT_LIST] };

const sentAgain = (count: number) =>
  count === 0 ? 'No delivery failed since then: there was nothing to send again.' : `${count === 1 ? '1 event is' : `${count.toLocaleString()} events are`} being sent again, each with its own webhook-id as before.`;

/**
 * Registers an endpoint. The answer holds its signing secret, which goes straight to `onCreated`
 * (the page shows it once) and nowhere else: asked for without the cache, the list asked again.
 */
export function AddEndpointDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (shown: ShownSecret) => void }) {
  const client = useApolloClient();
  const form = useEndpointForm();
  const submit = async () => {
    if (form.validate().hasErrors) return;
    const { url, description, events } = form.getValues();
    try {
      const { data } = await client.mutate({
        mutation: CREATE_ENDPOINT,
        variables: { input: { url: url.trim(), description: description.trim() || undefined, events } },
        fetchPolicy: 'no-cache',
        ...REFETCH_LIST,
      });
      if (!data) throw new FormProblem('ReferLoop did not answer with the endpoint. Look for it in the list before adding it again.');
      onCreated({ secret: data.createWebhookEndpoint.secret, endpoint: data.createWebhookEndpoint.endpoint, rotated: false });
    } catch (error) {
      if (!placeRefusal(form, error)) throw error;
    }
  };
  return (
    <FormDialog
      title="Add an endpoint"
      submitLabel="Add endpoint"
      onClose={onClose}
      onSubmit={submit}
      intro="ReferLoop sends each chosen event about your clinic’s referrals to this address as it happens, signed with a secret you are shown next, once. The requests carry no patient data: your system reads the rest through the API."
    >
      {() => <EndpointFields form={form} />}
    </FormDialog>
  );
}

interface Props {
  endpoint: Endpoint;
  onClose: () => void;
}

/** Changes the address, the description or the events: only what changed is sent. */
export function EditEndpointDialog({ endpoint, onClose }: Props) {
  const form = useEndpointForm(endpoint);
  const [update] = useMutation(UPDATE_ENDPOINT);
  const submit = async () => {
    if (form.validate().hasErrors) return;
    const values = form.getValues();
    const url = values.url.trim();
    const description = values.description.trim();
    const eventsChanged = values.events.length !== endpoint.events.length || values.events.some((event) => !endpoint.events.includes(event));
    try {
      await update({
        variables: {
          input: {
            id: endpoint.id,
            ...(url !== endpoint.url ? { url } : {}),
            ...(description !== endpoint.description ? { description } : {}),
            ...(eventsChanged ? { events: values.events } : {}),
          },
        },
      });
    } catch (error) {
      if (!placeRefusal(form, error)) throw error;
      return;
    }
    notifications.show({ color: 'green', title: 'Endpoint saved', message: `${endpointName({ url, description })} receives what it shows now from the next event on.` });
    onClose();
  };
  return (
    <FormDialog title={`Edit ${endpointName(endpoint)}`} submitLabel="Save" onClose={onClose} onSubmit={submit} submitDisabled={!form.isDirty()}>
      {() => <EndpointFields form={form} />}
    </FormDialog>
  );
}

export function DisableDialog({ endpoint, onClose }: Props) {
  const [disable] = useMutation(DISABLE_ENDPOINT);
  const name = endpointName(endpoint);
  const submit = async () => {
    await disable({ variables: { input: { id: endpoint.id } } });
    notifications.show({ color: 'green', title: 'Endpoint disabled', message: `No events are sent to ${name} until it is enabled again.` });
    onClose();
  };
  return (
    <FormDialog
      title={`Disable ${name}?`}
      submitLabel="Disable"
      danger
      size="md"
      onClose={onClose}
      onSubmit={submit}
      intro="ReferLoop stops sending to it at once. Changes to referrals made while it is disabled are never sent to it, not even once it is enabled again: your system would catch up through the API. Deliveries already under way fail, and can be sent again after enabling it."
    />
  );
}

/**
 * Enables an endpoint again. Enabling forgets when it started failing, so the dialog offers to
 * send the failed events again from then, in the same step.
 */
export function EnableDialog({ endpoint, timeZone, onClose }: Props & { timeZone: string }) {
  const client = useApolloClient();
  const [enable] = useMutation(ENABLE_ENDPOINT);
  const failingSince = endpoint.failingSince;
  const [resend, setResend] = useState(failingSince !== null);
  const name = endpointName(endpoint);
  const submit = async () => {
    await enable({ variables: { input: { id: endpoint.id } } });
    notifications.show({ color: 'green', title: 'Endpoint enabled', message: `Events are sent to ${name} again from the next change on.` });
    onClose();
    if (!resend || !failingSince) return;
    try {
      // The dialog is closed by now: asked through the client, not a hook of the dialog.
      const { data } = await client.mutate({ mutation: RECOVER_ENDPOINT, variables: { input: { id: endpoint.id, since: failingSince } } });
      notifications.show({ color: 'green', title: 'Failed events sent again', message: sentAgain(data?.recoverWebhookEndpoint ?? 0) });
    } catch (error) {
      notifications.show({ color: 'red', title: 'The failed events were not sent again', message: `${describeError(error).message} Use “Send failed events again” from its actions.` });
    }
  };
  return (
    <FormDialog
      title={`Enable ${name}?`}
      submitLabel="Enable"
      size="md"
      onClose={onClose}
      onSubmit={submit}
      intro="ReferLoop sends to it again from the next change on. Changes made while it was disabled are not sent: your system catches up through the API."
    >
      {() =>
        failingSince ? (
          <Checkbox
            label={`Also send again the events whose delivery failed since ${formatDateTime(failingSince, timeZone)}`}
            description="When it started failing. Each keeps its webhook-id, so your system can ignore one it already has."
            checked={resend}
            onChange={(event) => setResend(event.currentTarget.checked)}
          />
        ) : null
      }
    </FormDialog>
  );
}

/** Deletes an endpoint with its deliveries and attempts; `onDeleted` once it is gone (its row goes with it). */
export function DeleteDialog({ endpoint, onClose, onDeleted }: Props & { onDeleted: () => void }) {
  const [remove] = useMutation(DELETE_ENDPOINT, {
    ...REFETCH_LIST,
    update: (cache) => {
      cache.evict({ id: cache.identify({ __typename: 'WebhookEndpoint', id: endpoint.id }) });
      cache.gc();
    },
  });
  const name = endpointName(endpoint);
  const submit = async () => {
    await remove({ variables: { input: { id: endpoint.id } } });
    notifications.show({ color: 'green', title: 'Endpoint deleted', message: `No more events are sent to ${endpoint.url}.` });
    onDeleted();
  };
  return (
    <FormDialog
      title={`Delete ${name}?`}
      submitLabel="Delete endpoint"
      danger
      size="md"
      onClose={onClose}
      onSubmit={submit}
      intro={`No more events are sent to ${endpoint.url}, and its attempts and any deliveries still due are deleted with it. This cannot be undone: to receive events there again, add it again, with a new secret.`}
    />
  );
}

/** A new secret, shown once by `onRotated`; the previous one signs too for 24 hours. */
export function RotateDialog({ endpoint, onClose, onRotated }: Props & { onRotated: (shown: ShownSecret) => void }) {
  const client = useApolloClient();
  const submit = async () => {
    const { data } = await client.mutate({ mutation: ROTATE_SECRET, variables: { input: { id: endpoint.id } }, fetchPolicy: 'no-cache', ...REFETCH_LIST });
    if (!data) throw new FormProblem('ReferLoop did not answer with the new secret. Rotate again to get one.');
    onRotated({ secret: data.rotateWebhookSecret.secret, endpoint: data.rotateWebhookSecret.endpoint, rotated: true });
  };
  return (
    <FormDialog
      title={`Rotate the signing secret of ${endpointName(endpoint)}?`}
      submitLabel="Rotate secret"
      size="md"
      onClose={onClose}
      onSubmit={submit}
      intro="A new secret is made and shown to you once. For the next 24 hours ReferLoop signs each request with both the new and the current secret, so your system can switch to the new one without missing an event; after that only the new one signs. Rotating again within those 24 hours stops the current secret at once."
    />
  );
}

/**
 * Sends again every event whose delivery failed since a time, in the clinic's zone (an outage
 * over): by default when the endpoint started failing, or a day ago when it is not failing.
 */
export function RecoverDialog({ endpoint, timeZone, onClose }: Props & { timeZone: string }) {
  const [recover] = useMutation(RECOVER_ENDPOINT);
  const [start] = useState(() => isoToZonedWallClock(defaultRecoverSince(endpoint, Date.now()), timeZone));
  const [date, setDate] = useState<string | null>(start.slice(0, 10));
  const [time, setTime] = useState(start.slice(11, 16));
  const name = endpointName(endpoint);
  const submit = async () => {
    if (!date || !/^\d{2}:\d{2}$/.test(time)) throw new FormProblem('Give the date and time to send the failed events from.');
    const since = zonedWallClockToIso(`${date} ${time}`, timeZone);
    if (Date.parse(since) > Date.now()) throw new FormProblem('Choose a time in the past: the events sent again are those that failed since then.');
    const { data } = await recover({ variables: { input: { id: endpoint.id, since } } });
    notifications.show({ color: 'green', title: 'Failed events sent again', message: sentAgain(data?.recoverWebhookEndpoint ?? 0) });
    onClose();
  };
  return (
    <FormDialog
      title={`Send failed events again to ${name}`}
      submitLabel="Send again"
      size="md"
      onClose={onClose}
      onSubmit={submit}
      intro="Every event whose delivery to it failed, from this time on, is sent again with a fresh round of attempts. Each keeps its webhook-id, so your system can ignore one it already has."
    >
      {(errorOf) => (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateField label="From (date)" required value={date} onChange={setDate} error={errorOf('input.since')} />
            <TimeInput label={`Time (${timeZone})`} required value={time} onChange={(event) => setTime(event.currentTarget.value)} />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {endpoint.failingSince
              ? `It started failing on ${formatDateTime(endpoint.failingSince, timeZone)}.`
              : 'It has not failed since its last delivery: this starts a day ago.'}
          </Text>
        </>
      )}
    </FormDialog>
  );
}
