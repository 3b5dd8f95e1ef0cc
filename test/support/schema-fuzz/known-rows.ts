import { Referral } from '../fixtures';
import { World, referralIn } from '../world';

/**
 * Ids (and referral references) of rows that exist, handed to the generator so some calls get
 * past NOT_FOUND into the code behind it. Users who sign in as callers are left out of `user`:
 * disabling one (disableUser takes any user id) would turn the rest of the run into
 * UNAUTHENTICATED answers.
 */
export interface KnownRows {
  clinic: string[];
  patient: string[];
  provider: string[];
  referral: string[];
  user: string[];
  reference: string[];
}

/** One referral in each state a mutation can start from, so lifecycle mutations meet a legal move now and then. */
const REFERRAL_STATES = ['DRAFT', 'SENT', 'ON_HOLD', 'ACCEPTED', 'DECLINED', 'IN_TREATMENT', 'COMPLETED'] as const;

export async function knownRows(world: World): Promise<KnownRows> {
  const referrals: Referral[] = [];
  for (const state of REFERRAL_STATES) referrals.push(await referralIn(world, state));
  const providers = [world.referringProvider, world.targetProvider, world.alternateProvider, world.unrelatedProvider];
  const bystanders = [world.adminA, world.referringProvider, world.adminB, world.coordinatorB, world.alternateProvider, world.coordinatorC, world.unrelatedProvider];
  return {
    clinic: [world.clinicA.id, world.clinicB.id, world.clinicC.id],
    patient: [world.patient.id],
    provider: providers.map((provider) => provider.providerId),
    referral: referrals.map((referral) => referral.id),
    user: bystanders.map((actor) => actor.id),
    reference: referrals.map((referral) => referral.reference),
  };
}
