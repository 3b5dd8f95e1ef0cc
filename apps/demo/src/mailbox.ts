import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseEml } from './eml';
import { GraphqlClient } from './graphql-client';
import { NOTIFICATIONS } from './operations';
import { Print } from './output';

export interface NotificationRow {
  id: string;
  recipientKind: string;
  template: string;
  status: string;
  createdAt: string;
  lastError: string | null;
}

export interface LandedEmail {
  notificationId: string;
  recipientKind: string;
  template: string;
  file: string;
  to: string;
  subject: string;
  /** The first lines of the text part. */
  preview: string[];
}

const POLL_INTERVAL_MS = 100;

/**
 * Re-reads the referrals' emails (Referral.notifications) until none is PENDING, and returns
 * them oldest first. The pause between reads only paces the polling: the rows' status is what
 * is waited on, and a deadline bounds the wait.
 */
export async function settledNotifications(client: GraphqlClient, referralIds: string[], timeoutMs: number): Promise<NotificationRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows: NotificationRow[] = [];
    for (const id of referralIds) {
      const { referral } = await client.run<{ referral: { notifications: NotificationRow[] } }>(NOTIFICATIONS, { id });
      rows.push(...referral.notifications);
    }
    const pending = rows.filter((row) => row.status === 'PENDING');
    if (pending.length === 0) return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (Date.now() >= deadline) {
      throw new Error(`${pending.length} email(s) still PENDING after ${timeoutMs} ms: ${pending.map((row) => `${row.template} to ${row.recipientKind}`).join(', ')}. Is the worker consuming?`);
    }
    await delay(POLL_INTERVAL_MS);
  }
}

/** Each sent email's file in the mailbox folder, named `<notification id>@<domain>.eml` by the worker. */
export async function readMailbox(mailDir: string, files: string[], rows: NotificationRow[], previewLines = 3): Promise<LandedEmail[]> {
  const emails: LandedEmail[] = [];
  for (const row of rows.filter((candidate) => candidate.status === 'SENT')) {
    const file = files.find((name) => name.startsWith(`${row.id}@`) && name.endsWith('.eml'));
    if (!file) throw new Error(`${row.template} to ${row.recipientKind} is SENT but no ${row.id}@….eml is in ${mailDir}`);
    const parsed = parseEml(await readFile(join(mailDir, file), 'utf8'));
    emails.push({
      notificationId: row.id,
      recipientKind: row.recipientKind,
      template: row.template,
      file,
      to: parsed.headers.get('to') ?? '',
      subject: parsed.headers.get('subject') ?? '',
      preview: parsed.text.split('\n').map((line) => line.trim()).filter((line) => line !== '').slice(0, previewLines),
    });
  }
  return emails;
}

/** Each email as a reader would skim it; then any that was not sent, and why. Returns those. */
export function printEmails(emails: LandedEmail[], rows: NotificationRow[], print: Print): NotificationRow[] {
  for (const email of emails) {
    print(`  To: ${email.to}  (${email.recipientKind.toLowerCase()}, ${email.template})`);
    print(`  Subject: ${email.subject}`);
    for (const line of email.preview) print(`  | ${line}`);
    print('');
  }
  const unsent = rows.filter((row) => row.status !== 'SENT');
  for (const row of unsent) print(`  not sent: ${row.template} to ${row.recipientKind.toLowerCase()}: ${row.status}${row.lastError ? ` (${row.lastError})` : ''}`);
  return unsent;
}
