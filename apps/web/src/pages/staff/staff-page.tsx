import { skipToken, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconLock, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PAGE_SIZE } from '../../components/paged-connection';
import { PagedList } from '../../components/paged-list';
import { useViewer, type Viewer } from '../../layout/viewer';
import { ClinicSettings } from './clinic-settings';
import { InviteDialog } from './invite-dialog';
import { CLINIC_LOOKUP } from '../onboarding/onboarding-queries';
import { clinicOf, NO_FILTER, StaffFilters, userFilterOf, type StaffFilterValues } from './staff-filters';
import { STAFF_LIST } from './staff-queries';
import { StaffRow } from './staff-row';
import { rolesFor } from './staff-rules';

/**
 * The people with an account: a clinic admin's clinic's, or every clinic's for a platform admin,
 * with invitations, role changes, disabling and enabling, who uses two-factor sign-in (reset for
 * someone who lost their phone), and (for a clinic admin) the clinic's two-factor rule. The API
 * lets admins only list accounts, so anyone else is told so plainly instead of meeting a refusal.
 */
export function StaffPage() {
  const viewer = useViewer();
  const [inviting, setInviting] = useState(false);
  const [filter, setFilter] = useState<StaffFilterValues>(NO_FILTER);
  // A clinic admin manages their own clinic's accounts; a platform admin every clinic's.
  const ownClinic = viewer.isClinicAdmin ? viewer.clinic : null;
  const manages = viewer.isPlatformAdmin || ownClinic !== null;
  const roles = rolesFor(viewer.isPlatformAdmin);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Staff
        </Title>
        {manages ? (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setInviting(true)}>
            Invite someone
          </Button>
        ) : null}
      </Group>
      {manages ? (
        <>
          <Text size="sm" c="dimmed">
            {ownClinic
              ? `Everyone with an account at ${ownClinic.name}. Invite someone, change what they may do, reset the two-factor sign-in of someone who lost their phone, or disable an account: a disabled person is signed out at once.`
              : 'Every account on ReferLoop, in every clinic. Narrow the list to one clinic with its id.'}
          </Text>
          <StaffFilters value={filter} onChange={setFilter} roles={roles} byClinic={viewer.isPlatformAdmin} />
          <StaffList viewer={viewer} filter={filter} clinicName={ownClinic?.name ?? null} />
          {ownClinic ? <ClinicSettings clinicId={ownClinic.id} /> : null}
          {inviting ? <InviteDialog roles={roles} clinic={ownClinic} clinicIdPrefill={clinicOf(filter) ?? ''} onClose={() => setInviting(false)} /> : null}
        </>
      ) : (
        <AdminsOnly />
      )}
    </Stack>
  );
}

function AdminsOnly() {
  return (
    <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title="Only admins manage accounts" role="note">
      <Text size="sm">
        Your clinic&apos;s admins invite people, change their roles and disable accounts. Ask one of them if someone needs an account, should do
        something else, or has left.
      </Text>
    </Alert>
  );
}

function StaffList({ viewer, filter, clinicName }: { viewer: Viewer; filter: StaffFilterValues; clinicName: string | null }) {
  const userFilter = userFilterOf(filter);
  const narrowed = Boolean(filter.status || filter.role);
  const query = useQuery(STAFF_LIST, {
    variables: { filter: userFilter, first: PAGE_SIZE },
    // An account changed elsewhere (another admin, an invitation accepted) shows when the list is opened again.
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const connection = query.data?.users;
  // A platform admin's chosen clinic, named as the clinic id field looked it up (never asked again here).
  const chosenClinic = clinicOf(filter);
  const chosen = useQuery(CLINIC_LOOKUP, chosenClinic ? { variables: { id: chosenClinic }, fetchPolicy: 'cache-only' } : skipToken).data?.clinic;
  const named = clinicName ?? chosen?.name;
  const title = narrowed ? 'Matching people' : named ? `Everyone at ${named}` : chosenClinic ? 'Everyone at this clinic' : 'Everyone on ReferLoop';

  return (
    <PagedList
      title={title}
      listLabel="Staff"
      intro={
        // A screen reader hears how many match as the filters narrow, without moving focus.
        <VisuallyHidden aria-live="polite">{connection && narrowed ? `${connection.totalCount.toLocaleString()} ${connection.totalCount === 1 ? 'person matches' : 'people match'}` : ''}</VisuallyHidden>
      }
      connection={connection}
      query={query}
      errorTitle="The staff could not be loaded"
      loadingLabel="Loading staff…"
      emptyTitle="No one matches"
      emptyText={narrowed ? 'Choose another status or role, or “All” and “Any role” to see everyone.' : 'Invite someone to give them an account.'}
      renderItem={(node) => <StaffRow key={node.id} member={node} viewerId={viewer.user.id} showClinic={viewer.isPlatformAdmin} timeZone={viewer.timeZone} />}
    />
  );
}
