import { randomUUID } from 'node:crypto';
import { GraphqlClient } from './graphql-client';
import {
  CREATE_CLINIC,
  CREATE_PATIENT,
  CREATE_PROVIDER,
  CREATE_USER,
  LOGIN,
  LifecycleMutation,
  REFERRAL,
  REFERRALS,
  referralMutation,
} from './operations';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './test-app';

/**
 * Builders that create test data through the public GraphQL API only, exactly as a client
 * would. Every email is unique per call so builders can run any number of times per database.
 */
export const USER_PASSWORD = 'correct-horse-battery-staple-9';

export type Role = 'PLATFORM_ADMIN' | 'CLINIC_ADMIN' | 'COORDINATOR' | 'PROVIDER';

export interface Referral {
  id: string;
  reference: string;
  status: string;
  version: number;
  priority: string;
  modality: string;
  conditions: string[];
  techniques: string[];
  reason: string;
  createdAt: string;
  sentAt: string | null;
  dueAt: string | null;
  respondedAt: string | null;
  appointmentAt: string | null;
  treatmentStartedAt: string | null;
  completedAt: string | null;
  loopClosedAt: string | null;
  declineReason: string | null;
  availableActions: string[];
  patient: { id: string } | null;
  referringClinic: { id: string } | null;
  referringUser: { id: string } | null;
  toProvider: { id: string } | null;
  redirectedFrom: { id: string; status: string } | null;
  redirectedTo: { id: string; status: string } | null;
  events: Array<{ type: string; fromStatus: string | null; toStatus: string | null; reason: string | null; at: string; actor: { id: string } | null }>;
}

export interface Actor {
  id: string;
  email: string;
  role: Role;
  clinicId: string | null;
  client: GraphqlClient;
}

export interface ProviderActor extends Actor {
  providerId: string;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}.${randomUUID()}@referloop.test`;
}

export async function signIn(anonymous: GraphqlClient, email: string, password: string): Promise<GraphqlClient> {
  const data = await anonymous.ok<{ login: { accessToken: string } }>(LOGIN, { input: { email, password } });
  return anonymous.as(data.login.accessToken);
}

export function signInAsPlatformAdmin(anonymous: GraphqlClient): Promise<GraphqlClient> {
  return signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD);
}

export function clinicInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Clinic ${randomUUID().slice(0, 8)}`,
    email: uniqueEmail('clinic'),
    phone: '+1 (312) 555-0100',
    timeZone: 'America/Chicago',
    address: { line1: '1 Main St', city: 'Chicago', region: 'IL', postalCode: '60601', country: 'US' },
    location: { latitude: 41.88, longitude: -87.63 },
    ...overrides,
  };
}

export async function createClinic(admin: GraphqlClient, overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
  const data = await admin.ok<{ createClinic: { id: string } }>(CREATE_CLINIC, { input: clinicInput(overrides) });
  return data.createClinic;
}

/** Creates a user through `creator` (a platform or clinic admin) and signs them in. */
export async function createSignedInUser(creator: GraphqlClient, role: Role, clinicId: string | null): Promise<Actor> {
  const email = uniqueEmail(role.toLowerCase());
  const input: Record<string, unknown> = { email, password: USER_PASSWORD, displayName: `Test ${role}`, role };
  if (clinicId) input.clinicId = clinicId;
  const data = await creator.ok<{ createUser: { id: string } }>(CREATE_USER, { input });
  const client = await signIn(creator.as(undefined), email, USER_PASSWORD);
  return { id: data.createUser.id, email, role, clinicId, client };
}

const TECHNIQUES_BY_MODALITY: Record<string, string[]> = {
  MASSAGE: ['ORTHOPEDIC_MASSAGE', 'DEEP_TISSUE_MASSAGE'],
  ACUPUNCTURE: ['ACUPUNCTURE_NEEDLING', 'CUPPING'],
  CHIROPRACTIC: ['SPINAL_MANIPULATION'],
  PHYSICAL_THERAPY: ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY'],
};

/** A PROVIDER user at `clinicId` with its provider record, signed in. */
export async function createProviderActor(admin: GraphqlClient, clinicId: string, modality: string): Promise<ProviderActor> {
  const actor = await createSignedInUser(admin, 'PROVIDER', clinicId);
  const data = await admin.ok<{ createProvider: { id: string } }>(CREATE_PROVIDER, {
    input: {
      clinicId,
      userId: actor.id,
      displayName: `Provider ${randomUUID().slice(0, 8)}`,
      email: actor.email,
      modalities: [modality],
      techniques: TECHNIQUES_BY_MODALITY[modality],
      conditions: ['SHOULDER_PAIN', 'NECK_PAIN', 'BACK_PAIN'],
      acceptingNewPatients: true,
      weeklyCapacity: 20,
      location: { latitude: 41.9, longitude: -87.65 },
    },
  });
  return { ...actor, providerId: data.createProvider.id };
}

export function patientInput(clinicId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clinicId,
    firstName: 'Jordan',
    lastName: `Rivera${randomUUID().slice(0, 6)}`,
    email: uniqueEmail('patient'),
    dateOfBirth: '1980-01-01',
    phone: '+1 312-555-0199',
    emailConsent: true,
    ...overrides,
  };
}

export async function createPatient(
  client: GraphqlClient,
  clinicId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; email: string; firstName: string; lastName: string; dateOfBirth: string }> {
  const data = await client.ok<{ createPatient: { id: string; email: string; firstName: string; lastName: string; dateOfBirth: string } }>(
    CREATE_PATIENT,
    { input: patientInput(clinicId, overrides) },
  );
  return data.createPatient;
}

export function rangeOfMotionFinding(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { joint: 'SHOULDER', movement: 'FLEXION', side: 'LEFT', measuredDegrees: 120, expectedDegrees: 180, painScore: 4, ...overrides };
}

/** A complete, valid createReferral input (a DRAFT unless `send: true`). */
export function referralInput(patientId: string, toProviderId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    patientId,
    toProviderId,
    modality: 'PHYSICAL_THERAPY',
    conditions: ['SHOULDER_PAIN'],
    techniques: ['STRENGTHENING_EXERCISE'],
    priority: 'ROUTINE',
    reason: 'Limited shoulder flexion after six weeks of orthopedic massage; needs strengthening.',
    assessment: { postureNotes: 'Forward head posture, elevated left shoulder.', rangeOfMotion: [rangeOfMotionFinding()] },
    goals: { longTerm: 'Full pain-free overhead reach', shortTerm: ['Flexion to 150 degrees', 'Pain at most 2/10'] },
    recommendedVisits: 6,
    visitsPerWeek: 1,
    redFlags: null,
    consentToShare: true,
    ...overrides,
  };
}

export async function runReferralMutation(
  client: GraphqlClient,
  mutation: LifecycleMutation,
  input: Record<string, unknown>,
): Promise<Referral> {
  const data = await client.ok<Record<string, Referral>>(referralMutation(mutation), { input });
  return data[mutation];
}

export async function readReferral(client: GraphqlClient, id: string): Promise<Referral> {
  const data = await client.ok<{ referral: Referral }>(REFERRAL, { id });
  return data.referral;
}

export async function countReferrals(client: GraphqlClient, filter: Record<string, unknown> = {}): Promise<number> {
  const data = await client.ok<{ referrals: { totalCount: number } }>(REFERRALS, { filter, first: 1 });
  return data.referrals.totalCount;
}

/** An appointment time `days` from now, as a UTC instant. */
export function appointmentIn(days: number): string {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
}

export function outcomeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    summary: 'Flexion restored to 170 degrees; independent with home programme.',
    goalsMet: 'MET',
    visitsUsed: 6,
    finalRangeOfMotion: [rangeOfMotionFinding({ measuredDegrees: 170, painScore: 1 })],
    ...overrides,
  };
}
