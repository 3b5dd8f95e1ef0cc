import { expectGraphqlError } from './support/expectations';
import { uniqueEmail } from './support/fixtures';
import { NotificationRowView, notificationsOf, pollUntil, RETRY_NOTIFICATION, settledNotifications } from './support/notification-rows';
import { UPDATE_PATIENT } from './support/operations';
import { usePipeline } from './support/file-setup';
import { referralIn } from './support/world';

/**
 * An email goes to the recipient's address as it is when it is sent: a clinic that corrects a
 * mistyped address after a delivery failed gets the retry to the corrected one.
 */
describe('notifications use the address on record when they are sent', () => {
  const { smtp, world } = usePipeline({ env: { NOTIFICATION_ATTEMPTS: '2', NOTIFICATION_BACKOFF_MS: '50' } });

  it('a retry after the patient address was corrected goes to the corrected address, and the row records it', async () => {
    const oldAddress = world.patient.email;
    smtp.refuseWith = '550 no such mailbox (test)';
    const referral = await referralIn(world, 'SENT');
    const failed = await pollUntil(
      () => notificationsOf(world.coordinatorA.client, referral.id),
      (rows) => rows.length === 2 && rows.every((row) => row.status === 'FAILED'),
      'both rows FAILED',
    );
    smtp.refuseWith = null;
    const patientRow = failed.find((row) => row.recipientKind === 'PATIENT') as NotificationRowView;

    const corrected = uniqueEmail('corrected');
    await world.coordinatorA.client.ok(UPDATE_PATIENT, { input: { id: world.patient.id, email: corrected } });
    expectGraphqlError(await world.coordinatorA.client.request(RETRY_NOTIFICATION, { input: { id: patientRow.id } }), 'FORBIDDEN');
    await world.platformAdmin.ok(RETRY_NOTIFICATION, { input: { id: patientRow.id } });

    await smtp.waitFor((all) => all.some((mail) => mail.to.includes(corrected)), undefined, 'the retried email at the corrected address');
    expect(smtp.to(corrected)).toHaveLength(1);
    expect(smtp.to(oldAddress)).toHaveLength(0);
    const rows = await settledNotifications(world.coordinatorA.client, [referral.id]);
    expect(rows.find((row) => row.id === patientRow.id)).toMatchObject({ status: 'SENT', maskedAddress: `c•••${corrected.slice(corrected.indexOf('@'))}` });
  });
});
