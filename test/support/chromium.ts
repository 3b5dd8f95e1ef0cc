import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core: Playwright cannot download its own browser on
 * machines without internet. The flags keep it from reaching out (sync, updates, background
 * requests), which a closed network would refuse many times a second.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Where the run leaves screenshots of the main pages (ignored by git; the README's copies are in docs/). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-results/screenshots');

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1440, height: 900 };

/**
 * One Chromium for the file, launched before its tests and closed after them. Read `.browser` in
 * hooks and tests (it is set when the file's beforeAll has run), not where the describe block is written.
 */
export function useChromium(): { readonly browser: Browser } {
  // A browser test walks through several pages, each step allowed the page timeout: on a machine
  // busy with other test files one such test may need more than the 30 s that guards the server
  // tests against a hang. Still a guard, not a measure.
  jest.setTimeout(90_000);
  const parts = { browser: {} as Browser };
  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`);
    parts.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  }, 30_000);
  afterAll(async () => {
    if ('close' in parts.browser) await parts.browser.close();
  });
  return parts;
}

/**
 * A browser tab with what it printed and every address it showed: a test checks no patient data
 * reached the console or an address bar, and no page error happened.
 */
export interface Tab {
  context: BrowserContext;
  page: Page;
  console: string[];
  pageErrors: string[];
  /** Every address of the tab's page, in order, the app's own client-side moves included. */
  addresses: string[];
}

/**
 * A fresh browser profile (its own cookies and storage) with one tab. Its clock is in the test
 * process's zone unless `timezoneId` names another (a person far from their clinic).
 */
export async function newProfile(browser: Browser, baseUrl: string, viewport = DESKTOP, timezoneId?: string): Promise<Tab> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'en-US', timezoneId });
  return newTab(context);
}

/** Another tab of the same profile: shares its cookies, as a second tab of one browser does. */
export async function newTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  // Well under Jest's 30 s: a step that cannot happen fails with Playwright's own message.
  page.setDefaultTimeout(10_000);
  const tab: Tab = { context, page, console: [], pageErrors: [], addresses: [] };
  page.on('console', (message) => tab.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => tab.pageErrors.push(error.message));
  // Fired for history.pushState too, so a client-side route change is recorded like a page load.
  page.on('framenavigated', (frame) => frame === page.mainFrame() && tab.addresses.push(frame.url()));
  return tab;
}

/**
 * A fresh profile signed in through the sign-in page, as a person starts their day. The profile
 * closes with the browser: a file that declares useChromium() before the gateway's own hooks
 * needs no afterAll of its own.
 */
export async function signedInProfile(browser: Browser, baseUrl: string, email: string, password: string, viewport = DESKTOP): Promise<Tab> {
  const tab = await newProfile(browser, baseUrl, viewport);
  await tab.page.goto('/');
  await signInThroughPage(tab.page, email, password);
  return tab;
}

/** Signs in through the sign-in page, as a person would, and waits for the app behind it. */
export async function signInThroughPage(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /^Account:/ }).waitFor();
}

/**
 * The page's globals as the functions passed to page.evaluate see them: this project's type-check
 * has no DOM library, and those functions run in the page, so they reach them through globalThis
 * (a cast, which leaves nothing behind when the function is sent to the browser).
 */
export interface PageGlobals {
  document: { activeElement: { getAttribute: (name: string) => string | null } | null; documentElement: { scrollWidth: number } };
  innerWidth: number;
  localStorage: Record<string, string>;
  sessionStorage: Record<string, string>;
  axe: { run: (context: unknown, options: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
}

let axeSource: string | undefined;

/**
 * axe-core's serious and critical findings on the page as it is now. The script is evaluated
 * through the DevTools protocol, which the page's Content-Security-Policy (script-src 'self')
 * does not apply to, so the policy under test stays as it is served.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const page = globalThis as unknown as PageGlobals;
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

/** Saves a screenshot of the page under test-results/screenshots. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // The window as a person sees it (a full-page capture would draw the fixed header mid-page).
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Whether the page is wider than the window (a phone user would have to scroll sideways). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as PageGlobals;
    return document.documentElement.scrollWidth > innerWidth + 1;
  });
}

/**
 * Every place patient data must never reach in a browser: every address the tab showed, its web
 * storage, and what it printed to the console.
 */
export async function phiLeaks(tab: Tab, phi: readonly string[]): Promise<string[]> {
  const storage = await tab.page.evaluate(() => {
    const { localStorage, sessionStorage } = globalThis as unknown as PageGlobals;
    return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } });
  });
  const places = [...tab.addresses.map((url) => `url ${decodeURIComponent(url)}`), `storage ${storage}`, ...tab.console.map((line) => `console ${line}`)];
  return places.filter((place) => phi.some((value) => value && place.toLowerCase().includes(value.toLowerCase())));
}
