import type { Locator, Page } from 'playwright-core';
import type { PageGlobals } from '../support/chromium';

/**
 * What people do in the web app, step by step, in the words on the screen. The browser tests read
 * as the journeys they check; the selectors are roles and labels, as assistive technology sees
 * the page, so a test passing is also a sign the page is labelled.
 */

/** Chooses an option of a Mantine Select or MultiSelect by its label text. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Whether `locator` has the keyboard focus. */
export const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((element) => element === (globalThis as unknown as PageGlobals).document.activeElement);

/**
 * Presses the key `next` names until it names none (at most 60 times, then fails saying `what`):
 * how someone on the keyboard moves through a page or a list to what they want.
 */
export async function pressUntil(page: Page, next: () => Promise<string | null>, what: string): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    const key = await next();
    if (key === null) return;
    await page.keyboard.press(key);
  }
  throw new Error(what);
}

/** Presses Tab until `target` has the focus. */
export const tabTo = (page: Page, target: Locator): Promise<void> => pressUntil(page, async () => ((await isFocused(target)) ? null : 'Tab'), 'Tab never reached the element');

/**
 * Chooses an option of a Mantine Select or MultiSelect from the keyboard: `search` typed (if
 * any), ArrowDown until the option is the active one, Enter.
 */
export async function chooseWithKeyboard(page: Page, label: string, option: string, search = ''): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  const wanted = page.getByRole('option', { name: option, exact: true });
  await box.focus();
  await page.keyboard.type(search);
  await pressUntil(
    page,
    async () => {
      const active = await box.getAttribute('aria-activedescendant');
      return active !== null && active === (await wanted.getAttribute('id')) ? null : 'ArrowDown';
    },
    `ArrowDown never reached the option ${option} of ${label}`,
  );
  await page.keyboard.press('Enter');
}

/** A dialog by its title. */
export const dialog = (page: Page, title: string | RegExp): Locator => page.getByRole('dialog', { name: title });

/** Clicks an action of the referral page and waits for its dialog. */
export async function openAction(page: Page, action: string | RegExp, dialogTitle: string | RegExp = action): Promise<Locator> {
  await page.getByRole('group', { name: 'Actions' }).getByRole('button', { name: action }).click();
  const found = dialog(page, dialogTitle);
  await found.waitFor();
  return found;
}

/** Submits a dialog with its main button and waits for it to close. */
export async function submitDialog(found: Locator, button: string | RegExp): Promise<void> {
  await found.getByRole('button', { name: button }).click();
  await found.waitFor({ state: 'detached' });
}

/** Waits until the referral page shows this status. */
export async function statusIs(page: Page, status: string): Promise<void> {
  await page.getByRole('main').getByText(status, { exact: true }).first().waitFor();
}

/** The id in a referral page's address (/referrals/<id>). */
export function referralIdOf(page: Page): string {
  const match = /\/referrals\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not on a referral page: ${page.url()}`);
  return match[1];
}
