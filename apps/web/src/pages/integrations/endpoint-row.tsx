import { Badge, Button, Code, Group, List, Menu, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconHistory, IconKey, IconPencil, IconPlayerPause, IconPlayerPlay, IconSend, IconTrash } from '@tabler/icons-react';
import { useId, useRef, useState, type ReactNode } from 'react';
import { formatDateTime } from '../../lib/clinic-time';
import { AttemptsDialog } from './attempts-dialog';
import { DeleteDialog, DisableDialog, EditEndpointDialog, EnableDialog, RecoverDialog, RotateDialog } from './endpoint-dialogs';
import { actionsFor, endpointLabel, endpointName, endpointState, EVENT_LABELS, eventCount, inCatalogueOrder, wireName, type Endpoint, type EndpointAction } from './integrations-rules';
import { SecretDialog, type ShownSecret } from './secret-dialog';

interface Props {
  endpoint: Endpoint;
  timeZone: string;
  /** After it is deleted: its row is gone, and the page takes the focus. */
  onDeleted: () => void;
}

const MENU_ITEMS: Record<EndpointAction, { label: string; icon: ReactNode; danger?: boolean }> = {
  edit: { label: 'Edit', icon: <IconPencil size={16} aria-hidden /> },
  recover: { label: 'Send failed events again', icon: <IconSend size={16} aria-hidden /> },
  rotate: { label: 'Rotate secret', icon: <IconKey size={16} aria-hidden /> },
  disable: { label: 'Disable', icon: <IconPlayerPause size={16} aria-hidden />, danger: true },
  enable: { label: 'Enable', icon: <IconPlayerPlay size={16} aria-hidden /> },
  delete: { label: 'Delete', icon: <IconTrash size={16} aria-hidden />, danger: true },
};

/**
 * One endpoint: what it is for and where, the events it receives (their names on request),
 * whether events are sent and if not why, and what an admin can do with it. Wraps on a phone.
 */
export function EndpointRow({ endpoint, timeZone, onDeleted }: Props) {
  const [dialog, setDialog] = useState<EndpointAction | 'attempts' | null>(null);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const actionsButton = useRef<HTMLButtonElement>(null);
  const state = endpointState(endpoint, timeZone);
  const name = endpointName(endpoint);
  const label = endpointLabel(endpoint);

  const backToActions = () => requestAnimationFrame(() => actionsButton.current?.focus());
  const closeDialog = () => {
    setDialog(null);
    // The dialog was opened from the menu, which is gone: the keyboard carries on from the row's button.
    backToActions();
  };

  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 18rem' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Text>
          {endpoint.description.trim() ? (
            <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {endpoint.url}
            </Text>
          ) : null}
          <EventsSummary endpoint={endpoint} />
          {state.detail ? <Text size="sm">{state.detail}</Text> : null}
          {endpoint.previousSecretValidUntil ? (
            <Text size="sm" c="dimmed">
              The previous secret signs too until {formatDateTime(endpoint.previousSecretValidUntil, timeZone)}.
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            Added {formatDateTime(endpoint.createdAt, timeZone)}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap" align="center">
          <Badge color={state.color} variant="light" radius="sm">
            {state.label}
          </Badge>
          <Button size="xs" variant="default" leftSection={<IconHistory size={14} aria-hidden />} onClick={() => setDialog('attempts')} style={{ flexShrink: 0 }}>
            Attempts
            <VisuallyHidden> to deliver to {label}</VisuallyHidden>
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button ref={actionsButton} size="xs" variant="default" rightSection={<IconChevronDown size={14} aria-hidden />} style={{ flexShrink: 0 }}>
                Actions
                <VisuallyHidden> for {label}</VisuallyHidden>
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {actionsFor(endpoint).map((action) => (
                <Menu.Item key={action} leftSection={MENU_ITEMS[action].icon} color={MENU_ITEMS[action].danger ? 'red' : undefined} onClick={() => setDialog(action)}>
                  {MENU_ITEMS[action].label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {dialog === 'attempts' ? <AttemptsDialog endpoint={endpoint} timeZone={timeZone} onClose={() => setDialog(null)} /> : null}
      {dialog === 'edit' ? <EditEndpointDialog endpoint={endpoint} onClose={closeDialog} /> : null}
      {dialog === 'recover' ? <RecoverDialog endpoint={endpoint} timeZone={timeZone} onClose={closeDialog} /> : null}
      {dialog === 'disable' ? <DisableDialog endpoint={endpoint} onClose={closeDialog} /> : null}
      {dialog === 'enable' ? <EnableDialog endpoint={endpoint} timeZone={timeZone} onClose={closeDialog} /> : null}
      {dialog === 'delete' ? (
        <DeleteDialog
          endpoint={endpoint}
          onClose={closeDialog}
          onDeleted={() => {
            setDialog(null);
            onDeleted();
          }}
        />
      ) : null}
      {dialog === 'rotate' ? (
        <RotateDialog
          endpoint={endpoint}
          onClose={closeDialog}
          onRotated={(next) => {
            setDialog(null);
            setShown(next);
          }}
        />
      ) : null}
      {shown ? (
        <SecretDialog
          {...shown}
          timeZone={timeZone}
          onClose={() => {
            // The last reference to the secret goes with the dialog.
            setShown(null);
            backToActions();
          }}
        />
      ) : null}
    </Paper>
  );
}

/** "5 events", a button that lists them (words and wire names) under it, and hides them again. */
function EventsSummary({ endpoint }: { endpoint: Endpoint }) {
  const [open, { toggle }] = useDisclosure(false);
  const listId = useId();
  const events = inCatalogueOrder(endpoint.events);
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="wrap">
        <Text size="sm">Receives</Text>
        <Button
          // Not "subtle": its hover tint under the link colour falls short of AA contrast.
          variant="transparent"
          size="compact-sm"
          px={4}
          onClick={toggle}
          aria-expanded={open}
          aria-controls={listId}
          rightSection={<IconChevronDown size={14} aria-hidden style={{ transform: open ? 'rotate(180deg)' : undefined }} />}
        >
          {eventCount(events)}
          <VisuallyHidden> sent to {endpointLabel(endpoint)}</VisuallyHidden>
        </Button>
      </Group>
      {open ? (
        <List size="sm" id={listId} spacing={2} withPadding>
          {events.map((event) => (
            <List.Item key={event}>
              {EVENT_LABELS[event]} <Code fz="xs">{wireName(event)}</Code>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
