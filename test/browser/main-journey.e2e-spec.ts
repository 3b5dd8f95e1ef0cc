import { USER_PASSWORD } from '../support/fixtures';
import { usePipeline } from '../support/file-setup';
import { accessibilityProblems, newProfile, phiLeaks, saveScreenshot, signInThroughPage, Tab, useChromium } from '../support/chromium';
import { choose, dialog, openAction, referralIdOf, statusIs, submitDialog } from './journey-steps';

/*
 * The closed loop in the browser, two people side by side: a coordinator of clinic A refers a
 * patient to a physical therapist of clinic B chosen from the match list; the provider sees it
 * arrive live, asks a question, the coordinator answers; the provider accepts, schedules, records
 * three visits with range of motion and completes with an outcome; the coordinator sees the
 * progress chart and acknowledges the outcome. Real gateway, worker, database and Chromium.
 */
describe('the main journey in the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world, smtp } = usePipeline();
  let coordinator: Tab;
  let provider: Tab;
  let providerName: string;

  beforeAll(async () => {
    const profile = await (world.targetProvider.client).ok<{ provider: { displayName: string } }>('query($id: ID!) { provider(id: $id) { displayName } }', { id: world.targetProvider.providerId });
    providerName = profile.provider.displayName;
    coordinator = await newProfile(chromium.browser, app.baseUrl);
    provider = await newProfile(chromium.browser, app.baseUrl);
  });


  it('signs both in from the address a newcomer opens', async () => {
    await coordinator.page.goto('/');
    await signInThroughPage(coordinator.page, world.coordinatorA.email, USER_PASSWORD);
    await provider.page.goto('/');
    await signInThroughPage(provider.page, world.targetProvider.email, USER_PASSWORD);
    await provider.page.getByRole('heading', { name: 'Referrals', level: 1 }).waitFor();
    expect(await accessibilityProblems(provider.page)).toEqual([]);
  });

  it('lets the coordinator write the referral and send it to a provider from the match list', async () => {
    const page = coordinator.page;
    await page.getByRole('link', { name: 'New referral' }).first().click();
    await page.getByRole('heading', { name: 'New referral', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Patient' }).fill(world.patient.lastName);
    await page.getByRole('option', { name: new RegExp(world.patient.lastName) }).first().click();
    await choose(page, 'Modality', 'Physical therapy');
    await choose(page, 'Conditions', 'Shoulder pain');
    await page.keyboard.press('Escape');
    await page.getByLabel('Reason for referral').fill('Frozen shoulder after a fall; reduced flexion and night pain.');
    await page.getByRole('button', { name: 'Add a range-of-motion finding' }).click();
    await page.getByLabel('Joint').fill('Shoulder');
    await page.getByLabel('Movement').fill('Flexion');
    await page.getByLabel('Measured °').fill('95');
    await page.getByLabel('Expected °').fill('180');
    await page.getByLabel('Long-term goal').fill('Reach overhead without pain');
    await page.getByLabel(/agreed to share this referral/).check();
    await page.getByRole('radio', { name: new RegExp(providerName) }).check();
    expect(await accessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, 'new-referral');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    await statusIs(page, 'Sent');
  });

  it('shows the provider the new referral without a reload, as needing their action', async () => {
    const needsAction = provider.page.getByRole('list', { name: 'Needs your action' });
    await needsAction.getByRole('link', { name: new RegExp(world.patient.lastName) }).waitFor();
    await saveScreenshot(provider.page, 'inbox');
    await needsAction.getByRole('link', { name: new RegExp(world.patient.lastName) }).click();
    await provider.page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    expect(referralIdOf(provider.page)).toBe(referralIdOf(coordinator.page));
  });

  it('carries a question and its answer between the two', async () => {
    const ask = await openAction(provider.page, 'Request information');
    await ask.getByLabel('Your question').fill('Any imaging of the shoulder?');
    await submitDialog(ask, 'Send question');
    await statusIs(provider.page, 'Information requested');

    // The coordinator's page changes by itself: the answer is now theirs to give.
    await coordinator.page.getByRole('button', { name: 'Provide information' }).waitFor();
    const answer = await openAction(coordinator.page, 'Provide information');
    await answer.getByText('Any imaging of the shoulder?').waitFor();
    await answer.getByLabel('Your answer').fill('X-ray clear, no fracture.');
    await submitDialog(answer, 'Send answer');
    await statusIs(coordinator.page, 'Sent');
  });

  it('lets the provider accept, schedule, record three visits and complete', async () => {
    const page = provider.page;
    await page.getByRole('button', { name: 'Accept' }).waitFor();
    await submitDialog(await openAction(page, 'Accept', /Accept referral/), 'Accept');
    await statusIs(page, 'Accepted');

    const schedule = await openAction(page, 'Schedule', /Schedule the first visit/);
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
    await schedule.getByRole('textbox', { name: 'Date' }).fill(tomorrow);
    await schedule.getByLabel(/^Time/).fill('09:30');
    await submitDialog(schedule, 'Schedule');
    await statusIs(page, 'Scheduled');

    for (const [index, degrees] of [110, 135, 160].entries()) {
      await page.getByRole('group', { name: 'Episode actions' }).getByRole('button', { name: 'Record visit' }).click();
      const visit = dialog(page, `Record visit ${index + 1}`);
      await visit.waitFor();
      await visit.getByLabel(/^Measured/).first().fill(String(degrees));
      await submitDialog(visit, 'Record visit');
      await page.getByRole('cell', { name: new RegExp(`Shoulder flexion ${degrees}°`) }).waitFor();
    }
    await statusIs(page, 'In treatment');
    await saveScreenshot(page, 'episode-charts');

    const complete = await openAction(page, 'Complete with outcome');
    await complete.getByLabel('Summary').fill('Flexion restored to 160°, pain-free overhead reach.');
    await choose(page, 'Goals met', 'Met');
    await submitDialog(complete, 'Complete');
    await statusIs(page, 'Completed');
  });

  it('shows the coordinator the progress chart, and closes the loop when they acknowledge', async () => {
    const page = coordinator.page;
    await statusIs(page, 'Completed');
    await page.getByRole('img', { name: /Shoulder flexion: 95° at assessment, 160° at visit 3, expected 180°/ }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, 'referral');
    await submitDialog(await openAction(page, 'Acknowledge outcome'), 'Acknowledge');
    await page.getByText(/Loop closed/).waitFor();
  });

  it('sent the patient their status emails and left no patient data in addresses, storage or the console', async () => {
    await smtp.waitFor((all) => all.some((mail) => mail.to.includes(world.patient.email)), 20_000, 'an email to the patient');
    const phi = [world.patient.firstName, world.patient.lastName, world.patient.email, 'Frozen shoulder'];
    expect(await phiLeaks(coordinator, phi)).toEqual([]);
    expect(await phiLeaks(provider, phi)).toEqual([]);
    expect([...coordinator.pageErrors, ...provider.pageErrors]).toEqual([]);
  });
});
