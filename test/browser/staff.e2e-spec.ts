import type { Locator, Page } from 'playwright-core';
import { totpCode } from '../../libs/auth/src/two-factor/totp';
import { linkTokenIn, nthEmailTo } from '../support/account-links';
import { createClinic, createSignedInUser, uniqueEmail, USER_PASSWORD } from '../support/fixtures';
import { usePipeline } from '../support/file-setup';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';
import { accessibilityProblems, newProfile, PageGlobals, PHONE, saveScreenshot, scrollsSideways, signedInProfile, signInThroughPage, useChromium } from '../support/chromium';
import { dialog, isFocused, pressUntil, submitDialog } from './journey-steps';

/*
 * The Staff page, as a clinic admin runs their clinic's accounts in the web app, with the worker
 * and an SMTP server so that invitations are really emailed: inviting someone, re-sending,
 * withdrawing and renewing the invitation until they accept it; changing a colleague's role,
 * disabling and enabling them; resetting the two-factor sign-in of one who lost their phone; the
 * clinic's last admin told in words why they cannot step down; and the clinic's two-factor rule.
 * A coordinator is told that only admins manage accounts.
 */
describe('the Staff page in the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world, smtp } = usePipeline();
  let admin: Page;

  /** The row of the account with this email address. */
  const rowOf = (page: Page, email: string): Locator => page.getByRole('list', { name: 'Staff' }).getByRole('listitem').filter({ hasText: email });

  /** Opens a row's actions menu and picks one. */
  async function act(page: Page, row: Locator, action: string): Promise<void> {
    await row.getByRole('button', { name: /^Actions for / }).click();
    await page.getByRole('menuitem', { name: action, exact: true }).click();
  }

  /** The actions a row's menu offers, closed again with Escape. */
  async function actionsOffered(page: Page, row: Locator): Promise<string[]> {
    await row.getByRole('button', { name: /^Actions for / }).click();
    const items = page.getByRole('menuitem');
    await items.first().waitFor();
    const names = (await items.allTextContents()).map((name) => name.trim());
    await page.keyboard.press('Escape');
    await items.first().waitFor({ state: 'detached' });
    return names;
  }

  beforeAll(async () => {
    admin = (await signedInProfile(chromium.browser, app.baseUrl, world.adminA.email, USER_PASSWORD)).page;
  });

  it('invites a coordinator, re-sends, withdraws and renews the invitation, which they then accept', async () => {
    const email = uniqueEmail('rowan.ellery');
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    await admin.getByRole('heading', { level: 2, name: /^Everyone at Clinic A \(refers\)/ }).waitFor();
    // The viewer's own row is marked, and offers nothing the API refuses (disabling yourself).
    const own = rowOf(admin, world.adminA.email);
    await own.getByText('You', { exact: true }).waitFor();
    expect(await actionsOffered(admin, own)).toEqual(['Change role']);
    expect(await accessibilityProblems(admin)).toEqual([]);

    await admin.getByRole('button', { name: 'Invite someone' }).click();
    const invite = dialog(admin, 'Invite someone');
    await invite.waitFor();
    // What the form can tell before sending, beside its fields.
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await invite.getByText('Enter an email address like name@example.com').waitFor();
    await invite.getByText('Choose a role').waitFor();
    await invite.getByRole('textbox', { name: 'Email' }).fill(email);
    await invite.getByRole('textbox', { name: 'Display name' }).fill('Rowan Ellery');
    await invite.getByRole('combobox', { name: 'Role' }).click();
    // A clinic admin gives their clinic's roles only.
    expect(await admin.getByRole('option').allTextContents()).toEqual(['Clinic admin', 'Coordinator', 'Provider']);
    await admin.getByRole('option', { name: 'Coordinator' }).click();
    expect(await accessibilityProblems(admin)).toEqual([]);
    await submitDialog(invite, 'Send invitation');
    await admin.getByText('Invitation sent', { exact: true }).waitFor();

    const row = rowOf(admin, email);
    await row.getByText('Rowan Ellery', { exact: true }).waitFor();
    await row.getByText('Invited', { exact: true }).waitFor();
    await row.getByText(/^Coordinator · invited /).waitFor();
    const first = linkTokenIn(await nthEmailTo(smtp, email, 1), 'welcome');
    // The page as it is, once the toast over its corner has gone.
    await admin.getByText('Invitation sent', { exact: true }).waitFor({ state: 'detached' });
    await saveScreenshot(admin, 'staff');

    // Re-sent: a second email, with a new link.
    expect(await actionsOffered(admin, row)).toEqual(['Re-send invitation', 'Withdraw invitation']);
    await act(admin, row, 'Re-send invitation');
    await admin.getByText('Invitation sent again', { exact: true }).first().waitFor();
    const second = linkTokenIn(await nthEmailTo(smtp, email, 2), 'welcome');
    expect(second).not.toEqual(first);

    // Withdrawn after a confirmation: the account is disabled.
    await act(admin, row, 'Withdraw invitation');
    const withdraw = dialog(admin, 'Withdraw the invitation to Rowan Ellery?');
    await withdraw.getByText(`The link in the email to ${email} stops working`).waitFor();
    await submitDialog(withdraw, 'Withdraw invitation');
    await row.getByText('Disabled', { exact: true }).waitFor();

    // Enabling someone who never accepted invites them again.
    expect(await actionsOffered(admin, row)).toEqual(['Enable']);
    await act(admin, row, 'Enable');
    await submitDialog(dialog(admin, 'Enable Rowan Ellery?'), 'Enable');
    await row.getByText('Invited', { exact: true }).waitFor();
    const third = linkTokenIn(await nthEmailTo(smtp, email, 3), 'welcome');

    // An older link no longer works; the latest does, and the admin's list shows them active.
    const newcomer = await newProfile(chromium.browser, app.baseUrl);
    await newcomer.page.goto(`/welcome#${second}`);
    await newcomer.page.getByText('This invitation is no longer valid: a newer one was sent, or it was withdrawn.', { exact: false }).waitFor();
    await newcomer.page.goto(`/welcome#${third}`);
    await newcomer.page.getByRole('heading', { level: 1, name: 'Welcome, Rowan Ellery' }).waitFor();
    await newcomer.page.getByLabel(/^New password(?! again)/).fill('lantern-orchard-velvet-81');
    await newcomer.page.getByLabel(/^New password again/).fill('lantern-orchard-velvet-81');
    await newcomer.page.getByRole('button', { name: 'Set password and sign in' }).click();
    await newcomer.page.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor();
    // Now a coordinator, they are not offered the page.
    expect(await newcomer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).count()).toBe(0);

    await admin.reload();
    await rowOf(admin, email).getByText('Active', { exact: true }).waitFor();
    expect(newcomer.pageErrors).toEqual([]);
  });

  it('changes a colleague’s role, disables them (their sessions end) and enables them again, from the keyboard too', async () => {
    const colleague = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
    await admin.goto('/staff');
    // Narrowed to coordinators, they are there.
    await admin.getByRole('combobox', { name: 'Role' }).click();
    await admin.getByRole('option', { name: 'Coordinator' }).click();
    await admin.getByRole('heading', { level: 2, name: /^Matching people/ }).waitFor();
    const row = rowOf(admin, colleague.email);
    await row.getByText('Active', { exact: true }).waitFor();
    expect(await actionsOffered(admin, row)).toEqual(['Change role', 'Disable']);

    // From the keyboard: the menu opens with Enter, Escape closes its dialog and the focus is back on the row's button.
    const actions = row.getByRole('button', { name: /^Actions for / });
    await actions.focus();
    await admin.keyboard.press('Enter');
    const disableItem = admin.getByRole('menuitem', { name: 'Disable', exact: true });
    await disableItem.waitFor();
    await pressUntil(admin, async () => ((await isFocused(disableItem)) ? null : 'ArrowDown'), 'ArrowDown never reached Disable');
    await admin.keyboard.press('Enter');
    const disable = dialog(admin, 'Disable Test COORDINATOR?');
    await disable.waitFor();
    await disable.getByText('Their sessions end at once', { exact: false }).waitFor();
    await admin.getByRole('menu').waitFor({ state: 'detached' });
    expect(await accessibilityProblems(admin)).toEqual([]);
    await admin.keyboard.press('Escape');
    await disable.waitFor({ state: 'detached' });
    // The focus comes back once the dialog's closing has run.
    await admin.waitForFunction((button) => button === (globalThis as unknown as PageGlobals).document.activeElement, await actions.elementHandle());

    await act(admin, row, 'Change role');
    const change = dialog(admin, 'Change the role of Test COORDINATOR');
    await change.waitFor();
    await change.getByRole('combobox', { name: 'Role' }).click();
    await admin.getByRole('option', { name: 'Provider' }).click();
    await submitDialog(change, 'Change role');
    await admin.getByText('Role changed', { exact: true }).waitFor();
    // No longer a coordinator: gone from the narrowed list, and listed among the providers.
    await row.waitFor({ state: 'detached' });
    await admin.getByRole('combobox', { name: 'Role' }).click();
    await admin.getByRole('option', { name: 'Provider' }).click();
    await row.getByText(/^Provider · added /).waitFor();
    // What they were signed in as no longer holds: their sessions ended.
    expect((await colleague.client.request('query { me { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await act(admin, row, 'Disable');
    await submitDialog(disable, 'Disable');
    await row.getByText('Disabled', { exact: true }).waitFor();

    await act(admin, row, 'Enable');
    await submitDialog(dialog(admin, 'Enable Test COORDINATOR?'), 'Enable');
    await row.getByText('Active', { exact: true }).waitFor();
    await admin.getByText('Account enabled', { exact: true }).waitFor();
  });

  it('shows who signs in with two-factor, and resets it for a colleague who lost their phone: their sessions end, and their password alone signs them in', async () => {
    const colleague = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
    const { beginTotpEnrolment } = await colleague.client.ok<{ beginTotpEnrolment: { secret: string } }>('mutation { beginTotpEnrolment { secret } }');
    const { secret } = beginTotpEnrolment;
    await colleague.client.ok('mutation($input: ConfirmTotpEnrolmentInput!) { confirmTotpEnrolment(input: $input) { codes } }', {
      input: { code: totpCode(secret, Date.now()), password: USER_PASSWORD },
    });
    // Signed in on their own computer too, with a code (the next step's: the one just used is spent).
    const theirs = await newProfile(chromium.browser, app.baseUrl);
    await theirs.page.goto('/');
    await theirs.page.getByLabel('Email').fill(colleague.email);
    await theirs.page.getByRole('textbox', { name: 'Password' }).fill(USER_PASSWORD);
    await theirs.page.getByRole('button', { name: 'Sign in' }).click();
    await theirs.page.getByLabel(/^Code/).fill(totpCode(secret, Date.now() + 30_000));
    await theirs.page.getByRole('button', { name: 'Sign in' }).click();
    await theirs.page.getByRole('button', { name: /^Account:/ }).waitFor();

    await admin.goto('/staff');
    const row = rowOf(admin, colleague.email);
    await row.getByText('Two-factor on', { exact: true }).waitFor();
    // The admin's own is off, and not theirs to reset here (their account menu turns it off, with their password).
    const own = rowOf(admin, world.adminA.email);
    await own.getByText('Two-factor off', { exact: true }).waitFor();
    expect(await actionsOffered(admin, own)).toEqual(['Change role']);
    expect(await actionsOffered(admin, row)).toEqual(['Change role', 'Reset two-factor', 'Disable']);

    await act(admin, row, 'Reset two-factor');
    const reset = dialog(admin, 'Reset the two-factor sign-in of Test COORDINATOR?');
    await reset.getByText(/^Their two-factor sign-in is turned off and their sessions end at once: Test COORDINATOR is signed out on every device\./).waitFor();
    await reset.getByText(/set up two-factor sign-in again, straight away if their clinic requires it/).waitFor();
    await admin.getByRole('menu').waitFor({ state: 'detached' });
    expect(await accessibilityProblems(admin)).toEqual([]);
    // The admin's own password, asked again: a wrong one is said beside the field.
    const password = reset.getByRole('textbox', { name: /^Your password/ });
    await password.fill('not-my-password-at-all');
    await reset.getByRole('button', { name: 'Reset two-factor' }).click();
    await reset.getByText('password is not the password you sign in with').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await password.fill(USER_PASSWORD);
    await submitDialog(reset, 'Reset two-factor');
    await admin.getByText('Two-factor sign-in reset', { exact: true }).waitFor();
    await row.getByText('Two-factor off', { exact: true }).waitFor();
    expect(await actionsOffered(admin, row)).toEqual(['Change role', 'Disable']);

    // Their sessions ended: the token they held no longer works, and their browser's next step meets the sign-in page.
    expect((await colleague.client.request('query { me { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await theirs.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await theirs.page.getByText('Your session has ended. Sign in again to carry on.').waitFor();
    // No code asked for now: their password alone signs them in, until they set it up again.
    await signInThroughPage(theirs.page, colleague.email, USER_PASSWORD);
    expect(theirs.pageErrors).toEqual([]);
  });

  it('tells a clinic’s only admin in words that they cannot step down', async () => {
    const clinic = await createClinic(world.platformAdmin, { name: 'Solo Physio' });
    const soleAdmin = await createSignedInUser(world.platformAdmin, 'CLINIC_ADMIN', clinic.id);
    const tab = await signedInProfile(chromium.browser, app.baseUrl, soleAdmin.email, USER_PASSWORD, PHONE);
    const { page } = tab;
    await page.goto('/staff');
    await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    const own = rowOf(page, soleAdmin.email);
    await own.getByText('You', { exact: true }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await saveScreenshot(page, 'staff-phone');

    await act(page, own, 'Change role');
    const change = dialog(page, 'Change the role of Test CLINIC_ADMIN');
    await change.getByText('You are signed out at once', { exact: false }).waitFor();
    await change.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Coordinator' }).click();
    await change.getByRole('button', { name: 'Change role' }).click();
    await change.getByRole('alert').getByText(/A clinic keeps at least one active clinic admin/).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await change.getByRole('button', { name: 'Close' }).filter({ hasText: 'Close' }).click();
    await change.waitFor({ state: 'detached' });
    // Nothing changed: still an active clinic admin, still signed in.
    await own.getByText(/^Clinic admin · added /).waitFor();
    expect(tab.pageErrors).toEqual([]);
  });

  it('lets a platform admin see every clinic’s accounts, narrow them to one clinic by its id, and invite to it', async () => {
    const tab = await signedInProfile(chromium.browser, app.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { level: 2, name: /^Everyone on ReferLoop/ }).waitFor();
    // Their own account: marked, and nothing to do with it (a platform admin's role cannot change, nor can they disable themselves).
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Platform admin' }).click();
    const own = rowOf(page, ADMIN_EMAIL);
    await own.getByText('You', { exact: true }).waitFor();
    expect(await own.getByRole('button').count()).toBe(0);
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Platform admin' }).click();
    await page.getByRole('heading', { level: 2, name: /^Everyone on ReferLoop/ }).waitFor();

    await page.getByRole('textbox', { name: 'Clinic id' }).fill(world.clinicB.id);
    await page.getByText('Showing Clinic B (receives).').waitFor();
    await page.getByRole('heading', { level: 2, name: /^Everyone at Clinic B \(receives\)\s*4$/ }).waitFor();
    await rowOf(page, world.adminB.email).getByText(/^Clinic admin at Clinic B \(receives\) · added /).waitFor();
    expect(await rowOf(page, world.adminA.email).count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    // The invitation goes to the clinic the list shows, unless another id is given.
    const email = uniqueEmail('imogen.tallis');
    await page.getByRole('button', { name: 'Invite someone' }).click();
    const invite = dialog(page, 'Invite someone');
    expect(await invite.getByRole('textbox', { name: 'Clinic id' }).inputValue()).toBe(world.clinicB.id);
    await invite.getByText('Clinic B (receives) (times in America/Chicago)').waitFor();
    await invite.getByRole('textbox', { name: 'Email' }).fill(world.adminB.email);
    await invite.getByRole('textbox', { name: 'Display name' }).fill('Imogen Tallis');
    await invite.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Provider' }).click();
    // An address already in use is refused beside the field.
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await invite.getByText('Email is already in use').waitFor();
    expect(await invite.getByRole('textbox', { name: 'Email' }).getAttribute('aria-invalid')).toBe('true');
    await invite.getByRole('textbox', { name: 'Email' }).fill(email);
    await submitDialog(invite, 'Send invitation');
    await rowOf(page, email).getByText(/^Provider at Clinic B \(receives\) · invited /).waitFor();
    await nthEmailTo(smtp, email, 1);
    expect(tab.pageErrors).toEqual([]);
  });

  it('tells a coordinator that only admins manage accounts', async () => {
    const tab = await signedInProfile(chromium.browser, app.baseUrl, world.coordinatorA.email, USER_PASSWORD);
    const { page } = tab;
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).count()).toBe(0);
    await page.goto('/staff');
    await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    await page.getByRole('note').getByText('Only admins manage accounts').waitFor();
    expect(await page.getByRole('button', { name: 'Invite someone' }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(tab.pageErrors).toEqual([]);
  });

  // Last: the other steps sign in, which a requirement would send through enrolment first.
  it('lets an admin require two-factor sign-in for everyone once they use it themselves, and makes it optional again', async () => {
    const required = async () =>
      (await world.platformAdmin.ok<{ clinic: { requireTwoFactor: boolean } }>('query($id: ID!) { clinic(id: $id) { requireTwoFactor } }', { id: world.clinicA.id })).clinic.requireTwoFactor;
    await admin.goto('/staff');
    const settings = admin.getByRole('region', { name: 'Clinic settings' });
    const toggle = settings.getByRole('switch', { name: 'Require two-factor sign-in for everyone in Clinic A (refers)' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(false);

    // Requiring it applies to the admin too, who does not use it yet: the switch says how to get it first.
    expect(await toggle.isDisabled()).toBe(true);
    expect(await accessibilityProblems(admin)).toEqual([]);
    await settings.getByRole('link', { name: 'turn on two-factor sign-in for your own account' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Two-factor sign-in' }).waitFor();
    await admin.getByRole('button', { name: 'Turn on', exact: true }).click();
    await admin.getByRole('img', { name: 'QR code of your two-factor secret' }).waitFor();
    const secret = ((await admin.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/).textContent()) ?? '').replace(/\s/g, '');
    await admin.getByLabel(/^Code from the app/).fill(totpCode(secret, Date.now()));
    await admin.getByRole('textbox', { name: /^Your password/ }).fill(USER_PASSWORD);
    await admin.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await admin.getByRole('button', { name: 'I have saved them' }).click();

    await admin.goto('/staff');
    await toggle.waitFor();
    expect(await toggle.isDisabled()).toBe(false);
    await toggle.click();
    const confirm = dialog(admin, 'Require two-factor sign-in in Clinic A (refers)?');
    await confirm.getByText(/anyone signed in now is taken to the setup page/).waitFor();
    expect(await accessibilityProblems(admin)).toEqual([]);
    await submitDialog(confirm, 'Require it');
    await admin.getByText('Two-factor sign-in required', { exact: true }).waitFor();
    expect(await toggle.isChecked()).toBe(true);
    expect(await required()).toBe(true);
    await rowOf(admin, world.adminA.email).getByText('Two-factor on', { exact: true }).waitFor();

    await toggle.click();
    await admin.getByText('Two-factor sign-in optional', { exact: true }).waitFor();
    expect(await toggle.isChecked()).toBe(false);
    expect(await required()).toBe(false);
  });
});
