import { createClinic, createPatient, createProviderActor, ProviderActor, referralInput, runReferralMutation } from './support/fixtures';
import { useWorld } from './support/file-setup';

const STATS = `query ($id: ID!) { provider(id: $id) { id weeklyCapacity stats {
  activeEpisodes capacityLeftThisWeek answeredLast90Days medianResponseHours p90ResponseHours acceptanceRate } } }`;
const DIRECTORY = `query { providers(first: 100) { edges { node { id stats { activeEpisodes answeredLast90Days } } } } }`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Monday 00:00 UTC of the current week: the provider's clinic keeps UTC, so this is its week's start. */
function weekStartUtc(now = new Date()): number {
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysSinceMonday);
}

/**
 * Load and responsiveness from referrals, on a fixture whose expected figures are worked out
 * by hand below. Answer times are set in the database afterwards: they are facts about the past.
 */
describe('provider stats', () => {
  const { world, db } = useWorld();
  let provider: ProviderActor;

  beforeAll(async () => {
    const utcClinic = await createClinic(world.platformAdmin, { name: 'UTC physio', timeZone: 'UTC' });
    provider = await createProviderActor(world.platformAdmin, utcClinic.id, 'PHYSICAL_THERAPY');
  });

  const send = async () => {
    const patient = await createPatient(world.coordinatorA.client, world.clinicA.id);
    return runReferralMutation(world.coordinatorA.client, 'createReferral', { ...referralInput(patient.id, provider.providerId), send: true });
  };
  const setTimes = (id: string, sentAt: number, respondedAt: number) =>
    db.query('UPDATE referrals SET sent_at = $2, responded_at = $3 WHERE id = $1', [id, new Date(sentAt), new Date(respondedAt)]);
  const statsOf = async (id: string) =>
    (await world.platformAdmin.ok<{ provider: { weeklyCapacity: number; stats: Record<string, number | null> } }>(STATS, { id })).provider;

  it('is empty for a provider without referrals', async () => {
    const { stats, weeklyCapacity } = await statsOf(provider.providerId);
    expect(stats).toEqual({
      activeEpisodes: 0,
      capacityLeftThisWeek: weeklyCapacity,
      answeredLast90Days: 0,
      medianResponseHours: null,
      p90ResponseHours: null,
      acceptanceRate: null,
    });
  });

  it('counts episodes, this week\'s acceptances and answer times from referrals', async () => {
    const week = weekStartUtc();
    const client = provider.client;
    // a: accepted this week after 2 h. b: accepted last week after 4 h, then scheduled.
    // c: declined this week after 6 h. d: accepted 100 days ago after 1 h (outside the 90 days).
    // e: still waiting for an answer.
    const [a, b, c, d] = [await send(), await send(), await send(), await send()];
    await send();
    await runReferralMutation(client, 'acceptReferral', { id: a.id });
    await runReferralMutation(client, 'acceptReferral', { id: b.id });
    await runReferralMutation(client, 'scheduleReferral', { id: b.id, appointmentAt: new Date(Date.now() + 3 * DAY).toISOString() });
    await runReferralMutation(client, 'declineReferral', { id: c.id, reason: 'NO_CAPACITY' });
    await runReferralMutation(client, 'acceptReferral', { id: d.id });
    await setTimes(a.id, week + 60_000 - 2 * HOUR, week + 60_000);
    await setTimes(b.id, week - DAY - 4 * HOUR, week - DAY);
    await setTimes(c.id, week + 120_000 - 6 * HOUR, week + 120_000);
    await setTimes(d.id, Date.now() - 100 * DAY - HOUR, Date.now() - 100 * DAY);

    const { stats, weeklyCapacity } = await statsOf(provider.providerId);
    expect(stats.activeEpisodes).toBe(3); // a and d ACCEPTED, b SCHEDULED
    expect(stats.capacityLeftThisWeek).toBe(weeklyCapacity - 1); // only a was accepted this week
    expect(stats.answeredLast90Days).toBe(3); // a, b, c
    expect(stats.medianResponseHours).toBeCloseTo(4, 6); // of 2, 4, 6
    expect(stats.p90ResponseHours).toBeCloseTo(5.6, 6); // 4 + 0.8 × (6 − 4), interpolated
    expect(stats.acceptanceRate).toBeCloseTo(2 / 3, 6);
  });

  it('is there for every provider of a directory page, in one request', async () => {
    const data = await world.coordinatorC.client.ok<{ providers: { edges: { node: { id: string; stats: { answeredLast90Days: number } } }[] } }>(DIRECTORY);
    const mine = data.providers.edges.find((edge) => edge.node.id === provider.providerId);
    expect(mine?.node.stats.answeredLast90Days).toBe(3);
    expect(data.providers.edges.every((edge) => edge.node.stats !== null)).toBe(true);
  });
});
