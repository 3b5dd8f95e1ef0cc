import { Group, Text } from '@mantine/core';
import { Link } from 'react-router';

export function Logo() {
  return (
    <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }} aria-label="ReferLoop home">
      <Group gap={6} wrap="nowrap">
        <img src="/favicon.svg" width={24} height={24} alt="" />
        <Text fw={700} size="lg">
          ReferLoop
        </Text>
      </Group>
    </Link>
  );
}
