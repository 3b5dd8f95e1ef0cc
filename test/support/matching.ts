import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { GraphqlClient } from './graphql-client';
import { createPatient, createSignedInUser, referralInput, runReferralMutation } from './fixtures';
import { haversineKm, LatLon } from './geodesy';

/**
 * What the matching tests share: points placed at a chosen bearing and distance from a centre,
 * an independent great-circle distance, the documented score worked out in the test, and
 * providers created through the API with chosen facts.
 */

export { EARTH_RADIUS_KM, destination, haversineKm } from './geodesy';
export type { LatLon } from './geodesy';

/** Centres of the fixtures, far apart from each other and from the shared fixtures' Chicago providers (41.9, -87.65). */
export const CITY = {
  denver: { latitude: 39.7392, longitude: -104.9903 },
  seattle: { latitude: 47.6062, longitude: -122.3321 },
  anchorage: { latitude: 61.2181, longitude: -149.9003 },
  boise: { latitude: 43.615, longitude: -116.2023 },
  portland: { latitude: 45.5152, longitude: -122.6784 },
  saltLakeCity: { latitude: 40.7608, longitude: -111.891 },
  phoenix: { latitude: 33.4484, longitude: -112.074 },
  albuquerque: { latitude: 35.0844, longitude: -106.6504 },
  omaha: { latitude: 41.2565, longitude: -95.9345 },
} as const satisfies Record<string, LatLon>;

export const MATCH_PROVIDERS = `query matchProviders($input: MatchProvidersInput!) {
  matchProviders(input: $input) {
    distanceKm
    score
    reasons
    provider { id clinicId displayName modalities conditions techniques acceptingNewPatients weeklyCapacity location { latitude longitude } }
  }
}`;

export interface Match {
  distanceKm: number;
  score: number;
  reasons: string[];
  provider: {
    id: string;
    clinicId: string;
    displayName: string;
    modalities: string[];
    conditions: string[];
    techniques: string[];
    acceptingNewPatients: boolean;
    weeklyCapacity: number;
    location: LatLon | null;
  };
}

export async function matchProviders(client: GraphqlClient, input: Record<string, unknown>): Promise<Match[]> {
  const data = await client.ok<{ matchProviders: Match[] }>(MATCH_PROVIDERS, { input });
  return data.matchProviders;
}

export interface Weights {
  coverage: number;
  distance: number;
  responsiveness: number;
  load: number;
}

/** The default weights, as documented. */
export const DOCUMENTED_WEIGHTS: Record<'ROUTINE' | 'URGENT', Weights> = {
  ROUTINE: { coverage: 0.5, distance: 0.25, responsiveness: 0.15, load: 0.1 },
  URGENT: { coverage: 0.5, distance: 0.15, responsiveness: 0.3, load: 0.05 },
};

/** The documented half-score hours of responsiveness (MATCH_RESPONSIVENESS_HALF_HOURS). */
export const DOCUMENTED_HALF_HOURS = 24;

/** What the test knows about a provider it set up: enough to work the score out. */
export interface ProviderFacts {
  id: string;
  location: LatLon;
  conditions: string[];
  techniques: string[];
  weeklyCapacity: number;
  /** Places left this week, as the test arranged it. */
  capacityLeft: number;
  /** Median hours to answer over 90 days, or null without answers. */
  medianHours: number | null;
}

export interface Ask {
  near: LatLon;
  radiusKm: number;
  conditions: string[];
  techniques: string[];
}

/** The documented score, computed from the facts the test set up. */
export function expectedScore(facts: ProviderFacts, ask: Ask, weights: Weights, halfHours = DOCUMENTED_HALF_HOURS): number {
  const asked = 2 * ask.conditions.length + ask.techniques.length;
  const treated = ask.conditions.filter((condition) => facts.conditions.includes(condition)).length;
  const used = ask.techniques.filter((technique) => facts.techniques.includes(technique)).length;
  const coverage = asked === 0 ? 1 : (2 * treated + used) / asked;
  const nearness = 1 - haversineKm(ask.near, facts.location) / ask.radiusKm;
  const responsiveness = facts.medianHours === null ? 0.5 : halfHours / (halfHours + facts.medianHours);
  const room = facts.capacityLeft / facts.weeklyCapacity;
  return weights.coverage * coverage + weights.distance * nearness + weights.responsiveness * responsiveness + weights.load * room;
}

/** The documented order: score descending, then distance ascending, then provider id. */
export function expectedOrder(candidates: ProviderFacts[], ask: Ask, weights: Weights, halfHours = DOCUMENTED_HALF_HOURS): string[] {
  return candidates
    .map((facts) => ({ id: facts.id, score: expectedScore(facts, ask, weights, halfHours), km: haversineKm(ask.near, facts.location) }))
    .sort((a, b) => b.score - a.score || a.km - b.km || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((entry) => entry.id);
}

export interface PlacedProvider {
  providerId: string;
  userId: string;
  email: string;
  client: GraphqlClient;
  location: LatLon;
}

export interface ProviderSpec {
  clinicId: string;
  location: LatLon;
  modalities: string[];
  conditions?: string[];
  techniques?: string[];
  acceptingNewPatients?: boolean;
  weeklyCapacity?: number;
}

/** A signed-in PROVIDER user with a provider profile of exactly the given facts, made by `admin`. */
export async function createPlacedProvider(admin: GraphqlClient, spec: ProviderSpec): Promise<PlacedProvider> {
  const user = await createSignedInUser(admin, 'PROVIDER', spec.clinicId);
  const data = await admin.ok<{ createProvider: { id: string } }>(
    `mutation createProvider($input: CreateProviderInput!) { createProvider(input: $input) { id } }`,
    {
      input: {
        clinicId: spec.clinicId,
        userId: user.id,
        displayName: `Provider ${randomUUID().slice(0, 8)}`,
        email: user.email,
        modalities: spec.modalities,
        techniques: spec.techniques ?? [],
        conditions: spec.conditions ?? [],
        acceptingNewPatients: spec.acceptingNewPatients ?? true,
        weeklyCapacity: spec.weeklyCapacity ?? 10,
        location: spec.location,
      },
    },
  );
  return { providerId: data.createProvider.id, userId: user.id, email: user.email, client: user.client, location: spec.location };
}

/** A referrer: a coordinator of `clinicId` who creates a fresh patient for every referral it sends. */
export interface Referrer {
  clinicId: string;
  client: GraphqlClient;
}

/** Sends a new referral for a new patient from `referrer` to `providerId`; returns its id and the patient. */
export async function sendReferralTo(
  referrer: Referrer,
  providerId: string,
  modality: string,
): Promise<{ id: string; patient: { id: string; firstName: string; lastName: string; email: string; dateOfBirth: string } }> {
  const patient = await createPatient(referrer.client, referrer.clinicId);
  const referral = await runReferralMutation(referrer.client, 'createReferral', {
    ...referralInput(patient.id, providerId, { modality, conditions: ['NECK_PAIN'], techniques: [] }),
    idempotencyKey: randomUUID(),
    send: true,
  });
  return { id: referral.id, patient };
}

export interface StatsRow {
  active_episodes: number;
  accepted_this_week: number;
  week_ends_at: Date;
  answered_90d: number;
  accepted_90d: number;
  median_response_ms: number | null;
}

/** The provider's stats columns (what matching reads); `stats_refreshed_at` is null until a refresh wrote them. */
export async function statsRow(db: Client, providerId: string): Promise<StatsRow | undefined> {
  const { rows } = await db.query<StatsRow>(
    `SELECT stats_active_episodes AS active_episodes, stats_accepted_this_week AS accepted_this_week, stats_week_ends_at AS week_ends_at,
            stats_answered_90d AS answered_90d, stats_accepted_90d AS accepted_90d, stats_median_response_ms AS median_response_ms
       FROM providers WHERE id = $1 AND stats_refreshed_at IS NOT NULL`,
    [providerId],
  );
  return rows[0];
}

/**
 * Writes a provider's stats columns directly. Used where a test needs a provider with a known
 * median answer time or a known number of acceptances this week: that is history, which the
 * API cannot make happen in the past, and these columns are exactly what matching reads. No
 * transition touches these providers afterwards, so nothing rewrites them.
 */
export async function writeStatsRow(
  db: Client,
  providerId: string,
  row: { medianHours: number | null; acceptedThisWeek?: number; weekEndsAt?: Date; answered?: number },
): Promise<void> {
  const answered = row.answered ?? (row.medianHours === null ? 0 : 5);
  await db.query(
    `UPDATE providers SET stats_active_episodes = $2, stats_accepted_this_week = $2, stats_week_ends_at = $3, stats_answered_90d = $4,
            stats_accepted_90d = $4, stats_median_response_ms = $5, stats_p90_response_ms = $5, stats_refreshed_at = now()
      WHERE id = $1`,
    [
      providerId,
      row.acceptedThisWeek ?? 0,
      row.weekEndsAt ?? new Date(Date.now() + 24 * 3_600_000),
      answered,
      row.medianHours === null ? null : row.medianHours * 3_600_000,
    ],
  );
}
