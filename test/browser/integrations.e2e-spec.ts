import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { runReferralMutation, USER_PASSWORD } from '../support/fixtures';
import { usePipeline } from '../support/file-setup';
import { accessibilityProblems, PageGlobals, PHONE, phiLeaks, scrollsSideways, signedInProfile, Tab, useChromium } from '../support/chromium';
import { ReceivedWebhook, WebhookReceiver } from '../support/webhook-receiver';
import { referralIn } from '../support/world';
import { dialog, isFocused, pressUntil, submitDialog, tabTo } from './journey-steps';

/*
 * The Integrations page, as a clinic admin connects their clinic's own system to ReferLoop: adding
 * an endpoint that points at a receiver on this machine (private targets allowed for the test),
 * seeing its signing secret once, the receiver verifying a real event signed with it (with the
 * Standard Webhooks reference package), the attempt listed and its event sent again; rotating the
 * secret (both sign for a day), disabling and enabling, deleting; the same at a phone's width. A
 * coordinator is told that only admins manage integrations. Screenshots go to /tmp, for a person
 * to look at, not to the repository.
 */

const WAIT_MS = 15_000;
const SCREENSHOTS = '/tmp/referloop-integrations';

describe('the Integrations page in the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world } = usePipeline({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on' } });
  let receiver: WebhookReceiver;
  let admin: Tab;
  /** What the receiver was given when the endpoint was added, and after the rotation. */
  let firstSecret = '';
  let referralId = '';

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    receiver = await WebhookReceiver.start();
    admin = await signedInProfile(chromium.browser, app.baseUrl, world.adminA.email, USER_PASSWORD);
  });
  afterAll(() => receiver?.close());

  /** The row of the endpoint described so. */
  const rowOf = (page: Page, description: string): Locator => page.getByRole('list', { name: 'Webhook endpoints' }).getByRole('listitem').filter({ hasText: description });

  /** Opens a row's actions menu and picks one; the menu is gone once its closing has run. */
  async function act(page: Page, row: Locator, action: string): Promise<void> {
    await row.getByRole('button', { name: /^Actions for / }).click();
    await page.getByRole('menuitem', { name: action, exact: true }).click();
    await page.getByRole('menu').waitFor({ state: 'detached' });
  }

  const screenshot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });

  /**
   * The worker records an attempt once the receiver has answered: the attempts dialog is asked
   * again with its Refresh button, as a person would, until `item` is listed.
   */
  async function refreshUntilListed(page: Page, attempts: Locator, item: Locator, what: string): Promise<void> {
    for (let asked = 0; asked < 40; asked++) {
      if ((await item.count()) > 0) return;
      await Promise.all([page.waitForResponse((response) => response.url().endsWith('/graphql')), attempts.getByRole('button', { name: /^Refresh/ }).click()]);
    }
    throw new Error(what);
  }

  /** Requests about one referral of one type, in the order they arrived. */
  const received = (type: string, id = referralId): ReceivedWebhook[] => receiver.received.filter((request) => request.payload.type === type && request.payload.data.referralId === id);

  /** Adds an endpoint pointing at the receiver through the dialog, for every referral event; the secret shown. */
  async function addEndpoint(page: Page, description: string, check: (step: 'form' | 'secret') => Promise<void> = async () => undefined): Promise<{ secret: string; shown: Locator }> {
    await page.getByRole('button', { name: 'Add an endpoint' }).click();
    const add = dialog(page, 'Add an endpoint');
    await add.getByRole('textbox', { name: /^URL/ }).fill(receiver.url);
    await add.getByRole('textbox', { name: /^Description/ }).fill(description);
    await add.getByRole('checkbox', { name: /^All referral events/ }).check();
    await add.getByRole('group', { name: 'Treatment episode (7 of 7)' }).waitFor();
    await check('form');
    await submitDialog(add, 'Add endpoint');
    const shown = dialog(page, `Signing secret for ${description}`);
    const secret = ((await shown.getByText(/^whsec_/).textContent()) ?? '').trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
    await check('secret');
    return { secret, shown };
  }

  it('adds an endpoint, shows its secret once, and the receiver verifies a real event signed with it; the attempt is listed and sent again', async () => {
    const { page } = admin;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
    await page.getByText('No endpoints yet', { exact: true }).waitFor();
    await page.getByText(/^Webhooks tell your own systems/).waitFor();
    // Off the link just clicked: Mantine's hover tint under the active link's colour is the frame's, not this page's.
    await page.getByRole('heading', { level: 1, name: 'Integrations' }).hover();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'empty-desktop');

    // What the form tells before sending, beside its fields.
    await page.getByRole('button', { name: 'Add an endpoint' }).click();
    const add = dialog(page, 'Add an endpoint');
    await add.getByRole('button', { name: 'Add endpoint' }).click();
    await add.getByText('Enter the address your system receives events at').waitFor();
    await add.getByText('Choose at least one event').waitFor();
    await add.getByRole('button', { name: 'Close' }).filter({ hasText: 'Close' }).click();
    await add.waitFor({ state: 'detached' });

    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.baseUrl });
    const { secret, shown } = await addEndpoint(page, 'Practice EHR', async (step) => {
      expect({ step, problems: await accessibilityProblems(page) }).toEqual({ step, problems: [] });
      await screenshot(page, step === 'form' ? 'add-dialog-desktop' : 'secret-dialog-desktop');
    });
    firstSecret = secret;
    await shown.getByText('Copy it now: it is not shown again').waitFor();
    await shown.getByText(/Standard Webhooks library/).waitFor();
    // The copy button puts it on the clipboard.
    await shown.getByRole('button', { name: /^Copy secret of Practice EHR/ }).click();
    await shown.getByRole('button', { name: /^Copied/ }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText: () => Promise<string> } } }).navigator.clipboard.readText())).toBe(secret);
    receiver.secrets = [secret];
    await submitDialog(shown, 'I have saved it');
    // Shown once: gone from the page, and never in an address, web storage or the console.
    expect(await page.locator('body').textContent()).not.toContain(secret);
    expect(await phiLeaks(admin, [secret])).toEqual([]);

    const row = rowOf(page, 'Practice EHR');
    await row.getByText('Enabled', { exact: true }).waitFor();
    await row.getByText(receiver.url, { exact: true }).waitFor();
    const events = row.getByRole('button', { name: `19 events sent to Practice EHR (${receiver.url})` });
    await events.click();
    await row.getByText('referral.outcome_acknowledged', { exact: true }).waitFor();
    expect(await row.getByText('notification.failed', { exact: true }).count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('heading', { level: 1, name: 'Integrations' }).hover();
    await screenshot(page, 'list-desktop');
    await events.click();

    // A referral moves: the receiver gets the event, signed with the secret the page showed.
    referralId = (await referralIn(world, 'SENT')).id;
    await receiver.waitFor(() => received('referral.sent').length === 1, WAIT_MS, 'referral.sent');
    const [sent] = received('referral.sent');
    expect(sent.verified).toBe(true);
    expect(sent.payload.data.reference).toEqual(expect.any(String));

    // Its attempt, listed once the worker has recorded it.
    await row.getByRole('button', { name: `Attempts to deliver to Practice EHR (${receiver.url})` }).click();
    const attempts = dialog(page, 'Attempts to deliver to Practice EHR');
    const list = attempts.getByRole('list', { name: 'Attempts to deliver to Practice EHR' });
    const sentAttempt = list.getByRole('listitem').filter({ hasText: 'referral.sent' });
    await attempts.getByRole('heading', { name: /^Attempts, newest first/ }).waitFor();
    await refreshUntilListed(page, attempts, sentAttempt, 'the attempt to deliver referral.sent was never listed');
    await sentAttempt.getByText('Delivered', { exact: true }).waitFor();
    await sentAttempt.getByText(/ · attempt 1 · status 200 · \d+ (ms|s)$/).waitFor();
    // In the clinic's zone, named (Clinic A is in Chicago).
    await sentAttempt.getByText(/C[SD]T · attempt 1/).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'attempts-desktop');

    // Sent again: the same event, with the same webhook-id, signed again.
    await sentAttempt.getByRole('button', { name: /^Send again referral\.sent of / }).click();
    await page.getByText('Event sent again', { exact: true }).waitFor();
    await receiver.waitFor(() => received('referral.sent').length === 2, WAIT_MS, 'referral.sent sent again');
    const again = received('referral.sent')[1];
    expect(again.id).toBe(sent.id);
    expect(again.verified).toBe(true);
    await attempts.getByRole('button', { name: 'Close' }).filter({ hasText: 'Close' }).click();
    await attempts.waitFor({ state: 'detached' });
    expect(admin.pageErrors).toEqual([]);
  });

  it('rotates the secret from the keyboard (both sign for a day), disables and enables the endpoint, and deletes it', async () => {
    const { page } = admin;
    await page.goto('/integrations');
    const row = rowOf(page, 'Practice EHR');
    const actions = row.getByRole('button', { name: `Actions for Practice EHR (${receiver.url})` });
    await actions.waitFor();

    // From the keyboard: the menu opens with Enter, ArrowDown reaches the action, Enter opens its dialog.
    await actions.focus();
    await page.keyboard.press('Enter');
    const rotateItem = page.getByRole('menuitem', { name: 'Rotate secret', exact: true });
    await rotateItem.waitFor();
    await pressUntil(page, async () => ((await isFocused(rotateItem)) ? null : 'ArrowDown'), 'ArrowDown never reached Rotate secret');
    await page.keyboard.press('Enter');
    const rotate = dialog(page, 'Rotate the signing secret of Practice EHR?');
    await rotate.getByText(/For the next 24 hours ReferLoop signs each request with both the new and the current secret/).waitFor();
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'rotate-dialog-desktop');
    await tabTo(page, rotate.getByRole('button', { name: 'Rotate secret' }));
    await page.keyboard.press('Enter');
    const shown = dialog(page, 'New signing secret for Practice EHR');
    const secret = ((await shown.getByText(/^whsec_/).textContent()) ?? '').trim();
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(firstSecret);
    await shown.getByText(/the previous secret signs each request too/).waitFor();
    // The keyboard is in the dialog, on the copy button; Escape closes it and puts it back on the row's button.
    await page.waitForFunction((button) => button === (globalThis as unknown as PageGlobals).document.activeElement, await shown.getByRole('button', { name: /^Copy secret/ }).elementHandle());
    await page.keyboard.press('Escape');
    await shown.waitFor({ state: 'detached' });
    await page.waitForFunction((button) => button === (globalThis as unknown as PageGlobals).document.activeElement, await actions.elementHandle());
    expect(await page.locator('body').textContent()).not.toContain(secret);
    expect(await phiLeaks(admin, [secret, firstSecret])).toEqual([]);
    await row.getByText(/^The previous secret signs too until /).waitFor();

    // The next event carries both signatures: each secret alone verifies it.
    receiver.secrets = [secret];
    await runReferralMutation(world.targetProvider.client, 'acceptReferral', { id: referralId });
    await receiver.waitFor(() => received('referral.accepted').length === 1, WAIT_MS, 'referral.accepted');
    const [accepted] = received('referral.accepted');
    expect(accepted.verified).toBe(true);
    expect(accepted.signature.split(' ')).toHaveLength(2);
    receiver.secrets = [firstSecret];
    expect(receiver.verifies(accepted)).toBe(true);
    receiver.secrets = [secret];

    await act(page, row, 'Disable');
    const disable = dialog(page, 'Disable Practice EHR?');
    await disable.getByText(/Changes to referrals made while it is disabled are never sent to it/).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await submitDialog(disable, 'Disable');
    await row.getByText('Disabled', { exact: true }).waitFor();
    await row.getByText(/^Disabled by an admin on /).waitFor();
    await screenshot(page, 'list-disabled-desktop');

    await act(page, row, 'Enable');
    await submitDialog(dialog(page, 'Enable Practice EHR?'), 'Enable');
    await row.getByText('Enabled', { exact: true }).waitFor();
    expect(await row.getByText(/^Disabled by an admin/).count()).toBe(0);

    // The toasts gone first (Mantine's close button in them is unnamed: a finding of the app's toasts, not of this page).
    await page.getByText('Endpoint disabled', { exact: true }).waitFor({ state: 'detached' });
    await page.getByText('Endpoint enabled', { exact: true }).waitFor({ state: 'detached' });
    await act(page, row, 'Delete');
    const remove = dialog(page, 'Delete Practice EHR?');
    await remove.getByText(/This cannot be undone/).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await submitDialog(remove, 'Delete endpoint');
    await page.getByText('No endpoints yet', { exact: true }).waitFor();
    expect(await rowOf(page, 'Practice EHR').count()).toBe(0);
    expect(admin.pageErrors).toEqual([]);
  });

  it('works at a phone’s width', async () => {
    const tab = await signedInProfile(chromium.browser, app.baseUrl, world.adminA.email, USER_PASSWORD, PHONE);
    const { page } = tab;
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Endpoints/ }).waitFor();
    await screenshot(page, 'before-phone');
    const { secret, shown } = await addEndpoint(page, 'Practice EHR (phone)', async (step) => {
      expect({ step, problems: await accessibilityProblems(page) }).toEqual({ step, problems: [] });
      expect({ step, sideways: await scrollsSideways(page) }).toEqual({ step, sideways: false });
      await screenshot(page, step === 'form' ? 'add-dialog-phone' : 'secret-dialog-phone');
    });
    await submitDialog(shown, 'I have saved it');
    const row = rowOf(page, 'Practice EHR (phone)');
    await row.getByText('Enabled', { exact: true }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'list-phone');

    receiver.secrets = [secret];
    const moved = (await referralIn(world, 'SENT')).id;
    await receiver.waitFor(() => received('referral.sent', moved).some((request) => request.verified), WAIT_MS, 'referral.sent at the phone’s endpoint');
    await row.getByRole('button', { name: /^Attempts to deliver to Practice EHR \(phone\)/ }).click();
    const attempts = dialog(page, 'Attempts to deliver to Practice EHR (phone)');
    await attempts.getByRole('heading', { name: /^Attempts, newest first/ }).waitFor();
    const listed = attempts.getByRole('listitem').first();
    await refreshUntilListed(page, attempts, listed, 'no attempt was ever listed');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'attempts-phone');
    await attempts.getByRole('button', { name: 'Close' }).filter({ hasText: 'Close' }).click();
    await attempts.waitFor({ state: 'detached' });

    await act(page, row, 'Send failed events again');
    const recover = dialog(page, 'Send failed events again to Practice EHR (phone)');
    await recover.getByText('It has not failed since its last delivery: this starts a day ago.').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'recover-dialog-phone');
    await submitDialog(recover, 'Send again');
    await page.getByText('No delivery failed since then: there was nothing to send again.').waitFor();
    expect(tab.pageErrors).toEqual([]);
  });

  it('tells a coordinator that only admins manage integrations, without asking the API', async () => {
    const tab = await signedInProfile(chromium.browser, app.baseUrl, world.coordinatorA.email, USER_PASSWORD);
    const { page } = tab;
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations' }).count()).toBe(0);
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/graphql')) asked.push(request.postData() ?? '');
    });
    await page.goto('/integrations');
    await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
    await page.getByRole('note').getByText('Only admins manage integrations').waitFor();
    expect(await page.getByRole('button', { name: 'Add an endpoint' }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(asked.filter((body) => /webhook/i.test(body))).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(tab.pageErrors).toEqual([]);
  });
});
