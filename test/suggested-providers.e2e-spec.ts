import { ResponseClock } from '@referloop/referrals';
import { Actor, createClinic, createPatient, createSignedInUser, referralInput, signInAsPlatformAdmin } from './support/fixtures';
import { expectGraphqlError } from './support/expectations';
import { GraphqlClient } from './support/graphql-client';
import {
  accept,
  AREA,
  Candidate,
  CREATE_REFERRAL,
  createProviderAt,
  decline,
  expectedMatches,
  expectSameMatches,
  MatchAsk,
  PlacedProvider,
  Point,
  pointAt,
  poolMutation,
  poolReferralInput,
  POOL_REFERRAL,
  readPoolReferral,
  REDIRECT_REFERRAL,
  SUGGESTED_PROVIDERS,
  suggestionsFor,
  writeProviderStats,
} from './support/pools';
import { useTestApp } from './support/file-setup';

/*
 * The fallback: once a referral is declined (or expires) the referrer is offered the next best
 * providers, by the documented matching function, around the pool's centre or else the
 * referring clinic, leaving out everyone who already declined, passed on or was sent it, and
 * the referring provider. Every expected list is worked out in the test from the facts it set
 * up (haversine distances on the mean Earth radius, the documented weights and reasons).
 */

const MPLS: Point = AREA.minneapolis;
const DIRECTED = { modality: 'PHYSICAL_THERAPY', conditions: ['SHOULDER_PAIN', 'NECK_PAIN'], techniques: ['STRENGTHENING_EXERCISE'], priority: 'ROUTINE' as const };
const FULL = { conditions: ['SHOULDER_PAIN', 'NECK_PAIN', 'BACK_PAIN'], techniques: ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY'] };

describe('suggested providers after a decline or an expiry', () => {
  const { app, db } = useTestApp();
  let admin: GraphqlClient;
  let clinicR: { id: string };
  let coordinatorR: Actor;
  let coordinatorS: Actor;
  let coordinatorT: Actor;
  let clinicS: { id: string };
  let clinicT: { id: string };
  let referringProvider: PlacedProvider;
  /** Providers around Minneapolis and what the test arranged about each. */
  const around: Record<string, PlacedProvider> = {};
  const facts = new Map<string, Candidate>();

  /** Creates a provider and records its facts (no history unless `stats` is given, then written to its stats columns). */
  const place = async (
    clinicId: string,
    location: Point,
    spec: { modalities: string[]; conditions: string[]; techniques: string[]; acceptingNewPatients?: boolean; weeklyCapacity?: number },
    stats?: { medianHours: number | null; acceptedThisWeek: number },
  ): Promise<PlacedProvider> => {
    const weeklyCapacity = spec.weeklyCapacity ?? 10;
    const provider = await createProviderAt(admin, { clinicId, location, ...spec, weeklyCapacity });
    if (stats) await writeProviderStats(db, provider.providerId, stats);
    facts.set(provider.providerId, {
      providerId: provider.providerId,
      location,
      modalities: spec.modalities,
      conditions: spec.conditions,
      techniques: spec.techniques,
      acceptingNewPatients: spec.acceptingNewPatients ?? true,
      weeklyCapacity,
      capacityLeft: weeklyCapacity - (stats?.acceptedThisWeek ?? 0),
      medianHours: stats?.medianHours ?? null,
    });
    return provider;
  };

  const candidatesOf = (providers: PlacedProvider[]) => providers.map((provider) => facts.get(provider.providerId) as Candidate);

  beforeAll(async () => {
    admin = await signInAsPlatformAdmin(app.anonymous);
    clinicR = await createClinic(admin, { name: 'Referring clinic (Minneapolis)', location: MPLS });
    clinicS = await createClinic(admin, { name: 'Receiving clinic S', location: pointAt(MPLS, 90, 10) });
    clinicT = await createClinic(admin, { name: 'Receiving clinic T', location: pointAt(MPLS, 270, 10) });
    coordinatorR = await createSignedInUser(admin, 'COORDINATOR', clinicR.id);
    coordinatorS = await createSignedInUser(admin, 'COORDINATOR', clinicS.id);
    coordinatorT = await createSignedInUser(admin, 'COORDINATOR', clinicT.id);
    const pt = ['PHYSICAL_THERAPY'];
    referringProvider = await place(clinicR.id, pointAt(MPLS, 45, 0.5), { modalities: pt, ...FULL });
    around.decliner = await place(clinicS.id, pointAt(MPLS, 10, 3), { modalities: pt, ...FULL });
    around.a = await place(clinicS.id, pointAt(MPLS, 80, 8), { modalities: pt, ...FULL });
    around.b = await place(clinicT.id, pointAt(MPLS, 150, 2), { modalities: pt, conditions: ['SHOULDER_PAIN'], techniques: [] });
    around.c = await place(clinicT.id, pointAt(MPLS, 200, 15), { modalities: pt, ...FULL }, { medianHours: 2, acceptedThisWeek: 9 });
    around.e = await place(clinicS.id, pointAt(MPLS, 260, 20), { modalities: pt, conditions: ['NECK_PAIN'], techniques: ['STRENGTHENING_EXERCISE'] }, { medianHours: 72, acceptedThisWeek: 0 });
    around.f = await place(clinicT.id, pointAt(MPLS, 300, 24.8), { modalities: pt, ...FULL });
    around.k = await place(clinicS.id, pointAt(MPLS, 120, 12), { modalities: ['MASSAGE', 'PHYSICAL_THERAPY'], ...FULL, weeklyCapacity: 4 }, { medianHours: 0.5, acceptedThisWeek: 1 });
    // Left out by the hard filters: outside 25 km, another modality, not accepting, no place left this week.
    around.outside = await place(clinicS.id, pointAt(MPLS, 330, 25.3), { modalities: pt, ...FULL });
    around.acupuncture = await place(clinicT.id, pointAt(MPLS, 100, 5), { modalities: ['ACUPUNCTURE'], conditions: ['SHOULDER_PAIN', 'NECK_PAIN', 'HEADACHE_MIGRAINE'], techniques: ['CUPPING'] });
    around.closed = await place(clinicS.id, pointAt(MPLS, 220, 4), { modalities: pt, ...FULL, acceptingNewPatients: false });
    around.full = await place(clinicT.id, pointAt(MPLS, 40, 6), { modalities: pt, ...FULL }, { medianHours: 1, acceptedThisWeek: 10 });
  }, 90_000);

  const everyoneAround = () => [referringProvider, ...Object.values(around)];
  const aroundClinic: MatchAsk = { ...DIRECTED, near: MPLS, radiusKm: 25 };

  /** A new patient of clinic R and a directed referral to `providerId`, sent at once by `by`. */
  const sendDirected = async (by: GraphqlClient, providerId: string) => {
    const patient = await createPatient(by, clinicR.id);
    return poolMutation(by, CREATE_REFERRAL, { ...referralInput(patient.id, providerId, { ...DIRECTED }), send: true });
  };

  const declineAsTarget = async (provider: PlacedProvider, id: string) => {
    const response = await decline(provider.client, { id, reason: 'NO_CAPACITY' });
    expect(response.errors).toBeUndefined();
    expect(response.data?.declineReferral).toMatchObject({ id, status: 'DECLINED' });
  };

  it('after a directed referral is declined: ranked by the matching function around the referring clinic, without the decliner', async () => {
    const referral = await sendDirected(coordinatorR.client, around.decliner.providerId);
    await declineAsTarget(around.decliner, referral.id);

    const expected = expectedMatches(candidatesOf(everyoneAround()), aroundClinic, [around.decliner.providerId]);
    // The hard filters and the exclusion leave these, and the arranged facts make the order non-trivial.
    expect(expected.map((match) => match.providerId).sort()).toEqual(
      [referringProvider, around.a, around.b, around.c, around.e, around.f, around.k].map((provider) => provider.providerId).sort(),
    );
    expectSameMatches(await suggestionsFor(coordinatorR.client, referral.id), expected);
    expectSameMatches(await suggestionsFor(coordinatorR.client, referral.id, 3), expected.slice(0, 3));

    // The receiving side sees the referral but is offered nothing; another clinic does not see it at all.
    expect(await suggestionsFor(around.decliner.client, referral.id)).toEqual([]);
    expect(await suggestionsFor(coordinatorS.client, referral.id)).toEqual([]);
    expectGraphqlError(await coordinatorT.client.request(SUGGESTED_PROVIDERS, { id: referral.id }), 'NOT_FOUND');
    expectGraphqlError(await around.a.client.request(SUGGESTED_PROVIDERS, { id: referral.id }), 'NOT_FOUND');
  });

  it('a redirect empties the suggestions; when the redirected referral is declined too, both decliners and the referring provider are left out', async () => {
    const first = await sendDirected(referringProvider.client, around.decliner.providerId);
    await declineAsTarget(around.decliner, first.id);

    const excludedFirst = [around.decliner.providerId, referringProvider.providerId];
    const expectedFirst = expectedMatches(candidatesOf(everyoneAround()), aroundClinic, excludedFirst);
    // The referring provider and their clinic's staff are both the referrer side: the same list.
    expectSameMatches(await suggestionsFor(referringProvider.client, first.id), expectedFirst);
    expectSameMatches(await suggestionsFor(coordinatorR.client, first.id), expectedFirst);

    const next = expectedFirst[0].providerId;
    const nextProvider = everyoneAround().find((provider) => provider.providerId === next) as PlacedProvider;
    const second = await poolMutation(coordinatorR.client, REDIRECT_REFERRAL, { id: first.id, toProviderId: next });
    expect(second).toMatchObject({ status: 'SENT', toProvider: { id: next }, redirectedFrom: { id: first.id } });
    expect(await suggestionsFor(referringProvider.client, first.id)).toEqual([]);
    expect(await suggestionsFor(referringProvider.client, second.id)).toEqual([]);

    await declineAsTarget(nextProvider, second.id);
    const expectedSecond = expectedMatches(candidatesOf(everyoneAround()), aroundClinic, [...excludedFirst, next]);
    expect(expectedSecond).toHaveLength(expectedFirst.length - 1);
    expectSameMatches(await suggestionsFor(referringProvider.client, second.id), expectedSecond);
    expectSameMatches(await suggestionsFor(coordinatorR.client, second.id), expectedSecond);
    // The first stays redirected: still nothing there.
    expect(await suggestionsFor(coordinatorR.client, first.id)).toEqual([]);
    // The second decliner, on the receiving side, is offered nothing.
    expect(await suggestionsFor(nextProvider.client, second.id)).toEqual([]);
  });

  it('after a pool referral expires with two passes: around the pool centre, within its radius, without the passers', async () => {
    const KC = AREA.kansasCity;
    const acu = ['ACUPUNCTURE'];
    const ask = { modality: 'ACUPUNCTURE', conditions: ['HEADACHE_MIGRAINE'], techniques: ['CUPPING'], near: KC, radiusKm: 12, priority: 'URGENT' as const };
    const clinicK = await createClinic(admin, { name: 'Kansas City acupuncture', location: pointAt(KC, 0, 1) });
    const passer1 = await place(clinicK.id, pointAt(KC, 20, 2), { modalities: acu, conditions: ['HEADACHE_MIGRAINE'], techniques: ['CUPPING'] });
    const passer2 = await place(clinicK.id, pointAt(KC, 110, 5), { modalities: acu, conditions: ['HEADACHE_MIGRAINE'], techniques: ['CUPPING'] });
    const pool = [
      passer1,
      passer2,
      await place(clinicK.id, pointAt(KC, 200, 3), { modalities: acu, conditions: ['HEADACHE_MIGRAINE', 'NECK_PAIN'], techniques: ['CUPPING', 'ACUPUNCTURE_NEEDLING'] }),
      await place(clinicK.id, pointAt(KC, 290, 7), { modalities: acu, conditions: ['HEADACHE_MIGRAINE'], techniques: [] }, { medianHours: 30, acceptedThisWeek: 2 }),
      await place(clinicK.id, pointAt(KC, 340, 11.5), { modalities: acu, conditions: ['HEADACHE_MIGRAINE'], techniques: ['CUPPING'] }, { medianHours: 100, acceptedThisWeek: 0 }),
      await place(clinicK.id, pointAt(KC, 60, 8), { modalities: acu, conditions: ['NECK_PAIN'], techniques: ['CUPPING'] }),
      // Inside 25 km but outside the pool's 12: the pool's radius applies.
      await place(clinicK.id, pointAt(KC, 150, 12.5), { modalities: acu, conditions: ['HEADACHE_MIGRAINE'], techniques: ['CUPPING'] }),
      await place(clinicK.id, pointAt(KC, 250, 4), { modalities: ['PHYSICAL_THERAPY'], ...FULL }),
    ];

    const patient = await createPatient(coordinatorR.client, clinicR.id);
    const referral = await poolMutation(coordinatorR.client, CREATE_REFERRAL, {
      ...poolReferralInput(patient.id, { near: KC, radiusKm: 12 }, { modality: 'ACUPUNCTURE', conditions: ['HEADACHE_MIGRAINE'], techniques: ['CUPPING'], priority: 'URGENT' }),
      send: true,
    });
    for (const passer of [passer1, passer2]) {
      const pass = await decline(passer.client, { id: referral.id, reason: 'NO_CAPACITY' });
      expect(pass.errors).toBeUndefined();
    }
    // Not expired yet: nothing to suggest.
    expect(await suggestionsFor(coordinatorR.client, referral.id)).toEqual([]);

    // Its deadline passes (moved into the past, as if sent long ago) and the response clock's
    // own expiry runs, in the gateway's process: no worker or waiting needed.
    await db.query(`UPDATE referrals SET due_at = now() - interval '1 minute' WHERE id = $1`, [referral.id]);
    const { clock_seq: clockSeq } = (await db.query<{ clock_seq: number }>('SELECT clock_seq FROM referrals WHERE id = $1', [referral.id])).rows[0];
    await expect(app.app.get(ResponseClock).expire(referral.id, clockSeq)).resolves.toEqual({ kind: 'done' });
    expect(await readPoolReferral(coordinatorR.client, referral.id)).toMatchObject({ status: 'EXPIRED', toProvider: null });
    // Nobody took it: the referrer is told; there was no provider, and the patient hears only of an acceptance.
    const emails = await db.query('SELECT recipient_kind, template FROM notifications WHERE referral_id = $1', [referral.id]);
    expect(emails.rows).toEqual([{ recipient_kind: 'REFERRER', template: 'REFERRAL_EXPIRED' }]);

    const expected = expectedMatches(candidatesOf(pool), ask, [passer1.providerId, passer2.providerId]);
    expect(expected).toHaveLength(4);
    expectSameMatches(await suggestionsFor(coordinatorR.client, referral.id), expected);

    // A candidate who passed, or who never answered, is not the referrer: nothing for them.
    expectGraphqlError(await passer1.client.request(SUGGESTED_PROVIDERS, { id: referral.id }), 'NOT_FOUND');
    expectGraphqlError(await pool[2].client.request(SUGGESTED_PROVIDERS, { id: referral.id }), 'NOT_FOUND');

    // Redirected to the best of them: nothing more to suggest for the expired one.
    const redirected = await poolMutation(coordinatorR.client, REDIRECT_REFERRAL, { id: referral.id, toProviderId: expected[0].providerId });
    expect(redirected).toMatchObject({ status: 'SENT', toProvider: { id: expected[0].providerId }, pool: null });
    expect(await suggestionsFor(coordinatorR.client, referral.id)).toEqual([]);
  });

  it('is empty for a referral that is not DECLINED or EXPIRED', async () => {
    // The target is far from the referring clinic; had the status not been checked, the
    // Minneapolis providers around the clinic would come back.
    const boise = await createClinic(admin, { name: 'Boise physio', location: AREA.boise });
    const target = await place(boise.id, pointAt(AREA.boise, 0, 1), { modalities: ['PHYSICAL_THERAPY'], ...FULL });
    const draftPatient = await createPatient(coordinatorR.client, clinicR.id);
    const draft = await poolMutation(coordinatorR.client, CREATE_REFERRAL, referralInput(draftPatient.id, target.providerId, { ...DIRECTED }));
    const sent = await sendDirected(coordinatorR.client, target.providerId);
    const onHold = await sendDirected(coordinatorR.client, target.providerId);
    const accepted = await sendDirected(coordinatorR.client, target.providerId);
    const cancelled = await sendDirected(coordinatorR.client, target.providerId);
    await target.client.ok(`mutation ($input: RequestReferralInfoInput!) { requestReferralInfo(input: $input) { id } }`, {
      input: { id: onHold.id, question: 'Any imaging?' },
    });
    expect((await accept(target.client, { id: accepted.id })).errors).toBeUndefined();
    await coordinatorR.client.ok(`mutation ($input: CancelReferralInput!) { cancelReferral(input: $input) { id } }`, { input: { id: cancelled.id } });

    const statuses: Record<string, string> = {};
    for (const referral of [draft, sent, onHold, accepted, cancelled]) {
      const read = await coordinatorR.client.ok<{ referral: { status: string } }>(POOL_REFERRAL, { id: referral.id });
      statuses[read.referral.status] = referral.id;
      expect({ status: read.referral.status, suggested: await suggestionsFor(coordinatorR.client, referral.id) }).toEqual({ status: read.referral.status, suggested: [] });
    }
    expect(Object.keys(statuses).sort()).toEqual(['ACCEPTED', 'CANCELLED', 'DRAFT', 'ON_HOLD', 'SENT']);
  });

  it.each([0, 101])('suggestedProviders(first: %i) → BAD_USER_INPUT naming first', async (first) => {
    const referral = await sendDirected(coordinatorR.client, around.decliner.providerId);
    await declineAsTarget(around.decliner, referral.id);
    expectGraphqlError(await coordinatorR.client.request(SUGGESTED_PROVIDERS, { id: referral.id, first }), 'BAD_USER_INPUT', 'first');
  });
});
