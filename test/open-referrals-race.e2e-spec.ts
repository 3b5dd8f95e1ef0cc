import { createClinic, createPatient, createSignedInUser, signInAsPlatformAdmin } from './support/fixtures';
import { expectNoLeakedInternals } from './support/expectations';
import { GraphqlClient, GraphqlResponse } from './support/graphql-client';
import { AREA, CREATE_REFERRAL, createProviderAt, PlacedProvider, pointAt, poolMutation, poolReferralInput, readPoolReferral } from './support/pools';
import { inParallel } from './support/sent-referrals';
import { useTestApp } from './support/file-setup';

/*
 * The claim of an open referral under contention: twenty eligible providers accept the same
 * referral at the same moment, over real HTTP, for ten referrals. Exactly one wins each time;
 * every other is told, and only told, that it was taken. The gateway keeps the small database
 * pool the e2e app is given (DATABASE_POOL_SIZE 4), so claims also queue for connections while
 * they queue on the row lock. The same race runs a hundred times over on the services, with
 * the same pool (service/open-referrals-race.service-spec.ts); here it is what the API adds:
 * the answer of a lost claim, what the referrer reads, the providers' stats.
 */

const PROVIDERS = 20;
const ROUNDS = 10;
const CENTRE = AREA.portland;
const RADIUS_KM = 15;

const CLAIM = `mutation acceptReferral($input: AcceptReferralInput!) {
  acceptReferral(input: $input) { id status version toProvider { id } toClinic { id } }
}`;

interface Claimed {
  id: string;
  status: string;
  version: number;
  toProvider: { id: string } | null;
  toClinic: { id: string } | null;
}

describe('open referrals: twenty providers claim at once', () => {
  const { app, db } = useTestApp();
  let referrer: GraphqlClient;
  let referringClinicId: string;
  let providers: PlacedProvider[];

  beforeAll(async () => {
    const admin = await signInAsPlatformAdmin(app.anonymous);
    referringClinicId = (await createClinic(admin, { name: 'Referring clinic', location: pointAt(CENTRE, 0, 40) })).id;
    referrer = (await createSignedInUser(admin, 'COORDINATOR', referringClinicId)).client;
    const clinics = await inParallel(4, 4, (index) => createClinic(admin, { name: `Receiving clinic ${index}`, location: pointAt(CENTRE, index * 90, 5) }));
    // Spread around the centre, all well inside the radius (0.5 to 10 km).
    providers = await inParallel(PROVIDERS, 4, (index) =>
      createProviderAt(admin, {
        clinicId: clinics[index % clinics.length].id,
        modalities: ['PHYSICAL_THERAPY'],
        location: pointAt(CENTRE, index * 18, 0.5 + index / 2),
      }),
    );
  }, 120_000);

  it(`exactly one of ${PROVIDERS} wins each of ${ROUNDS} open referrals; every loser is told it was taken`, async () => {
    const patient = await createPatient(referrer, referringClinicId);
    const referrals = await inParallel(ROUNDS, 5, () =>
      poolMutation(referrer, CREATE_REFERRAL, { ...poolReferralInput(patient.id, { near: CENTRE, radiusKm: RADIUS_KM }), send: true }),
    );
    const winners = new Map<string, PlacedProvider>();

    for (const [round, referral] of referrals.entries()) {
      // Half the rounds claim with the version the candidates were shown, as a client would.
      const input = round % 2 === 0 ? { id: referral.id } : { id: referral.id, expectedVersion: referral.version };
      const responses: GraphqlResponse<{ acceptReferral: Claimed | null }>[] = await Promise.all(
        providers.map((provider) => provider.client.request<{ acceptReferral: Claimed | null }>(CLAIM, { input })),
      );

      const won = responses.flatMap((response, index) => (response.errors === undefined ? [index] : []));
      expect({ round, won: won.length }).toEqual({ round, won: 1 });
      const winner = providers[won[0]];
      winners.set(referral.id, winner);
      expect(responses[won[0]].data?.acceptReferral).toEqual({
        id: referral.id,
        status: 'ACCEPTED',
        version: referral.version + 1,
        toProvider: { id: winner.providerId },
        toClinic: { id: winner.clinicId },
      });

      for (const [index, response] of responses.entries()) {
        if (index === won[0]) continue;
        const errors = (response.errors ?? []).map((error) => ({ code: error.extensions?.code, message: error.message }));
        expect({ round, provider: index, errors, data: response.data }).toEqual({
          round,
          provider: index,
          errors: [{ code: 'INVALID_TRANSITION', message: expect.stringMatching(/taken/) }],
          // acceptReferral is non-null, so a failed claim nulls the whole answer.
          data: null,
        });
        expectNoLeakedInternals(response);
      }
    }

    // What the referrer reads: the winner is the provider, and there is one ACCEPTED event, by the winner.
    for (const referral of referrals) {
      const winner = winners.get(referral.id) as PlacedProvider;
      const read = await readPoolReferral(referrer, referral.id);
      expect({ id: referral.id, status: read.status, toProvider: read.toProvider, toClinic: read.toClinic }).toEqual({
        id: referral.id,
        status: 'ACCEPTED',
        toProvider: { id: winner.providerId },
        toClinic: { id: winner.clinicId },
      });
      const acceptedEvents = read.events.filter((event) => event.type === 'ACCEPTED');
      expect({ id: referral.id, acceptedEvents }).toEqual({
        id: referral.id,
        acceptedEvents: [expect.objectContaining({ fromStatus: 'SENT', toStatus: 'ACCEPTED', actor: { id: winner.userId } })],
      });
    }

    // And what is stored: one ACCEPTED event and one pair of ACCEPTED emails per referral, the row pointing at the winner.
    const { rows } = await db.query<{ id: string; status: string; to_provider_id: string; accepted_events: number; accepted_emails: number }>(
      `SELECT r.id, r.status, r.to_provider_id,
              (SELECT count(*) FROM referral_events e WHERE e.referral_id = r.id AND e.type = 'ACCEPTED')::int AS accepted_events,
              (SELECT count(*) FROM notifications n WHERE n.referral_id = r.id AND n.template = 'REFERRAL_ACCEPTED')::int AS accepted_emails
         FROM referrals r WHERE r.id = ANY($1::uuid[])`,
      [referrals.map((referral) => referral.id)],
    );
    expect(rows).toHaveLength(ROUNDS);
    for (const row of rows) {
      expect(row).toEqual({ id: row.id, status: 'ACCEPTED', to_provider_id: winners.get(row.id)?.providerId, accepted_events: 1, accepted_emails: 2 });
    }

    // Each provider's live load counts exactly the referrals it won.
    const wonBy = new Map<string, number>();
    for (const winner of winners.values()) wonBy.set(winner.providerId, (wonBy.get(winner.providerId) ?? 0) + 1);
    for (const provider of providers) {
      const data = await provider.client.ok<{
        provider: { stats: { activeEpisodes: number; answeredLast90Days: number; acceptanceRate: number | null; medianResponseHours: number | null } };
      }>(
        `query provider($id: ID!) { provider(id: $id) { stats { activeEpisodes answeredLast90Days acceptanceRate medianResponseHours } } }`,
        { id: provider.providerId },
      );
      const won = wonBy.get(provider.providerId) ?? 0;
      // Claims count as answers and acceptances, but not as time to answer: taking an open
      // referral some time after it was posted is no slow answer.
      expect({ provider: provider.providerId, ...data.provider.stats }).toEqual({
        provider: provider.providerId,
        activeEpisodes: won,
        answeredLast90Days: won,
        acceptanceRate: won === 0 ? null : 1,
        medianResponseHours: null,
      });
    }
  }, 300_000);
});
