import { Checkbox, Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { WebhookEventType } from '../../gql/graphql';
import { EVENT_AREAS, EVENT_LABELS, inCatalogueOrder, REFERRAL_EVENTS, wireName } from './integrations-rules';

interface Props {
  value: readonly WebhookEventType[];
  onChange: (events: WebhookEventType[]) => void;
  error?: string | null;
}

/**
 * The events an endpoint receives: one checkbox group per part of a referral's life (Mantine's
 * Checkbox.Group, a labelled group a screen reader announces), each event in words with its name
 * on the wire under it, and "All referral events" as a shortcut that shows, half ticked, when
 * some are chosen. An error (none chosen) is said under the groups and tied to the fieldset.
 */
export function EventPicker({ value, onChange, error }: Props) {
  const errorId = useId();
  const chosenReferral = REFERRAL_EVENTS.filter((event) => value.includes(event)).length;
  const allReferral = chosenReferral === REFERRAL_EVENTS.length;

  const setArea = (areaEvents: readonly WebhookEventType[], chosen: string[]) =>
    onChange(inCatalogueOrder([...value.filter((event) => !areaEvents.includes(event)), ...(chosen as WebhookEventType[])]));

  return (
    <Fieldset
      legend={
        <Text size="sm" fw={600} span>
          Events it receives
          <Text span c="red.8" aria-hidden>
            {' '}
            *
          </Text>
        </Text>
      }
      variant="unstyled"
      aria-describedby={error ? errorId : undefined}
    >
      <Stack gap="sm">
        <Checkbox
          label="All referral events"
          description="Every change to a referral, from its writing to the closed loop (not failed emails)"
          checked={allReferral}
          indeterminate={chosenReferral > 0 && !allReferral}
          onChange={(event) => onChange(inCatalogueOrder(event.currentTarget.checked ? [...value, ...REFERRAL_EVENTS] : value.filter((chosen) => !REFERRAL_EVENTS.includes(chosen))))}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          {EVENT_AREAS.map((area) => {
            const chosen = value.filter((event) => area.events.includes(event));
            return (
              <Checkbox.Group
                key={area.key}
                label={`${area.label} (${chosen.length} of ${area.events.length})`}
                value={chosen}
                onChange={(next) => setArea(area.events, next)}
              >
                <Stack gap={6} mt={6}>
                  {area.events.map((event) => (
                    <Checkbox key={event} value={event} label={EVENT_LABELS[event]} description={wireName(event)} styles={{ description: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
                  ))}
                </Stack>
              </Checkbox.Group>
            );
          })}
        </SimpleGrid>
        {error ? (
          <Text c="red.8" size="sm" id={errorId}>
            {error}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
