import { usePipeline } from './support/file-setup';
import { referralIn } from './support/world';

describe('notification pipeline: the happy path delivers each email once', () => {
  const { smtp, world } = usePipeline();

  it('sends the provider and the patient an email when a referral is sent, and the referrer when it is accepted', async () => {
    await referralIn(world, 'ACCEPTED');
    await smtp.waitForCount(4);
    const byRecipient = smtp.received.map((mail) => `${mail.to.join(',')}|${mail.subject}`).sort();
    expect(byRecipient).toHaveLength(4);
    expect(smtp.to(world.targetProvider.email)).toHaveLength(1);
    expect(smtp.to(world.patient.email)).toHaveLength(2);
    expect(smtp.to(world.coordinatorA.email)).toHaveLength(1);
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(4);
  });
});
