import { randomUUID } from 'node:crypto';
import { expectGraphqlError } from './support/expectations';
import { Referral } from './support/fixtures';
import { GraphqlClient } from './support/graphql-client';
import {
  expectedMask,
  FAILED_NOTIFICATIONS,
  notificationIdOf,
  notificationsOf,
  NotificationRowView,
  pollUntil,
  REFERRAL_NOTIFICATIONS,
  RETRY_NOTIFICATION,
  settledNotifications,
} from './support/notification-rows';
import { ReceivedEmail } from './support/smtp-sink';
import { usePipeline } from './support/file-setup';
import { referralIn } from './support/world';

/**
 * Retries back off exponentially from NOTIFICATION_BACKOFF_MS: 100, 200, ... 3200 ms for seven
 * attempts, so a row whose every attempt fails is FAILED about 6 s after it was written, and an
 * outage that ends within those 6 s is survived. The gateway enqueues the jobs, so it is the
 * gateway's setting that counts; the worker gets the same for the jobs its relay re-adds.
 */
const RETRY_SETTINGS = { NOTIFICATION_ATTEMPTS: '7', NOTIFICATION_BACKOFF_MS: '100' };
const ATTEMPTS = 7;
const RETRY_TEST_TIMEOUT_MS = 60_000;

const FAILED_PAGE = `query ($first: Int, $after: String) {
  failedNotifications(first: $first, after: $after) { edges { node { id } } pageInfo { endCursor hasNextPage } }
}`;

describe('notifications: who sees them, and delivery through SMTP failures', () => {
  const { smtp, world } = usePipeline({ env: RETRY_SETTINGS });

  const rowsOf = (referral: Referral) => notificationsOf(world.coordinatorA.client, referral.id);
  const emailsAbout = (rows: NotificationRowView[]): ReceivedEmail[] => {
    const ids = new Set(rows.map((row) => row.id));
    return smtp.received.filter((mail) => ids.has(notificationIdOf(mail) ?? ''));
  };
  /** One email per row, each carrying its row's id as Message-ID. */
  const expectEachDeliveredOnce = (rows: NotificationRowView[]) => {
    expect(emailsAbout(rows).map((mail) => notificationIdOf(mail)).sort()).toEqual(rows.map((row) => row.id).sort());
  };

  // First in the file: the sink goes down before any connection to it exists, so down() is prompt.
  it(
    'survives an SMTP outage: retries deliver every email exactly once when the server is back',
    async () => {
      await smtp.down();
      const referral = await referralIn(world, 'SENT');
      // Each row has failed at least once and is still waiting for another attempt.
      const failing = await pollUntil(
        () => rowsOf(referral),
        (rows) => rows.length === 2 && rows.every((row) => row.attempts >= 1 && row.lastError !== null),
        'a failed first attempt on both rows',
      );
      expect(failing.map((row) => row.status)).toEqual(['PENDING', 'PENDING']);
      expect(smtp.received).toHaveLength(0);

      await smtp.up();
      await smtp.waitForCount(2);
      const rows = await settledNotifications(world.coordinatorA.client, [referral.id]);
      expect(rows.map((row) => `${row.recipientKind} ${row.status}`).sort()).toEqual(['PATIENT SENT', 'PROVIDER SENT']);
      for (const row of rows) expect(row).toMatchObject({ attempts: expect.any(Number), lastError: null, sentAt: expect.any(String) });
      expect(rows.every((row) => row.attempts >= 2)).toBe(true);
      expectEachDeliveredOnce(rows);
      expect(smtp.to(world.targetProvider.email)).toHaveLength(1);
      expect(smtp.to(world.patient.email)).toHaveLength(1);
    },
    RETRY_TEST_TIMEOUT_MS,
  );

  describe('Referral.notifications', () => {
    let referral: Referral;
    let rows: NotificationRowView[];

    beforeAll(async () => {
      referral = await referralIn(world, 'ACCEPTED');
      rows = await settledNotifications(world.coordinatorA.client, [referral.id]);
    });

    it('shows both sides the same rows: who, masked address, template, status, attempts, when sent', async () => {
      const expected = [
        { recipientKind: 'PROVIDER', template: 'REFERRAL_SENT', address: world.targetProvider.email },
        { recipientKind: 'PATIENT', template: 'REFERRAL_SENT', address: world.patient.email },
        { recipientKind: 'REFERRER', template: 'REFERRAL_ACCEPTED', address: world.coordinatorA.email },
        { recipientKind: 'PATIENT', template: 'REFERRAL_ACCEPTED', address: world.patient.email },
      ];
      const byKind = (a: { template: string; recipientKind: string }, b: { template: string; recipientKind: string }) =>
        `${a.template} ${a.recipientKind}`.localeCompare(`${b.template} ${b.recipientKind}`);
      const shown = rows.map(({ recipientKind, template, maskedAddress, status, attempts, referralId }) => ({
        recipientKind,
        template,
        maskedAddress,
        status,
        attempts,
        referralId,
      }));
      const wanted = expected.map(({ recipientKind, template, address }) => ({
        recipientKind,
        template,
        maskedAddress: expectedMask(address),
        status: 'SENT',
        attempts: 1,
        referralId: referral.id,
      }));
      expect(shown.sort(byKind)).toEqual(wanted.sort(byKind));
      for (const row of rows) {
        expect(row.maskedAddress).toMatch(/^[a-z0-9]\u2022\u2022\u2022@referloop\.test$/);
        expect(Date.parse(row.sentAt as string)).toBeGreaterThanOrEqual(Date.parse(row.createdAt));
      }
      expectEachDeliveredOnce(rows);

      for (const viewer of [world.targetProvider.client, world.coordinatorB.client, world.adminA.client, world.platformAdmin]) {
        expect(await notificationsOf(viewer, referral.id)).toEqual(rows);
      }
    });

    it('is not there for a bystander clinic: the referral itself is NOT_FOUND', async () => {
      for (const bystander of [world.coordinatorC.client, world.unrelatedProvider.client]) {
        expectGraphqlError(await bystander.request(REFERRAL_NOTIFICATIONS, { id: referral.id }), 'NOT_FOUND');
      }
    });

    it('failedNotifications and retryNotification are FORBIDDEN to everyone but platform admins', async () => {
      const someRow = rows[0].id;
      const nonAdmins: GraphqlClient[] = [
        world.coordinatorA.client,
        world.adminA.client,
        world.referringProvider.client,
        world.targetProvider.client,
        world.adminB.client,
        world.coordinatorC.client,
      ];
      for (const client of nonAdmins) {
        expectGraphqlError(await client.request(FAILED_NOTIFICATIONS, { first: 10 }), 'FORBIDDEN');
        expectGraphqlError(await client.request(RETRY_NOTIFICATION, { input: { id: someRow } }), 'FORBIDDEN');
      }
      expectGraphqlError(await world.anonymous.request(FAILED_NOTIFICATIONS, { first: 10 }), 'UNAUTHENTICATED');
      expectGraphqlError(await world.anonymous.request(RETRY_NOTIFICATION, { input: { id: someRow } }), 'UNAUTHENTICATED');
    });
  });

  it(
    'past the last attempt rows end FAILED with their error; an admin retry sends each exactly once',
    async () => {
      const refusal = 'mailbox temporarily unavailable (test)';
      smtp.refuseWith = refusal;
      const referral = await referralIn(world, 'SENT');
      const failed = await pollUntil(
        () => rowsOf(referral),
        (rows) => rows.length === 2 && rows.every((row) => row.status !== 'PENDING'),
        'both rows to finish their attempts',
        RETRY_TEST_TIMEOUT_MS / 2,
      );
      smtp.refuseWith = null;
      for (const row of failed) {
        expect(row).toMatchObject({ status: 'FAILED', attempts: ATTEMPTS, sentAt: null, lastError: expect.stringContaining(refusal) });
      }
      expect(emailsAbout(failed)).toEqual([]);

      // The operator's list: newest first, with the error.
      const list = await world.platformAdmin.ok<{ failedNotifications: { totalCount: number; edges: { node: NotificationRowView }[] } }>(
        FAILED_NOTIFICATIONS,
        { first: 50 },
      );
      const listed = list.failedNotifications.edges.map((edge) => edge.node);
      expect(listed.map((row) => row.id).sort()).toEqual(failed.map((row) => row.id).sort());
      expect(list.failedNotifications.totalCount).toBe(2);
      for (const row of listed) expect(row).toMatchObject({ status: 'FAILED', referralId: referral.id, lastError: expect.stringContaining(refusal) });

      // One per page: the two rows were written by one statement and share their instant, and
      // paging must still reach both (the cursor holds milliseconds).
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { failedNotifications: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } =
          await world.platformAdmin.ok(FAILED_PAGE, { first: 1, after: cursor });
        paged.push(...page.failedNotifications.edges.map((edge) => edge.node.id));
        cursor = page.failedNotifications.pageInfo.hasNextPage ? page.failedNotifications.pageInfo.endCursor : null;
      } while (cursor !== null && paged.length < 5);
      expect(paged.sort()).toEqual(failed.map((row) => row.id).sort());

      // Refused to a non-admin, and the row is left as it was.
      expectGraphqlError(await world.coordinatorA.client.request(RETRY_NOTIFICATION, { input: { id: failed[0].id } }), 'FORBIDDEN');
      expect((await rowsOf(referral)).map((row) => row.status)).toEqual(['FAILED', 'FAILED']);

      for (const row of failed) {
        const retried = await world.platformAdmin.ok<{ retryNotification: NotificationRowView }>(RETRY_NOTIFICATION, { input: { id: row.id } });
        expect(retried.retryNotification).toMatchObject({ id: row.id, status: 'PENDING' });
      }
      await smtp.waitFor(() => emailsAbout(failed).length >= 2, undefined, 'the two retried emails');
      const sent = await settledNotifications(world.coordinatorA.client, [referral.id]);
      expect(sent.map((row) => row.status)).toEqual(['SENT', 'SENT']);
      for (const row of sent) expect(row).toMatchObject({ attempts: ATTEMPTS + 1, lastError: null, sentAt: expect.any(String) });
      expectEachDeliveredOnce(sent);

      const after = await world.platformAdmin.ok<{ failedNotifications: { totalCount: number } }>(FAILED_NOTIFICATIONS, { first: 50 });
      expect(after.failedNotifications.totalCount).toBe(0);

      // Only a FAILED row can be retried.
      expectGraphqlError(await world.platformAdmin.request(RETRY_NOTIFICATION, { input: { id: sent[0].id } }), 'INVALID_TRANSITION');
      expectGraphqlError(await world.platformAdmin.request(RETRY_NOTIFICATION, { input: { id: randomUUID() } }), 'NOT_FOUND');
      expectGraphqlError(await world.platformAdmin.request(RETRY_NOTIFICATION, { input: { id: 'not-an-id' } }), 'BAD_USER_INPUT');
      // Nothing was sent again by the refused retry.
      expectEachDeliveredOnce(await settledNotifications(world.coordinatorA.client, [referral.id]));
    },
    RETRY_TEST_TIMEOUT_MS,
  );
});
