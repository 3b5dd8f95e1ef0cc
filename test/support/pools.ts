import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { GraphqlClient, GraphqlResponse } from './graphql-client';
import { Referral, referralInput } from './fixtures';
import { REFERRAL_FIELDS } from './operations';
import { destination, expectKmClose, haversineKm, LatLon as Point } from './geodesy';
import { createPlacedProvider, DOCUMENTED_WEIGHTS, expectedScore } from './matching';

/**
 * What the open-referral (pool) and fallback tests share: places at a known great-circle
 * distance from a centre, the documented matching score worked out independently, providers
 * with chosen facts, and the GraphQL documents of pools, open referrals and suggestions.
 */

export { EARTH_RADIUS_KM as MEAN_EARTH_RADIUS_KM, expectKmClose } from './geodesy';
export type { LatLon as Point } from './geodesy';
/** Great-circle km between two points (haversine). */
export const greatCircleKm = haversineKm;
/** The point reached by travelling `km` from `start` on the initial bearing (degrees clockwise from north). */
export const pointAt = destination;

/**
 * Centres far apart from each other (hundreds of km) and from the shared world's providers in
 * Chicago (41.9, -87.65), so no test's providers are ever eligible for another area's pools.
 */
export const AREA = {
  denver: { latitude: 39.7392, longitude: -104.9903 },
  saltLakeCity: { latitude: 40.7608, longitude: -111.891 },
  albuquerque: { latitude: 35.0844, longitude: -106.6504 },
  boise: { latitude: 43.615, longitude: -116.2023 },
  portland: { latitude: 45.5152, longitude: -122.6784 },
  minneapolis: { latitude: 44.9778, longitude: -93.265 },
  omaha: { latitude: 41.2565, longitude: -95.9345 },
  kansasCity: { latitude: 39.0997, longitude: -94.5786 },
} as const satisfies Record<string, Point>;

export interface PlacedProvider {
  providerId: string;
  userId: string;
  email: string;
  clinicId: string;
  client: GraphqlClient;
  location: Point;
  modalities: string[];
  conditions: string[];
  techniques: string[];
  weeklyCapacity: number;
}

export interface ProviderFacts {
  clinicId: string;
  location: Point;
  modalities: string[];
  conditions?: string[];
  techniques?: string[];
  acceptingNewPatients?: boolean;
  weeklyCapacity?: number;
}

/** A signed-in PROVIDER user of `clinicId` with a provider profile of exactly these facts, made by `admin`. */
export async function createProviderAt(admin: GraphqlClient, facts: ProviderFacts): Promise<PlacedProvider> {
  const conditions = facts.conditions ?? ['SHOULDER_PAIN'];
  const techniques = facts.techniques ?? [];
  const weeklyCapacity = facts.weeklyCapacity ?? 10;
  const placed = await createPlacedProvider(admin, { ...facts, conditions, techniques, weeklyCapacity });
  return { ...placed, clinicId: facts.clinicId, modalities: facts.modalities, conditions, techniques, weeklyCapacity };
}

/** A complete createReferral input offered to a pool instead of one provider. */
export function poolReferralInput(patientId: string, pool: { near: Point; radiusKm?: number }, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const input = referralInput(patientId, 'unused', { idempotencyKey: randomUUID(), ...overrides, toPool: pool });
  delete input.toProviderId;
  return input;
}

/** Referral fields plus what pools and claims add. */
export const POOL_REFERRAL_FIELDS = `${REFERRAL_FIELDS}
  fragment PoolReferralFields on Referral {
    ...ReferralFields
    pool { near { latitude longitude } radiusKm }
    toClinic { id }
    patient { id firstName lastName email dateOfBirth }
    redFlags
  }`;

export interface PoolReferral extends Referral {
  pool: { near: Point; radiusKm: number } | null;
  toClinic: { id: string } | null;
  patient: { id: string; firstName: string; lastName: string; email: string | null; dateOfBirth: string } | null;
  redFlags: string | null;
}

const mutationDocument = (name: string) => {
  const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  return `mutation ${name}($input: ${inputType}!) { ${name}(input: $input) { ...PoolReferralFields } } ${POOL_REFERRAL_FIELDS}`;
};

export const CREATE_REFERRAL = mutationDocument('createReferral');
export const SEND_REFERRAL = mutationDocument('sendReferral');
export const ACCEPT_REFERRAL = mutationDocument('acceptReferral');
export const DECLINE_REFERRAL = mutationDocument('declineReferral');
export const REDIRECT_REFERRAL = mutationDocument('redirectReferral');
export const POOL_REFERRAL = `query referral($id: ID!) { referral(id: $id) { ...PoolReferralFields } } ${POOL_REFERRAL_FIELDS}`;

export async function poolMutation(client: GraphqlClient, document: string, input: Record<string, unknown>): Promise<PoolReferral> {
  const data = await client.ok<Record<string, PoolReferral>>(document, { input });
  return Object.values(data)[0];
}

export async function readPoolReferral(client: GraphqlClient, id: string): Promise<PoolReferral> {
  return (await client.ok<{ referral: PoolReferral }>(POOL_REFERRAL, { id })).referral;
}

export function accept(client: GraphqlClient, input: Record<string, unknown>): Promise<GraphqlResponse> {
  return client.request(ACCEPT_REFERRAL, { input });
}

export function decline(client: GraphqlClient, input: Record<string, unknown>): Promise<GraphqlResponse> {
  return client.request(DECLINE_REFERRAL, { input });
}

export const OPEN_REFERRALS = `query openReferrals($first: Int, $after: String) {
  openReferrals(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id reference version modality conditions techniques priority ageBand distanceKm sentAt dueAt } }
  }
}`;

export interface OpenReferralSummary {
  id: string;
  reference: string;
  version: number;
  modality: string;
  conditions: string[];
  techniques: string[];
  priority: string;
  ageBand: string;
  distanceKm: number;
  sentAt: string;
  dueAt: string | null;
}

export interface OpenReferralPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: OpenReferralSummary }>;
}

export async function openReferralsPage(client: GraphqlClient, first = 100, after?: string): Promise<OpenReferralPage> {
  return (await client.ok<{ openReferrals: OpenReferralPage }>(OPEN_REFERRALS, { first, after })).openReferrals;
}

/** The summaries the provider behind `client` is offered (first 100). */
export async function openReferralsOf(client: GraphqlClient): Promise<OpenReferralSummary[]> {
  return (await openReferralsPage(client)).edges.map((edge) => edge.node);
}

const REFERRAL_IDS = `query referrals($filter: ReferralFilter, $first: Int, $after: String) {
  referrals(filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id } }
  }
}`;

/** Every referral id the holder of `client` lists under `filter`, across pages. */
export async function listedReferralIds(client: GraphqlClient, filter: Record<string, unknown> = {}): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { referrals: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string } }> } } =
      await client.ok(REFERRAL_IDS, { filter, first: 100, after });
    ids.push(...data.referrals.edges.map((edge) => edge.node.id));
    if (!data.referrals.pageInfo.hasNextPage) return ids;
    after = data.referrals.pageInfo.endCursor;
  }
}

/** A calendar date (YYYY-MM-DD) `years` years and `days` days before today, in UTC. */
export function dateOfBirthFor(years: number, days = 0): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() - days));
  return date.toISOString().slice(0, 10);
}

/* ---------- matching, worked out from the documented function ---------- */

export const SUGGESTED_PROVIDERS = `query suggested($id: ID!, $first: Int) {
  referral(id: $id) {
    id
    status
    suggestedProviders(first: $first) { distanceKm score reasons provider { id } }
  }
}`;

export interface SuggestedMatch {
  distanceKm: number;
  score: number;
  reasons: string[];
  provider: { id: string };
}

export async function suggestionsFor(client: GraphqlClient, id: string, first?: number): Promise<SuggestedMatch[]> {
  const data = await client.ok<{ referral: { suggestedProviders: SuggestedMatch[] } }>(SUGGESTED_PROVIDERS, { id, first });
  return data.referral.suggestedProviders;
}

/** Words the reasons use, written from the vocabulary's documentation. */
export const WORDS: Record<string, string> = {
  SHOULDER_PAIN: 'shoulder pain',
  NECK_PAIN: 'neck pain',
  BACK_PAIN: 'back pain',
  HEADACHE_MIGRAINE: 'headaches and migraines',
  STRENGTHENING_EXERCISE: 'strengthening exercise',
  STRETCHING_MOBILITY: 'stretching and mobility',
  CUPPING: 'cupping',
  ACUPUNCTURE_NEEDLING: 'acupuncture needling',
};

export interface Candidate {
  providerId: string;
  location: Point;
  modalities: string[];
  conditions: string[];
  techniques: string[];
  acceptingNewPatients: boolean;
  weeklyCapacity: number;
  /** Places left this week as the test arranged them. */
  capacityLeft: number;
  /** Median hours to answer over 90 days as the test arranged them; null without answers. */
  medianHours: number | null;
}

export interface MatchAsk {
  modality: string;
  conditions: string[];
  techniques: string[];
  near: Point;
  radiusKm: number;
  priority: 'ROUTINE' | 'URGENT';
}

export interface ExpectedMatch {
  providerId: string;
  distanceKm: number;
  score: number;
  reasons: string[];
}

function answeredWithin(hours: number): string {
  if (hours > 48) return `usually answers within ${Math.ceil(hours / 24)} days`;
  return `usually answers within ${Math.max(1, Math.ceil(hours))} h`;
}

/** The documented matching: hard filters, score, order and reasons, for `candidates` less `excluded`. */
export function expectedMatches(candidates: Candidate[], ask: MatchAsk, excluded: string[] = []): ExpectedMatch[] {
  const weights = DOCUMENTED_WEIGHTS[ask.priority];
  return candidates
    .filter((c) => !excluded.includes(c.providerId))
    .filter((c) => c.modalities.includes(ask.modality) && c.acceptingNewPatients && c.capacityLeft > 0)
    .map((c) => ({ c, km: greatCircleKm(ask.near, c.location) }))
    .filter(({ km }) => km <= ask.radiusKm)
    .map(({ c, km }) => {
      const score = expectedScore({ ...c, id: c.providerId }, ask, weights);
      const reasons = [
        ...ask.conditions.map((x) => (c.conditions.includes(x) ? `treats ${WORDS[x]}` : `does not list ${WORDS[x]}`)),
        ...ask.techniques.map((x) => (c.techniques.includes(x) ? `uses ${WORDS[x]}` : `does not list ${WORDS[x]}`)),
        `${km.toFixed(1)} km`,
        c.medianHours === null ? 'no answers in the last 90 days to judge by' : answeredWithin(c.medianHours),
        `${c.capacityLeft} of ${c.weeklyCapacity} places left this week`,
      ];
      return { providerId: c.providerId, distanceKm: km, score, reasons };
    })
    .sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || (a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0));
}

/** Compares suggestions with the expected matches: same providers in the same order, same scores, distances and reasons. */
export function expectSameMatches(actual: SuggestedMatch[], expected: ExpectedMatch[]): void {
  expect(actual.map((m) => m.provider.id)).toEqual(expected.map((m) => m.providerId));
  actual.forEach((match, index) => {
    expect(match.score).toBeCloseTo(expected[index].score, 6);
    expectKmClose(match.distanceKm, expected[index].distanceKm);
    expect(match.reasons).toEqual(expected[index].reasons);
  });
}

/**
 * Writes a provider's stats columns directly: history (a median answer time, acceptances this
 * week) cannot be made in the past through the API, and these columns are exactly what
 * matching reads. The tests that use it never move these providers' referrals afterwards, so
 * nothing rewrites them (no worker runs in those tests).
 */
export async function writeProviderStats(db: Client, providerId: string, facts: { medianHours: number | null; acceptedThisWeek: number }): Promise<void> {
  const answered = facts.medianHours === null ? 0 : 4;
  await db.query(
    `UPDATE providers SET stats_active_episodes = $2, stats_accepted_this_week = $2, stats_week_ends_at = now() + interval '1 day',
            stats_answered_90d = $3, stats_accepted_90d = $3, stats_median_response_ms = $4, stats_p90_response_ms = $4, stats_refreshed_at = now()
      WHERE id = $1`,
    [providerId, facts.acceptedThisWeek, answered, facts.medianHours === null ? null : facts.medianHours * 3_600_000],
  );
}
