import { randomUUID } from 'node:crypto';
import { GraphqlClient } from './graphql-client';
import {
  Actor,
  ProviderActor,
  Referral,
  appointmentIn,
  createClinic,
  createPatient,
  createProviderActor,
  createSignedInUser,
  outcomeInput,
  referralInput,
  runReferralMutation,
  signInAsPlatformAdmin,
} from './fixtures';

/**
 * The cast most tests need: clinic A refers, clinic B receives, clinic C is a bystander.
 *   A: adminA, coordinatorA, referringProvider (MASSAGE), patient (emailConsent true)
 *   B: adminB, coordinatorB, targetProvider (PHYSICAL_THERAPY), alternateProvider (PHYSICAL_THERAPY)
 *   C: coordinatorC, unrelatedProvider (PHYSICAL_THERAPY)
 */
export interface World {
  anonymous: GraphqlClient;
  platformAdmin: GraphqlClient;
  clinicA: { id: string };
  clinicB: { id: string };
  clinicC: { id: string };
  adminA: Actor;
  coordinatorA: Actor;
  referringProvider: ProviderActor;
  adminB: Actor;
  coordinatorB: Actor;
  targetProvider: ProviderActor;
  alternateProvider: ProviderActor;
  coordinatorC: Actor;
  unrelatedProvider: ProviderActor;
  patient: { id: string; email: string; firstName: string; lastName: string; dateOfBirth: string };
}

export async function buildWorld(anonymous: GraphqlClient): Promise<World> {
  const platformAdmin = await signInAsPlatformAdmin(anonymous);
  const [clinicA, clinicB, clinicC] = [
    await createClinic(platformAdmin, { name: 'Clinic A (refers)' }),
    await createClinic(platformAdmin, { name: 'Clinic B (receives)' }),
    await createClinic(platformAdmin, { name: 'Clinic C (bystander)' }),
  ];
  const adminA = await createSignedInUser(platformAdmin, 'CLINIC_ADMIN', clinicA.id);
  const coordinatorA = await createSignedInUser(platformAdmin, 'COORDINATOR', clinicA.id);
  const referringProvider = await createProviderActor(platformAdmin, clinicA.id, 'MASSAGE');
  const adminB = await createSignedInUser(platformAdmin, 'CLINIC_ADMIN', clinicB.id);
  const coordinatorB = await createSignedInUser(platformAdmin, 'COORDINATOR', clinicB.id);
  const targetProvider = await createProviderActor(platformAdmin, clinicB.id, 'PHYSICAL_THERAPY');
  const alternateProvider = await createProviderActor(platformAdmin, clinicB.id, 'PHYSICAL_THERAPY');
  const coordinatorC = await createSignedInUser(platformAdmin, 'COORDINATOR', clinicC.id);
  const unrelatedProvider = await createProviderActor(platformAdmin, clinicC.id, 'PHYSICAL_THERAPY');
  const patient = await createPatient(coordinatorA.client, clinicA.id, { emailConsent: true });
  return {
    anonymous,
    platformAdmin,
    clinicA,
    clinicB,
    clinicC,
    adminA,
    coordinatorA,
    referringProvider,
    adminB,
    coordinatorB,
    targetProvider,
    alternateProvider,
    coordinatorC,
    unrelatedProvider,
    patient,
  };
}

/** A DRAFT from coordinator A to the target provider at B. */
export function createDraft(world: World, overrides: Record<string, unknown> = {}): Promise<Referral> {
  return runReferralMutation(world.coordinatorA.client, 'createReferral', {
    ...referralInput(world.patient.id, world.targetProvider.providerId, overrides),
    idempotencyKey: randomUUID(),
  });
}

/** Statuses a test can reach through the API (EXPIRED needs the clock), plus a closed loop. */
export type ReachableState =
  | 'DRAFT'
  | 'SENT'
  | 'ON_HOLD'
  | 'ACCEPTED'
  | 'DECLINED'
  | 'SCHEDULED'
  | 'IN_TREATMENT'
  | 'COMPLETED'
  | 'LOOP_CLOSED'
  | 'CANCELLED';

/**
 * Drives a fresh referral to `state`, each step taken by the party the lifecycle gives it to:
 * coordinator A for the referrer side, the target provider for the receiver side.
 */
export async function referralIn(world: World, state: ReachableState): Promise<Referral> {
  const referrer = world.coordinatorA.client;
  const provider = world.targetProvider.client;
  const draft = await createDraft(world);
  if (state === 'DRAFT') return draft;
  const sent = await runReferralMutation(referrer, 'sendReferral', { id: draft.id });
  switch (state) {
    case 'SENT':
      return sent;
    case 'ON_HOLD':
      return runReferralMutation(provider, 'requestReferralInfo', { id: sent.id, question: 'Any imaging?' });
    case 'DECLINED':
      return runReferralMutation(provider, 'declineReferral', { id: sent.id, reason: 'NO_CAPACITY' });
    case 'CANCELLED':
      return runReferralMutation(referrer, 'cancelReferral', { id: sent.id, reason: 'Patient moved away' });
    default:
      break;
  }
  const accepted = await runReferralMutation(provider, 'acceptReferral', { id: sent.id, note: 'Happy to see them' });
  if (state === 'ACCEPTED') return accepted;
  const scheduled = await runReferralMutation(provider, 'scheduleReferral', { id: sent.id, appointmentAt: appointmentIn(3) });
  if (state === 'SCHEDULED') return scheduled;
  const treating = await runReferralMutation(provider, 'startReferralTreatment', { id: sent.id });
  if (state === 'IN_TREATMENT') return treating;
  const completed = await runReferralMutation(provider, 'completeReferral', { id: sent.id, outcome: outcomeInput() });
  if (state === 'COMPLETED') return completed;
  return runReferralMutation(referrer, 'acknowledgeReferralOutcome', { id: sent.id });
}
