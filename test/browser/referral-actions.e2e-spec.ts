import type { Page, Request } from 'playwright-core';
import { createPatient, referralInput, runReferralMutation, USER_PASSWORD } from '../support/fixtures';
import { useWorld } from '../support/file-setup';
import { signedInProfile, useChromium } from '../support/chromium';
import { choose, openAction, referralIdOf, statusIs, submitDialog } from './journey-steps';

/*
 * The referral page's actions and the new-referral form's ways out, each from a starting state
 * made through the API: a provider declines with a reason and the referrer redirects to a
 * suggested provider; the referrer cancels with a reason; a draft saved from the form is sent
 * later from its page; a double click on "Send referral" makes one referral; the open pool with
 * a radius of the user's choosing.
 */
describe('referral actions and the new-referral form in the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world, db } = useWorld();
  const names: Record<'target' | 'alternate', string> = { target: '', alternate: '' };

  const profile = async (email: string): Promise<Page> => (await signedInProfile(chromium.browser, app.baseUrl, email, USER_PASSWORD)).page;

  const sentReferral = (patientId = world.patient.id) =>
    runReferralMutation(world.coordinatorA.client, 'createReferral', referralInput(patientId, world.targetProvider.providerId, { send: true }));

  const referralsOf = async (patientId: string) =>
    (await db.query<{ id: string; status: string; to_provider_id: string | null; pool_radius_km: number | null }>('SELECT id, status, to_provider_id, pool_radius_km FROM referrals WHERE patient_id = $1', [patientId])).rows;

  /** Fills the new-referral form for `lastName`'s patient up to its target, as a coordinator would. */
  const fillForm = async (page: Page, lastName: string) => {
    await page.goto('/referrals/new');
    await page.getByRole('heading', { name: 'New referral', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Patient' }).fill(lastName);
    await page.getByRole('option', { name: new RegExp(lastName) }).first().click();
    await choose(page, 'Modality', 'Physical therapy');
    await choose(page, 'Conditions', 'Shoulder pain');
    await page.keyboard.press('Escape');
    await page.getByLabel('Reason for referral').fill('Rotator cuff strain; weak abduction, pain at night.');
    await page.getByLabel(/agreed to share this referral/).check();
  };

  beforeAll(async () => {
    for (const [key, actor] of [['target', world.targetProvider], ['alternate', world.alternateProvider]] as const) {
      const found = await actor.client.ok<{ provider: { displayName: string } }>('query($id: ID!) { provider(id: $id) { displayName } }', { id: actor.providerId });
      names[key] = found.provider.displayName;
    }
  });

  it('lets the provider decline with a reason, and the referrer redirect to a suggested provider', async () => {
    const referral = await sentReferral();
    const provider = await profile(world.targetProvider.email);
    await provider.goto(`/referrals/${referral.id}`);
    const decline = await openAction(provider, /^Decline$/, /Decline referral/);
    await choose(provider, 'Reason', 'Out of scope');
    await decline.getByLabel('Note (optional)').fill('We do not treat post-surgical shoulders.');
    await submitDialog(decline, 'Decline');
    await statusIs(provider, 'Declined');

    const coordinator = await profile(world.coordinatorA.email);
    await coordinator.goto(`/referrals/${referral.id}`);
    await statusIs(coordinator, 'Declined');
    await coordinator.getByText('Out of scope: We do not treat post-surgical shoulders.').first().waitFor();

    const redirect = await openAction(coordinator, /^Redirect$/, /Redirect to another provider/);
    await redirect.getByRole('radio', { name: new RegExp(names.alternate) }).check();
    await submitDialog(redirect, /^Redirect$/);
    // The new referral's page opens, sent at once to the provider chosen, and names the one it replaces.
    await coordinator.waitForURL((url) => /^\/referrals\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(referral.id));
    const replacement = referralIdOf(coordinator);
    await statusIs(coordinator, 'Sent');
    await coordinator.getByText(`${names.alternate}, Clinic B (receives)`).first().waitFor();
    await coordinator.getByRole('link', { name: referral.reference }).first().waitFor();
    expect((await referralsOf(world.patient.id)).find((row) => row.id === replacement)).toMatchObject({ status: 'SENT', to_provider_id: world.alternateProvider.providerId });

    // And the declined one points to its replacement.
    await coordinator.getByRole('link', { name: referral.reference }).first().click();
    await coordinator.waitForURL(`**/referrals/${referral.id}`);
    await coordinator.getByText(/^Replaced by/).getByRole('link').click();
    await coordinator.waitForURL(`**/referrals/${replacement}`);
  });

  it('lets the referrer cancel with a reason, which the provider then sees', async () => {
    const referral = await sentReferral();
    const coordinator = await profile(world.coordinatorA.email);
    await coordinator.goto(`/referrals/${referral.id}`);
    const cancel = await openAction(coordinator, 'Cancel referral');
    await cancel.getByLabel('Reason (optional)').fill('The patient moved out of state.');
    await submitDialog(cancel, 'Cancel referral');
    await statusIs(coordinator, 'Cancelled');
    await coordinator.getByText('The patient moved out of state.').first().waitFor();
    expect(await coordinator.getByRole('group', { name: 'Actions', exact: true }).count()).toBe(0);

    const provider = await profile(world.targetProvider.email);
    await provider.goto(`/referrals/${referral.id}`);
    await statusIs(provider, 'Cancelled');
    await provider.getByText('The patient moved out of state.').first().waitFor();
    expect(await provider.getByRole('group', { name: 'Actions', exact: true }).count()).toBe(0);
  });

  it('saves a draft from the form, and sends it later from its page', async () => {
    const patient = await createPatient(world.coordinatorA.client, world.clinicA.id);
    const page = await profile(world.coordinatorA.email);
    await fillForm(page, patient.lastName);
    await page.getByRole('radio', { name: new RegExp(names.target) }).check();
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    await statusIs(page, 'Draft');
    expect(await referralsOf(patient.id)).toEqual([expect.objectContaining({ id: referralIdOf(page), status: 'DRAFT' })]);

    // Later: back to the draft from the outbound list, and sent from its page.
    await page.goto('/referrals?view=outbound');
    await page.getByRole('link', { name: new RegExp(patient.lastName) }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    await statusIs(page, 'Draft');
    const send = await openAction(page, /^Send$/, /Send referral/);
    await send.getByText(`goes to ${names.target}`).first().waitFor();
    await submitDialog(send, /^Send$/);
    await statusIs(page, 'Sent');
    expect(await referralsOf(patient.id)).toEqual([expect.objectContaining({ status: 'SENT', to_provider_id: world.targetProvider.providerId })]);
  });

  it('makes exactly one referral of a double click on "Send referral"', async () => {
    const patient = await createPatient(world.coordinatorA.client, world.clinicA.id);
    const page = await profile(world.coordinatorA.email);
    await fillForm(page, patient.lastName);
    await page.getByRole('radio', { name: new RegExp(names.target) }).check();
    const creations: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.postData()?.includes('"CreateReferral"')) creations.push(request);
    });
    await page.getByRole('button', { name: 'Send referral' }).dblclick();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    await statusIs(page, 'Sent');
    // Whatever the browser sent has been answered before counting.
    await Promise.all(creations.map((request) => request.response()));
    expect(creations.length).toBeGreaterThanOrEqual(1);
    expect(await referralsOf(patient.id)).toEqual([expect.objectContaining({ id: referralIdOf(page), status: 'SENT' })]);
  });

  it('offers a referral to the open pool within the radius chosen in the form', async () => {
    const patient = await createPatient(world.coordinatorA.client, world.clinicA.id);
    const page = await profile(world.coordinatorA.email);
    await fillForm(page, patient.lastName);
    await page.getByRole('radio', { name: /Offer it to the open pool/ }).check();
    const radius = page.getByRole('textbox', { name: 'Radius (km)' });
    await radius.fill('40');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    await statusIs(page, 'Sent');
    await page.getByText('Open pool within 40 km').first().waitFor();
    expect(await referralsOf(patient.id)).toEqual([expect.objectContaining({ status: 'SENT', to_provider_id: null, pool_radius_km: 40 })]);

    // A provider of the modality nearby sees it among the open referrals, without the patient's name.
    const reference = await page.getByRole('main').getByText(/^RF-[A-Z0-9]{6}$/).first().textContent();
    const provider = await profile(world.alternateProvider.email);
    await provider.goto('/referrals?view=open');
    await provider.getByRole('button', { name: `Claim ${reference}` }).waitFor();
    expect(await provider.getByText(patient.lastName).count()).toBe(0);
  });
});
