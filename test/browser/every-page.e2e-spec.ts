import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';
import { outcomeInput, referralInput, runReferralMutation, USER_PASSWORD, appointmentIn } from '../support/fixtures';
import { useWorld } from '../support/file-setup';
import { accessibilityProblems, newProfile, PHONE, phiLeaks, saveScreenshot, scrollsSideways, signedInProfile, Tab, useChromium } from '../support/chromium';
import { isFocused, tabTo } from './journey-steps';

/*
 * Every page, as a clinic would judge it: no serious or critical accessibility problem (axe-core),
 * usable at a phone's 375 px without scrolling sideways, and patient data never in an address,
 * web storage or the console. The screenshots of the main pages are saved as the run goes.
 */
describe('every page of the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world } = useWorld();
  let completedId: string;

  const signedIn = (email: string, password: string, viewport?: { width: number; height: number }): Promise<Tab> =>
    signedInProfile(chromium.browser, app.baseUrl, email, password, viewport);

  /** The page is drawn: its heading is there and nothing on it is loading any more. */
  const settled = async (page: Page, heading: string | RegExp): Promise<void> => {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.getByRole('status').first().waitFor({ state: 'detached' }).catch(() => undefined);
  };

  beforeAll(async () => {
    // A referral through its whole episode, so the referral page has something in every section.
    const r = await runReferralMutation(world.coordinatorA.client, 'createReferral', referralInput(world.patient.id, world.targetProvider.providerId, { send: true }));
    const provider = world.targetProvider.client;
    await runReferralMutation(provider, 'acceptReferral', { id: r.id });
    await runReferralMutation(provider, 'scheduleReferral', { id: r.id, appointmentAt: appointmentIn(1) });
    await runReferralMutation(provider, 'startReferralTreatment', { id: r.id });
    await runReferralMutation(provider, 'completeReferral', { id: r.id, outcome: outcomeInput() });
    completedId = r.id;
  });


  const clinicPages = (): [string, string | RegExp][] => [
    ['/referrals', 'Referrals'],
    ['/referrals?view=outbound', 'Referrals'],
    [`/referrals/${completedId}`, new RegExp(world.patient.lastName)],
    ['/referrals/new', 'New referral'],
    ['/patients', 'Patients'],
    [`/patients/${world.patient.id}`, new RegExp(world.patient.lastName)],
    ['/statistics', 'Statistics'],
    ['/notifications', 'Failed emails'],
    ['/staff', 'Staff'],
    ['/integrations', 'Integrations'],
    ['/account/sessions', 'Where you are signed in'],
    ['/account/password', 'Change your password'],
    ['/account/two-factor', 'Two-factor sign-in'],
  ];

  it.each([
    ['at 1440 px', undefined],
    ['at 375 px (a phone)', PHONE],
  ])('has no serious accessibility problem, nor sideways scrolling, for a clinic admin %s', async (_label, viewport) => {
    const tab = await signedIn(world.adminA.email, USER_PASSWORD, viewport);
    // The page signing in landed on finishes its own questions first, so none is counted as the next page's.
    await settled(tab.page, 'Referrals');
    let asked: string[] = [];
    tab.page.on('request', (request) => {
      if (request.method() !== 'POST' || !request.url().endsWith('/graphql')) return;
      const body = request.postDataJSON() as { operationName?: string; query: string; variables?: unknown };
      asked.push(`${body.operationName ?? /^\s*\w+\s+(\w+)/.exec(body.query)?.[1]} ${JSON.stringify(body.variables ?? {})}`);
    });
    for (const [path, heading] of clinicPages()) {
      asked = [];
      await tab.page.goto(path);
      await settled(tab.page, heading);
      expect({ path, problems: await accessibilityProblems(tab.page) }).toEqual({ path, problems: [] });
      expect({ path, sideways: await scrollsSideways(tab.page) }).toEqual({ path, sideways: false });
      // A page load asks each question once (two queries whose answers overwrite each other in the
      // cache send each other back to the network), and never who the viewer is: renewing the
      // session answered that.
      expect({ path, askedTwice: asked.filter((question, index) => asked.indexOf(question) !== index) }).toEqual({ path, askedTwice: [] });
      expect({ path, askedViewer: asked.some((question) => question.startsWith('Viewer ')) }).toEqual({ path, askedViewer: false });
      if (viewport === undefined && path === '/statistics') await saveScreenshot(tab.page, 'statistics');
      if (viewport === PHONE && path === '/referrals') await saveScreenshot(tab.page, 'inbox-phone');
      if (viewport === PHONE && path === '/account/sessions') await saveScreenshot(tab.page, 'sessions-phone');
    }
    expect(await phiLeaks(tab, [world.patient.firstName, world.patient.lastName, world.patient.email])).toEqual([]);
    expect(tab.pageErrors).toEqual([]);
  });

  it('has no serious accessibility problem on the platform admin pages', async () => {
    const tab = await signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    for (const [path, heading] of [
      ['/onboarding', 'Onboarding'],
      ['/notifications', 'Failed emails'],
      ['/statistics', 'Statistics'],
    ]) {
      await tab.page.goto(path);
      await tab.page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect({ path, problems: await accessibilityProblems(tab.page) }).toEqual({ path, problems: [] });
    }
  });

  it('signs in and reaches a referral with the keyboard alone', async () => {
    const tab = await newProfile(chromium.browser, app.baseUrl);
    const { page } = tab;
    await page.goto(`/referrals/${completedId}`);
    await page.getByRole('textbox', { name: 'Email' }).focus();
    await page.keyboard.type(world.coordinatorA.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(USER_PASSWORD);
    await page.keyboard.press('Enter');
    // The address was kept: signing in lands on the referral the link pointed at.
    await page.getByRole('heading', { level: 1, name: new RegExp(world.patient.lastName) }).waitFor();
    // Its one action is reached by Tab and run by Enter; Escape closes the dialog again.
    const acknowledge = page.getByRole('button', { name: 'Acknowledge outcome' });
    await tabTo(page, acknowledge);
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: /Acknowledge outcome/ });
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    // Focus went back to the button that opened the dialog.
    expect(await isFocused(acknowledge)).toBe(true);
    await page.keyboard.press('Enter');
    await tabTo(page, confirm.getByRole('button', { name: 'Acknowledge' }));
    await page.keyboard.press('Enter');
    await page.getByText(/Loop closed/).waitFor();
  });
});
