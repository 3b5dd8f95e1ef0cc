import type { Locator, Page } from 'playwright-core';
import { USER_PASSWORD } from '../support/fixtures';
import { useWorld } from '../support/file-setup';
import { accessibilityProblems, signedInProfile, useChromium } from '../support/chromium';
import { chooseWithKeyboard, isFocused, pressUntil, referralIdOf, statusIs, tabTo } from './journey-steps';

const SENT_REFERRAL = `query referral($id: ID!) {
  referral(id: $id) {
    status modality conditions reason
    patient { id }
    toProvider { id }
    assessment { rangeOfMotion { joint movement side measuredDegrees expectedDegrees painScore } }
    goals { longTerm }
  }
}`;

/** A date of birth as the patient chooser writes it: "Jan 1, 1980". */
const born = (day: string): string => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' }).format(Date.parse(`${day}T00:00:00Z`));

/** Presses Shift+Tab until `target` has the focus: back to a field the page added before the focus. */
const shiftTabTo = (page: Page, target: Locator): Promise<void> => pressUntil(page, async () => ((await isFocused(target)) ? null : 'Shift+Tab'), 'Shift+Tab never reached the element');

/*
 * The new-referral form, by coordinator A, from the keyboard alone: every field reached with Tab
 * (Shift+Tab back to a row the form adds above the focus), the choices made with the arrow keys,
 * Space and Enter, never the mouse. The referral that opens is sent, and the API holds what was
 * chosen: the patient, the modality, the condition, the assessment row, the goal and the first
 * provider of the ranked matches.
 */
describe('the new-referral form in the web app, from the keyboard alone', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world } = useWorld();
  let page: Page;

  beforeAll(async () => {
    page = (await signedInProfile(chromium.browser, app.baseUrl, world.coordinatorA.email, USER_PASSWORD)).page;
  });

  it('creates and sends a referral to the first ranked provider', async () => {
    await page.goto('/referrals/new');
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();

    // The patient: Tab from the top of the page, part of the name typed, the arrow keys to them.
    const { firstName, lastName, dateOfBirth } = world.patient;
    await tabTo(page, page.getByRole('combobox', { name: 'Patient' }));
    await chooseWithKeyboard(page, 'Patient', `${firstName} ${lastName} (born ${born(dateOfBirth)})`, lastName);

    // What is asked: the modality, a condition of the vocabulary, the reason.
    await tabTo(page, page.getByRole('combobox', { name: 'Modality' }));
    await chooseWithKeyboard(page, 'Modality', 'Physical therapy');
    await tabTo(page, page.getByRole('combobox', { name: 'Conditions' }));
    await chooseWithKeyboard(page, 'Conditions', 'Shoulder pain', 'shoulder');
    await page.keyboard.press('Escape');
    await tabTo(page, page.getByRole('textbox', { name: 'Reason for referral' }));
    await page.keyboard.type('Rotator cuff strain; weak abduction, pain at night.');

    // One range-of-motion finding: the button adds a row above it, reached back with Shift+Tab.
    const addFinding = page.getByRole('button', { name: 'Add a range-of-motion finding' });
    await tabTo(page, addFinding);
    await page.keyboard.press('Enter');
    const joint = page.getByRole('textbox', { name: 'Joint', exact: true });
    await joint.waitFor();
    await shiftTabTo(page, joint);
    await page.keyboard.type('Shoulder');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('textbox', { name: 'Movement', exact: true }))).toBe(true);
    await page.keyboard.type('Abduction');
    // The side: Tab into the row's choices, on the one chosen ("—"), the arrow keys to Right.
    const sides = page.getByRole('radiogroup', { name: 'Side, row 1' });
    await page.keyboard.press('Tab');
    expect(await isFocused(sides.getByRole('radio', { name: '—' }))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await isFocused(sides.getByRole('radio', { name: 'Right' }))).toBe(true);
    expect(await sides.getByRole('radio', { name: 'Right' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('textbox', { name: 'Measured °' }))).toBe(true);
    await page.keyboard.type('95');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('textbox', { name: 'Expected °' }))).toBe(true);
    await page.keyboard.type('180');

    // Goals, consent.
    await tabTo(page, page.getByRole('textbox', { name: 'Long-term goal' }));
    await page.keyboard.type('Lift the arm overhead without pain to return to swimming.');
    const consent = page.getByRole('checkbox', { name: /agreed to share this referral/ });
    await tabTo(page, consent);
    await page.keyboard.press('Space');
    expect(await consent.isChecked()).toBe(true);

    // The first of the ranked matches: Tab into the group lands on it, Space chooses it.
    const targets = page.getByRole('radiogroup', { name: 'Send it to' });
    const first = targets.getByRole('radio', { name: /^1\. / });
    await first.waitFor();
    await tabTo(page, first);
    await page.keyboard.press('Space');
    expect(await first.isChecked()).toBe(true);
    const providerId = await first.getAttribute('value');
    expect(providerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await accessibilityProblems(page)).toEqual([]);

    await tabTo(page, page.getByRole('button', { name: 'Send referral' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    await statusIs(page, 'Sent');

    const { referral } = await world.coordinatorA.client.ok<{ referral: Record<string, unknown> }>(SENT_REFERRAL, { id: referralIdOf(page) });
    expect(referral).toEqual({
      status: 'SENT',
      modality: 'PHYSICAL_THERAPY',
      conditions: ['SHOULDER_PAIN'],
      reason: 'Rotator cuff strain; weak abduction, pain at night.',
      patient: { id: world.patient.id },
      toProvider: { id: providerId },
      assessment: { rangeOfMotion: [{ joint: 'Shoulder', movement: 'Abduction', side: 'RIGHT', measuredDegrees: 95, expectedDegrees: 180, painScore: null }] },
      goals: { longTerm: 'Lift the arm overhead without pain to return to swimming.' },
    });
  });
});
