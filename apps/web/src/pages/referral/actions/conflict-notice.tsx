import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ReferralStatus } from '../../../gql/graphql';
import { STATUS_LABELS } from '../../../lib/labels';

/** What changed under the user: the status they saw and the one it has now. */
export interface Conflict {
  sawStatus: ReferralStatus;
  nowStatus: ReferralStatus;
  nowVersion: number;
}

/**
 * Says that the referral changed while its action dialog was open (a CONFLICT), and lets the user
 * act on the new version with the values they typed, or close.
 */
export function ConflictNotice({ conflict, onUseLatest }: { conflict: Conflict; onUseLatest: () => void }) {
  return (
    <Alert color="orange" title="This referral changed while you were looking" role="alert">
      <Stack gap="xs">
        <Text size="sm">
          {conflict.sawStatus === conflict.nowStatus
            ? `Someone else changed it (it is still ${STATUS_LABELS[conflict.nowStatus]}). The page now shows the latest version.`
            : `It was ${STATUS_LABELS[conflict.sawStatus]} and is now ${STATUS_LABELS[conflict.nowStatus]}.`}{' '}
          Check the page behind this dialog, then apply your change to the new version, or close.
        </Text>
        <Group>
          <Button size="xs" color="orange" onClick={onUseLatest}>
            Use the latest version
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
