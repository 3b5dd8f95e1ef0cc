import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Stack align="flex-start" maw={520}>
      <Title order={1} size="h2">Page not found</Title>
      <Text c="dimmed">There is nothing at this address. It may have been mistyped, or the link is old.</Text>
      <Button component={Link} to="/referrals">
        Go to referrals
      </Button>
    </Stack>
  );
}
