import { USER_PASSWORD } from '../support/fixtures';
import { useWorld } from '../support/file-setup';
import { accessibilityProblems, signedInProfile, useChromium } from '../support/chromium';
import { dialog, submitDialog } from './journey-steps';

/*
 * "Where you are signed in", by a provider signed in on two computers: the page lists both, this
 * one marked; signing the other out from here ends it at once, and that computer's next request
 * lands on the sign-in page saying the session has ended.
 */
describe('the sessions page in the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world } = useWorld();

  it('lists both computers and signs the other one out', async () => {
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
});
