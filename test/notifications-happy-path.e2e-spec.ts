import { RunningWorker } from '../apps/worker/src/bootstrap';
import { SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { startTestWorker } from './support/test-worker';
import { referralIn, World, buildWorld } from './support/world';

describe('notification pipeline: the happy path delivers each email once', () => {
  let app: TestApp;
  let worker: RunningWorker;
  let smtp: SmtpSink;
  let world: World;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    app = await startTestApp();
    worker = await startTestWorker(app.config, { SMTP_URL: smtp.url });
    world = await buildWorld(app.anonymous);
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await smtp?.close();
  });

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
