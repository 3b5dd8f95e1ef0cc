import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { FormDialog } from '../../components/form-dialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import type { MySessionsQuery } from '../../gql/graphql';
import { useViewer } from '../../layout/viewer';
import { formatDateTime, relativeToNow } from '../../lib/clinic-time';
import { useNow } from '../../lib/use-now';

const MY_SESSIONS = graphql(`
  query MySessions {
    mySessions {
      id
      device
      ipAddress
      createdAt
      lastUsedAt
      current
    }
  }
`);

const REVOKE_SESSION = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

type Session = MySessionsQuery['mySessions'][number];

/**
 * Where the user is signed in: each browser session, most recently used first, this one marked.
 * Signing out another one (a lost tablet, a shared computer) ends it at once: its next request
 * is refused and it shows the sign-in page.
 */
export function SessionsPage() {
  const viewer = useViewer();
  const now = useNow();
  const query = useQuery(MY_SESSIONS, { fetchPolicy: 'cache-and-network' });
  const [ending, setEnding] = useState<Session | null>(null);
  const sessions = query.data?.mySessions;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Where you are signed in
      </Title>
      <Text size="sm" c="dimmed">
        Every browser and device signed in as you, the most recently used first. Sign out one you no longer use; to end them all, use
        &ldquo;Sign out on every device&rdquo; in your account menu.
      </Text>
      {query.error && !sessions ? <ErrorState title="Your sessions could not be loaded" error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!sessions && query.loading ? <LoadingState label="Loading your sessions…" /> : null}
      {sessions?.length === 0 ? <EmptyState title="No browser sessions">You are signed in with an API token, which is not a session.</EmptyState> : null}
      {sessions && sessions.length > 0 ? (
        <Stack gap="xs" component="ul" p={0} m={0} aria-label="Your sessions">
          {sessions.map((session) => (
            <Paper key={session.id} withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600}>{session.device}</Text>
                    {session.current ? <Badge variant="light">This browser</Badge> : null}
                  </Group>
                  <Text size="sm" c="dimmed">
                    Last active {relativeToNow(session.lastUsedAt, now)} · signed in {formatDateTime(session.createdAt, viewer.timeZone)}
                    {session.ipAddress ? ` · from ${session.ipAddress}` : ''}
                  </Text>
                </Stack>
                {session.current ? null : (
                  <Button size="xs" variant="default" color="red" onClick={() => setEnding(session)}>
                    Sign out<VisuallyHidden> {session.device}, last active {relativeToNow(session.lastUsedAt, now)}</VisuallyHidden>
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : null}
      {ending ? <SignOutDialog session={ending} onClose={() => setEnding(null)} onDone={() => void query.refetch()} /> : null}
    </Stack>
  );
}

function SignOutDialog({ session, onClose, onDone }: { session: Session; onClose: () => void; onDone: () => void }) {
  const [revoke] = useMutation(REVOKE_SESSION);
  return (
    <FormDialog
      title={`Sign out ${session.device}?`}
      submitLabel="Sign out"
      danger
      intro="That browser is signed out at once: its next request is refused, and it shows the sign-in page."
      onClose={onClose}
      onSubmit={async () => {
        await revoke({ variables: { id: session.id } });
        onDone();
        onClose();
      }}
    />
  );
}
