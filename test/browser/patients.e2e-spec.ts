import type { Page } from 'playwright-core';
import { createPatient, USER_PASSWORD } from '../support/fixtures';
import { useWorld } from '../support/file-setup';
import { accessibilityProblems, signedInProfile, Tab, useChromium } from '../support/chromium';
import { pollUntil } from '../support/poll-until';
import { choose, dialog, statusIs } from './journey-steps';

/*
 * The patients pages, by a coordinator: a search that narrows the list and stays out of the
 * address, registering a patient (a field the server refuses is shown beside it), editing them,
 * and starting a referral for them with the patient already chosen.
 */
describe('the patients pages in the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world } = useWorld();
  let tab: Tab;
  let page: Page;
  const lastName = `Okafor${Date.now().toString(36)}`;
  let patientUrl: string;

  beforeAll(async () => {
    tab = await signedInProfile(chromium.browser, app.baseUrl, world.coordinatorA.email, USER_PASSWORD);
    page = tab.page;
  });

  it('narrows the list by search, without the search in the address', async () => {
    const other = await createPatient(world.coordinatorA.client, world.clinicA.id, { firstName: 'Priya', lastName: 'Venkataraman' });
    await page.goto('/patients');
    await page.getByRole('heading', { level: 2, name: /^All patients/ }).waitFor();
    await page.getByRole('link', { name: `Priya ${other.lastName}` }).waitFor();
    await page.getByRole('search', { name: 'Search patients' }).getByRole('textbox', { name: 'Search' }).fill(world.patient.lastName);
    await page.getByRole('heading', { level: 2, name: /^Matching patients\s*1$/ }).waitFor();
    await page.getByRole('list', { name: 'Matching patients' }).getByRole('link', { name: `${world.patient.firstName} ${world.patient.lastName}` }).waitFor();
    expect(await page.getByRole('link', { name: `Priya ${other.lastName}` }).count()).toBe(0);

    await page.getByRole('search', { name: 'Search patients' }).getByRole('textbox', { name: 'Search' }).fill('nobody-by-this-name');
    await page.getByText('No patient matches this search').waitFor();
    expect(tab.addresses.filter((url) => decodeURIComponent(url).toLowerCase().includes(world.patient.lastName.toLowerCase()))).toEqual([]);
  });

  it('registers a patient, showing a field the server refuses beside that field', async () => {
    await page.goto('/patients');
    await page.getByRole('button', { name: 'New patient' }).click();
    const form = dialog(page, 'New patient');
    await form.waitFor();
    await form.getByRole('textbox', { name: 'First name' }).fill('Amara');
    await form.getByRole('textbox', { name: 'Last name' }).fill(lastName);
    await form.getByRole('textbox', { name: 'Date of birth' }).fill('1975-04-12');
    // Its calendar, open, passes as the rest does (named arrows, readable days); Escape closes the calendar alone.
    await form.getByRole('textbox', { name: 'Date of birth' }).click();
    // A date of birth opens on the decade.
    const previousDecade = page.getByRole('button', { name: 'Previous decade' });
    await previousDecade.waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await previousDecade.waitFor({ state: 'detached' });
    expect(await form.isVisible()).toBe(true);
    // Well-formed to the form's own check, refused by the server (a one-letter top-level domain).
    const email = form.getByRole('textbox', { name: 'Email' });
    await email.fill('amara@example.c');
    await form.getByRole('button', { name: 'Register patient' }).click();
    await form.getByText('Email must be an email address').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await form.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain('Email must be an email address');

    await email.fill('amara.okafor@example.com');
    await form.getByLabel('The patient agreed to receive status emails').check();
    await form.getByRole('button', { name: 'Register patient' }).click();
    await form.waitFor({ state: 'detached' });
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: `Amara ${lastName}` }).waitFor();
    await page.getByText('amara.okafor@example.com').first().waitFor();
    await page.getByText('Agreed', { exact: true }).waitFor();
    patientUrl = page.url();
  });

  it('edits the patient', async () => {
    await page.goto(patientUrl);
    await page.getByRole('button', { name: 'Edit patient' }).click();
    const form = dialog(page, `Edit Amara ${lastName}`);
    await form.waitFor();
    await form.getByRole('textbox', { name: 'First name' }).fill('Amarachi');
    await form.getByRole('textbox', { name: 'Phone' }).fill('+1 312-555-0142');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: `Amarachi ${lastName}` }).waitFor();
    await page.getByText('+1 312-555-0142').first().waitFor();
  });

  it('starts a referral for the patient with them already chosen, and sends it', async () => {
    await page.goto(patientUrl);
    await page.getByRole('link', { name: 'New referral for this patient' }).click();
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    // The patient came along in the page's state, not in the address.
    expect(new URL(page.url()).pathname).toBe('/referrals/new');
    expect(new URL(page.url()).search).toBe('');
    const chosen = page.getByRole('combobox', { name: 'Patient' });
    await pollUntil(() => chosen.inputValue(), (value) => value.startsWith(`Amarachi ${lastName} (born`), { timeoutMs: 10_000, what: 'the patient chosen in the form' });

    await choose(page, 'Modality', 'Physical therapy');
    await choose(page, 'Conditions', /^Back pain/);
    await page.keyboard.press('Escape');
    await page.getByLabel('Reason for referral').fill('Low back pain after lifting; limited flexion.');
    await page.getByLabel(/agreed to share this referral/).check();
    await page.getByRole('radio', { name: /Offer it to the open pool/ }).check();
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    await statusIs(page, 'Sent');
    await page.getByRole('heading', { level: 1, name: `Amarachi ${lastName}` }).waitFor();
    expect(tab?.pageErrors).toEqual([]);
  });
});
