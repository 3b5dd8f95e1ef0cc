import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, UserRole } from '@referloop/common';
import { AppConfig, ConfigModule, DomainError, loadConfig } from '@referloop/core';
import { dataSourceOptions } from '@referloop/database';
import { JobsModule } from '@referloop/jobs';
import { MetricsModule } from '@referloop/metrics';
import { EpisodeModule, EpisodeOutcome } from '@referloop/episode';
import { ReferralRow, ReferralsModule } from '@referloop/referrals';
import { appointmentIn, outcomeInput, referralInput } from './inputs';
import { deleteQueueKeys } from './queue-keys';
import { ReferralService, ReferralTransitions } from './referrals-internals';
import { cloneTemplateDatabase, dropTestDatabase } from './test-database';
import type { LifecycleMutation } from './operations';
import type { ReachableState } from './world';
import { ActorName, ACTOR_NAMES, worldTemplate, WorldRecord } from './world-template';

/**
 * The service layer of the tests: the referral lib's Nest module (with the modules it imports:
 * auth, clinics, patients, providers, notifications) built with @nestjs/testing over a real
 * database — a clone of the world template, so the usual cast is there — and the real Redis,
 * under a queue prefix of its own. No HTTP, no GraphQL: tests call the services with Actor
 * objects, as the resolvers do once a request is authenticated and its input validated.
 */
export interface Services {
  module: TestingModule;
  /** The database, through the module's own connection pool. */
  db: DataSource;
  config: AppConfig;
  /** Who is who in the cast (world.ts), as stored. */
  record: WorldRecord;
  /** The cast as the services see a caller: one Actor each. */
  actors: Cast;
  /** A provider of the module, by class. */
  get<T>(type: Type<T>): T;
}

export type Cast = Record<ActorName | 'platformAdmin', Actor>;

/**
 * Builds the module in beforeAll and closes it (and drops its database and queue keys) in
 * afterAll; the returned object is filled in once beforeAll has run (see file-setup.ts).
 * `env` holds settings, as environment variables.
 */
export function useServices({ env = {} }: { env?: Record<string, string> } = {}): Services {
  const services = {} as Services;
  let release: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const record = await worldTemplate();
    const database = await cloneTemplateDatabase({ template: 'world' });
    const config = loadConfig({
      DATABASE_URL: database.url,
      QUEUE_PREFIX: database.name,
      MAIL_DIR: join(tmpdir(), `${database.name}-mail`),
      DATABASE_POOL_SIZE: '4',
      LOG_LEVEL: 'error',
      ...env,
    });
    release = () => Promise.all([dropTestDatabase(database.name), deleteQueueKeys(config.redisUrl, config.queuePrefix)]).then(() => undefined);
    const module = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule,
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: config.databaseUrl, poolSize: config.databasePoolSize, applicationName: 'referloop-service-test' }),
          migrationsRun: false,
        }),
        JobsModule,
        ReferralsModule,
        EpisodeModule,
      ],
    }).compile();
    await module.init();
    const closeModule = release;
    release = async () => {
      try {
        await module.close();
      } finally {
        await closeModule();
      }
    };
    Object.assign(services, {
      module,
      db: module.get(DataSource),
      config,
      record,
      actors: castOf(record),
      get: <T>(type: Type<T>) => module.get(type, { strict: false }),
    });
  }, 60_000);
  afterAll(() => release?.());
  return services;
}

function castOf(record: WorldRecord): Cast {
  const actor = (userId: string, role: string, clinicId: string | null, providerId?: string): Actor => ({
    userId,
    role: role as UserRole,
    clinicId,
    providerId: providerId ?? null,
    sessionId: null,
    ipAddress: null,
  });
  const cast = Object.fromEntries(
    ACTOR_NAMES.map((name) => {
      const { id, role, clinicId, providerId } = record.actors[name];
      return [name, actor(id, role, clinicId, providerId)];
    }),
  );
  return { ...cast, platformAdmin: actor(record.platformAdminId, 'PLATFORM_ADMIN', null) } as Cast;
}


type CreateInput = Parameters<ReferralService['create']>[1];
type Input<K extends keyof ReferralTransitions> = ReferralTransitions[K] extends (actor: Actor, input: infer I) => unknown ? I : never;

/**
 * A fresh referral driven to `state`, each step taken by the party the lifecycle gives it to
 * (coordinator A for the referrer, the target provider for the receiver), as world.ts's
 * referralIn does through the API.
 */
export async function referralInState(services: Services, state: ReachableState, overrides: Record<string, unknown> = {}): Promise<ReferralRow> {
  const { coordinatorA: referrer, targetProvider: provider } = services.actors;
  const create = services.get(ReferralService);
  const moves = services.get(ReferralTransitions);
  const input = {
    ...referralInput(services.record.patient.id, services.record.actors.targetProvider.providerId as string, overrides),
    idempotencyKey: randomUUID(),
  } as unknown as CreateInput;
  const draft = await create.create(referrer, input);
  if (state === 'DRAFT') return draft;
  const sent = await moves.send(referrer, { id: draft.id });
  switch (state) {
    case 'SENT':
      return sent;
    case 'ON_HOLD':
      return moves.requestInfo(provider, { id: sent.id, question: 'Any imaging?' });
    case 'DECLINED':
      return (await moves.decline(provider, { id: sent.id, reason: 'NO_CAPACITY' } as Input<'decline'>)).row;
    case 'CANCELLED':
      return moves.cancel(referrer, { id: sent.id, reason: 'Patient moved away' });
    default:
      break;
  }
  const accepted = await moves.accept(provider, { id: sent.id, note: 'Happy to see them' });
  if (state === 'ACCEPTED') return accepted;
  const scheduled = await moves.schedule(provider, { id: sent.id, appointmentAt: new Date(appointmentIn(3)) });
  if (state === 'SCHEDULED') return scheduled;
  const treating = await moves.startTreatment(provider, { id: sent.id });
  if (state === 'IN_TREATMENT') return treating;
  const completed = await services.get(EpisodeOutcome).complete(provider, { id: sent.id, outcome: outcomeInput() } as unknown as Parameters<EpisodeOutcome['complete']>[1]);
  if (state === 'COMPLETED') return completed;
  return moves.acknowledgeOutcome(referrer, { id: sent.id });
}

/**
 * What the resolver of `mutation` does once the request is authenticated and its input
 * validated: the service call, with the input as the API takes it (instants as ISO strings).
 */
export function runMutation(services: Services, mutation: Mutation, actor: Actor, input: Record<string, unknown>): Promise<unknown> {
  // The DateTime scalar hands resolvers a Date.
  const given = (mutation === 'scheduleReferral' ? { ...input, appointmentAt: new Date(input.appointmentAt as string) } : input) as never;
  if (mutation === 'updateReferral' || mutation === 'redirectReferral') {
    const referrals = services.get(ReferralService);
    return referrals[SERVICE_METHOD[mutation]](actor, given);
  }
  if (mutation === 'completeReferral') return services.get(EpisodeOutcome).complete(actor, given);
  const moves = services.get(ReferralTransitions) as unknown as Record<string, (actor: Actor, input: never) => Promise<unknown>>;
  return moves[TRANSITION_METHOD[mutation]](actor, given);
}

type Mutation = Exclude<LifecycleMutation, 'createReferral'>;

/** The ReferralTransitions method each lifecycle mutation's resolver calls, and the ReferralService method of two others (completeReferral is the episode's EpisodeOutcome). */
const TRANSITION_METHOD: Record<Exclude<Mutation, 'updateReferral' | 'redirectReferral' | 'completeReferral'>, keyof ReferralTransitions> = { sendReferral: 'send', requestReferralInfo: 'requestInfo', provideReferralInfo: 'provideInfo', acceptReferral: 'accept', declineReferral: 'decline', cancelReferral: 'cancel', scheduleReferral: 'schedule', startReferralTreatment: 'startTreatment', acknowledgeReferralOutcome: 'acknowledgeOutcome' };
const SERVICE_METHOD = { updateReferral: 'update', redirectReferral: 'redirect' } as const;

/** The DomainError code a call failed with (failing the test when it did not fail, or failed otherwise). */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail with a DomainError, and it succeeded');
}
