import type { Locator, Page } from 'playwright-core';
import { byStatus, referralStats, setSentAt } from '../support/referral-stats-fixture';
import { USER_PASSWORD } from '../support/fixtures';
import { useWorld } from '../support/file-setup';
import { referralIn } from '../support/world';
import { accessibilityProblems, DESKTOP, newProfile, PageGlobals, signInThroughPage, useChromium } from '../support/chromium';
import { chooseWithKeyboard, pressUntil, tabTo } from './journey-steps';

/** Clinic A's zone (every clinic of the world is in it): the page's periods are its days. */
const CLINIC_ZONE = 'America/Chicago';
/** UTC+14: the browser's own day is mostly a day ahead of the clinic's. */
const BROWSER_ZONE = 'Pacific/Kiritimati';
const DAY_MS = 86_400_000;

const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const todayInClinic = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: CLINIC_ZONE }).format(new Date());
/** A day as the page writes it: "Nov 26, 2026". */
const written = (day: string): string => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' }).format(Date.parse(`${day}T00:00:00Z`));
/** The caption of the table of every figure, which names the period: the report for that period is shown. */
const reportFor = (page: Page, first: string, last: string): Locator =>
  page.getByRole('table', { name: `Referrals sent ${first === last ? written(first) : `${written(first)} – ${written(last)}`}, days in ${CLINIC_ZONE}` });

/** The key figures as their cards show them, label to value. */
async function keyFigures(page: Page): Promise<Record<string, string>> {
  const cards = await page.getByRole('list', { name: 'Key figures' }).getByRole('listitem').all();
  return Object.fromEntries(await Promise.all(cards.map(async (card) => (await card.getByRole('paragraph').allInnerTexts()).slice(0, 2))));
}

/** A table's rows as read aloud, one line each: "Declined 2 40%". */
async function rowsOf(table: Locator): Promise<string[]> {
  return (await table.getByRole('row').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
}

/** Opens the custom range's calendar from the keyboard, Tab from the Period field to it and Enter. */
async function openCalendar(page: Page): Promise<Locator> {
  await tabTo(page, page.getByRole('button', { name: 'Dates' }));
  await page.keyboard.press('Enter');
  const calendar = page.getByRole('dialog', { name: 'Dates' });
  await calendar.waitFor();
  // Shown is not yet settled: the dropdown fades in, and a check of its colours mid-fade would
  // measure them half transparent. Waits until it is fully opaque.
  await calendar.evaluate(
    (element) =>
      new Promise<void>((resolve) => {
        type Node = { parentElement: Node | null };
        const { getComputedStyle, requestAnimationFrame } = globalThis as unknown as {
          getComputedStyle: (node: Node) => { opacity: string };
          requestAnimationFrame: (callback: () => void) => void;
        };
        // The fade may sit on the dialog or on a wrapper around it: every ancestor counts.
        const opaque = (node: Node | null): boolean => node === null || (getComputedStyle(node).opacity === '1' && opaque(node.parentElement));
        const settled = () => (opaque(element) ? resolve() : requestAnimationFrame(settled));
        settled();
      }),
  );
  return calendar;
}

/**
 * Picks `day` in the open calendar as a keyboard user does: Tab into the month's days, the arrow
 * keys to the day (a week at a time while it is a week away or more), Enter.
 */
async function pickDay(page: Page, day: string): Promise<void> {
  const goal = Date.parse(`${day}T00:00:00Z`);
  await pressUntil(
    page,
    async () => {
      // A day's button is named by its date ("26 November 2026"); nothing else in the calendar is.
      const label = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.getAttribute('aria-label') ?? '');
      const focused = Date.parse(`${label} UTC`);
      if (Number.isNaN(focused)) return 'Tab';
      if (focused === goal) return null;
      const weeks = Math.abs(focused - goal) >= 7 * DAY_MS;
      return focused > goal ? (weeks ? 'ArrowUp' : 'ArrowLeft') : weeks ? 'ArrowDown' : 'ArrowRight';
    },
    `The calendar never reached ${day}`,
  );
  await page.keyboard.press('Enter');
}

/*
 * The statistics page, by coordinator A, from a browser whose clock is in Kiritimati while the
 * clinic's days are Chicago's: the figures, the chart's summary and the tables show what
 * referralStats counts for the period chosen, presets and a custom range alike, picked from the
 * keyboard; a period without referrals shows the empty state. No serious accessibility problem in
 * any of these states, the calendar open included.
 */
describe('the statistics page in the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world, db } = useWorld();
  let page: Page;
  let today: string;
  let tenDaysAgo: string;

  beforeAll(async () => {
    today = todayInClinic();
    tenDaysAgo = addDays(today, -10);
    // Sent today: two accepted, one declined, one awaiting an answer; and a draft, never counted.
    for (const state of ['ACCEPTED', 'ACCEPTED', 'DECLINED', 'SENT', 'DRAFT'] as const) await referralIn(world, state);
    // Declined and never redirected, sent ten days ago late in the evening in Chicago: 04:00 UTC
    // is already the next day in UTC and in the browser's zone, but not in the clinic's.
    const older = await referralIn(world, 'DECLINED');
    await setSentAt(db, older.id, new Date(`${addDays(tenDaysAgo, 1)}T04:00:00.000Z`));

    const tab = await newProfile(chromium.browser, app.baseUrl, DESKTOP, BROWSER_ZONE);
    page = tab.page;
    await page.goto('/');
    await signInThroughPage(page, world.coordinatorA.email, USER_PASSWORD);
  });

  it("shows the last 30 days at first, as referralStats counts them: figures, the chart's summary and the tables", async () => {
    const asked = page.waitForRequest((request) => request.postDataJSON()?.operationName === 'StatsPageReferralStats');
    await page.goto('/statistics');
    await reportFor(page, addDays(today, -29), today).waitFor();
    const period = (await asked).postDataJSON().variables.input as { from: string; to: string };
    expect(await referralStats(world.coordinatorA.client, period)).toMatchObject({
      total: 5,
      accepted: 2,
      declined: 2,
      leaked: 2,
      byStatus: byStatus({ SENT: 1, ACCEPTED: 2, DECLINED: 2 }),
    });

    expect(await keyFigures(page)).toMatchObject({ 'Referrals sent': '5', 'Acceptance rate': '50%', 'Completion rate': '0%', Leakage: '40%' });
    expect(await page.getByRole('figure').getAttribute('aria-label')).toBe(
      'Referrals by current status: Sent 1, Accepted 2, Declined 2.',
    );
    expect(await rowsOf(page.getByRole('table', { name: 'Referrals by current status' }))).toEqual(
      ['Status Referrals Share', 'Sent 1 20%', 'Accepted 2 40%', 'Declined 2 40%'],
    );
    expect(await rowsOf(reportFor(page, addDays(today, -29), today))).toEqual(
      expect.arrayContaining([
        'Referrals sent 5 Sent in the period; drafts are not counted',
        'Acceptance rate 50% 2 accepted of 4 answered or expired',
        'Leakage 40% 2 patients lost: declined or expired and never redirected',
        'Declined 2 Declined by the receiver',
      ]),
    );
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('counts only the last 7 days once that preset is chosen from the keyboard', async () => {
    await page.goto('/statistics');
    await reportFor(page, addDays(today, -29), today).waitFor();
    await chooseWithKeyboard(page, 'Period', 'Last 7 days');
    await reportFor(page, addDays(today, -6), today).waitFor();
    expect(await keyFigures(page)).toMatchObject({ 'Referrals sent': '4', 'Acceptance rate': '67%', Leakage: '25%' });
    expect(await rowsOf(page.getByRole('table', { name: 'Referrals by current status' }))).toEqual(
      ['Status Referrals Share', 'Sent 1 25%', 'Accepted 2 50%', 'Declined 1 25%'],
    );
  });

  it("counts a custom day of the clinic's calendar, picked from the keyboard, with a referral sent late that evening in Chicago", async () => {
    await page.goto('/statistics');
    await chooseWithKeyboard(page, 'Period', 'Custom range');
    await page.getByText('Pick the first and the last day of the period.').waitFor();
    const calendar = await openCalendar(page);
    expect(await accessibilityProblems(page)).toEqual([]);
    await pickDay(page, tenDaysAgo);
    await pickDay(page, tenDaysAgo);
    await calendar.waitFor({ state: 'hidden' });

    await reportFor(page, tenDaysAgo, tenDaysAgo).waitFor();
    expect(await keyFigures(page)).toMatchObject({ 'Referrals sent': '1', 'Acceptance rate': '0%', Leakage: '100%' });
    expect(await rowsOf(page.getByRole('table', { name: 'Referrals by current status' }))).toEqual(['Status Referrals Share', 'Declined 1 100%']);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('shows the empty state, and no figures, for days that hold no referral', async () => {
    await page.goto('/statistics');
    await chooseWithKeyboard(page, 'Period', 'Custom range');
    const calendar = await openCalendar(page);
    await pickDay(page, addDays(tenDaysAgo, 1));
    await pickDay(page, addDays(today, -1));
    await calendar.waitFor({ state: 'hidden' });

    await page.getByText(`${written(addDays(tenDaysAgo, 1))} – ${written(addDays(today, -1))}, days in ${CLINIC_ZONE}`, { exact: true }).waitFor();
    await page.getByText('No referrals were sent in this period').waitFor();
    await page.getByText('Choose a longer period.').waitFor();
    expect(await page.getByRole('list', { name: 'Key figures' }).count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
