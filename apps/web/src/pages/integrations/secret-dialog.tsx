import { Alert, Anchor, Button, Code, CopyButton, Group, Modal, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../lib/clinic-time';
import { endpointLabel, endpointName, type Endpoint } from './integrations-rules';

/**
 * A signing secret as the API answered it, with the endpoint it signs for. Held in the state of
 * whoever shows it, and nowhere else: the mutation that makes it is sent with fetchPolicy
 * 'no-cache' (so it never enters Apollo's cache), nothing writes it to web storage or an address,
 * and closing the dialog drops the last reference to it.
 */
export interface ShownSecret {
  secret: string;
  endpoint: Endpoint;
  /** Made by a rotation: the previous secret still signs for a while. */
  rotated: boolean;
}

interface Props extends ShownSecret {
  timeZone: string;
  onClose: () => void;
}

/**
 * The secret, shown this once, with a copy button, a warning that it is not shown again, and how a
 * receiver checks a request with it. Clicking beside the dialog does not close it (a stray tap
 * would lose the secret); Escape and the buttons do.
 */
export function SecretDialog({ secret, endpoint, rotated, timeZone, onClose }: Props) {
  const copyButton = useRef<HTMLButtonElement>(null);
  const name = endpointName(endpoint);
  // The dialog opens on the copy button (data-autofocus). The dialog that made the secret has just
  // closed and gives the focus back to its opener a frame later: taken back here after that, so a
  // keyboard user stays in this dialog.
  useEffect(() => {
    const frame = requestAnimationFrame(() => copyButton.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <Modal opened onClose={onClose} title={rotated ? `New signing secret for ${name}` : `Signing secret for ${name}`} size="lg" closeOnClickOutside={false}>
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Copy it now: it is not shown again">
          <Text size="sm">
            Put it where your system checks the requests, such as its secret store. ReferLoop keeps it encrypted and cannot show it again; if it is lost,
            rotate the secret to get a new one.
          </Text>
        </Alert>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Signing secret
          </Text>
          <Code block fz="sm" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {secret}
          </Code>
          <Group>
            <CopyButton value={secret} timeout={4000}>
              {({ copied, copy }) => (
                <Button
                  ref={copyButton}
                  data-autofocus
                  size="xs"
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy secret'}
                  <VisuallyHidden> of {endpointLabel(endpoint)}</VisuallyHidden>
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
        {rotated ? (
          <Text size="sm">
            {endpoint.previousSecretValidUntil ? `Until ${formatDateTime(endpoint.previousSecretValidUntil, timeZone)}` : 'For 24 hours'}, the previous secret signs
            each request too, so your system can switch to this one without missing an event.
          </Text>
        ) : null}
        <Text size="sm">
          Your system verifies each request with it using any Standard Webhooks library (<Code>standardwebhooks</Code> for JavaScript, Python, Go, Java,
          Ruby, PHP and more):{' '}
          <Anchor href="https://www.standardwebhooks.com/" target="_blank" rel="noreferrer">
            how to verify a request
          </Anchor>
          .
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>I have saved it</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
