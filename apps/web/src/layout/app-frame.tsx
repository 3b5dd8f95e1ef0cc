import { AppShell, Avatar, Box, Burger, Group, Menu, NavLink, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartBar, IconChevronDown, IconDeviceLaptop, IconDevices, IconKey, IconInbox, IconLogout, IconMailExclamation, IconPlus, IconBuildingHospital, IconShieldLock, IconUsers, IconUsersGroup, IconWebhook } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { signOut } from '../session/session';
import { roleLabel } from '../lib/labels';
import { useViewer, type Viewer } from './viewer';
import { Logo } from './logo';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  shown: (viewer: Viewer) => boolean;
}

const clinicStaff = (viewer: Viewer) => !viewer.isPlatformAdmin;

const NAV: NavItem[] = [
  { to: '/referrals', label: 'Referrals', icon: <IconInbox size={18} aria-hidden />, shown: clinicStaff },
  { to: '/referrals/new', label: 'New referral', icon: <IconPlus size={18} aria-hidden />, shown: clinicStaff },
  { to: '/patients', label: 'Patients', icon: <IconUsers size={18} aria-hidden />, shown: clinicStaff },
  { to: '/statistics', label: 'Statistics', icon: <IconChartBar size={18} aria-hidden />, shown: () => true },
  { to: '/notifications', label: 'Failed emails', icon: <IconMailExclamation size={18} aria-hidden />, shown: (v) => v.isPlatformAdmin || v.isClinicAdmin },
  { to: '/staff', label: 'Staff', icon: <IconUsersGroup size={18} aria-hidden />, shown: (v) => v.isPlatformAdmin || v.isClinicAdmin },
  { to: '/integrations', label: 'Integrations', icon: <IconWebhook size={18} aria-hidden />, shown: (v) => v.isClinicAdmin },
  { to: '/onboarding', label: 'Onboarding', icon: <IconBuildingHospital size={18} aria-hidden />, shown: (v) => v.isPlatformAdmin },
];

/** The frame of every signed-in page: header with who is signed in, navigation (a drawer on a phone), the page. */
export function AppFrame() {
  const viewer = useViewer();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const items = NAV.filter((item) => item.shown(viewer));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Logo />
          </Group>
          <UserMenu viewer={viewer} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={RouterLink}
            to={item.to}
            end={item.to === '/referrals'}
            label={item.label}
            leftSection={item.icon}
            active={item.to === '/referrals' ? location.pathname === '/referrals' || /^\/referrals\/(?!new)/.test(location.pathname) : location.pathname.startsWith(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function UserMenu({ viewer }: { viewer: Viewer }) {
  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>
        <UnstyledButton>
          <VisuallyHidden>Account: </VisuallyHidden>
          <Group gap={6} wrap="nowrap">
            {/* A phone has no room for a name beside the logo: the person's initials stand for it on screen. */}
            <Avatar name={viewer.user.displayName} variant="filled" color="blue" size={32} hiddenFrom="xs" aria-hidden />
            <VisuallyHidden hiddenFrom="xs">
              {viewer.user.displayName} {viewer.clinic?.name ?? roleLabel(viewer.user.role)}
            </VisuallyHidden>
            <Box style={{ textAlign: 'right', minWidth: 0 }} visibleFrom="xs">
              <Text size="sm" fw={600} truncate="end" maw={240}>
                {viewer.user.displayName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end" maw={240}>
                {viewer.clinic?.name ?? roleLabel(viewer.user.role)}
              </Text>
            </Box>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as</Menu.Label>
        <Menu.Item component="div" disabled style={{ cursor: 'default', opacity: 1 }}>
          <Text size="sm" fw={600}>{viewer.user.displayName}</Text>
          <Text size="xs" c="dimmed">{viewer.user.email}</Text>
          <Text size="xs" c="dimmed">
            {roleLabel(viewer.user.role)}
            {viewer.clinic ? ` · ${viewer.clinic.name}` : ''}
          </Text>
          <Text size="xs" c="dimmed">Times in {viewer.timeZone}</Text>
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item component={RouterLink} to="/account/sessions" leftSection={<IconDeviceLaptop size={16} aria-hidden />}>
          Where you are signed in
        </Menu.Item>
        <Menu.Item component={RouterLink} to="/account/password" leftSection={<IconKey size={16} aria-hidden />}>
          Change password
        </Menu.Item>
        <Menu.Item component={RouterLink} to="/account/two-factor" leftSection={<IconShieldLock size={16} aria-hidden />}>
          Two-factor sign-in
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
          Sign out
          <VisuallyHidden> of ReferLoop in this browser</VisuallyHidden>
        </Menu.Item>
        <Menu.Item leftSection={<IconDevices size={16} aria-hidden />} onClick={() => void signOut(true)}>
          Sign out on every device
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
