import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  /** "Clinic Sunrise Physio created". */
  title: string;
  id: string;
  /** What the id is for, and a next step. */
  children?: ReactNode;
}

/** Success, with the created id (ids are what the other forms ask for) and a way to copy it. */
export function CreatedNotice({ title, id, children }: Props) {
  return (
    <Alert color="green" variant="light" icon={<IconCheck aria-hidden />} title={title} role="status">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text size="sm">Id:</Text>
          <Code style={{ wordBreak: 'break-all' }}>{id}</Code>
          <CopyButton value={id}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy id'}
              </Button>
            )}
          </CopyButton>
        </Group>
        {children}
      </Stack>
    </Alert>
  );
}
