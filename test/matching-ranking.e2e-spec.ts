import { Client } from 'pg';
import { createClinic, createSignedInUser, signInAsPlatformAdmin } from './support/fixtures';
import {
  Ask,
  CITY,
  DOCUMENTED_WEIGHTS,
  LatLon,
  Match,
  PlacedProvider,
  ProviderFacts,
  ProviderSpec,
  Weights,
  createPlacedProvider,
  destination,
  expectedOrder,
  expectedScore,
  haversineKm,
  matchProviders,
  writeStatsRow,
} from './support/matching';
import { startTestApp } from './support/test-app';

const ids = (matches: Match[]) => matches.map((match) => match.provider.id);
const HOUR_AGO = () => new Date(Date.now() - 3_600_000);

/**
 * A world for ranking: one app, a coordinator to ask, a clinic for the providers, and a way to
 * set up a provider whose every scoring fact is known to the test.
 */
async function rankingWorld(env: Record<string, string> = {}) {
  const app = await startTestApp(env);
  const platformAdmin = await signInAsPlatformAdmin(app.anonymous);
  const db = new Client({ connectionString: app.config.databaseUrl });
  await db.connect();
  const referringClinic = await createClinic(platformAdmin, { name: 'Referring clinic' });
  const coordinator = await createSignedInUser(platformAdmin, 'COORDINATOR', referringClinic.id);
  const clinicId = (await createClinic(platformAdmin, { name: 'Western Rehab', timeZone: 'UTC' })).id;

  /**
   * A provider with the given profile and, when `history` is given, its stats columns
   * written directly (see writeStatsRow): a known median answer time and a known number of
   * places taken this week are history the API cannot create in the past.
   */
  const provider = async (
    spec: Omit<ProviderSpec, 'clinicId'>,
    history?: { medianHours: number | null; acceptedThisWeek?: number; weekEndsAt?: Date },
  ): Promise<PlacedProvider & { facts: ProviderFacts }> => {
    const placed = await createPlacedProvider(platformAdmin, { clinicId, ...spec });
    if (history) await writeStatsRow(db, placed.providerId, history);
    const weeklyCapacity = spec.weeklyCapacity ?? 10;
    const weekStillRunning = history?.weekEndsAt === undefined || history.weekEndsAt.getTime() > Date.now();
    const facts: ProviderFacts = {
      id: placed.providerId,
      location: spec.location,
      conditions: spec.conditions ?? [],
      techniques: spec.techniques ?? [],
      weeklyCapacity,
      capacityLeft: weeklyCapacity - (weekStillRunning ? (history?.acceptedThisWeek ?? 0) : 0),
      medianHours: history?.medianHours ?? null,
    };
    return { ...placed, facts };
  };

  return {
    app,
    db,
    asker: coordinator.client,
    provider,
    async close() {
      await db.end();
      await app.close();
    },
  };
}

/** Every returned score equals the documented one for its provider, and the order is the documented one. */
function expectDocumentedRanking(matches: Match[], candidates: ProviderFacts[], ask: Ask, weights: Weights, halfHours?: number): void {
  expect(ids(matches)).toEqual(expectedOrder(candidates, ask, weights, halfHours));
  for (const match of matches) {
    const facts = candidates.find((candidate) => candidate.id === match.provider.id) as ProviderFacts;
    expect({ id: match.provider.id, score: match.score }).toEqual({ id: facts.id, score: expect.closeTo(expectedScore(facts, ask, weights, halfHours), 6) });
    expect(match.score).toBeGreaterThanOrEqual(0);
    expect(match.score).toBeLessThanOrEqual(1);
  }
}

describe('matchProviders: ranking by the documented score', () => {
  let world: Awaited<ReturnType<typeof rankingWorld>>;

  beforeAll(async () => {
    world = await rankingWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  describe('six massage providers around Portland with every fact known', () => {
    const centre = CITY.portland;
    const ask = { conditions: ['PLANTAR_FASCIITIS', 'CALF_PAIN'], techniques: ['CUPPING', 'KINESIO_TAPING'] };
    let p: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', PlacedProvider & { facts: ProviderFacts }>;
    const all = () => Object.values(p).map((provider) => provider.facts);

    beforeAll(async () => {
      const massage = (bearing: number, km: number, extra: Partial<ProviderSpec>) =>
        ({ location: destination(centre, bearing, km), modalities: ['MASSAGE'], ...extra }) as Omit<ProviderSpec, 'clinicId'>;
      p = {
        // Treats both, uses cupping; no history: responsiveness 0.5, all 20 places left.
        a: await world.provider(massage(10, 8.0, { conditions: ['PLANTAR_FASCIITIS', 'CALF_PAIN'], techniques: ['CUPPING'], weeklyCapacity: 20 })),
        // Treats plantar fasciitis, uses cupping; answers in 5.2 h; 4 of 10 places taken.
        b: await world.provider(massage(250, 4.23, { conditions: ['PLANTAR_FASCIITIS'], techniques: ['CUPPING'], weeklyCapacity: 10 }), {
          medianHours: 5.2,
          acceptedThisWeek: 4,
        }),
        // Treats calf pain, uses kinesio taping; answers in 60 h; 2 of 8 taken.
        c: await world.provider(massage(200, 15.67, { conditions: ['CALF_PAIN', 'NECK_PAIN'], techniques: ['KINESIO_TAPING'], weeklyCapacity: 8 }), {
          medianHours: 60,
          acceptedThisWeek: 2,
        }),
        // Treats none of it, but is 1 km away and answers in a quarter of an hour. Its row counts
        // 3 acceptances in a week that is over: all 4 places are free again.
        d: await world.provider(massage(300, 1.04, { conditions: ['NECK_PAIN'], techniques: ['SWEDISH_MASSAGE'], weeklyCapacity: 4 }), {
          medianHours: 0.25,
          acceptedThisWeek: 3,
          weekEndsAt: HOUR_AGO(),
        }),
        // Treats and uses everything asked, far out; answers in exactly 48 h; 5 of 6 taken.
        e: await world.provider(
          massage(95, 21.96, { conditions: ['PLANTAR_FASCIITIS', 'CALF_PAIN'], techniques: ['CUPPING', 'KINESIO_TAPING'], weeklyCapacity: 6 }),
          { medianHours: 48, acceptedThisWeek: 5 },
        ),
        // Treats plantar fasciitis; a stats row without any answer (median null); 3 of 3 left.
        f: await world.provider(massage(45, 11.349, { conditions: ['PLANTAR_FASCIITIS'], weeklyCapacity: 3 }), { medianHours: null }),
      };
    });

    it('with the default radius (25 km): each score is the documented one, highest first', async () => {
      const matches = await matchProviders(world.asker, { modality: 'MASSAGE', near: centre, ...ask });
      expectDocumentedRanking(matches, all(), { near: centre, radiusKm: 25, ...ask }, DOCUMENTED_WEIGHTS.ROUTINE);
    });

    it('with radiusKm 30 the nearness part follows the radius asked', async () => {
      const matches = await matchProviders(world.asker, { modality: 'MASSAGE', near: centre, radiusKm: 30, ...ask });
      expectDocumentedRanking(matches, all(), { near: centre, radiusKm: 30, ...ask }, DOCUMENTED_WEIGHTS.ROUTINE);
    });

    it('with nothing asked, coverage is 1 for everyone and the rest decides', async () => {
      const matches = await matchProviders(world.asker, { modality: 'MASSAGE', near: centre });
      expectDocumentedRanking(matches, all(), { near: centre, radiusKm: 25, conditions: [], techniques: [] }, DOCUMENTED_WEIGHTS.ROUTINE);
    });

    it('reasons say what is treated and used, how far, how quickly they answer and how many places are left', async () => {
      const matches = await matchProviders(world.asker, { modality: 'MASSAGE', near: centre, ...ask });
      const reasonsOf = (provider: PlacedProvider) => matches.find((match) => match.provider.id === provider.providerId)?.reasons;
      expect(reasonsOf(p.a)).toEqual([
        'treats plantar fasciitis',
        'treats calf pain',
        'uses cupping',
        'does not list kinesio taping',
        '8.0 km',
        'no answers in the last 90 days to judge by',
        '20 of 20 places left this week',
      ]);
      expect(reasonsOf(p.b)).toEqual([
        'treats plantar fasciitis',
        'does not list calf pain',
        'uses cupping',
        'does not list kinesio taping',
        '4.2 km',
        'usually answers within 6 h',
        '6 of 10 places left this week',
      ]);
      expect(reasonsOf(p.c)).toEqual([
        'does not list plantar fasciitis',
        'treats calf pain',
        'does not list cupping',
        'uses kinesio taping',
        '15.7 km',
        'usually answers within 3 days',
        '6 of 8 places left this week',
      ]);
      expect(reasonsOf(p.d)).toEqual([
        'does not list plantar fasciitis',
        'does not list calf pain',
        'does not list cupping',
        'does not list kinesio taping',
        '1.0 km',
        'usually answers within 1 h',
        '4 of 4 places left this week',
      ]);
      expect(reasonsOf(p.e)).toEqual([
        'treats plantar fasciitis',
        'treats calf pain',
        'uses cupping',
        'uses kinesio taping',
        '22.0 km',
        'usually answers within 48 h',
        '1 of 6 places left this week',
      ]);
      expect(reasonsOf(p.f)).toEqual([
        'treats plantar fasciitis',
        'does not list calf pain',
        'does not list cupping',
        'does not list kinesio taping',
        '11.3 km',
        'no answers in the last 90 days to judge by',
        '3 of 3 places left this week',
      ]);
    });

    it('with nothing asked, reasons are just distance, answers and places', async () => {
      const matches = await matchProviders(world.asker, { modality: 'MASSAGE', near: centre });
      expect(matches.find((match) => match.provider.id === p.b.providerId)?.reasons).toEqual([
        '4.2 km',
        'usually answers within 6 h',
        '6 of 10 places left this week',
      ]);
    });

    it('the distance in the reasons is the great-circle distance with one decimal, the same as distanceKm', async () => {
      const matches = await matchProviders(world.asker, { modality: 'MASSAGE', near: centre });
      expect(matches).toHaveLength(6);
      for (const match of matches) {
        const facts = all().find((candidate) => candidate.id === match.provider.id) as ProviderFacts;
        expect(match.reasons[0]).toBe(`${haversineKm(centre, facts.location).toFixed(1)} km`);
        expect(match.reasons[0]).toBe(`${match.distanceKm.toFixed(1)} km`);
      }
    });

    it('first limits the count to the best ones, in order', async () => {
      const full = ids(await matchProviders(world.asker, { modality: 'MASSAGE', near: centre, ...ask }));
      expect(full).toHaveLength(6);
      expect(ids(await matchProviders(world.asker, { modality: 'MASSAGE', near: centre, ...ask, first: 2 }))).toEqual(full.slice(0, 2));
      expect(ids(await matchProviders(world.asker, { modality: 'MASSAGE', near: centre, ...ask, first: 1 }))).toEqual(full.slice(0, 1));
    });
  });

  describe('coverage first, around Phoenix', () => {
    const centre = CITY.phoenix;
    let treats: PlacedProvider & { facts: ProviderFacts };
    let nearer: PlacedProvider & { facts: ProviderFacts };
    let twins: Array<PlacedProvider & { facts: ProviderFacts }>;

    beforeAll(async () => {
      const pt = (bearing: number, km: number, conditions: string[]) => ({
        location: destination(centre, bearing, km),
        modalities: ['PHYSICAL_THERAPY'],
        conditions,
        weeklyCapacity: 10,
      });
      treats = await world.provider(pt(0, 7, ['PLANTAR_FASCIITIS']));
      nearer = await world.provider(pt(180, 3, ['CALF_PAIN']));
      // Two providers at the same spot with the same facts: the same score and distance.
      const spot = destination(centre, 90, 12);
      twins = [await world.provider({ ...pt(0, 0, ['PLANTAR_FASCIITIS']), location: spot }), await world.provider({ ...pt(0, 0, ['PLANTAR_FASCIITIS']), location: spot })];
    });

    it('a provider who treats the condition outranks one a few km nearer who does not', async () => {
      const matches = await matchProviders(world.asker, { modality: 'PHYSICAL_THERAPY', near: centre, conditions: ['PLANTAR_FASCIITIS'] });
      const rank = (provider: PlacedProvider) => ids(matches).indexOf(provider.providerId);
      expect(rank(treats)).toBeGreaterThanOrEqual(0);
      expect(rank(treats)).toBeLessThan(rank(nearer));
      // By hand: 0.5 × 1 + 0.25 × (1 − 7/25) + 0.15 × 0.5 + 0.1 × 1 and 0.5 × 0 + 0.25 × (1 − 3/25) + 0.15 × 0.5 + 0.1 × 1.
      expect(matches[rank(treats)].score).toBeCloseTo(0.855, 6);
      expect(matches[rank(nearer)].score).toBeCloseTo(0.395, 6);
      expectDocumentedRanking(
        matches,
        [treats, nearer, ...twins].map((provider) => provider.facts),
        { near: centre, radiusKm: 25, conditions: ['PLANTAR_FASCIITIS'], techniques: [] },
        DOCUMENTED_WEIGHTS.ROUTINE,
      );
    });

    it('equal score and distance: ordered by provider id', async () => {
      const matches = await matchProviders(world.asker, { modality: 'PHYSICAL_THERAPY', near: centre, conditions: ['PLANTAR_FASCIITIS'] });
      const twinIds = twins.map((twin) => twin.providerId);
      const returned = ids(matches).filter((id) => twinIds.includes(id));
      expect(returned).toEqual([...twinIds].sort());
      const [first, second] = returned.map((id) => matches.find((match) => match.provider.id === id) as Match);
      expect(first.score).toBe(second.score);
      expect(first.distanceKm).toBe(second.distanceKm);
    });
  });

  describe('priority, around Salt Lake City', () => {
    const centre = CITY.saltLakeCity;
    let slowNear: PlacedProvider & { facts: ProviderFacts };
    let fastFar: PlacedProvider & { facts: ProviderFacts };

    beforeAll(async () => {
      slowNear = await world.provider({ location: destination(centre, 40, 2), modalities: ['CHIROPRACTIC'], weeklyCapacity: 10 }, { medianHours: 72 });
      fastFar = await world.provider({ location: destination(centre, 220, 18), modalities: ['CHIROPRACTIC'], weeklyCapacity: 10 }, { medianHours: 1 });
    });

    it('ROUTINE puts the slow but near provider first', async () => {
      const matches = await matchProviders(world.asker, { modality: 'CHIROPRACTIC', near: centre, priority: 'ROUTINE' });
      expect(ids(matches)).toEqual([slowNear.providerId, fastFar.providerId]);
      // By hand: 0.5 + 0.25 × (1 − 2/25) + 0.15 × 24/96 + 0.1 and 0.5 + 0.25 × (1 − 18/25) + 0.15 × 24/25 + 0.1.
      expect(matches[0].score).toBeCloseTo(0.8675, 6);
      expect(matches[1].score).toBeCloseTo(0.814, 6);
      expect(matches[0].reasons).toEqual(['2.0 km', 'usually answers within 3 days', '10 of 10 places left this week']);
      expect(matches[1].reasons).toEqual(['18.0 km', 'usually answers within 1 h', '10 of 10 places left this week']);
    });

    it('URGENT weighs answering quickly more and puts the fast but farther provider first', async () => {
      const matches = await matchProviders(world.asker, { modality: 'CHIROPRACTIC', near: centre, priority: 'URGENT' });
      expect(ids(matches)).toEqual([fastFar.providerId, slowNear.providerId]);
      // By hand: 0.5 + 0.15 × (1 − 18/25) + 0.3 × 24/25 + 0.05 and 0.5 + 0.15 × (1 − 2/25) + 0.3 × 24/96 + 0.05.
      expect(matches[0].score).toBeCloseTo(0.88, 6);
      expect(matches[1].score).toBeCloseTo(0.763, 6);
      expectDocumentedRanking(matches, [slowNear.facts, fastFar.facts], { near: centre, radiusKm: 25, conditions: [], techniques: [] }, DOCUMENTED_WEIGHTS.URGENT);
    });
  });
});

describe('matchProviders: weights and half-score hours from configuration', () => {
  // Distance weighs nothing here, so providers with the same facts tie on score and the
  // documented tie-break (distance, then id) decides; half-score hours are 12.
  const weights: Weights = { coverage: 0.4, distance: 0, responsiveness: 0.3, load: 0.3 };
  const halfHours = 12;
  const centre: LatLon = CITY.albuquerque;
  let world: Awaited<ReturnType<typeof rankingWorld>>;
  let same: Array<PlacedProvider & { facts: ProviderFacts }>;
  let slow: PlacedProvider & { facts: ProviderFacts };
  let twelveHours: PlacedProvider & { facts: ProviderFacts };

  beforeAll(async () => {
    world = await rankingWorld({
      MATCH_WEIGHTS_ROUTINE: `coverage:${weights.coverage},distance:${weights.distance},responsiveness:${weights.responsiveness},load:${weights.load}`,
      MATCH_RESPONSIVENESS_HALF_HOURS: String(halfHours),
    });
    const acupuncturist = (bearing: number, km: number) => ({ location: destination(centre, bearing, km), modalities: ['ACUPUNCTURE'], weeklyCapacity: 5 });
    // Created far to near, so creation order (and likely id order) is not distance order.
    same = [];
    for (const [bearing, km] of [[10, 20], [130, 14], [250, 8], [300, 3]] as const) same.push(await world.provider(acupuncturist(bearing, km)));
    // Answers in 36 h: 12/(12+36) = 0.25 instead of 0.5, so last despite being nearest.
    slow = await world.provider(acupuncturist(60, 1), { medianHours: 36 });
    // Answers in exactly the half-score hours: 0.5, the same as no history, so it ties with the rest.
    twelveHours = await world.provider(acupuncturist(200, 11), { medianHours: 12 });
  });

  afterAll(async () => {
    await world?.close();
  });

  it('scores use the configured weights and half-score hours; equal scores go nearest first', async () => {
    const matches = await matchProviders(world.asker, { modality: 'ACUPUNCTURE', near: centre });
    const candidates = [...same, slow, twelveHours].map((provider) => provider.facts);
    expectDocumentedRanking(matches, candidates, { near: centre, radiusKm: 25, conditions: [], techniques: [] }, weights, halfHours);
    // Written out: the ties by distance (3, 8, 11, 14, 20 km), then the slow one.
    expect(ids(matches)).toEqual([same[3], same[2], twelveHours, same[1], same[0], slow].map((provider) => provider.providerId));
    expect(matches[0].score).toBeCloseTo(0.4 + 0.3 * 0.5 + 0.3, 6);
    expect(matches[5].score).toBeCloseTo(0.4 + 0.3 * 0.25 + 0.3, 6);
  });

  it('first cuts after ordering: the nearest of the tied ones', async () => {
    const matches = await matchProviders(world.asker, { modality: 'ACUPUNCTURE', near: centre, first: 3 });
    expect(ids(matches)).toEqual([same[3], same[2], twelveHours].map((provider) => provider.providerId));
  });

  it('URGENT keeps its default weights when only ROUTINE is configured', async () => {
    const matches = await matchProviders(world.asker, { modality: 'ACUPUNCTURE', near: centre, priority: 'URGENT' });
    expectDocumentedRanking(
      matches,
      [...same, slow, twelveHours].map((provider) => provider.facts),
      { near: centre, radiusKm: 25, conditions: [], techniques: [] },
      DOCUMENTED_WEIGHTS.URGENT,
      halfHours,
    );
  });
});
