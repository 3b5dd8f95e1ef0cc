import { linkTokenIn, nthEmailTo } from '../support/account-links';
import { createSignedInUser, uniqueEmail, USER_PASSWORD } from '../support/fixtures';
import { usePipeline } from '../support/file-setup';
import { accessibilityProblems, newProfile, PageGlobals, PHONE, saveScreenshot, scrollsSideways, Tab, useChromium } from '../support/chromium';
import { INVITE_USER } from '../support/operations';

/*
 * The pages of emailed links, in Chromium with the worker and an SMTP server: an invited person
 * opens the link from their email, chooses a password and lands in the app signed in; someone
 * who forgot their password asks for a link from the sign-in page, opens it and chooses a new
 * one. The token never stays in the address bar, and links that no longer work say why.
 */
describe('invitation and password-reset pages in the web app', () => {
  // First, so its afterAll runs first: the browser closes before the gateway does.
  const chromium = useChromium();
  const { app, world, smtp } = usePipeline();
  const NEW_PASSWORD = 'lantern-orchard-velvet-81';
  const NEW_PASSWORD_FIELD = /^New password(?! again)/;

  /**
   * The link as opened held the token; the app took it off the address at once (the router's own
   * first step may record the opened address again), and no address after that has it.
   */
  const expectTokenNeverKept = async (tab: Tab, token: string) => {
    expect(tab.page.url()).not.toContain(token);
    const lastWithToken = tab.addresses.findLastIndex((address) => address.includes(token));
    expect(lastWithToken).toBeGreaterThanOrEqual(0);
    expect(tab.addresses.slice(lastWithToken + 1)).not.toEqual([]);
    // Nor in web storage, the history entry's state or the console.
    const kept = await tab.page.evaluate(() => {
      const { localStorage, sessionStorage, history } = globalThis as unknown as PageGlobals & { history: { state: unknown } };
      return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, state: history.state });
    });
    expect(kept).not.toContain(token.split('.')[1]);
    expect(tab.console.filter((line) => line.includes(token.split('.')[1]))).toEqual([]);
  };

  it('an invited provider opens the link, chooses a password on a phone, and lands in the app signed in', async () => {
    const email = uniqueEmail('invited-provider');
    await world.adminB.client.ok(INVITE_USER, { input: { email, displayName: 'Imogen Tallis', role: 'PROVIDER', clinicId: world.clinicB.id } });
    const token = linkTokenIn(await nthEmailTo(smtp, email, 1), 'welcome');

    const tab = await newProfile(chromium.browser, app.baseUrl, PHONE);
    const { page } = tab;
    await page.goto(`/welcome#${token}`);
    await page.getByRole('heading', { level: 1, name: 'Welcome, Imogen Tallis' }).waitFor();
    await page.getByText(email).waitFor();
    await expectTokenNeverKept(tab, token);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await saveScreenshot(page, 'welcome-phone');

    // The server's refusal shows beside the field it is about.
    await page.getByLabel(NEW_PASSWORD_FIELD).fill('imogen-tallis-password');
    await page.getByLabel(/^New password again/).fill('imogen-tallis-password');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByText('Password must not contain your name').waitFor();
    expect(await page.getByLabel(NEW_PASSWORD_FIELD).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel(NEW_PASSWORD_FIELD).fill(NEW_PASSWORD);
    await page.getByLabel(/^New password again/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/referrals');
    expect(tab.pageErrors).toEqual([]);

    // The link is spent: opened again, it says so and points to signing in.
    const again = await newProfile(chromium.browser, app.baseUrl);
    await again.page.goto(`/welcome#${token}`);
    await again.page.getByText('This invitation has already been accepted.', { exact: false }).waitFor();
    await again.page.getByRole('link', { name: 'Go to sign in' }).waitFor();
  });

  it('says what to do when the page is opened without a link, or with one that is not ours', async () => {
    const tab = await newProfile(chromium.browser, app.baseUrl);
    await tab.page.goto('/welcome');
    await tab.page.getByText('This page opens from the link in your invitation email.', { exact: false }).waitFor();
    await tab.page.goto('/welcome#not-a-real-token');
    await tab.page.getByText('This link is not valid.', { exact: false }).waitFor();
    expect(await accessibilityProblems(tab.page)).toEqual([]);
  });

  it('resets a forgotten password from the sign-in page, from the keyboard: request, email, new password, sign in', async () => {
    const user = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
    const tab = await newProfile(chromium.browser, app.baseUrl);
    const { page } = tab;
    await page.goto('/');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('Email').focus();
    await page.keyboard.type(user.email);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    await page.getByText(user.email).waitFor();
    await saveScreenshot(page, 'reset-requested');
    // Asking again brings the form back, the address still in it.
    await page.getByRole('button', { name: 'Ask again' }).click();
    expect(await page.getByLabel('Email').inputValue()).toBe(user.email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();

    // The second request replaced the first link: the latest email's works.
    const token = linkTokenIn(await nthEmailTo(smtp, user.email, 2), 'reset-password');
    await page.goto(`/reset-password#${token}`);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await expectTokenNeverKept(tab, token);
    await page.getByLabel(NEW_PASSWORD_FIELD).fill(NEW_PASSWORD);
    await page.getByLabel(/^New password again/).fill(`${NEW_PASSWORD}-typo`);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Type the same password again').waitFor();
    await page.getByLabel(/^New password again/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your password is changed' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    // The old password no longer signs in; the new one does, and the user's earlier session ended.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(USER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is incorrect').waitFor();
    await page.getByRole('textbox', { name: 'Password' }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor();
    expect((await user.client.request('query { me { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(tab.pageErrors).toEqual([]);
  });

  it('a used reset link says so and offers to ask for a new one', async () => {
    const user = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
    await app.anonymous.ok('mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }', { input: { email: user.email } });
    const token = linkTokenIn(await nthEmailTo(smtp, user.email, 1), 'reset-password');
    await app.anonymous.ok('mutation($input: LinkPasswordInput!) { resetPassword(input: $input) }', { input: { token, password: NEW_PASSWORD } });

    const tab = await newProfile(chromium.browser, app.baseUrl);
    await tab.page.goto(`/reset-password#${token}`);
    await tab.page.getByText('This reset link has already been used.', { exact: false }).waitFor();
    await tab.page.getByRole('button', { name: 'Ask for a new link' }).click();
    await tab.page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
  });
});
