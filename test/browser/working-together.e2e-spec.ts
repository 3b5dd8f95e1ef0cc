import { createPatient, referralInput, runReferralMutation, USER_PASSWORD } from '../support/fixtures';
import { useWorld } from '../support/file-setup';
import { newTab, signedInProfile, Tab, useChromium } from '../support/chromium';
import { choose, dialog, openAction, statusIs, submitDialog } from './journey-steps';

/*
 * What happens when people work on the same referrals at once, or should not see them at all:
 * a stale answer in a second tab, a refused field, another clinic's coordinator, signing out with
 * several tabs open, two providers claiming one open referral.
 */
describe('the web app when people work at the same time', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world } = useWorld();

  const profile = (email: string): Promise<Tab> => signedInProfile(chromium.browser, app.baseUrl, email, USER_PASSWORD);

  const acceptedReferral = async (): Promise<string> => {
    const sent = await runReferralMutation(world.coordinatorA.client, 'createReferral', referralInput(world.patient.id, world.targetProvider.providerId, { send: true }));
    await runReferralMutation(world.targetProvider.client, 'acceptReferral', { id: sent.id });
    return sent.id;
  };


  it('shows a stale answer for what it is and lets the user apply it to the new version', async () => {
    const id = await acceptedReferral();
    const first = await profile(world.targetProvider.email);
    const second = await newTab(first.context);
    await first.page.goto(`/referrals/${id}`);
    await second.page.goto(`/referrals/${id}`);

    // The first tab starts scheduling; meanwhile the second tab schedules.
    const stale = await openAction(first.page, 'Schedule', /Schedule the first visit/);
    const later = new Date(Date.now() + 3 * 24 * 3600_000).toISOString().slice(0, 10);
    await stale.getByRole('textbox', { name: 'Date' }).fill(later);
    await stale.getByLabel(/^Time/).fill('10:00');
    const other = await openAction(second.page, 'Schedule', /Schedule the first visit/);
    await other.getByRole('textbox', { name: 'Date' }).fill(later);
    await other.getByLabel(/^Time/).fill('15:00');
    await other.getByRole('button', { name: 'Schedule' }).click();
    await other.waitFor({ state: 'detached' });

    await stale.getByRole('button', { name: 'Schedule' }).click();
    await stale.getByText('This referral changed while you were looking').waitFor();
    await stale.getByText(/It was Accepted and is now Scheduled/).waitFor();
    await stale.getByRole('button', { name: 'Use the latest version' }).click();
    await stale.getByRole('button', { name: 'Schedule' }).click();
    await stale.waitFor({ state: 'detached' });
    await first.page.getByText(/10:00 AM/).first().waitFor();
  });

  it('shows a refused field beside that field', async () => {
    const id = await acceptedReferral();
    const tab = await profile(world.targetProvider.email);
    await tab.page.goto(`/referrals/${id}`);
    const schedule = await openAction(tab.page, 'Schedule', /Schedule the first visit/);
    // Today where clinic B is (its times are in America/Chicago): 00:01 then has always passed.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date());
    await schedule.getByRole('textbox', { name: 'Date' }).fill(today);
    await schedule.getByLabel(/^Time/).fill('00:01');
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    const date = schedule.getByRole('textbox', { name: 'Date' });
    // Worded for a person: no API path in front, the property said in words.
    await schedule.getByText('Appointment at must be in the future', { exact: true }).waitFor();
    // Mantine ties the message to its input: the field itself says it is invalid and why.
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await date.getAttribute('aria-describedby')) ?? '';
    expect(await schedule.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toBe('Appointment at must be in the future');
  });

  it("shows another clinic's coordinator nothing of the referral", async () => {
    const id = await acceptedReferral();
    const outsider = await profile(world.coordinatorC.email);
    await outsider.page.goto(`/referrals/${id}`);
    await outsider.page.getByText('Referral not found').waitFor();
    expect(await outsider.page.getByText(world.patient.lastName).count()).toBe(0);
    await outsider.page.goto('/referrals?view=outbound');
    await outsider.page.getByText('No referrals yet').first().waitFor();
    expect(await outsider.page.getByText(world.patient.lastName).count()).toBe(0);
  });

  it('signs every tab out when one signs out, and the session stays ended', async () => {
    const first = await profile(world.coordinatorA.email);
    const second = await newTab(first.context);
    await second.page.goto('/referrals');
    await second.page.getByRole('heading', { name: 'Referrals', level: 1 }).waitFor();
    await first.page.getByRole('button', { name: /^Account:/ }).click();
    await first.page.getByRole('menuitem', { name: /^Sign out of ReferLoop in this browser/ }).click();
    await first.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await second.page.getByText('You signed out in another tab.').waitFor();
    await second.page.reload();
    await second.page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  /** A referral sent to the open pool near clinic B, and both of its physical therapists looking at the pool. */
  const openReferralSeenByTwo = async () => {
    const poolPatient = await createPatient(world.coordinatorA.client, world.clinicA.id, { emailConsent: false });
    const open = await runReferralMutation(
      world.coordinatorA.client,
      'createReferral',
      referralInput(poolPatient.id, undefined as unknown as string, { toProviderId: undefined, toPool: { near: { latitude: 41.9, longitude: -87.65 }, radiusKm: 25 }, send: true }),
    );
    const [one, two] = [await profile(world.targetProvider.email), await profile(world.alternateProvider.email)];
    for (const tab of [one, two]) {
      await tab.page.goto('/referrals?view=open');
      await tab.page.getByRole('button', { name: `Claim ${open.reference}` }).waitFor();
    }
    return { open, one, two };
  };

  it('gives an open referral to the first of two providers who claim it', async () => {
    const { open, one, two } = await openReferralSeenByTwo();
    await one.page.getByRole('button', { name: `Claim ${open.reference}` }).click();
    await one.page.waitForURL(`**/referrals/${open.id}`);
    await statusIs(one.page, 'Accepted');
    await two.page.getByRole('button', { name: `Claim ${open.reference}` }).click();
    await two.page.getByText(new RegExp(`${open.reference} could not be claimed`)).waitFor();
    expect(await dialog(two.page, /.*/).count()).toBe(0);
  });

  it('lets a provider pass on an open referral with a reason: it leaves their pool, stays in the other\'s, and the referrer reads why', async () => {
    const { open, one, two } = await openReferralSeenByTwo();
    await one.page.getByRole('button', { name: `Pass on ${open.reference}` }).click();
    const passing = dialog(one.page, `Pass on ${open.reference}`);
    await passing.waitFor();
    await choose(one.page, 'Reason', 'No capacity');
    await passing.getByRole('textbox', { name: 'Note (optional)' }).fill('No evening slots until January.');
    await submitDialog(passing, 'Pass');
    await one.page.getByRole('button', { name: `Claim ${open.reference}` }).waitFor({ state: 'detached' });

    await two.page.reload();
    await two.page.getByRole('button', { name: `Claim ${open.reference}` }).waitFor();

    const referrer = await profile(world.coordinatorA.email);
    await referrer.page.goto(`/referrals/${open.id}`);
    const history = referrer.page.getByRole('region', { name: 'History' });
    await history.getByText('No evening slots until January.').waitFor();
    expect(await history.getByText(/^Passed/).count()).toBeGreaterThan(0);
  });
});
