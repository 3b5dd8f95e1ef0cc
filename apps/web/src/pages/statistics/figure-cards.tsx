import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { Figure } from './figures';

/** The key figures at a glance. The table below repeats them with the rest. */
export function FigureCards({ figures }: { figures: Figure[] }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" component="ul" p={0} m={0} aria-label="Key figures">
      {figures
        .filter((figure) => figure.card)
        .map((figure) => (
          <Paper key={figure.key} withBorder p="md" component="li" style={{ listStyle: 'none' }}>
            <Text size="sm" c="dimmed" fw={500}>
              {figure.label}
            </Text>
            <Text fz={28} fw={700} lh={1.2}>
              {figure.value}
            </Text>
            <Text size="xs" c="dimmed">
              {figure.detail}
            </Text>
          </Paper>
        ))}
    </SimpleGrid>
  );
}
