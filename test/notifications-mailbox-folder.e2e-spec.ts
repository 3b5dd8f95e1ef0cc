import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningWorker } from '../apps/worker/src/bootstrap';
import { runReferralMutation } from './support/fixtures';
import { GraphqlClient } from './support/graphql-client';
import { TestApp } from './support/test-app';
import { startTestWorker } from './support/test-worker';
import { createDraft, startWorldApp, World } from './support/world';

const NOTIFICATIONS = `query ($id: ID!) { referral(id: $id) { notifications { id status recipientKind template } } }`;

interface NotificationView {
  id: string;
  status: string;
  recipientKind: string;
  template: string;
}

async function notificationsOf(client: GraphqlClient, id: string): Promise<NotificationView[]> {
  const data = await client.ok<{ referral: { notifications: NotificationView[] } }>(NOTIFICATIONS, { id });
  return data.referral.notifications;
}

/** Polls until every notification of the referral has left PENDING (bounded). */
async function settled(client: GraphqlClient, id: string, timeoutMs = 20_000): Promise<NotificationView[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await notificationsOf(client, id);
    if (rows.length > 0 && rows.every((row) => row.status !== 'PENDING')) return rows;
    if (Date.now() > deadline) throw new Error(`notifications still pending: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('without SMTP_URL, emails land as .eml files in the mailbox folder', () => {
  let app: TestApp;
  let worker: RunningWorker;
  let world: World;
  let mailDir: string;

  beforeAll(async () => {
    mailDir = await mkdtemp(join(tmpdir(), 'referloop-mailbox-'));
    ({ app, world } = await startWorldApp());
    worker = await startTestWorker(app.config, { MAIL_DIR: mailDir, SMTP_URL: '' });
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await rm(mailDir, { recursive: true, force: true });
  });

  it('writes one file per email, named after its Message-ID, with the recipient, subject and one-click unsubscribe', async () => {
    const draft = await createDraft(world);
    await runReferralMutation(world.coordinatorA.client, 'sendReferral', { id: draft.id });
    const rows = await settled(world.coordinatorA.client, draft.id);
    expect(rows.map((row) => `${row.recipientKind}:${row.status}`).sort()).toEqual(['PATIENT:SENT', 'PROVIDER:SENT']);

    const files = (await readdir(mailDir)).sort();
    expect(files).toHaveLength(2);
    for (const row of rows) {
      const file = files.find((name) => name.startsWith(`${row.id}@`));
      expect(file).toBeDefined();
      const raw = await readFile(join(mailDir, file as string), 'utf8');
      expect(raw).toMatch(new RegExp(`^Message-ID: <${row.id}@`, 'mi'));
      const to = row.recipientKind === 'PATIENT' ? world.patient.email : world.targetProvider.email;
      expect(raw).toMatch(new RegExp(`^To: ${to.replace(/[.+]/g, '\\$&')}`, 'mi'));
      if (row.recipientKind === 'PATIENT') {
        expect(raw).toMatch(/^List-Unsubscribe:\s+<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[^>]+>/mi);
        expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/mi);
      }
    }
  });
});
