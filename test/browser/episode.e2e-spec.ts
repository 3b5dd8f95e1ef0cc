import type { Locator, Page } from 'playwright-core';
import { appointmentIn, referralInput, runReferralMutation, USER_PASSWORD, Referral } from '../support/fixtures';
import { useWorld } from '../support/file-setup';
import { pollUntil } from '../support/poll-until';
import { signedInProfile, useChromium } from '../support/chromium';
import { choose, dialog, referralIdOf, statusIs, submitDialog } from './journey-steps';

/*
 * The treatment episode on the referral page, by the treating provider: a plan with its goals,
 * a second version of it, a progress report the referrer then reads, and a referral onward to
 * another modality, linked both ways. The referral is in treatment when the test begins (set up
 * through the API); everything after is done in the page.
 */
describe('the treatment episode in the web app', () => {
  // First, so its afterAll runs first: the browser and its live connections close before the gateway does.
  const chromium = useChromium();
  const { app, world } = useWorld();
  let referral: Referral;
  let provider: Page;
  let massageProvider: string;

  const profile = async (email: string): Promise<Page> => (await signedInProfile(chromium.browser, app.baseUrl, email, USER_PASSWORD)).page;

  /** The treating provider's step, and its dialog. */
  const episodeAction = async (page: Page, action: string, title: string | RegExp): Promise<Locator> => {
    await page.getByRole('group', { name: 'Episode actions' }).getByRole('button', { name: action, exact: true }).click();
    const found = dialog(page, title);
    await found.waitFor();
    return found;
  };

  const episode = (page: Page) => page.getByRole('region', { name: 'Treatment episode' });

  beforeAll(async () => {
    const sent = await runReferralMutation(world.coordinatorA.client, 'createReferral', referralInput(world.patient.id, world.targetProvider.providerId, { send: true }));
    const client = world.targetProvider.client;
    await runReferralMutation(client, 'acceptReferral', { id: sent.id });
    await runReferralMutation(client, 'scheduleReferral', { id: sent.id, appointmentAt: appointmentIn(1) });
    referral = await runReferralMutation(client, 'startReferralTreatment', { id: sent.id });
    const nameOf = async (id: string) => (await client.ok<{ provider: { displayName: string } }>('query($id: ID!) { provider(id: $id) { displayName } }', { id })).provider.displayName;
    massageProvider = await nameOf(world.referringProvider.providerId);
    provider = await profile(world.targetProvider.email);
  });

  it('lets the provider set a treatment plan with goals', async () => {
    await provider.goto(`/referrals/${referral.id}`);
    await statusIs(provider, 'In treatment');
    await episode(provider).getByText('No treatment plan yet.').waitFor();
    const plan = await episodeAction(provider, 'Set plan', 'Set the treatment plan');
    // A first plan starts from the referrer's goals.
    expect(await plan.getByRole('textbox', { name: 'Long-term goal' }).inputValue()).toBe('Full pain-free overhead reach');
    expect(await plan.getByRole('textbox', { name: 'Goal 1' }).inputValue()).toBe('Flexion to 150 degrees');
    await plan.getByRole('textbox', { name: 'Planned visits' }).fill('8');
    await plan.getByRole('textbox', { name: 'Visits a week' }).fill('2');
    await plan.getByRole('button', { name: 'Add a short-term goal' }).click();
    await plan.getByRole('textbox', { name: 'Goal 3' }).fill('Lift a full kettle with the left arm');
    await plan.getByRole('textbox', { name: 'Measure' }).last().fill('kettle lift');
    await plan.getByRole('textbox', { name: 'By visit' }).last().fill('6');
    await submitDialog(plan, 'Save plan');

    await episode(provider).getByText(/^8 visits, 2 a week · version 1, set by /).waitFor();
    await episode(provider).getByText('Lift a full kettle with the left arm (by visit 6)').waitFor();
    await episode(provider).getByText('Flexion to 150 degrees (by visit 2)').waitFor();
  });

  it('lets the provider change the plan, showing version 2 and keeping the first', async () => {
    const plan = await episodeAction(provider, 'Change plan', 'Change the treatment plan (version 2)');
    expect(await plan.getByRole('textbox', { name: 'Planned visits' }).inputValue()).toBe('8');
    await plan.getByRole('textbox', { name: 'Planned visits' }).fill('10');
    await plan.getByRole('button', { name: 'Remove goal 2' }).click();
    await submitDialog(plan, 'Save plan');

    await episode(provider).getByText(/^10 visits, 2 a week · version 2, set by/).waitFor();
    await episode(provider).getByText(/^Earlier versions: v1 8 visits/).waitFor();
    expect(await episode(provider).getByText('Pain at most 2/10').count()).toBe(0);
  });

  it('records a missed visit: listed as missed, and counted apart from the visits used', async () => {
    const visit = await episodeAction(provider, 'Record visit', /^Record visit 1/);
    // The segmented control's radios are drawn by their labels: the label is what a person clicks.
    await visit.getByText('Missed (no-show)', { exact: true }).click();
    expect(await visit.getByRole('radio', { name: 'Missed (no-show)' }).isChecked()).toBe(true);
    // A missed visit has no measurements to take.
    expect(await visit.getByRole('textbox', { name: 'Joint' }).count()).toBe(0);
    await submitDialog(visit, 'Record visit');

    await episode(provider).getByText('Missed', { exact: true }).waitFor();
    await episode(provider).getByText(/^0 of 10 planned visits used, 1 missed/).first().waitFor();
  });

  it('sends a progress report, listed for the provider and for the referrer', async () => {
    const report = await episodeAction(provider, 'Send progress report', 'Send a progress report');
    await report.getByRole('textbox', { name: 'Comments for the referrer' }).fill('Flexion improving; home exercises done daily.');
    await submitDialog(report, 'Send report');
    const listed = /^Report 1, .+ by .+: Flexion improving; home exercises done daily\.$/;
    await episode(provider).getByRole('listitem').filter({ hasText: listed }).waitFor();

    const coordinator = await profile(world.coordinatorA.email);
    await coordinator.goto(`/referrals/${referral.id}`);
    await episode(coordinator).getByRole('listitem').filter({ hasText: listed }).waitFor();
    // The referrer reads the episode; its steps are the treating provider's.
    expect(await coordinator.getByRole('group', { name: 'Episode actions' }).count()).toBe(0);
  });

  it('refers the patient on to another modality, and links the two referrals both ways', async () => {
    await provider.goto(`/referrals/${referral.id}`);
    const onward = await episodeAction(provider, 'Refer on', 'Refer the patient on');
    await choose(provider, 'Modality', 'Massage therapy');
    await onward.getByRole('textbox', { name: 'Why the patient is referred on' }).fill('Residual trapezius tension; soft-tissue work alongside the exercises.');
    await onward.getByRole('radio', { name: new RegExp(massageProvider) }).check();
    await submitDialog(onward, 'Refer on');

    // The new referral's page opens: sent to the massage therapist, pointing back to the episode.
    await provider.waitForURL((url) => /^\/referrals\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(referral.id));
    const onwardId = referralIdOf(provider);
    await statusIs(provider, 'Sent');
    await provider.getByText(new RegExp(`^${massageProvider}, Clinic A`)).first().waitFor();
    const back = provider.getByText(/^Referred on from/).getByRole('link', { name: referral.reference });
    await back.waitFor();
    const onwardReference = (await provider.getByRole('main').getByText(/^RF-[A-Z0-9]{6}$/).first().textContent()) ?? '';

    await back.click();
    await provider.waitForURL(`**/referrals/${referral.id}`);
    const forward = provider.getByText(/^Referred on as/).filter({ hasText: '(Massage therapy, sent)' }).getByRole('link', { name: onwardReference });
    await forward.click();
    await provider.waitForURL(`**/referrals/${onwardId}`);

    // The referrer of the first referral sees where the patient went next, and how the onward
    // referral was answered as it happens.
    const coordinator = await profile(world.coordinatorA.email);
    const sentOverSockets: string[] = [];
    coordinator.on('websocket', (socket) => socket.on('framesent', ({ payload }) => sentOverSockets.push(String(payload))));
    await coordinator.goto(`/referrals/${referral.id}`);
    await coordinator.getByText(/^Referred on as/).filter({ hasText: '(Massage therapy, sent)' }).getByRole('link', { name: onwardReference }).waitFor();
    await pollUntil(async () => sentOverSockets, (sent) => sent.some((frame) => frame.includes('"subscribe"') && frame.includes(onwardId)), {
      timeoutMs: 10_000,
      what: "the page's subscription to the onward referral",
    });
    await runReferralMutation(world.referringProvider.client, 'acceptReferral', { id: onwardId });
    await coordinator.getByText(/^Referred on as/).filter({ hasText: '(Massage therapy, accepted)' }).waitFor();
  });
});
