import { totpCode } from '../../libs/auth/src/two-factor/totp';
import { createClinic, createSignedInUser, USER_PASSWORD } from '../support/fixtures';
import { useWorld } from '../support/file-setup';
import { accessibilityProblems, newProfile, PHONE, saveScreenshot, signedInProfile, Tab, useChromium } from '../support/chromium';

/*
 * Two-factor sign-in in the web app, as people meet it: turning it on from the account menu (a
 * QR code to scan, a code and the password to confirm, recovery codes to keep), signing in with
 * the code after the password, and a clinic that requires it, whose staff see only the enrolment
 * until done: at sign-in, or at their next step when it is required while they are signed in.
 * The codes are computed in the test from the secret the page shows, as an app would.
 */
describe('two-factor sign-in in the web app', () => {
  // First, so its afterAll runs first: the browser closes before the gateway does.
  const chromium = useChromium();
  const { app, world } = useWorld();
  const RECOVERY_CODE = /^[a-z2-9]{5}-[a-z2-9]{5}$/;

  /** The secret as the page shows it for typing, without its spaces. */
  const secretOn = async (tab: Tab) => ((await tab.page.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/).textContent()) ?? '').replace(/\s/g, '');

  /** Scans (reads the secret), confirms with the current code and the password, and returns the recovery codes shown. */
  async function enrolOn(tab: Tab): Promise<{ secret: string; codes: string[] }> {
    const { page } = tab;
    await page.getByRole('img', { name: 'QR code of your two-factor secret' }).waitFor();
    const secret = await secretOn(tab);
    await page.getByLabel(/^Code from the app/).fill(totpCode(secret, Date.now()));
    await page.getByRole('textbox', { name: /^Your password/ }).fill(USER_PASSWORD);
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const list = page.getByRole('list', { name: 'Recovery codes' });
    await list.waitFor();
    const codes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim());
    return { secret, codes };
  }

  it('turns it on from the account menu, then asks for the code at the next sign-in', async () => {
    const user = await createSignedInUser(world.platformAdmin, 'COORDINATOR', world.clinicA.id);
    const tab = await signedInProfile(chromium.browser, app.baseUrl, user.email, USER_PASSWORD);
    const { page } = tab;
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Two-factor sign-in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Two-factor sign-in' }).waitFor();
    await page.getByText('Off', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('img', { name: 'QR code of your two-factor secret' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await saveScreenshot(page, 'two-factor-scan');

    const { secret, codes } = await enrolOn(tab);
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(RECOVERY_CODE);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('10 recovery codes left').waitFor();

    // A new browser: password, then the code.
    const next = await newProfile(chromium.browser, app.baseUrl, PHONE);
    await next.page.goto('/');
    await next.page.getByLabel('Email').fill(user.email);
    await next.page.getByRole('textbox', { name: 'Password' }).fill(USER_PASSWORD);
    await next.page.getByRole('button', { name: 'Sign in' }).click();
    await next.page.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
    expect(await accessibilityProblems(next.page)).toEqual([]);
    await next.page.getByLabel(/^Code/).fill('000000');
    await next.page.getByRole('button', { name: 'Sign in' }).click();
    await next.page.getByText(/That code is not the one your authenticator app shows now/).waitFor();
    await next.page.getByLabel(/^Code/).fill(totpCode(secret, Date.now() + 30_000));
    await next.page.getByRole('button', { name: 'Sign in' }).click();
    await next.page.getByRole('button', { name: /^Account:/ }).waitFor();
    expect([...tab.pageErrors, ...next.pageErrors]).toEqual([]);
  });

  it('a clinic that requires it shows its staff the enrolment, and nothing else, until they have enrolled', async () => {
    const clinic = await createClinic(world.platformAdmin);
    await world.platformAdmin.ok(`mutation($input: UpdateClinicInput!) { updateClinic(input: $input) { id } }`, { input: { id: clinic.id, requireTwoFactor: true } });
    const coordinator = await createSignedInUser(world.platformAdmin, 'COORDINATOR', clinic.id);

    const tab = await newProfile(chromium.browser, app.baseUrl);
    const { page } = tab;
    await page.goto('/referrals');
    await page.getByLabel('Email').fill(coordinator.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(USER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Turn on two-factor sign-in' }).waitFor();
    expect(await page.getByRole('button', { name: /^Account:/ }).count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    await enrolOn(tab);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor();
    expect(tab.pageErrors).toEqual([]);
  });

  it('a clinic that requires it while its staff are signed in shows them the enrolment at their next step, not an error, and then the app again', async () => {
    const clinic = await createClinic(world.platformAdmin);
    const coordinator = await createSignedInUser(world.platformAdmin, 'COORDINATOR', clinic.id);
    const tab = await signedInProfile(chromium.browser, app.baseUrl, coordinator.email, USER_PASSWORD);
    const { page } = tab;
    await page.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor();

    await world.platformAdmin.ok(`mutation($input: UpdateClinicInput!) { updateClinic(input: $input) { id } }`, { input: { id: clinic.id, requireTwoFactor: true } });
    // The page they open is refused: the app gives way to the enrolment instead of showing the refusal.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('heading', { level: 1, name: 'Turn on two-factor sign-in' }).waitFor();
    await page.getByRole('img', { name: 'QR code of your two-factor secret' }).waitFor();
    expect(await page.getByRole('button', { name: /^Account:/ }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    // A wrong password is refused beside its field; the right one turns it on.
    const password = page.getByRole('textbox', { name: /^Your password/ });
    await page.getByLabel(/^Code from the app/).fill(totpCode(await secretOn(tab), Date.now()));
    await password.fill('not-my-password-at-all');
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByText(/password is not the password you sign in with/i).waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await enrolOn(tab);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    // Back in the app, on the page they were opening.
    await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
    await page.getByRole('button', { name: /^Account:/ }).waitFor();
    expect(tab.pageErrors).toEqual([]);
  });
});
