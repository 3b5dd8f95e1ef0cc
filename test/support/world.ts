import { randomUUID } from 'node:crypto';
import { SessionService } from '../../libs/auth/src/sessions/session.service';
import { UserRepository } from '../../libs/auth/src/user.repository';
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
import { ME } from './operations';
import { startTestApp, StartOptions, TestApp } from './test-app';
import { ACTOR_NAMES, ActorName, worldTemplate, WorldRecord } from './world-template';

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

/**
 * Creates the cast through the public API, as a client would. A run does it once, into its
 * world template (see worldTemplate); test files clone that template and get the cast with
 * `worldOf` (file-setup.ts does both).
 */
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

export async function recordOf(world: World): Promise<WorldRecord> {
  const { me } = await world.platformAdmin.ok<{ me: { id: string } }>(ME);
  const actors = Object.fromEntries(
    ACTOR_NAMES.map((name) => {
      const { client: _client, ...actor } = world[name];
      return [name, actor];
    }),
  ) as WorldRecord['actors'];
  return { platformAdminId: me.id, clinicA: world.clinicA, clinicB: world.clinicB, clinicC: world.clinicC, actors, patient: world.patient };
}

/**
 * The cast of the world template, signed in to `app`, whose database is a clone of that
 * template (see startWorldApp). Each client holds a session the gateway's own SessionService
 * opened, the one its login mutation opens once the password checks out: the cast was created
 * and signed in through the API when the template was made, and checking every password again
 * (scrypt, by design slow) would cost each test file a second or so.
 */
export async function worldOf(app: TestApp, record: WorldRecord): Promise<World> {
  const sessions = app.app.get(SessionService);
  const users = app.app.get(UserRepository);
  const signedIn = async (userId: string) => {
    const user = await users.findById(userId);
    if (!user) throw new Error(`world user ${userId} is missing from the database`);
    return app.anonymous.as((await sessions.open(user, { ipAddress: null, userAgent: 'test world' })).accessToken ?? undefined);
  };
  const actor = async <A extends Actor>(name: ActorName) => ({ ...record.actors[name], client: await signedIn(record.actors[name].id) }) as A;
  return {
    anonymous: app.anonymous,
    platformAdmin: await signedIn(record.platformAdminId),
    clinicA: record.clinicA,
    clinicB: record.clinicB,
    clinicC: record.clinicC,
    adminA: await actor('adminA'),
    coordinatorA: await actor('coordinatorA'),
    referringProvider: await actor<ProviderActor>('referringProvider'),
    adminB: await actor('adminB'),
    coordinatorB: await actor('coordinatorB'),
    targetProvider: await actor<ProviderActor>('targetProvider'),
    alternateProvider: await actor<ProviderActor>('alternateProvider'),
    coordinatorC: await actor('coordinatorC'),
    unrelatedProvider: await actor<ProviderActor>('unrelatedProvider'),
    patient: record.patient,
  };
}

/** A gateway (see startTestApp) on a clone of the world template, and the cast signed in to it. */
export async function startWorldApp(
  env: Record<string, string> = {},
  databaseName?: string,
  { logStream }: Pick<StartOptions, 'logStream'> = {},
): Promise<{ app: TestApp; world: World }> {
  const record = await worldTemplate();
  const app = await startTestApp(env, { template: 'world', databaseName, logStream });
  return { app, world: await worldOf(app, record) };
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
 * coordinator A for the referrer side, the target provider for the receiver side. `overrides`
 * change the draft's input (another patient, a priority).
 */
export async function referralIn(world: World, state: ReachableState, overrides: Record<string, unknown> = {}): Promise<Referral> {
  const referrer = world.coordinatorA.client;
  const provider = world.targetProvider.client;
  const draft = await createDraft(world, overrides);
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
