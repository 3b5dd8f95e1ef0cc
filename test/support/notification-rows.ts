import { GraphqlClient } from './graphql-client';
import { ReceivedEmail } from './smtp-sink';
import { pollUntil as pollUntilBounded } from './poll-until';

/**
 * Reading a referral's notification rows through GraphQL, and waiting on them by condition:
 * the notification tests use these to know a step is over before they count emails.
 */
export interface NotificationRowView {
  id: string;
  referralId: string;
  recipientKind: 'PATIENT' | 'PROVIDER' | 'REFERRER';
  maskedAddress: string | null;
  template: string;
  status: 'PENDING' | 'SENT' | 'FAILED' | 'SUPPRESSED' | 'SKIPPED';
  skipReason: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const NOTIFICATION_FIELDS = 'id referralId recipientKind maskedAddress template status skipReason attempts lastError createdAt sentAt';

export const REFERRAL_NOTIFICATIONS = `query referralNotifications($id: ID!) {
  referral(id: $id) { id notifications { ${NOTIFICATION_FIELDS} } }
}`;

export const FAILED_NOTIFICATIONS = `query failedNotifications($first: Int, $after: String) {
  failedNotifications(first: $first, after: $after) {
    totalCount
    edges { node { ${NOTIFICATION_FIELDS} } }
  }
}`;

export const RETRY_NOTIFICATION = `mutation retryNotification($input: RetryNotificationInput!) {
  retryNotification(input: $input) { ${NOTIFICATION_FIELDS} }
}`;

export async function notificationsOf(client: GraphqlClient, referralId: string): Promise<NotificationRowView[]> {
  const data = await client.ok<{ referral: { notifications: NotificationRowView[] } }>(REFERRAL_NOTIFICATIONS, { id: referralId });
  return data.referral.notifications;
}

/** pollUntil with this file's argument order: what to wait for, then the bound. */
export function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  return pollUntilBounded(read, done, { timeoutMs, what, intervalMs: 100 });
}

/** Waits until no notification row of these referrals is PENDING any more; returns every row. */
export async function settledNotifications(client: GraphqlClient, referralIds: readonly string[], timeoutMs?: number): Promise<NotificationRowView[]> {
  const rows = await pollUntil(
    async () => (await Promise.all(referralIds.map((id) => notificationsOf(client, id)))).flat(),
    (all) => all.every((row) => row.status !== 'PENDING'),
    `no PENDING notification on referral(s) ${referralIds.join(', ')}`,
    timeoutMs,
  );
  return rows;
}

/** The notification id in a Message-ID of the form <id@domain>, or null for any other shape. */
export function notificationIdOf(email: ReceivedEmail): string | null {
  const match = /^<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^<>@\s]+>$/.exec(email.messageId);
  return match ? match[1] : null;
}

/** The List-Unsubscribe URL and List-Unsubscribe-Post value as mailparser read them. */
export function listHeaders(email: ReceivedEmail): { unsubscribeUrl: string | null; unsubscribePost: string | null } {
  const list = email.headers.get('list') as { unsubscribe?: { url?: string }; 'unsubscribe-post'?: { name?: string } } | undefined;
  return { unsubscribeUrl: list?.unsubscribe?.url ?? null, unsubscribePost: list?.['unsubscribe-post']?.name ?? null };
}

/** j.smith@example.com → j•••@example.com, written here independently of the product's masking. */
export function expectedMask(address: string): string {
  return `${address[0]}\u2022\u2022\u2022${address.slice(address.lastIndexOf('@'))}`;
}
