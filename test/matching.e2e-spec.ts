import { appointmentIn, createClinic, createSignedInUser, outcomeInput, runReferralMutation, signInAsPlatformAdmin } from './support/fixtures';
import { expectGraphqlError, sorted } from './support/expectations';
import { GraphqlClient } from './support/graphql-client';
import {
  CITY,
  LatLon,
  MATCH_PROVIDERS,
  Match,
  PlacedProvider,
  ProviderSpec,
  Referrer,
  createPlacedProvider,
  destination,
  haversineKm,
  matchProviders,
  sendReferralTo,
  statsRow,
} from './support/matching';
import { DataSource } from 'typeorm';
import { providerStatsDueCte, ProviderStatsStore } from '@referloop/providers';
import { useTestApp } from './support/file-setup';
import { UPDATE_PROVIDER } from './support/operations';

const LIVE_STATS = `query provider($id: ID!) { provider(id: $id) { id stats { activeEpisodes capacityLeftThisWeek answeredLast90Days } } }`;

/** Next Monday 00:00 UTC: where the week of a clinic keeping UTC ends. */
function nextMondayUtc(now = new Date()): number {
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysSinceMonday + 7);
}

const ids = (matches: Match[]) => matches.map((match) => match.provider.id);

/**
 * matchProviders: the hard filters (modality, accepting new patients, a place left this week,
 * within the radius), great-circle distances, the stats columns the lifecycle keeps,
 * input validation, and that only providers ever come back. Each group has its own city, far
 * from the others, so providers of one group never fall inside another's radius.
 */
describe('matchProviders: filters, distances and stats', () => {
  const { app, db } = useTestApp();
  let platformAdmin: GraphqlClient;
  let referrer: Referrer;
  let providerClinicId: string;

  beforeAll(async () => {
    platformAdmin = await signInAsPlatformAdmin(app.anonymous);
    const referringClinic = await createClinic(platformAdmin, { name: 'Referring clinic' });
    const coordinator = await createSignedInUser(platformAdmin, 'COORDINATOR', referringClinic.id);
    referrer = { clinicId: referringClinic.id, client: coordinator.client };
    // UTC, so the week the stats count acceptances in ends at next Monday 00:00 UTC.
    providerClinicId = (await createClinic(platformAdmin, { name: 'Mountain West Physio', timeZone: 'UTC' })).id;
  });

  /** What the worker does a second or so after a move: recompute the stats moves filed as due. */
  const dueStatsRefreshed = () => app.app.get(ProviderStatsStore).refreshDue();
  const dueProviders = async () => (await db.query<{ provider_id: string }>('SELECT provider_id FROM provider_stats_due')).rows.map((row) => row.provider_id);
  const place = (spec: Omit<ProviderSpec, 'clinicId'>) => createPlacedProvider(platformAdmin, { clinicId: providerClinicId, ...spec });

  describe('hard filters and the radius, around Denver', () => {
    const centre = CITY.denver;
    const acupuncture = (location: LatLon, extra: Partial<ProviderSpec> = {}) =>
      place({ location, modalities: ['ACUPUNCTURE'], conditions: ['NECK_PAIN'], techniques: ['CUPPING'], ...extra });
    let p: Record<
      | 'inside25'
      | 'outside25'
      | 'near'
      | 'massageOnly'
      | 'notAccepting'
      | 'noPlaces'
      | 'twoModalities'
      | 'inside10'
      | 'outside10'
      | 'inside100'
      | 'outside100'
      | 'twoPlaces',
      PlacedProvider
    >;

    beforeAll(async () => {
      p = {
        inside25: await acupuncture(destination(centre, 0, 24.8)),
        outside25: await acupuncture(destination(centre, 90, 25.2)),
        near: await acupuncture(destination(centre, 200, 5)),
        massageOnly: await place({ location: destination(centre, 45, 3), modalities: ['MASSAGE'], conditions: ['NECK_PAIN'] }),
        notAccepting: await acupuncture(destination(centre, 120, 4), { acceptingNewPatients: false }),
        noPlaces: await acupuncture(destination(centre, 160, 7), { weeklyCapacity: 0 }),
        twoModalities: await place({ location: destination(centre, 330, 12), modalities: ['MASSAGE', 'ACUPUNCTURE'] }),
        inside10: await acupuncture(destination(centre, 135, 9.8)),
        outside10: await acupuncture(destination(centre, 300, 10.2)),
        inside100: await acupuncture(destination(centre, 270, 99.8)),
        outside100: await acupuncture(destination(centre, 180, 100.2)),
        twoPlaces: await acupuncture(destination(centre, 60, 6), { weeklyCapacity: 2 }),
      };
    });

    it('places the fixture where it says (the test\'s own geometry agrees with itself)', () => {
      expect(haversineKm(centre, p.inside25.location)).toBeCloseTo(24.8, 6);
      expect(haversineKm(centre, p.outside25.location)).toBeCloseTo(25.2, 6);
      expect(haversineKm(centre, p.inside100.location)).toBeCloseTo(99.8, 6);
      expect(haversineKm(centre, p.outside100.location)).toBeCloseTo(100.2, 6);
    });

    it('default radius (25 km): 24.8 km in, 25.2 km out; other modality, not accepting and no places left are out', async () => {
      const matches = await matchProviders(referrer.client, { modality: 'ACUPUNCTURE', near: centre });
      expect(sorted(ids(matches))).toEqual(
        sorted([p.inside25, p.near, p.twoModalities, p.inside10, p.outside10, p.twoPlaces].map((provider) => provider.providerId)),
      );
      for (const match of matches) {
        expect(match.provider.modalities).toContain('ACUPUNCTURE');
        expect(match.provider.acceptingNewPatients).toBe(true);
        expect(match.distanceKm).toBeLessThanOrEqual(25);
      }
    });

    it('radiusKm 10: 9.8 km in, 10.2 km out', async () => {
      const matches = await matchProviders(referrer.client, { modality: 'ACUPUNCTURE', near: centre, radiusKm: 10 });
      expect(sorted(ids(matches))).toEqual(sorted([p.near, p.inside10, p.twoPlaces].map((provider) => provider.providerId)));
    });

    it('radiusKm 100 (the maximum): 99.8 km in, 100.2 km out', async () => {
      const matches = await matchProviders(referrer.client, { modality: 'ACUPUNCTURE', near: centre, radiusKm: 100 });
      expect(sorted(ids(matches))).toEqual(
        sorted(
          [p.inside25, p.outside25, p.near, p.twoModalities, p.inside10, p.outside10, p.inside100, p.twoPlaces].map((provider) => provider.providerId),
        ),
      );
    });

    it('the other modality finds its own providers (the modality filter is not just dropping everyone)', async () => {
      const matches = await matchProviders(referrer.client, { modality: 'MASSAGE', near: centre });
      expect(sorted(ids(matches))).toEqual(sorted([p.massageOnly.providerId, p.twoModalities.providerId]));
    });

    it('a provider drops out once the referrals it accepted this week take its last place', async () => {
      const find = async () =>
        (await matchProviders(referrer.client, { modality: 'ACUPUNCTURE', near: centre })).find((match) => match.provider.id === p.twoPlaces.providerId);
      expect((await find())?.reasons.at(-1)).toBe('2 of 2 places left this week');

      const first = await sendReferralTo(referrer, p.twoPlaces.providerId, 'ACUPUNCTURE');
      const second = await sendReferralTo(referrer, p.twoPlaces.providerId, 'ACUPUNCTURE');
      await runReferralMutation(p.twoPlaces.client, 'acceptReferral', { id: first.id });
      await dueStatsRefreshed();
      expect((await statsRow(db, p.twoPlaces.providerId))?.accepted_this_week).toBe(1);
      expect((await find())?.reasons.at(-1)).toBe('1 of 2 places left this week');

      await runReferralMutation(p.twoPlaces.client, 'acceptReferral', { id: second.id });
      await dueStatsRefreshed();
      expect((await statsRow(db, p.twoPlaces.providerId))?.accepted_this_week).toBe(2);
      expect(await find()).toBeUndefined();
      // The live figures agree that nothing is left this week.
      const live = await platformAdmin.ok<{ provider: { stats: { capacityLeftThisWeek: number } } }>(LIVE_STATS, { id: p.twoPlaces.providerId });
      expect(live.provider.stats.capacityLeftThisWeek).toBe(0);
    });

    it('providers left out for not accepting or for no places come back once that changes', async () => {
      await platformAdmin.ok(UPDATE_PROVIDER, { input: { id: p.notAccepting.providerId, acceptingNewPatients: true } });
      await platformAdmin.ok(UPDATE_PROVIDER, { input: { id: p.noPlaces.providerId, weeklyCapacity: 3 } });
      const matches = await matchProviders(referrer.client, { modality: 'ACUPUNCTURE', near: centre });
      expect(ids(matches)).toEqual(expect.arrayContaining([p.notAccepting.providerId, p.noPlaces.providerId]));
      expect(ids(matches)).not.toContain(p.massageOnly.providerId);
      expect(ids(matches)).not.toContain(p.outside25.providerId);
    });
  });

  describe('great-circle distances', () => {
    // [bearing°, km] from each centre; Anchorage (61° N) is where a flat-earth shortcut goes wrong east-west.
    const layouts: Array<{ name: string; centre: LatLon; points: Array<[number, number]> }> = [
      { name: 'Seattle', centre: CITY.seattle, points: [[33, 3.7], [250, 42], [160, 90], [95, 64.3]] },
      { name: 'Anchorage', centre: CITY.anchorage, points: [[80, 60], [0, 15], [270, 88.5], [135, 33.3]] },
    ];
    const placed = new Map<string, PlacedProvider[]>();

    beforeAll(async () => {
      for (const layout of layouts) {
        const providers: PlacedProvider[] = [];
        for (const [bearing, km] of layout.points) {
          providers.push(await place({ location: destination(layout.centre, bearing, km), modalities: ['CHIROPRACTIC'] }));
        }
        placed.set(layout.name, providers);
      }
    });

    it.each(layouts.map((layout) => [layout.name, layout] as const))('around %s: distanceKm within 0.5%% of the haversine distance', async (name, layout) => {
      const matches = await matchProviders(referrer.client, { modality: 'CHIROPRACTIC', near: layout.centre, radiusKm: 100 });
      const providers = placed.get(name) ?? [];
      expect(sorted(ids(matches))).toEqual(sorted(providers.map((provider) => provider.providerId)));
      for (const provider of providers) {
        const match = matches.find((candidate) => candidate.provider.id === provider.providerId) as Match;
        const expectedKm = haversineKm(layout.centre, provider.location);
        expect(Math.abs(match.distanceKm - expectedKm) / expectedKm).toBeLessThan(0.005);
        expect(match.provider.location).toEqual(provider.location);
      }
      // The longest leg is there and is long.
      expect(Math.max(...matches.map((match) => match.distanceKm))).toBeGreaterThan(85);
    });
  });

  describe('provider stats kept by the lifecycle, around Boise', () => {
    const centre = CITY.boise;
    let provider: PlacedProvider;
    const patients: Array<{ id: string; firstName: string; lastName: string; email: string; dateOfBirth: string }> = [];
    const referralIds: string[] = [];
    const mine = async () =>
      (await matchProviders(referrer.client, { modality: 'PHYSICAL_THERAPY', near: centre })).find((match) => match.provider.id === provider.providerId);

    beforeAll(async () => {
      provider = await place({ location: destination(centre, 15, 3.2), modalities: ['PHYSICAL_THERAPY'], weeklyCapacity: 5 });
      for (let i = 0; i < 3; i += 1) {
        const sent = await sendReferralTo(referrer, provider.providerId, 'PHYSICAL_THERAPY');
        referralIds.push(sent.id);
        patients.push(sent.patient);
      }
    });

    it('before any answer: no acceptances counted, all places left, no answers to judge by', async () => {
      expect((await statsRow(db, provider.providerId))?.accepted_this_week ?? 0).toBe(0);
      expect((await mine())?.reasons.slice(-2)).toEqual(['no answers in the last 90 days to judge by', '5 of 5 places left this week']);
    });

    it('an accept through the API counts this week\'s acceptance, an active episode and an answer; matching sees it', async () => {
      await runReferralMutation(provider.client, 'acceptReferral', { id: referralIds[0] });
      await dueStatsRefreshed();
      const row = await statsRow(db, provider.providerId);
      expect(row).toMatchObject({ active_episodes: 1, accepted_this_week: 1, answered_90d: 1, accepted_90d: 1 });
      expect(row?.median_response_ms).not.toBeNull();
      expect(row?.week_ends_at.getTime()).toBe(nextMondayUtc());
      // Sent and accepted moments apart by this test: under an hour, which reads as the 1 h minimum.
      expect((await mine())?.reasons.slice(-2)).toEqual(['usually answers within 1 h', '4 of 5 places left this week']);
    });

    it('a decline counts as an answer, not as an acceptance or an episode', async () => {
      await runReferralMutation(provider.client, 'declineReferral', { id: referralIds[1], reason: 'OUT_OF_SCOPE' });
      // The move only filed its provider as due; the figures change when the worker recomputes them.
      expect(await dueProviders()).toContain(provider.providerId);
      expect((await statsRow(db, provider.providerId))?.answered_90d).toBe(1);
      await dueStatsRefreshed();
      expect(await dueProviders()).not.toContain(provider.providerId);
      expect(await statsRow(db, provider.providerId)).toMatchObject({ active_episodes: 1, accepted_this_week: 1, answered_90d: 2, accepted_90d: 1 });
      expect((await mine())?.reasons.at(-1)).toBe('4 of 5 places left this week');
    });

    it('the episode stays active through scheduling and treatment and ends when completed; the week\'s acceptance stays counted', async () => {
      await runReferralMutation(provider.client, 'scheduleReferral', { id: referralIds[0], appointmentAt: appointmentIn(2) });
      await dueStatsRefreshed();
      expect((await statsRow(db, provider.providerId))?.active_episodes).toBe(1);
      await runReferralMutation(provider.client, 'startReferralTreatment', { id: referralIds[0] });
      await dueStatsRefreshed();
      expect((await statsRow(db, provider.providerId))?.active_episodes).toBe(1);
      await runReferralMutation(provider.client, 'completeReferral', { id: referralIds[0], outcome: outcomeInput() });
      await dueStatsRefreshed();
      expect(await statsRow(db, provider.providerId)).toMatchObject({ active_episodes: 0, accepted_this_week: 1, answered_90d: 2, accepted_90d: 1 });
      expect((await mine())?.reasons.at(-1)).toBe('4 of 5 places left this week');
    });

    it('a refresh skips a provider a move is still filing, and takes it once that move has committed', async () => {
      // A move's transaction, still open after its statement filed the provider.
      const filing = app.app.get(DataSource).createQueryRunner();
      await filing.connect();
      try {
        await filing.startTransaction();
        await filing.query(`WITH answered AS (SELECT $1::uuid AS to_provider_id), ${providerStatsDueCte('answered')} SELECT 1`, [provider.providerId]);
        await db.query('UPDATE providers SET stats_answered_90d = 99 WHERE id = $1', [provider.providerId]);
        await dueStatsRefreshed();
        expect((await statsRow(db, provider.providerId))?.answered_90d).toBe(99);
        await filing.commitTransaction();
        expect(await dueProviders()).toContain(provider.providerId);
        await dueStatsRefreshed();
        expect((await statsRow(db, provider.providerId))?.answered_90d).toBe(2);
        expect(await dueProviders()).not.toContain(provider.providerId);
      } finally {
        await filing.release();
      }
    });

    it('a provider whose refresh fails is filed again behind the rest, and the others of its batch are refreshed', async () => {
      const brokenClinicId = (await createClinic(platformAdmin, { name: 'Clinic with a broken zone', timeZone: 'UTC' })).id;
      const broken = await createPlacedProvider(platformAdmin, { clinicId: brokenClinicId, location: destination(centre, 90, 5), modalities: ['PHYSICAL_THERAPY'] });
      // No such zone can come in through the API; written here so that this one provider's recompute fails.
      await db.query(`UPDATE clinics SET time_zone = 'Nowhere/Nothing' WHERE id = $1`, [brokenClinicId]);
      await db.query('UPDATE providers SET stats_answered_90d = 99 WHERE id = $1', [provider.providerId]);
      await db.query(`INSERT INTO provider_stats_due (provider_id) VALUES ($1), ($2)`, [broken.providerId, provider.providerId]);
      await expect(dueStatsRefreshed()).rejects.toThrow(/time zone/);
      expect((await statsRow(db, provider.providerId))?.answered_90d).toBe(2);
      expect(await dueProviders()).toEqual([broken.providerId]);
      await db.query('DELETE FROM provider_stats_due WHERE provider_id = $1', [broken.providerId]);
      await db.query(`UPDATE clinics SET time_zone = 'UTC' WHERE id = $1`, [brokenClinicId]);
    });

    it('the periodic refresh writes a row only when its figures changed, so vacuumed pages keep their index-only scans', async () => {
      const store = app.app.get(ProviderStatsStore);
      const version = async () => (await db.query<{ xmin: string }>('SELECT xmin FROM providers WHERE id = $1', [provider.providerId])).rows[0].xmin;
      const before = await version();
      await app.app.get(DataSource).transaction((manager) => store.refresh(manager, [provider.providerId]));
      expect(await version()).toBe(before);
      // A real change still lands: the figures are rewritten by the refresh itself.
      await db.query('UPDATE providers SET stats_answered_90d = 99 WHERE id = $1', [provider.providerId]);
      await app.app.get(DataSource).transaction((manager) => store.refresh(manager, [provider.providerId]));
      expect((await statsRow(db, provider.providerId))?.answered_90d).toBe(2);
    });

    it('the answer carries nothing about the patients the provider was sent', async () => {
      const response = await referrer.client.request(MATCH_PROVIDERS, { input: { modality: 'PHYSICAL_THERAPY', near: centre } });
      expect(response.errors).toBeUndefined();
      expect(response.data?.matchProviders.map((match: Match) => match.provider.id)).toContain(provider.providerId);
      const text = JSON.stringify(response.data);
      for (const patient of patients) {
        for (const value of [patient.id, patient.firstName, patient.lastName, patient.email, patient.dateOfBirth]) expect(text).not.toContain(value);
      }
      for (const id of referralIds) expect(text).not.toContain(id);
    });
  });

  describe('input validation', () => {
    const valid = { modality: 'PHYSICAL_THERAPY', near: CITY.phoenix };

    it.each([
      [{ radiusKm: 100.5 }, 'input.radiusKm'],
      [{ radiusKm: 0 }, 'input.radiusKm'],
      [{ radiusKm: -5 }, 'input.radiusKm'],
      [{ first: 101 }, 'input.first'],
      [{ first: 0 }, 'input.first'],
      [{ modality: 'YOGA' }, 'input.modality'],
      [{ conditions: ['BROKEN_HEART'] }, 'input.conditions.0'],
      [{ near: { latitude: 91, longitude: 0 } }, 'input.near.latitude'],
      [{ near: { latitude: 0, longitude: -181 } }, 'input.near.longitude'],
    ])('%j → BAD_USER_INPUT naming %s, and no matches', async (overrides, field) => {
      const response = await referrer.client.request(MATCH_PROVIDERS, { input: { ...valid, ...overrides } });
      expectGraphqlError(response, 'BAD_USER_INPUT', field);
      expect(response.data?.matchProviders ?? null).toBeNull();
    });

    it('the limits themselves are allowed: radiusKm 100 and 0.1, first 100 and 1', async () => {
      for (const overrides of [{ radiusKm: 100, first: 100 }, { radiusKm: 0.1, first: 1 }]) {
        const response = await referrer.client.request(MATCH_PROVIDERS, { input: { ...valid, ...overrides } });
        expect(response.errors).toBeUndefined();
        expect(response.data?.matchProviders).toEqual([]);
      }
    });

    it('needs a signed-in user', async () => {
      expectGraphqlError(await app.anonymous.request(MATCH_PROVIDERS, { input: valid }), 'UNAUTHENTICATED');
    });
  });

  describe('only providers come back', () => {
    const TYPE = `query type($name: String!) { __type(name: $name) { name kind fields { name type { name kind ofType { name kind ofType { name kind ofType { name kind } } } } } } }`;
    type TypeRef = { name: string | null; kind: string; ofType?: TypeRef | null };
    type TypeInfo = { name: string; kind: string; fields: Array<{ name: string; type: TypeRef }> | null };
    const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);

    it('ProviderMatch reaches only provider types: no patient, referral or personal health field anywhere below it', async () => {
      const seen = new Map<string, TypeInfo>();
      const queue = ['ProviderMatch'];
      while (queue.length > 0) {
        const name = queue.shift() as string;
        if (seen.has(name)) continue;
        const data = await referrer.client.ok<{ __type: TypeInfo }>(TYPE, { name });
        seen.set(name, data.__type);
        for (const field of data.__type.fields ?? []) {
          const target = named(field.type);
          if (target.kind === 'OBJECT' && target.name) queue.push(target.name);
        }
      }
      expect(sorted([...seen.keys()])).toEqual(['GeoPoint', 'Provider', 'ProviderMatch', 'ProviderStats']);
      expect(sorted((seen.get('ProviderMatch')?.fields ?? []).map((field) => field.name))).toEqual(['distanceKm', 'provider', 'reasons', 'score']);
      const fieldNames = [...seen.values()].flatMap((type) => (type.fields ?? []).map((field) => field.name.toLowerCase()));
      for (const forbidden of ['patient', 'patients', 'firstname', 'lastname', 'dateofbirth', 'referral', 'referrals', 'reason', 'assessment']) {
        expect(fieldNames).not.toContain(forbidden);
      }
    });
  });
});
