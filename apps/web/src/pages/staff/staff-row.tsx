import { useMutation } from '@apollo/client/react';
import { Badge, Button, Group, Menu, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconMailForward, IconMailX, IconShieldOff, IconUserCheck, IconUserCog, IconUserOff } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { describeError } from '../../api/errors';
import { formatDateTime } from '../../lib/clinic-time';
import { ROLE_LABELS } from '../../lib/labels';
import { ChangeRoleDialog, DisableDialog, EnableDialog, ResetTwoFactorDialog, WithdrawDialog } from './staff-dialogs';
import { RESEND_INVITATION, STAFF_LIST } from './staff-queries';
import { actionsFor, USER_STATUS_COLORS, USER_STATUS_LABELS, type StaffAction, type StaffMember } from './staff-rules';

interface Props {
  member: StaffMember;
  viewerId: string;
  /** Platform admins see every clinic's accounts: each row names its clinic. */
  showClinic: boolean;
  timeZone: string;
}

type DialogAction = Exclude<StaffAction, 'resend'>;

const MENU_ITEMS: Record<StaffAction, { label: string; icon: ReactNode; danger?: boolean }> = {
  resend: { label: 'Re-send invitation', icon: <IconMailForward size={16} aria-hidden /> },
  withdraw: { label: 'Withdraw invitation', icon: <IconMailX size={16} aria-hidden />, danger: true },
  changeRole: { label: 'Change role', icon: <IconUserCog size={16} aria-hidden /> },
  resetTwoFactor: { label: 'Reset two-factor', icon: <IconShieldOff size={16} aria-hidden />, danger: true },
  disable: { label: 'Disable', icon: <IconUserOff size={16} aria-hidden />, danger: true },
  enable: { label: 'Enable', icon: <IconUserCheck size={16} aria-hidden /> },
};

/** One account: who, their role and status, and what an admin can do with it. Wraps on a phone. */
export function StaffRow({ member, viewerId, showClinic, timeZone }: Props) {
  const self = member.id === viewerId;
  const actions = actionsFor(member, viewerId);
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [resend, { loading: resending }] = useMutation(RESEND_INVITATION, { refetchQueries: [STAFF_LIST] });
  const actionsButton = useRef<HTMLButtonElement>(null);

  const closeDialog = () => {
    setDialog(null);
    // The dialog was opened from the menu, which is gone: the keyboard carries on from the row's button.
    requestAnimationFrame(() => actionsButton.current?.focus());
  };

  const onAction = async (action: StaffAction) => {
    setFailure(null);
    if (action !== 'resend') {
      setDialog(action);
      return;
    }
    try {
      await resend({ variables: { input: { userId: member.id } } });
      notifications.show({ color: 'green', title: 'Invitation sent again', message: `A new invitation is on its way to ${member.email}; the link in the earlier one no longer works.` });
    } catch (error) {
      setFailure(`Could not re-send the invitation: ${describeError(error).message}`);
    }
  };

  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {member.displayName}
            </Text>
            {self ? (
              <Badge variant="outline" color="gray" radius="sm">
                You
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {member.email}
          </Text>
          <Text size="sm" c="dimmed">
            {ROLE_LABELS[member.role]}
            {showClinic && member.clinic ? ` at ${member.clinic.name}` : ''} · {member.status === 'INVITED' ? 'invited' : 'added'} {formatDateTime(member.createdAt, timeZone)}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {/* On a narrow phone the badges go one under the other, aligned on their left edge, and the button keeps its width. */}
          <Group gap="xs" wrap="wrap" justify="flex-start">
            <Badge color={USER_STATUS_COLORS[member.status]} variant="light" radius="sm">
              {USER_STATUS_LABELS[member.status]}
            </Badge>
            <TwoFactorBadge enabled={member.twoFactorEnabled} />
          </Group>
          {actions.length > 0 ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button ref={actionsButton} size="xs" variant="default" rightSection={<IconChevronDown size={14} aria-hidden />} loading={resending} style={{ flexShrink: 0 }}>
                  Actions
                  <VisuallyHidden>
                    {' '}
                    for {member.displayName} ({member.email})
                  </VisuallyHidden>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {actions.map((action) => (
                  <Menu.Item key={action} leftSection={MENU_ITEMS[action].icon} color={MENU_ITEMS[action].danger ? 'red' : undefined} onClick={() => void onAction(action)}>
                    {MENU_ITEMS[action].label}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
      </Group>
      {failure ? (
        <Text c="red.8" size="sm" role="alert" mt={4}>
          {failure}
        </Text>
      ) : null}
      {dialog === 'withdraw' ? <WithdrawDialog member={member} onClose={closeDialog} /> : null}
      {dialog === 'changeRole' ? <ChangeRoleDialog member={member} self={self} onClose={closeDialog} /> : null}
      {dialog === 'disable' ? <DisableDialog member={member} onClose={closeDialog} /> : null}
      {dialog === 'enable' ? <EnableDialog member={member} onClose={closeDialog} /> : null}
      {dialog === 'resetTwoFactor' ? <ResetTwoFactorDialog member={member} onClose={closeDialog} /> : null}
    </Paper>
  );
}

/**
 * Whether the account signs in with an authenticator app, so an admin sees who is still to set it
 * up. The API tells only the admins who manage the account (null to anyone else): nothing then.
 * A dot badge, not a tinted one: it reads apart from the status, and teal text on a teal tint
 * falls short of AA contrast under a dialog's overlay.
 */
function TwoFactorBadge({ enabled }: { enabled: boolean | null }) {
  if (enabled === null) return null;
  return (
    <Badge color={enabled ? 'teal' : 'gray'} variant="dot" radius="sm">
      {enabled ? 'Two-factor on' : 'Two-factor off'}
    </Badge>
  );
}
