import { USER_PASSWORD } from '../support/fixtures';
import { useWorld } from '../support/file-setup';
import { accessibilityProblems, signedInProfile, signInThroughPage, useChromium } from '../support/chromium';
import { dialog, submitDialog } from './journey-steps';

/*
 * The account pages, by people signed in on two computers. "Where you are signed in" lists both,
 * this one marked; signing the other out from here ends it at once, and that computer's next
 * request lands on the sign-in page saying the session has ended. "Change password" shows the
 * server's refusal beside its field, and a change signs the other computer out too.
 */
describe('the account pages in the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world } = useWorld();

  it('lists both computers and signs the other one out', async () => {
    // The provider's API sessions (the test cast signs in with login) are not part of this story.
    await world.targetProvider.client.ok('mutation { signOutEverywhere }');
    const desk = await signedInProfile(chromium.browser, app.baseUrl, world.targetProvider.email, USER_PASSWORD);
    const clinicRoom = await signedInProfile(chromium.browser, app.baseUrl, world.targetProvider.email, USER_PASSWORD);

    // Reached from the account menu.
    await desk.page.getByRole('button', { name: /^Account:/ }).click();
    await desk.page.getByRole('menuitem', { name: 'Where you are signed in' }).click();
    await desk.page.getByRole('heading', { level: 1, name: 'Where you are signed in' }).waitFor();
    const sessions = desk.page.getByRole('list', { name: 'Your sessions' }).getByRole('listitem');
    await sessions.nth(1).waitFor();
    expect(await sessions.count()).toBe(2);
    // This browser is marked, and is the one without a sign-out button of its own.
    const here = sessions.filter({ hasText: 'This browser' });
    expect(await here.count()).toBe(1);
    expect(await here.getByRole('button').count()).toBe(0);
    expect(await accessibilityProblems(desk.page)).toEqual([]);

    await sessions.filter({ hasNotText: 'This browser' }).getByRole('button', { name: /^Sign out / }).click();
    const confirm = dialog(desk.page, /^Sign out .*\?$/);
    await confirm.waitFor();
    await submitDialog(confirm, 'Sign out');
    await sessions.nth(1).waitFor({ state: 'detached' });
    expect(await sessions.count()).toBe(1);

    // The other computer's next request is refused, and it says why.
    await clinicRoom.page.getByRole('link', { name: 'Patients' }).click();
    await clinicRoom.page.getByText('Your session has ended. Sign in again to carry on.').waitFor();
    await clinicRoom.page.getByRole('button', { name: 'Sign in' }).waitFor();
    // This one carries on.
    await desk.page.getByRole('link', { name: 'Patients' }).click();
    await desk.page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
    expect([...desk.pageErrors, ...clinicRoom.pageErrors]).toEqual([]);
  });

  it('changes the password: a refusal beside its field, then the other computer signed out and the new password signing in', async () => {
    const user = world.coordinatorA;
    const desk = await signedInProfile(chromium.browser, app.baseUrl, user.email, USER_PASSWORD);
    const clinicRoom = await signedInProfile(chromium.browser, app.baseUrl, user.email, USER_PASSWORD);
    const { page } = desk;
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change your password' }).waitFor();

    const current = page.getByLabel(/^Current password/);
    await current.fill('not-my-password-at-all');
    await page.getByLabel(/^New password(?! again)/).fill('lantern-orchard-copper-31');
    await page.getByLabel(/^New password again/).fill('lantern-orchard-copper-31');
    await page.getByRole('button', { name: 'Change password' }).click();
    // The server's refusal, beside the field it names, worded for a person.
    await page.getByText('Current password is not the password you sign in with now', { exact: true }).waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityProblems(page)).toEqual([]);

    await current.fill(USER_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password is changed.', { exact: false }).waitFor();
    expect(await current.inputValue()).toBe('');

    await clinicRoom.page.getByRole('link', { name: 'Patients' }).click();
    await clinicRoom.page.getByText('Your session has ended. Sign in again to carry on.').waitFor();
    await signInThroughPage(clinicRoom.page, user.email, 'lantern-orchard-copper-31');
    expect([...desk.pageErrors, ...clinicRoom.pageErrors]).toEqual([]);
  });
});
