import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A link that does not work (any more), said in the server's words, with the way on. */
export function LinkProblem({ problem, children }: { problem: string; children?: ReactNode }) {
  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} role="alert">
        <Text size="sm">{problem}</Text>
      </Alert>
      {children}
      <Anchor component={Link} to="/referrals" size="sm">
        Go to sign in
      </Anchor>
    </Stack>
  );
}
