import { Stack, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { describeError } from '../../api/errors';
import { fieldRefusal } from '../../api/field-refusal';
import { formPathOf } from '../../api/form-errors';
import type { WebhookEventType } from '../../gql/graphql';
import { EventPicker } from './event-picker';
import { descriptionRule, eventsRule, inCatalogueOrder, urlRefusalInWords, urlRule, type Endpoint } from './integrations-rules';

export interface EndpointValues {
  url: string;
  description: string;
  events: WebhookEventType[];
}

export type EndpointForm = UseFormReturnType<EndpointValues>;

const FIELDS = ['url', 'description', 'events'];

/** The form of an endpoint: empty for a new one, or the endpoint as last loaded. */
export function useEndpointForm(endpoint?: Endpoint): EndpointForm {
  return useForm<EndpointValues>({
    initialValues: endpoint ? { url: endpoint.url, description: endpoint.description, events: inCatalogueOrder(endpoint.events) } : { url: '', description: '', events: [] },
    validate: { url: urlRule, description: descriptionRule, events: eventsRule },
  });
}

/**
 * Shows the API's refusal of a field beside it (`input.url`: a private address, plain http where
 * only https is allowed); false when it names none of the form's fields, for the dialog to say.
 */
export function placeRefusal(form: EndpointForm, error: unknown): boolean {
  const refusal = fieldRefusal(describeError(error));
  const path = refusal && formPathOf(refusal.field, FIELDS);
  if (!refusal || !path) return false;
  form.setFieldError(path, path === 'url' ? urlRefusalInWords(refusal.message) : refusal.message);
  return true;
}

/** The address, what it is for, and the events it receives. */
export function EndpointFields({ form }: { form: EndpointForm }) {
  return (
    <Stack gap="md">
      <TextInput
        label="URL"
        description="Where ReferLoop sends each event, as an HTTPS POST: an address of your own system"
        placeholder="https://ehr.example.com/referloop/webhooks"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        required
        maxLength={2000}
        data-autofocus
        {...form.getInputProps('url')}
      />
      <TextInput
        label="Description"
        description="What it is for, for your clinic’s admins: “Practice EHR, production”"
        autoComplete="off"
        maxLength={500}
        {...form.getInputProps('description')}
      />
      <EventPicker value={form.values.events} onChange={(events) => form.setFieldValue('events', events)} error={typeof form.errors.events === 'string' ? form.errors.events : null} />
    </Stack>
  );
}
