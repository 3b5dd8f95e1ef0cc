import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import type { ReferralPriority, ReferralStatus } from '../gql/graphql';
import { dueState, formatDateTime, relativeToNow } from '../lib/clinic-time';
import { STATUS_COLORS, STATUS_LABELS } from '../lib/labels';

export function StatusBadge({ status }: { status: ReferralStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: ReferralPriority }) {
  if (priority !== 'URGENT') return null;
  return (
    <Badge color="red" variant="filled" radius="sm" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
      Urgent
    </Badge>
  );
}

/**
 * The statuses in which a referral waits for the receiver's answer: its due time matters only
 * then (on hold the clock is paused and the due time moves when it resumes).
 */
export const AWAITING_ANSWER: ReadonlySet<ReferralStatus> = new Set(['SENT']);

/** Overdue and due-soon marks while an answer is awaited; nothing for a due time far ahead. The full time is in the title for hover. */
export function DueBadge({ dueAt, status, now, timeZone }: { dueAt: string | null | undefined; status: ReferralStatus; now: number; timeZone: string }) {
  if (!dueAt || !AWAITING_ANSWER.has(status)) return null;
  const state = dueState(dueAt, now);
  if (state === 'due-later') return null;
  const overdue = state === 'overdue';
  return (
    <Badge color={overdue ? 'red' : 'orange'} variant="outline" radius="sm" leftSection={<IconClock size={12} aria-hidden />} title={`Due ${formatDateTime(dueAt, timeZone)}`}>
      {overdue ? `Overdue, due ${relativeToNow(dueAt, now)}` : `Due ${relativeToNow(dueAt, now)}`}
    </Badge>
  );
}
