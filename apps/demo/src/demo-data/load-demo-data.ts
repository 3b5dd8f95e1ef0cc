import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { hashPassword, UserRepository } from '@referloop/auth';
import { UserRole } from '@referloop/common';
import type { AppConfig } from '@referloop/core';
import { ResponseClock } from '@referloop/referrals';
import { closeTheLoop } from '../closing-the-loop';
import { treatEpisode } from '../episode';
import { GraphqlClient } from '../graphql-client';
import { Cast, onboard, signIn, SignedIn } from '../onboarding';
import { CREATE_PATIENT, CREATE_USER } from '../operations';
import { CLINICS } from '../seed-data';
import { StepPrinter } from '../steps';
import { DEMO_CLINIC_ADMINS, DEMO_PASSWORD, DEMO_PLATFORM_ADMIN } from './demo-accounts';
import { MORE_PATIENTS } from './demo-patients';
import { inProcess } from './in-process-transport';
import { loadTreatedReferrals } from './treated-referrals';
import { loadWaitingReferrals } from './waiting-referrals';
import { windClockToDeadline } from './wind-clock';

/** Gateways starting together on one database take turns here: the first loads, the others find it done. */
const DEMO_DATA_LOCK = 7_265_016_078;

/** What the database held: nothing yet (and now the demo data), the demo data already, or data of someone's own. */
export type DemoDataState = 'loaded' | 'already-loaded' | 'not-empty';

/**
 * The demo data, loaded into an empty database (no clinic, no user but the bootstrap admin)
 * through the gateway's own API, so the history, the emails (to .example addresses, into
 * MAIL_DIR) and the audit trail are what the product itself writes: the demo's four clinics
 * with their staff, providers and patients, a platform admin, clinic admins, and referrals in
 * every status, from a draft to an outcome acknowledged and referred onward. A database with
 * anything else in it is left alone. Development only (config.demoData).
 */
export async function loadDemoData(app: NestFastifyApplication, config: AppConfig): Promise<DemoDataState> {
  // A session lock on a connection of its own, outside the gateway's pool (which the API's
  // writes need, however small it is), held until the load is over.
  const lock = new Client({ connectionString: config.databaseUrl, application_name: 'referloop-demo-data' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [DEMO_DATA_LOCK]);
    const state = await stateOf(lock, config);
    if (state !== 'empty') return state;
    await loadEverything(app);
    return 'loaded';
  } finally {
    // Ending the session releases its lock.
    await lock.end();
  }
}

async function stateOf(db: Client, config: AppConfig): Promise<DemoDataState | 'empty'> {
  const { rows } = await db.query<{ loaded: boolean; other: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM users WHERE email = $1) AS loaded,
            EXISTS (SELECT 1 FROM clinics) OR EXISTS (SELECT 1 FROM users WHERE email IS DISTINCT FROM $2) AS other`,
    [DEMO_PLATFORM_ADMIN.email, config.bootstrapAdmin?.email ?? null],
  );
  if (rows[0].loaded) return 'already-loaded';
  return rows[0].other ? 'not-empty' : 'empty';
}

async function loadEverything(app: NestFastifyApplication): Promise<void> {
  const anonymous = new GraphqlClient(inProcess(app.getHttpAdapter().getInstance()));
  // Only a platform admin can make users through the API, and there is none yet: this one is
  // made as the bootstrap admin is, then signs in like anyone.
  await app.get(UserRepository).insert({
    ...DEMO_PLATFORM_ADMIN,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    role: UserRole.PLATFORM_ADMIN,
    clinicId: null,
  });
  const admin = await signIn(anonymous, DEMO_PLATFORM_ADMIN.email, DEMO_PASSWORD);
  const quiet = () => undefined;
  const cast = await onboard(admin, anonymous, DEMO_PASSWORD, quiet);
  await addClinicAdmins(admin, cast);
  await addPatients(cast);

  // The demo's own episode: referred, treated weekly, completed, acknowledged, referred onward.
  const steps = new StepPrinter(quiet);
  await closeTheLoop(cast, await treatEpisode(cast, steps, quiet), steps, quiet);
  await loadWaitingReferrals(cast, (referralId) => expireNow(app, referralId));
  await loadTreatedReferrals(cast);
}

async function addClinicAdmins(admin: SignedIn, cast: Cast): Promise<void> {
  for (const clinic of CLINICS) {
    const account = DEMO_CLINIC_ADMINS[clinic.key];
    if (!account) continue;
    await admin.client.run(CREATE_USER, { input: { ...account, role: UserRole.CLINIC_ADMIN, clinicId: cast.clinicIds[clinic.key], password: DEMO_PASSWORD } });
  }
}

/** Registered by each clinic's coordinator, as the demo's own patients are. */
async function addPatients(cast: Cast): Promise<void> {
  for (const clinic of CLINICS) {
    for (const patient of MORE_PATIENTS[clinic.key] ?? []) {
      const { key, ...input } = patient;
      const { createPatient } = await cast.coordinators[clinic.key].client.run<{ createPatient: { id: string } }>(CREATE_PATIENT, {
        input: { ...input, clinicId: cast.clinicIds[clinic.key] },
      });
      cast.patients[key] = { id: createPatient.id, seed: patient, clinic };
    }
  }
}

/** The response clock's expiry of a referral nobody answered: its own system move, once its deadline is brought to now. */
async function expireNow(app: NestFastifyApplication, referralId: string): Promise<void> {
  const clockSeq = await windClockToDeadline(app.get(DataSource), referralId);
  const outcome = await app.get(ResponseClock).expire(referralId, clockSeq);
  if (outcome.kind !== 'done') throw new Error(`The response clock did not expire referral ${referralId} (${outcome.kind})`);
}
