import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { PAGE_SIZE } from '../../components/paged-connection';
import { PagedList } from '../../components/paged-list';
import { useViewer } from '../../layout/viewer';
import { AddEndpointDialog } from './endpoint-dialogs';
import { EndpointRow } from './endpoint-row';
import { ENDPOINT_LIST } from './integrations-queries';
import { appendEndpoints, pagedQuery } from './paging';
import { SecretDialog, type ShownSecret } from './secret-dialog';

/**
 * A clinic admin's webhook endpoints: where the clinic's own systems hear of every change to its
 * referrals, signed (docs/webhooks.md). Adding one shows its secret once; each can be edited,
 * disabled and enabled, deleted, given a new secret, and have its failed events sent again, and
 * its attempts are listed. The API lets admins only manage them, so anyone else is told so
 * plainly, without asking it; platform admins manage any clinic's through the API.
 */
export function IntegrationsPage() {
  const viewer = useViewer();
  const clinic = viewer.isClinicAdmin ? viewer.clinic : null;
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<ShownSecret | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAdd = () => requestAnimationFrame(() => addButton.current?.focus());

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Integrations
        </Title>
        {clinic ? (
          <Button ref={addButton} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            Add an endpoint
          </Button>
        ) : null}
      </Group>
      {clinic ? (
        <>
          <Text size="sm" c="dimmed">
            Webhooks send each change to the referrals of {clinic.name} to your own systems as it happens, signed so they can tell it came from ReferLoop.
            The requests carry no patient data: your system reads the rest through the API.
          </Text>
          <EndpointList timeZone={viewer.timeZone} onDeleted={focusAdd} />
          {adding ? (
            <AddEndpointDialog
              onClose={() => setAdding(false)}
              onCreated={(shown) => {
                setAdding(false);
                setCreated(shown);
              }}
            />
          ) : null}
          {created ? (
            <SecretDialog
              {...created}
              timeZone={viewer.timeZone}
              onClose={() => {
                // The last reference to the secret goes with the dialog.
                setCreated(null);
                focusAdd();
              }}
            />
          ) : null}
        </>
      ) : (
        <AdminsOnly platformAdmin={viewer.isPlatformAdmin} />
      )}
    </Stack>
  );
}

function AdminsOnly({ platformAdmin }: { platformAdmin: boolean }) {
  return (
    <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title="Only admins manage integrations" role="note">
      <Text size="sm">
        {platformAdmin
          ? 'A clinic’s own admins add its webhook endpoints here, for their clinic. Platform admins manage any clinic’s through the API (webhookEndpoints and createWebhookEndpoint with the clinic’s id).'
          : 'Your clinic’s admins connect its own systems, such as an EHR, to ReferLoop here. Ask one of them if a system should hear of your referrals, or no longer should.'}
      </Text>
    </Alert>
  );
}

function EndpointList({ timeZone, onDeleted }: { timeZone: string; onDeleted: () => void }) {
  const query = useQuery(ENDPOINT_LIST, {
    variables: { first: PAGE_SIZE },
    // An endpoint disabled by ReferLoop meanwhile (a 410, days of failures) shows when the page is opened again.
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const connection = query.data?.webhookEndpoints;

  return (
    <PagedList
      title="Endpoints"
      listLabel="Webhook endpoints"
      connection={connection}
      query={pagedQuery(query, appendEndpoints)}
      errorTitle="The endpoints could not be loaded"
      loadingLabel="Loading the endpoints…"
      emptyTitle="No endpoints yet"
      emptyText="Webhooks tell your own systems, such as an EHR or a practice-management system, of every change to your clinic’s referrals as it happens, so they need not keep asking."
      renderItem={(endpoint) => <EndpointRow key={endpoint.id} endpoint={endpoint} timeZone={timeZone} onDeleted={onDeleted} />}
    />
  );
}
