import type { Locator, Page } from 'playwright-core';
import { createPatient, referralInput, runReferralMutation, USER_PASSWORD, Referral } from '../support/fixtures';
import { useWorld } from '../support/file-setup';
import { signedInProfile, Tab, useChromium } from '../support/chromium';
import { choose } from './journey-steps';

/*
 * The inbox over a few dozen referrals made through the API: what needs the viewer's action comes
 * first, filters by status, priority and modality narrow the lists and their counts, a search by
 * reference or patient name finds the one meant and never reaches the address, "Load more"
 * appends the next page, and an answer overdue or due soon is marked.
 */
describe('the inbox in the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world, db } = useWorld();
  const MANY = 21;
  /** One referral per purpose, each for a patient of its own (names chosen to be searched for). */
  const one: Record<'urgent' | 'overdue' | 'dueSoon' | 'cancelled' | 'massageDraft', Referral> = {} as never;
  const lastNames = { many: 'Manifold', urgent: 'Urgell', overdue: 'Latimer', dueSoon: 'Soonberg', cancelled: 'Goneau', massageDraft: 'Kneadham' };
  // Sent to the target provider and needing their answer: the many, the urgent, the overdue and the due-soon one.
  const NEEDING_ANSWER = MANY + 3;

  const profile = (email: string): Promise<Tab> => signedInProfile(chromium.browser, app.baseUrl, email, USER_PASSWORD);

  const send = (patientId: string, overrides: Record<string, unknown> = {}) =>
    runReferralMutation(world.coordinatorA.client, 'createReferral', referralInput(patientId, world.targetProvider.providerId, { send: true, ...overrides }));

  /** A list section's heading, with its count ("Needs your action 24"). */
  const heading = (page: Page, title: string, count: number): Locator => page.getByRole('heading', { level: 2, name: new RegExp(`^${title}\\s*${count}$`) });
  const list = (page: Page, title: string): Locator => page.getByRole('list', { name: title, exact: true });
  const rowOf = (page: Page, reference: string): Locator => page.getByRole('listitem').filter({ hasText: reference });

  beforeAll(async () => {
    const patient = async (lastName: string) => (await createPatient(world.coordinatorA.client, world.clinicA.id, { lastName })).id;
    const many = await patient(lastNames.many);
    for (let index = 0; index < MANY; index++) await send(many);
    one.urgent = await send(await patient(lastNames.urgent), { priority: 'URGENT' });
    one.overdue = await send(await patient(lastNames.overdue));
    one.dueSoon = await send(await patient(lastNames.dueSoon));
    one.cancelled = await send(await patient(lastNames.cancelled));
    await runReferralMutation(world.coordinatorA.client, 'cancelReferral', { id: one.cancelled.id, reason: 'Patient moved away' });
    one.massageDraft = await runReferralMutation(
      world.coordinatorA.client,
      'createReferral',
      referralInput(await patient(lastNames.massageDraft), undefined as unknown as string, { toProviderId: undefined, toPool: { near: { latitude: 41.88, longitude: -87.63 }, radiusKm: 25 }, modality: 'MASSAGE', techniques: ['ORTHOPEDIC_MASSAGE'] }),
    );
    // No API moves a due time: as if one was sent long ago, and another a while ago.
    await db.query(`UPDATE referrals SET due_at = now() - interval '3 hours' WHERE id = $1`, [one.overdue.id]);
    await db.query(`UPDATE referrals SET due_at = now() + interval '5 hours' WHERE id = $1`, [one.dueSoon.id]);
  });

  it('lists what needs the viewer’s action first, then everything else, with their counts', async () => {
    const { page } = await profile(world.targetProvider.email);
    await heading(page, 'Needs your action', NEEDING_ANSWER).waitFor();
    await heading(page, 'Everything else sent to you', 1).waitFor();
    const titles = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
    expect(titles.map((title) => title.replace(/\d+$/, '').trim())).toEqual(['Needs your action', 'Everything else sent to you']);
    await rowOf(page, one.urgent.reference).getByText('To do: Request information · Accept').waitFor();
    expect(await list(page, 'Everything else sent to you').getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(one.cancelled.reference)]);
  });

  it('appends the next page with "Load more"', async () => {
    const { page } = await profile(world.targetProvider.email);
    const needing = list(page, 'Needs your action');
    await page.getByRole('button', { name: `Load more (20 of ${NEEDING_ANSWER} shown)` }).waitFor();
    expect(await needing.getByRole('listitem').count()).toBe(20);
    const firstPage = await needing.getByRole('link').allTextContents();
    await page.getByRole('button', { name: /^Load more/ }).click();
    await needing.getByRole('listitem').nth(NEEDING_ANSWER - 1).waitFor();
    const all = await needing.getByRole('link').allTextContents();
    expect(all).toHaveLength(NEEDING_ANSWER);
    // Appended: the first page stays as it was, and nothing is listed twice.
    expect(all.slice(0, 20)).toEqual(firstPage);
    expect(new Set(all).size).toBe(NEEDING_ANSWER);
    expect(await page.getByRole('button', { name: /^Load more/ }).count()).toBe(0);
  });

  it('narrows the lists and their counts by status, priority and modality', async () => {
    const provider = (await profile(world.targetProvider.email)).page;
    await heading(provider, 'Needs your action', NEEDING_ANSWER).waitFor();
    await choose(provider, 'Status', 'Cancelled');
    await provider.keyboard.press('Escape');
    await heading(provider, 'Sent to you', 1).waitFor();
    // The section with nothing in it goes away, and the other is no longer "everything else".
    await provider.getByRole('heading', { level: 2, name: /^Needs your action/ }).waitFor({ state: 'detached' });
    await rowOf(provider, one.cancelled.reference).getByText('Cancelled', { exact: true }).waitFor();

    // Filters live in the page, not the address: a reload starts again with none.
    await provider.reload();
    await heading(provider, 'Needs your action', NEEDING_ANSWER).waitFor();
    await choose(provider, 'Priority', 'Urgent');
    await heading(provider, 'Needs your action', 1).waitFor();
    await rowOf(provider, one.urgent.reference).waitFor();
    await heading(provider, 'Everything else sent to you', 0).waitFor();
    await provider.getByText('No other referrals match these filters').waitFor();

    // The referrer's outbound view holds a massage draft among physical-therapy referrals.
    const coordinator = (await profile(world.coordinatorA.email)).page;
    await coordinator.goto('/referrals?view=outbound');
    await heading(coordinator, 'Everything else you sent', NEEDING_ANSWER + 1).waitFor();
    await choose(coordinator, 'Modality', 'Massage therapy');
    await heading(coordinator, 'Needs your action', 1).waitFor();
    await rowOf(coordinator, one.massageDraft.reference).getByText('To do: Send').waitFor();
    await heading(coordinator, 'Everything else you sent', 0).waitFor();
    await choose(coordinator, 'Modality', 'Physical therapy');
    await heading(coordinator, 'Sent by you', NEEDING_ANSWER + 1).waitFor();
    await coordinator.getByRole('heading', { level: 2, name: /^Needs your action/ }).waitFor({ state: 'detached' });
  });

  it('finds a referral by its reference and by its patient’s name, without putting either in the address', async () => {
    const { page, addresses: visited } = await profile(world.targetProvider.email);
    const search = page.getByRole('search', { name: 'Filter referrals' }).getByRole('textbox', { name: 'Search' });
    await heading(page, 'Needs your action', NEEDING_ANSWER).waitFor();

    await search.fill(one.overdue.reference);
    await heading(page, 'Needs your action', 1).waitFor();
    await rowOf(page, one.overdue.reference).getByRole('link', { name: new RegExp(lastNames.overdue) }).waitFor();
    await heading(page, 'Everything else sent to you', 0).waitFor();

    await search.fill(lastNames.cancelled);
    await heading(page, 'Sent to you', 1).waitFor();
    await rowOf(page, one.cancelled.reference).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Needs your action/ }).waitFor({ state: 'detached' });

    // A first name and a prefix of the last, in another case.
    await search.fill(`jordan ${lastNames.many.slice(0, 5).toLowerCase()}`);
    await heading(page, 'Needs your action', MANY).waitFor();

    await search.fill('Nobodyhere');
    await heading(page, 'Sent to you', 0).waitFor();
    await page.getByText('No referrals match these filters').waitFor();

    const addresses = visited.map((url) => decodeURIComponent(url).toLowerCase());
    for (const searched of [one.overdue.reference, lastNames.cancelled, lastNames.many.slice(0, 5)]) {
      expect(addresses.filter((url) => url.includes(searched.toLowerCase()))).toEqual([]);
    }
  });

  it('marks an answer overdue, and one due soon', async () => {
    const { page } = await profile(world.targetProvider.email);
    await heading(page, 'Needs your action', NEEDING_ANSWER).waitFor();
    await page.getByRole('button', { name: /^Load more/ }).click();
    await list(page, 'Needs your action').getByRole('listitem').nth(NEEDING_ANSWER - 1).waitFor();
    await rowOf(page, one.overdue.reference).getByText('Overdue, due 3 h ago').waitFor();
    await rowOf(page, one.dueSoon.reference).getByText(/^Due in [45] h$/).waitFor();
    // A due time days ahead is not marked.
    expect(await rowOf(page, one.urgent.reference).getByText(/Due|Overdue/).count()).toBe(0);

    // The referral page says so too, with the time it was due.
    await rowOf(page, one.overdue.reference).getByRole('link').click();
    await page.getByRole('main').getByText('Overdue, due 3 h ago').waitFor();
    await page.getByRole('main').getByText(/^Answer due /).waitFor();
  });
});
