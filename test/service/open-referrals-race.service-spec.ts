import { Actor, UserRole } from '@referloop/common';
import { DomainError } from '@referloop/core';
import { ClinicRepository } from '@referloop/clinics';
import { PatientRepository } from '@referloop/patients';
import { ProviderRepository } from '@referloop/providers';
import { UserRepository } from '@referloop/auth';
import { ReferralRow } from '@referloop/referrals';
import { clinicInput, patientInput, uniqueEmail } from '../support/inputs';
import { AREA, pointAt, poolReferralInput } from '../support/pools';
import { ReferralService, ReferralTransitions } from '../support/referrals-internals';
import { inParallel } from '../support/sent-referrals';
import { useServices } from '../support/services';

/*
 * The claim of an open referral under contention, on the services: twenty eligible providers
 * accept the same referral at the same moment, a hundred times over, through a connection pool
 * of four (DATABASE_POOL_SIZE, as the e2e gateway has), so claims queue for connections while
 * they queue on the row lock. Exactly one wins each time; every other is told it was taken.
 * Over HTTP, open-referrals-race.e2e-spec.ts runs the same race for ten referrals, with what the
 * API adds (the answer of a lost claim, what the referrer reads, the providers' stats).
 */

const PROVIDERS = 20;
const ROUNDS = 100;
const CENTRE = AREA.portland;
const RADIUS_KM = 15;

describe('open referrals on the services: twenty providers claim at once', () => {
  const services = useServices();
  let referrer: Actor;
  let providers: Actor[];
  let patientId: string;

  /** A user of `role` at `clinicId`, as the services see them once signed in. */
  const member = async (role: UserRole, clinicId: string): Promise<Actor> => {
    const user = await services.get(UserRepository).insert({ email: uniqueEmail(role.toLowerCase()), passwordHash: 'not used: nobody signs in', displayName: `Race ${role}`, role, clinicId });
    return { userId: user?.id as string, role, clinicId, providerId: null, sessionId: null, ipAddress: null };
  };

  beforeAll(async () => {
    const clinics = services.get(ClinicRepository);
    const referring = await clinics.create(clinicInput({ name: 'Referring clinic', location: pointAt(CENTRE, 0, 40) }) as never);
    referrer = await member(UserRole.COORDINATOR, referring.id);
    patientId = (await services.get(PatientRepository).insert(patientInput(referring.id) as never)).id;
    const receiving = await inParallel(4, 4, (index) => clinics.create(clinicInput({ name: `Receiving clinic ${index}`, location: pointAt(CENTRE, index * 90, 5) }) as never));
    // Spread around the centre, all well inside the radius (0.5 to 10 km).
    providers = await inParallel(PROVIDERS, 4, async (index) => {
      const clinicId = receiving[index % receiving.length].id;
      const user = await member(UserRole.PROVIDER, clinicId);
      const provider = await services.get(ProviderRepository).insert({
        clinicId,
        userId: user.userId,
        displayName: `Race provider ${index}`,
        email: uniqueEmail('race.provider'),
        modalities: ['PHYSICAL_THERAPY'],
        techniques: [],
        conditions: ['SHOULDER_PAIN'],
        acceptingNewPatients: true,
        weeklyCapacity: 10,
        location: pointAt(CENTRE, index * 18, 0.5 + index / 2),
      } as never);
      return { ...user, providerId: provider?.id as string };
    });
  }, 60_000);

  it(`exactly one of ${PROVIDERS} wins each of ${ROUNDS} open referrals; every loser is told it was taken`, async () => {
    const create = services.get(ReferralService);
    const referrals = await inParallel(ROUNDS, 5, () =>
      create.create(referrer, { ...poolReferralInput(patientId, { near: CENTRE, radiusKm: RADIUS_KM }), send: true } as never),
    );
    const moves = services.get(ReferralTransitions);
    const winners = new Map<string, Actor>();

    for (const [round, referral] of referrals.entries()) {
      // Half the rounds claim with the version the candidates were shown, as a client would.
      const input = round % 2 === 0 ? { id: referral.id } : { id: referral.id, expectedVersion: referral.version };
      const claims = await Promise.allSettled(providers.map((provider) => moves.accept(provider, input)));

      const won = claims.flatMap((claim, index) => (claim.status === 'fulfilled' ? [index] : []));
      expect({ round, won: won.length }).toEqual({ round, won: 1 });
      const winner = providers[won[0]];
      winners.set(referral.id, winner);
      const row = (claims[won[0]] as PromiseFulfilledResult<ReferralRow>).value;
      expect({ status: row.status, version: row.version, to_provider_id: row.to_provider_id, to_clinic_id: row.to_clinic_id }).toEqual({
        status: 'ACCEPTED',
        version: referral.version + 1,
        to_provider_id: winner.providerId,
        to_clinic_id: winner.clinicId,
      });
      for (const [index, claim] of claims.entries()) {
        if (index === won[0]) continue;
        const reason = (claim as PromiseRejectedResult).reason as DomainError;
        expect({ round, provider: index, error: reason instanceof DomainError ? { code: reason.code, message: reason.message } : String(reason) }).toEqual({
          round,
          provider: index,
          error: { code: 'INVALID_TRANSITION', message: expect.stringMatching(/taken/) },
        });
      }
    }

    // What is stored: one ACCEPTED event by the winner and one pair of ACCEPTED emails per referral, the row pointing at the winner.
    const rows = await services.db.query<Array<{ id: string; status: string; to_provider_id: string; accepted_by: string[]; accepted_emails: number }>>(
      `SELECT r.id, r.status, r.to_provider_id,
              ARRAY(SELECT e.actor_id FROM referral_events e WHERE e.referral_id = r.id AND e.type = 'ACCEPTED') AS accepted_by,
              (SELECT count(*) FROM notifications n WHERE n.referral_id = r.id AND n.template = 'REFERRAL_ACCEPTED')::int AS accepted_emails
         FROM referrals r WHERE r.id = ANY($1::uuid[])`,
      [referrals.map((referral) => referral.id)],
    );
    expect(rows).toHaveLength(ROUNDS);
    for (const row of rows) {
      const winner = winners.get(row.id) as Actor;
      expect(row).toEqual({ id: row.id, status: 'ACCEPTED', to_provider_id: winner.providerId, accepted_by: [winner.userId], accepted_emails: 2 });
    }
  }, 300_000);
});
