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
import { appointmentIn, clinicInput, outcomeInput, patientInput, rangeOfMotionFinding, referralInput, uniqueEmail } from './inputs';

export { appointmentIn, clinicInput, outcomeInput, patientInput, rangeOfMotionFinding, referralInput, uniqueEmail };

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

export async function signIn(anonymous: GraphqlClient, email: string, password: string): Promise<GraphqlClient> {
  const data = await anonymous.ok<{ login: { accessToken: string } }>(LOGIN, { input: { email, password } });
  return anonymous.as(data.login.accessToken);
}

export function signInAsPlatformAdmin(anonymous: GraphqlClient): Promise<GraphqlClient> {
  return signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD);
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

