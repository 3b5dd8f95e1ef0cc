import type { Locator, Page } from 'playwright-core';
import { createSignedInUser, USER_PASSWORD } from '../support/fixtures';
import { useWorld } from '../support/file-setup';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';
import { PROVIDER_PROFILE_FIELDS } from '../support/operations';
import { accessibilityProblems, newProfile, signedInProfile, signInThroughPage, useChromium } from '../support/chromium';
import { choose, chooseWithKeyboard } from './journey-steps';

const PROVIDER = `query provider($id: ID!) { provider(id: $id) { ${PROVIDER_PROFILE_FIELDS} userId } }`;
const DIRECTORY = `query { providers(first: 100) { totalCount edges { node { id displayName } } } }`;
const PROFILE_OF_SIGNED_IN_USER = `query { me { providerId } }`;

interface ProviderFormValues {
  userId: string;
  clinicId: string;
  displayName: string;
  email: string;
}

/*
 * The onboarding page's provider form, by the platform admin, from the keyboard alone: a profile
 * for a Provider user of clinic B, which the provider directory then lists and a new referral of
 * clinic A offers; and a clinic the user does not work for, which the server refuses beside the
 * field, with nothing written.
 */
describe('the provider form of the onboarding page in the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world } = useWorld();
  let admin: Page;
  // The file's database is its own: nobody else in it has this name.
  const providerName = 'Noor Haddad';

  beforeAll(async () => {
    admin = (await signedInProfile(chromium.browser, app.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD)).page;
  });

  /** Opens the page on its third tab, reached with the arrow keys from the first. */
  async function openProviderForm(): Promise<Locator> {
    await admin.goto('/onboarding');
    await admin.getByRole('tab', { name: '1. Clinic' }).focus();
    await admin.keyboard.press('ArrowRight');
    await admin.keyboard.press('ArrowRight');
    const form = admin.getByRole('region', { name: 'Create a provider profile' });
    await form.waitFor();
    return form;
  }

  /** Pastes into a field from the keyboard, as the form asks for ids: copied from where ReferLoop showed them. */
  async function paste(field: Locator, text: string): Promise<void> {
    await field.focus();
    await admin.keyboard.insertText(text);
  }

  /** Fills what every profile needs from the keyboard: the ids pasted, the rest typed, the modality chosen with the arrow keys. */
  async function fillRequired(form: Locator, values: ProviderFormValues): Promise<void> {
    await paste(form.getByRole('textbox', { name: 'User id', exact: true }), values.userId);
    await paste(form.getByRole('textbox', { name: 'Clinic id', exact: true }), values.clinicId);
    await form.getByRole('textbox', { name: 'Display name', exact: true }).pressSequentially(values.displayName);
    await form.getByRole('textbox', { name: 'Email', exact: true }).pressSequentially(values.email);
    await chooseWithKeyboard(admin, 'Modalities', 'Physical therapy', 'physical');
    await admin.keyboard.press('Escape');
    await form.getByRole('textbox', { name: 'Latitude', exact: true }).pressSequentially('41.89');
    await form.getByRole('textbox', { name: 'Longitude', exact: true }).pressSequentially('-87.62');
  }

  it('creates a profile for a Provider user of a clinic, which the provider directory then lists', async () => {
    const user = await createSignedInUser(world.platformAdmin, 'PROVIDER', world.clinicB.id);
    const form = await openProviderForm();
    await fillRequired(form, { userId: user.id, clinicId: world.clinicB.id, displayName: providerName, email: 'noor@example.com' });
    await chooseWithKeyboard(admin, 'Techniques', 'Stretching and mobility', 'stretch');
    await chooseWithKeyboard(admin, 'Conditions', 'Knee pain and patellar tracking', 'knee');
    await chooseWithKeyboard(admin, 'Languages', 'Spanish (es)', 'spanish');
    await admin.keyboard.press('Escape');
    await form.getByRole('textbox', { name: 'Weekly capacity', exact: true }).focus();
    await admin.keyboard.press('Control+A');
    await admin.keyboard.type('12');
    await form.getByRole('textbox', { name: 'City', exact: true }).pressSequentially('Chicago');
    await form.getByRole('textbox', { name: 'Postal code', exact: true }).pressSequentially('60611');
    // Enter in a field sends the form, as the button would.
    await admin.keyboard.press('Enter');

    const created = form.getByRole('status').filter({ hasText: `Provider profile for ${providerName} created` });
    await created.getByText('They now appear in the provider directory and can receive referrals.').waitFor();
    const providerId = ((await created.locator('code').textContent()) ?? '').trim();
    const { provider } = await world.platformAdmin.ok<{ provider: Record<string, unknown> }>(PROVIDER, { id: providerId });
    expect(provider).toEqual({
      id: providerId,
      userId: user.id,
      clinicId: world.clinicB.id,
      displayName: providerName,
      email: 'noor@example.com',
      modalities: ['PHYSICAL_THERAPY'],
      techniques: ['STRETCHING_MOBILITY'],
      conditions: ['KNEE_PAIN_PATELLAR_TRACKING'],
      languages: ['es'],
      acceptingNewPatients: true,
      weeklyCapacity: 12,
      location: { latitude: 41.89, longitude: -87.62 },
      city: 'Chicago',
      postalCode: '60611',
    });
    const { me } = await user.client.ok<{ me: { providerId: string | null } }>(PROFILE_OF_SIGNED_IN_USER);
    expect(me.providerId).toBe(providerId);
    const { providers } = await world.coordinatorA.client.ok<{ providers: { edges: { node: { id: string; displayName: string } }[] } }>(DIRECTORY);
    expect(providers.edges.map(({ node }) => node)).toContainEqual({ id: providerId, displayName: providerName });
    // Emptied for the next profile.
    expect(await form.getByRole('textbox', { name: 'User id', exact: true }).inputValue()).toBe('');
    expect(await accessibilityProblems(admin)).toEqual([]);
  });

  it('offers the new provider to another clinic writing a referral for their modality', async () => {
    const coordinator = await newProfile(chromium.browser, app.baseUrl);
    await coordinator.page.goto('/referrals/new');
    await signInThroughPage(coordinator.page, world.coordinatorA.email, USER_PASSWORD);
    await coordinator.page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await choose(coordinator.page, 'Modality', 'Physical therapy');
    await coordinator.page.getByRole('radiogroup', { name: 'Send it to' }).getByRole('radio', { name: new RegExp(providerName) }).waitFor();
  });

  it('shows a clinic the user does not work for beside the User id field, and writes nothing', async () => {
    const user = await createSignedInUser(world.platformAdmin, 'PROVIDER', world.clinicB.id);
    const before = await world.platformAdmin.ok<{ providers: { totalCount: number } }>(DIRECTORY);
    const form = await openProviderForm();
    await fillRequired(form, { userId: user.id, clinicId: world.clinicA.id, displayName: 'Pat Refused', email: 'pat@example.com' });
    await admin.keyboard.press('Enter');

    const userIdField = form.getByRole('textbox', { name: 'User id', exact: true });
    await form.getByText('User id must belong to the same clinic').waitFor();
    expect(await userIdField.getAttribute('aria-invalid')).toBe('true');
    // Tied to the field, so a screen reader reads it with the field.
    const describedBy = ((await userIdField.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const descriptions = await Promise.all(describedBy.map((id) => form.locator(`[id="${id}"]`).textContent()));
    expect(descriptions).toContain('User id must belong to the same clinic');
    // What was typed stays, to be corrected.
    expect(await form.getByRole('textbox', { name: 'Display name', exact: true }).inputValue()).toBe('Pat Refused');
    expect(await form.getByRole('status').count()).toBe(0);

    const { me } = await user.client.ok<{ me: { providerId: string | null } }>(PROFILE_OF_SIGNED_IN_USER);
    expect(me.providerId).toBeNull();
    const after = await world.platformAdmin.ok<{ providers: { totalCount: number } }>(DIRECTORY);
    expect(after.providers.totalCount).toBe(before.providers.totalCount);
    expect(await accessibilityProblems(admin)).toEqual([]);
  });
});
