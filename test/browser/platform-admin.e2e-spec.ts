import type { Page } from 'playwright-core';
import { referralInput, runReferralMutation, uniqueEmail } from '../support/fixtures';
import { usePipeline } from '../support/file-setup';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';
import { newProfile, signedInProfile, useChromium } from '../support/chromium';
import { linkTokenIn, nthEmailTo } from '../support/account-links';
import { notificationsOf, pollUntil } from '../support/notification-rows';
import { choose } from './journey-steps';

/** Two attempts 100 ms apart: an email the SMTP server refuses is FAILED within a second or so. */
const RETRY_SETTINGS = { NOTIFICATION_ATTEMPTS: '2', NOTIFICATION_BACKOFF_MS: '100' };

/*
 * What the platform admin does in the web app: sends again an email whose every attempt failed
 * (the SMTP server refused it), and onboards a clinic and its first user through the forms, who
 * then signs in.
 */
describe('the platform admin pages in the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world, smtp } = usePipeline({ env: RETRY_SETTINGS });
  let admin: Page;

  beforeAll(async () => {
    admin = (await signedInProfile(chromium.browser, app.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD)).page;
  });

  it('retries a failed email from the Failed emails page, and it is delivered', async () => {
    smtp.refuseWith = 'mailbox unavailable (test)';
    const referral = await runReferralMutation(world.coordinatorA.client, 'createReferral', referralInput(world.patient.id, world.targetProvider.providerId, { send: true }));
    await pollUntil(
      () => notificationsOf(world.coordinatorA.client, referral.id),
      (rows) => rows.length === 2 && rows.every((row) => row.status === 'FAILED'),
      'both emails about the referral to fail',
    );
    smtp.refuseWith = null;

    await admin.goto('/notifications');
    await admin.getByRole('heading', { level: 1, name: 'Failed emails' }).waitFor();
    await admin.getByRole('heading', { level: 2, name: /^Every attempt failed\s*2$/ }).waitFor();
    const row = admin.getByRole('list', { name: 'Failed emails' }).getByRole('listitem').filter({ hasText: 'To Receiving provider' });
    await row.getByText('Referral sent', { exact: true }).waitFor();
    await row.getByText(/mailbox unavailable \(test\)/).waitFor();
    await row.getByText('2 attempts').waitFor();

    await row.getByRole('button', { name: /^Retry “Referral sent” to Receiving provider/ }).click();
    await admin.getByText('Email queued again').first().waitFor();
    await row.getByRole('button', { name: /^Queued again/ }).waitFor();
    expect(await row.getByRole('button', { name: /^Queued again/ }).isDisabled()).toBe(true);
    await smtp.waitFor((all) => all.some((mail) => mail.to.includes(world.targetProvider.email)), 20_000, 'the retried email to the provider');

    // Only the email not retried is left on the list.
    await admin.getByRole('button', { name: 'Refresh' }).click();
    await admin.getByRole('heading', { level: 2, name: /^Every attempt failed\s*1$/ }).waitFor();
    await admin.getByRole('list', { name: 'Failed emails' }).getByRole('listitem').filter({ hasText: 'To Patient' }).waitFor();
    expect(smtp.to(world.patient.email)).toEqual([]);
  });

  it('onboards a clinic and its first user, who can then sign in', async () => {
    const clinicName = `Lakeside Physio ${Date.now().toString(36)}`;
    const userEmail = uniqueEmail('new.coordinator');
    const password = 'a-long-enough-password-42';

    await admin.goto('/onboarding');
    await admin.getByRole('heading', { level: 1, name: 'Onboarding' }).waitFor();
    await admin.getByRole('textbox', { name: 'Name', exact: true }).fill(clinicName);
    await admin.getByRole('combobox', { name: 'Time zone' }).fill('Chicago');
    await admin.getByRole('option', { name: /^America\/Chicago/ }).click();
    await admin.getByRole('textbox', { name: 'Email', exact: true }).fill(uniqueEmail('clinic'));
    await admin.getByRole('textbox', { name: 'Phone' }).fill('+1 (312) 555-0177');
    await admin.getByRole('textbox', { name: 'Street address' }).fill('200 Lake Shore Dr');
    await admin.getByRole('textbox', { name: 'City' }).fill('Chicago');
    await admin.getByRole('textbox', { name: 'State or region' }).fill('IL');
    await admin.getByRole('textbox', { name: 'Postal code' }).fill('60611');
    await admin.getByRole('textbox', { name: 'Latitude' }).fill('41.8925');
    await admin.getByRole('textbox', { name: 'Longitude' }).fill('-87.6167');
    await admin.getByRole('button', { name: 'Create clinic' }).click();
    const created = admin.getByRole('status').filter({ hasText: `Clinic “${clinicName}” created` });
    await created.waitFor();
    const clinicId = ((await created.locator('code').textContent()) ?? '').trim();
    expect(clinicId).toMatch(/^[0-9a-f-]{36}$/);

    // The clinic's id is handed to the user form, which names the clinic it found.
    await created.getByRole('button', { name: 'Add a user to this clinic' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Invite a user' }).waitFor();
    expect(await admin.getByRole('textbox', { name: 'Clinic id' }).inputValue()).toBe(clinicId);
    await admin.getByText(`${clinicName} (times in America/Chicago)`).waitFor();
    await admin.getByRole('textbox', { name: 'Email', exact: true }).fill(userEmail);
    await admin.getByRole('textbox', { name: 'Display name' }).fill('Dana Whitfield');
    await choose(admin, 'Role', 'Coordinator');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByRole('status').filter({ hasText: 'Coordinator Dana Whitfield invited' }).getByText(`An invitation is on its way to ${userEmail}`).waitFor();

    // The newcomer opens the invitation's link, chooses a password and is in.
    const newcomer = await newProfile(chromium.browser, app.baseUrl);
    await newcomer.page.goto(`/welcome#${linkTokenIn(await nthEmailTo(smtp, userEmail, 1), 'welcome')}`);
    await newcomer.page.getByRole('heading', { level: 1, name: 'Welcome, Dana Whitfield' }).waitFor();
    await newcomer.page.getByLabel(/^New password(?! again)/).fill(password);
    await newcomer.page.getByLabel(/^New password again/).fill(password);
    await newcomer.page.getByRole('button', { name: 'Set password and sign in' }).click();
    await newcomer.page.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor();
    await newcomer.page.getByRole('button', { name: new RegExp(`^Account:.*${clinicName}`) }).waitFor();
  });
});
