import { Actor, createClinic, createPatient, createSignedInUser, countReferrals, referralInput } from './support/fixtures';
import { expectGraphqlError } from './support/expectations';
import { GraphqlClient } from './support/graphql-client';
import { REFERRAL_BY_REFERENCE, SCHEDULE_REFERRAL, UPDATE_PROVIDER } from './support/operations';
import {
  accept,
  AREA,
  CREATE_REFERRAL,
  createProviderAt,
  dateOfBirthFor,
  decline,
  greatCircleKm,
  listedReferralIds,
  OPEN_REFERRALS,
  openReferralsOf,
  openReferralsPage,
  PlacedProvider,
  Point,
  poolMutation,
  poolReferralInput,
  PoolReferral,
  POOL_REFERRAL,
  pointAt,
  readPoolReferral,
  SEND_REFERRAL,
} from './support/pools';
import { useWorld } from './support/file-setup';

/*
 * Open referrals: a referral offered to every eligible provider around a point, claimed by the
 * first to accept it. Providers are placed at known great-circle distances from the pool's
 * centre (at least 200 m inside or outside its radius), and every expected distance is the
 * test's own haversine on the mean Earth radius.
 */

const TAKEN = /taken/;
const CENTRE: Point = AREA.denver;
const RADIUS_KM = 10;
const POOL = { near: CENTRE, radiusKm: RADIUS_KM };


describe('open referrals (pools)', () => {
  const { world, db } = useWorld();
  let referrer: GraphqlClient;
  let clinicP: { id: string };
  let clinicQ: { id: string };
  let coordinatorP: Actor;
  let coordinatorQ: Actor;
  // Eligible for every Denver pool of PHYSICAL_THERAPY: inside the radius, practising it, accepting.
  let near: PlacedProvider;
  let edgeIn: PlacedProvider;
  let mid: PlacedProvider;
  let third: PlacedProvider;
  // Not eligible: just outside the radius, another modality, not accepting new patients.
  let edgeOut: PlacedProvider;
  let otherModality: PlacedProvider;
  let notAccepting: PlacedProvider;

  beforeAll(async () => {
    referrer = world.coordinatorA.client;
    const admin = world.platformAdmin;
    clinicP = await createClinic(admin, { name: 'Denver physio P', location: pointAt(CENTRE, 45, 3) });
    clinicQ = await createClinic(admin, { name: 'Denver physio Q', location: pointAt(CENTRE, 200, 6) });
    coordinatorP = await createSignedInUser(admin, 'COORDINATOR', clinicP.id);
    coordinatorQ = await createSignedInUser(admin, 'COORDINATOR', clinicQ.id);
    const pt = ['PHYSICAL_THERAPY'];
    near = await createProviderAt(admin, { clinicId: clinicP.id, modalities: pt, location: pointAt(CENTRE, 30, 1.5) });
    edgeIn = await createProviderAt(admin, { clinicId: clinicQ.id, modalities: pt, location: pointAt(CENTRE, 120, RADIUS_KM - 0.2) });
    mid = await createProviderAt(admin, { clinicId: clinicP.id, modalities: ['MASSAGE', 'PHYSICAL_THERAPY'], location: pointAt(CENTRE, 250, 5) });
    third = await createProviderAt(admin, { clinicId: clinicQ.id, modalities: pt, location: pointAt(CENTRE, 0, 7) });
    edgeOut = await createProviderAt(admin, { clinicId: clinicQ.id, modalities: pt, location: pointAt(CENTRE, 300, RADIUS_KM + 0.2) });
    otherModality = await createProviderAt(admin, { clinicId: clinicP.id, modalities: ['ACUPUNCTURE'], location: pointAt(CENTRE, 90, 2) });
    notAccepting = await createProviderAt(admin, { clinicId: clinicQ.id, modalities: pt, location: pointAt(CENTRE, 180, 3), acceptingNewPatients: false });
  }, 60_000);

  const eligible = () => [near, edgeIn, mid, third];
  const ineligible = () => [edgeOut, otherModality, notAccepting];

  /** A new patient of clinic A and a pool referral for them, sent at once. */
  const sendPoolReferral = async (overrides: Record<string, unknown> = {}, patientOverrides: Record<string, unknown> = {}, pool = POOL) => {
    const patient = await createPatient(referrer, world.clinicA.id, patientOverrides);
    const referral = await poolMutation(referrer, CREATE_REFERRAL, { ...poolReferralInput(patient.id, pool, overrides), send: true });
    return { referral, patient };
  };

  const expectNotFound = async (client: GraphqlClient, id: string) => {
    expectGraphqlError(await accept(client, { id }), 'NOT_FOUND');
    expectGraphqlError(await decline(client, { id, reason: 'NO_CAPACITY' }), 'NOT_FOUND');
    expectGraphqlError(await client.request(POOL_REFERRAL, { id }), 'NOT_FOUND');
  };

  const notificationsOf = async (referralId: string) =>
    (
      await db.query<{ recipient_kind: string; template: string; status: string }>(
        'SELECT recipient_kind, template, status FROM notifications WHERE referral_id = $1 ORDER BY recipient_kind, template',
        [referralId],
      )
    ).rows;

  describe('creating one', () => {
    it('createReferral with toPool and send: true is SENT, with its pool and no provider yet', async () => {
      const { referral } = await sendPoolReferral();
      expect(referral).toMatchObject({
        status: 'SENT',
        pool: { near: CENTRE, radiusKm: RADIUS_KM },
        toProvider: null,
        toClinic: null,
        referringClinic: { id: world.clinicA.id },
      });
      expect(referral.sentAt).not.toBeNull();
      expect(referral.dueAt).not.toBeNull();
      expect(referral.events.map((event) => [event.type, event.toStatus])).toEqual([
        ['CREATED', 'DRAFT'],
        ['SENT', 'SENT'],
      ]);
      // What the referrer reads back is the same.
      expect(await readPoolReferral(referrer, referral.id)).toMatchObject({ status: 'SENT', pool: { near: CENTRE, radiusKm: RADIUS_KM }, toProvider: null });
    });

    it('as a draft it is offered to nobody; sendReferral opens it to the pool', async () => {
      const patient = await createPatient(referrer, world.clinicA.id);
      // radiusKm left out: the documented default of 25 km applies.
      const draft = await poolMutation(referrer, CREATE_REFERRAL, poolReferralInput(patient.id, { near: CENTRE }));
      expect(draft).toMatchObject({ status: 'DRAFT', pool: { near: CENTRE, radiusKm: 25 }, toProvider: null, sentAt: null });
      expect((await openReferralsOf(near.client)).map((summary) => summary.id)).not.toContain(draft.id);
      await expectNotFound(near.client, draft.id);

      const sent = await poolMutation(referrer, SEND_REFERRAL, { id: draft.id });
      expect(sent).toMatchObject({ status: 'SENT', pool: { near: CENTRE, radiusKm: 25 }, toProvider: null, version: draft.version + 1 });
      // 25 km now: the provider 10.2 km out is inside this pool.
      for (const provider of [near, edgeOut]) {
        expect((await openReferralsOf(provider.client)).map((summary) => summary.id)).toContain(draft.id);
      }
      // Sent and unclaimed: no provider to email, nothing for the patient yet.
      expect(await notificationsOf(draft.id)).toEqual([]);
    });

    it.each([
      ['both toPool and toProviderId', 'input.toPool', (patientId: string, providerId: string) => ({ ...referralInput(patientId, providerId), toPool: POOL })],
      [
        'neither toPool nor toProviderId',
        'input.toProviderId',
        (patientId: string) => {
          const input = referralInput(patientId, 'unused');
          delete input.toProviderId;
          return input;
        },
      ],
      ['a pool radius of 150 km', 'input.toPool.radiusKm', (patientId: string) => poolReferralInput(patientId, { near: CENTRE, radiusKm: 150 })],
      ['a pool radius of 0.05 km', 'input.toPool.radiusKm', (patientId: string) => poolReferralInput(patientId, { near: CENTRE, radiusKm: 0.05 })],
    ])('%s → BAD_USER_INPUT naming %s, and nothing is written', async (_label, field, input) => {
      const countRows = async () => Number((await db.query('SELECT count(*) AS n FROM referrals')).rows[0].n);
      const [rowsBefore, listedBefore] = [await countRows(), await countReferrals(referrer)];
      for (const send of [false, true]) {
        const response = await referrer.request(CREATE_REFERRAL, { input: { ...input(world.patient.id, world.targetProvider.providerId), send } });
        expectGraphqlError(response, 'BAD_USER_INPUT', field);
      }
      expect(await countRows()).toBe(rowsBefore);
      expect(await countReferrals(referrer)).toBe(listedBefore);
    });
  });

  describe('who is offered it', () => {
    // Ages well clear of a birthday (at least 3 days), on both sides of every band's edge.
    const AGES: Array<{ years: number; days: number; band: string }> = [
      { years: 10, days: 100, band: 'UNDER_18' },
      { years: 17, days: 355, band: 'UNDER_18' },
      { years: 18, days: 3, band: 'AGE_18_39' },
      { years: 30, days: 100, band: 'AGE_18_39' },
      { years: 39, days: 355, band: 'AGE_18_39' },
      { years: 40, days: 3, band: 'AGE_40_64' },
      { years: 50, days: 100, band: 'AGE_40_64' },
      { years: 64, days: 355, band: 'AGE_40_64' },
      { years: 65, days: 3, band: 'AGE_65_PLUS' },
      { years: 70, days: 100, band: 'AGE_65_PLUS' },
    ];

    it("eligible providers see a summary with their distance to the centre and the patient's age band; others see nothing and cannot claim", async () => {
      const sent: Array<{ referral: PoolReferral; band: string }> = [];
      for (const [index, age] of AGES.entries()) {
        const { referral } = await sendPoolReferral(
          { priority: index % 2 === 0 ? 'ROUTINE' : 'URGENT', conditions: ['NECK_PAIN', 'BACK_PAIN'], techniques: ['STRETCHING_MOBILITY'] },
          { dateOfBirth: dateOfBirthFor(age.years, age.days) },
        );
        sent.push({ referral, band: age.band });
      }

      for (const provider of eligible()) {
        const offered = new Map((await openReferralsOf(provider.client)).map((summary) => [summary.id, summary]));
        const expectedKm = greatCircleKm(provider.location, CENTRE);
        for (const { referral, band } of sent) {
          const summary = offered.get(referral.id);
          expect({ provider: provider.providerId, referral: referral.id, summary }).toMatchObject({
            summary: {
              id: referral.id,
              reference: referral.reference,
              version: referral.version,
              modality: 'PHYSICAL_THERAPY',
              conditions: ['NECK_PAIN', 'BACK_PAIN'],
              techniques: ['STRETCHING_MOBILITY'],
              priority: referral.priority,
              ageBand: band,
              sentAt: referral.sentAt,
              dueAt: referral.dueAt,
            },
          });
          // Rounded up to a whole km, so a few places a provider can set do not pinpoint the centre.
          expect(summary!.distanceKm).toBe(Math.max(1, Math.ceil(expectedKm)));
        }
      }

      const [{ referral }] = sent;
      for (const provider of ineligible()) {
        const offered = (await openReferralsOf(provider.client)).map((summary) => summary.id);
        expect(offered.filter((id) => sent.some((entry) => entry.referral.id === id))).toEqual([]);
        await expectNotFound(provider.client, referral.id);
      }
      // Nothing moved: still SENT, at the version it was sent with, unclaimed.
      expect(await readPoolReferral(referrer, referral.id)).toMatchObject({ status: 'SENT', version: referral.version, toProvider: null });
    });

    it('a cancelled open referral leaves every list and cannot be claimed; only the referrer who sent it is told', async () => {
      const { referral } = await sendPoolReferral();
      expect((await openReferralsOf(near.client)).map((summary) => summary.id)).toContain(referral.id);
      // Cancelled by another member of the referring clinic, so the sender is emailed.
      await world.adminA.client.ok(`mutation ($input: CancelReferralInput!) { cancelReferral(input: $input) { id status } }`, { input: { id: referral.id } });
      for (const provider of eligible()) {
        expect((await openReferralsOf(provider.client)).map((summary) => summary.id)).not.toContain(referral.id);
      }
      const claim = await accept(near.client, { id: referral.id });
      expect(claim.errors?.[0]?.extensions?.code).toEqual(expect.stringMatching(/^(NOT_FOUND|INVALID_TRANSITION)$/));
      expect(await readPoolReferral(referrer, referral.id)).toMatchObject({ status: 'CANCELLED', toProvider: null });
      const emails = (await notificationsOf(referral.id)).map((row) => [row.recipient_kind, row.template]);
      expect(emails).toEqual([['REFERRER', 'REFERRAL_CANCELLED']]);
    });

    it('is empty for anyone who is not a provider', async () => {
      await sendPoolReferral();
      for (const client of [coordinatorP.client, world.coordinatorA.client, world.adminB.client, world.platformAdmin]) {
        const page = await openReferralsPage(client);
        expect(page).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
      }
    });

    it('a provider who refers to a pool they are inside is not offered their own referral', async () => {
      const referringProvider = await createProviderAt(world.platformAdmin, { clinicId: clinicQ.id, modalities: ['PHYSICAL_THERAPY'], location: pointAt(CENTRE, 60, 2) });
      const patient = await createPatient(referringProvider.client, clinicQ.id);
      const own = await poolMutation(referringProvider.client, CREATE_REFERRAL, { ...poolReferralInput(patient.id, POOL), send: true });
      expect(own.status).toBe('SENT');
      expect((await openReferralsOf(referringProvider.client)).map((summary) => summary.id)).not.toContain(own.id);
      expect((await openReferralsOf(near.client)).map((summary) => summary.id)).toContain(own.id);
      const response = await accept(referringProvider.client, { id: own.id });
      expect(response.errors?.length).toBeGreaterThan(0);
      expect(await readPoolReferral(referringProvider.client, own.id)).toMatchObject({ status: 'SENT', toProvider: null, version: own.version });
    });

    it("eligibility follows the provider's profile: not accepting, or moved out of the radius, and it is gone", async () => {
      const flexible = await createProviderAt(world.platformAdmin, { clinicId: clinicP.id, modalities: ['PHYSICAL_THERAPY'], location: pointAt(CENTRE, 330, 4) });
      const { referral } = await sendPoolReferral();
      const offered = async () => (await openReferralsOf(flexible.client)).map((summary) => summary.id);
      const update = (input: Record<string, unknown>) => flexible.client.ok(UPDATE_PROVIDER, { input: { id: flexible.providerId, ...input } });
      expect(await offered()).toContain(referral.id);

      await update({ acceptingNewPatients: false });
      expect(await offered()).not.toContain(referral.id);
      await expectNotFound(flexible.client, referral.id);

      await update({ acceptingNewPatients: true, location: pointAt(CENTRE, 330, RADIUS_KM + 0.5) });
      expect(await offered()).not.toContain(referral.id);
      expectGraphqlError(await accept(flexible.client, { id: referral.id }), 'NOT_FOUND');

      await update({ location: pointAt(CENTRE, 330, RADIUS_KM - 0.5) });
      const summary = (await openReferralsOf(flexible.client)).find((entry) => entry.id === referral.id);
      expect(summary!.distanceKm).toBe(Math.ceil(RADIUS_KM - 0.5));
      const claimed = await accept(flexible.client, { id: referral.id, expectedVersion: summary!.version });
      expect(claimed.errors).toBeUndefined();
      expect(claimed.data?.acceptReferral).toMatchObject({ status: 'ACCEPTED', toProvider: { id: flexible.providerId } });
    });
  });

  describe('privacy before the claim', () => {
    const ALLOWED_FIELDS = ['ageBand', 'conditions', 'distanceKm', 'dueAt', 'id', 'modality', 'priority', 'reference', 'sentAt', 'techniques', 'version'];
    const IDENTIFYING_OR_CLINICAL = [
      'patient',
      'patientId',
      'name',
      'firstName',
      'lastName',
      'email',
      'phone',
      'dateOfBirth',
      'age',
      'address',
      'reason',
      'assessment',
      'goals',
      'redFlags',
      'notes',
      'note',
      'postureNotes',
      'outcome',
      'events',
      'referringUser',
      'referringProvider',
      'notifications',
    ];
    const TYPE = `query type($name: String!) { __type(name: $name) { name fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`;

    type TypeRef = { kind: string; name: string | null; ofType?: TypeRef | null };
    const leafKind = (type: TypeRef): string => (type.ofType ? leafKind(type.ofType) : type.kind);

    it('OpenReferralSummary has exactly the allowed fields, all scalars or enums, none identifying or clinical', async () => {
      const data = await near.client.ok<{ __type: { name: string; fields: Array<{ name: string; type: TypeRef }> } }>(TYPE, { name: 'OpenReferralSummary' });
      const names = data.__type.fields.map((field) => field.name).sort();
      expect(names).toEqual(ALLOWED_FIELDS);
      expect(names.filter((name) => IDENTIFYING_OR_CLINICAL.includes(name))).toEqual([]);
      // No object field through which more could be reached.
      for (const field of data.__type.fields) expect({ field: field.name, kind: leafKind(field.type) }).toEqual({ field: field.name, kind: expect.stringMatching(/^(SCALAR|ENUM)$/) });
    });

    it("a candidate's openReferrals answer carries none of the patient's identity or the referral's clinical text", async () => {
      const marker = Date.now().toString(36);
      const { referral, patient } = await sendPoolReferral(
        {
          reason: `Persistent shoulder impingement ${marker} after a fall at work`,
          redFlags: `Anticoagulated ${marker}`,
          goals: { longTerm: `Return to climbing ${marker}`, shortTerm: [`Sleep without pain ${marker}`] },
          assessment: { postureNotes: `Rounded shoulders ${marker}`, rangeOfMotion: [] },
        },
        { firstName: `Quinta${marker}`, lastName: `Oyelaran${marker}`, dateOfBirth: '1961-07-23', phone: '+1 303-555-0142' },
      );
      const response = await near.client.request(OPEN_REFERRALS, { first: 100 });
      expect(response.errors).toBeUndefined();
      const text = JSON.stringify(response);
      expect(text).toContain(referral.id);
      for (const secret of [patient.firstName, patient.lastName, patient.email, patient.dateOfBirth, '303-555-0142', referral.reason, marker, patient.id]) {
        expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
      }
    });

    it('eligible providers cannot read the referral; no other clinic (the candidates’ included) sees it until it is claimed', async () => {
      const { referral } = await sendPoolReferral();
      for (const provider of eligible()) {
        expectGraphqlError(await provider.client.request(POOL_REFERRAL, { id: referral.id }), 'NOT_FOUND');
        expectGraphqlError(await provider.client.request(REFERRAL_BY_REFERENCE, { reference: referral.reference }), 'NOT_FOUND');
        expect(await listedReferralIds(provider.client)).not.toContain(referral.id);
      }
      for (const coordinator of [coordinatorP, coordinatorQ, world.coordinatorB, world.coordinatorC]) {
        expectGraphqlError(await coordinator.client.request(POOL_REFERRAL, { id: referral.id }), 'NOT_FOUND');
        expect(await listedReferralIds(coordinator.client)).not.toContain(referral.id);
        expect(await listedReferralIds(coordinator.client, { direction: 'INBOUND' })).not.toContain(referral.id);
      }
      // The referring clinic sees it, in its outbound list.
      expect(await listedReferralIds(referrer, { direction: 'OUTBOUND' })).toContain(referral.id);
    });
  });

  describe('claiming', () => {
    it('the first eligible provider to accept takes it: they and their clinic are its receiver side, the rest are told it was taken', async () => {
      const { referral, patient } = await sendPoolReferral({ reason: 'Rotator cuff repair, week 8: progressive loading.' });
      // Unclaimed, nobody is emailed: there is no provider yet.
      expect(await notificationsOf(referral.id)).toEqual([]);

      const summary = (await openReferralsOf(near.client)).find((entry) => entry.id === referral.id);
      const claim = await accept(near.client, { id: referral.id, expectedVersion: summary!.version, note: 'Can see them Thursday' });
      expect(claim.errors).toBeUndefined();
      const claimed = claim.data?.acceptReferral as PoolReferral;
      expect(claimed).toMatchObject({
        status: 'ACCEPTED',
        version: summary!.version + 1,
        toProvider: { id: near.providerId },
        toClinic: { id: clinicP.id },
        pool: { near: CENTRE, radiusKm: RADIUS_KM },
        reason: 'Rotator cuff repair, week 8: progressive loading.',
        patient: { id: patient.id, firstName: patient.firstName, lastName: patient.lastName },
      });

      // The winner reads the full referral.
      expect(await readPoolReferral(near.client, referral.id)).toMatchObject({
        status: 'ACCEPTED',
        reason: 'Rotator cuff repair, week 8: progressive loading.',
        patient: { id: patient.id, firstName: patient.firstName, dateOfBirth: patient.dateOfBirth },
      });

      // Every other candidate: gone from their list, and told it was taken (not that it does not exist).
      for (const loser of [edgeIn, mid, third]) {
        expect((await openReferralsOf(loser.client)).map((entry) => entry.id)).not.toContain(referral.id);
        const accepted = expectGraphqlError(await accept(loser.client, { id: referral.id }), 'INVALID_TRANSITION');
        expect(accepted.message).toMatch(TAKEN);
        const declined = expectGraphqlError(await decline(loser.client, { id: referral.id, reason: 'NO_CAPACITY' }), 'INVALID_TRANSITION');
        expect(declined.message).toMatch(TAKEN);
        expectGraphqlError(await loser.client.request(POOL_REFERRAL, { id: referral.id }), 'NOT_FOUND');
      }
      for (const provider of ineligible()) await expectNotFound(provider.client, referral.id);
      // The other candidate clinic does not see it; the winner's does.
      expectGraphqlError(await coordinatorQ.client.request(POOL_REFERRAL, { id: referral.id }), 'NOT_FOUND');
      expect(await listedReferralIds(coordinatorQ.client, { direction: 'INBOUND' })).not.toContain(referral.id);
      expect(await listedReferralIds(coordinatorP.client, { direction: 'INBOUND' })).toContain(referral.id);
      const atReceiver = await readPoolReferral(coordinatorP.client, referral.id);
      expect(atReceiver.availableActions).toEqual(expect.arrayContaining(['SCHEDULE', 'CANCEL']));
      expect(atReceiver.availableActions).not.toContain('ACCEPT');

      // The referrer: the winner is its provider, one ACCEPTED event by the winner.
      const atReferrer = await readPoolReferral(referrer, referral.id);
      expect(atReferrer).toMatchObject({ status: 'ACCEPTED', toProvider: { id: near.providerId }, toClinic: { id: clinicP.id } });
      expect(atReferrer.events.filter((event) => event.type === 'ACCEPTED')).toEqual([
        expect.objectContaining({ fromStatus: 'SENT', toStatus: 'ACCEPTED', actor: { id: near.userId }, reason: 'Can see them Thursday' }),
      ]);
      expect(await listedReferralIds(referrer, { direction: 'OUTBOUND' })).toContain(referral.id);

      // The usual ACCEPTED emails, to the referrer and the patient; still nothing for a provider.
      const rows = await notificationsOf(referral.id);
      expect(rows.filter((row) => row.template === 'REFERRAL_ACCEPTED').map((row) => row.recipient_kind)).toEqual(['PATIENT', 'REFERRER']);
      expect(rows.filter((row) => row.recipient_kind === 'PROVIDER')).toEqual([]);

      // The winner's clinic acts as the receiver.
      const appointmentAt = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString();
      const scheduled = await coordinatorP.client.ok<{ scheduleReferral: { status: string; appointmentAt: string; toProvider: { id: string } } }>(SCHEDULE_REFERRAL, {
        input: { id: referral.id, appointmentAt },
      });
      expect(scheduled.scheduleReferral).toEqual({ id: referral.id, status: 'SCHEDULED', appointmentAt, toProvider: { id: near.providerId } });
    });
  });

  describe('passing', () => {
    it('declineReferral by a candidate is a pass: null, the referral stays SENT at its version, PASSED in its history, the passer is out', async () => {
      const { referral } = await sendPoolReferral();
      const seen = (await openReferralsOf(edgeIn.client)).find((entry) => entry.id === referral.id);
      expect(seen?.version).toBe(referral.version);

      const pass = await decline(edgeIn.client, { id: referral.id, reason: 'NO_CAPACITY', note: 'Full until March' });
      expect(pass.errors).toBeUndefined();
      expect(pass.data).toEqual({ declineReferral: null });

      const atReferrer = await readPoolReferral(referrer, referral.id);
      expect(atReferrer).toMatchObject({ status: 'SENT', version: referral.version, toProvider: null, respondedAt: null, declineReason: null });
      expect(atReferrer.events.map((event) => event.type)).toEqual(['CREATED', 'SENT', 'PASSED']);
      expect(atReferrer.events[2]).toMatchObject({ fromStatus: 'SENT', toStatus: 'SENT', actor: { id: edgeIn.userId } });
      // A pass emails nobody.
      expect(await notificationsOf(referral.id)).toEqual([]);

      // The passer: no longer offered it, cannot claim or pass again, cannot read it.
      expect((await openReferralsOf(edgeIn.client)).map((entry) => entry.id)).not.toContain(referral.id);
      await expectNotFound(edgeIn.client, referral.id);

      // A pass with reason OTHER needs a note, like a decline.
      expectGraphqlError(await decline(third.client, { id: referral.id, reason: 'OTHER' }), 'BAD_USER_INPUT', 'input.note');
      expect((await openReferralsOf(third.client)).map((entry) => entry.id)).toContain(referral.id);

      // The others still can claim it, at the version they were shown.
      const other = (await openReferralsOf(mid.client)).find((entry) => entry.id === referral.id);
      expect(other?.version).toBe(referral.version);
      const claim = await accept(mid.client, { id: referral.id, expectedVersion: other!.version });
      expect(claim.errors).toBeUndefined();
      expect(claim.data?.acceptReferral).toMatchObject({ status: 'ACCEPTED', toProvider: { id: mid.providerId }, toClinic: { id: clinicP.id } });
      // The passer stays out after the claim too: a pass is not "taken".
      expectGraphqlError(await accept(edgeIn.client, { id: referral.id }), 'NOT_FOUND');
      const history = (await readPoolReferral(referrer, referral.id)).events.map((event) => event.type);
      expect(history).toEqual(['CREATED', 'SENT', 'PASSED', 'ACCEPTED']);
      // The winner (another clinic than the passer's) sees the history without the pass: who
      // passed, and their note, are the referrer's business only.
      const atWinner = await readPoolReferral(mid.client, referral.id);
      expect(atWinner.events.map((event) => event.type)).toEqual(['CREATED', 'SENT', 'ACCEPTED']);
      expect(JSON.stringify(atWinner)).not.toContain('Full until March');
    });
  });

  describe('pagination', () => {
    const SLC = AREA.saltLakeCity;

    it('pages newest first with first/after and a totalCount that follows claims and passes', async () => {
      const pageReader = await createProviderAt(world.platformAdmin, { clinicId: clinicP.id, modalities: ['PHYSICAL_THERAPY'], location: pointAt(SLC, 10, 2) });
      const claimer = await createProviderAt(world.platformAdmin, { clinicId: clinicQ.id, modalities: ['PHYSICAL_THERAPY'], location: pointAt(SLC, 190, 3) });
      const created: PoolReferral[] = [];
      for (let index = 0; index < 5; index += 1) created.push((await sendPoolReferral({}, {}, { near: SLC, radiusKm: 15 })).referral);
      const newestFirst = [...created]
        .sort((a, b) => (a.sentAt! < b.sentAt! ? 1 : a.sentAt! > b.sentAt! ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .map((referral) => referral.id);

      const walk = async (client: GraphqlClient) => {
        const pages: Array<{ ids: string[]; totalCount: number; hasNextPage: boolean }> = [];
        let after: string | undefined;
        for (;;) {
          const page = await openReferralsPage(client, 2, after);
          pages.push({ ids: page.edges.map((edge) => edge.node.id), totalCount: page.totalCount, hasNextPage: page.pageInfo.hasNextPage });
          if (!page.pageInfo.hasNextPage) return pages;
          expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
          after = page.pageInfo.endCursor as string;
        }
      };

      expect(await walk(pageReader.client)).toEqual([
        { ids: newestFirst.slice(0, 2), totalCount: 5, hasNextPage: true },
        { ids: newestFirst.slice(2, 4), totalCount: 5, hasNextPage: true },
        { ids: newestFirst.slice(4), totalCount: 5, hasNextPage: false },
      ]);

      // Claimed by someone else, passed by the reader: both drop out of the reader's list and count.
      expect((await accept(claimer.client, { id: newestFirst[2] })).errors).toBeUndefined();
      expect((await decline(pageReader.client, { id: newestFirst[0], reason: 'OUT_OF_SCOPE' })).errors).toBeUndefined();
      const left = newestFirst.filter((id) => id !== newestFirst[2] && id !== newestFirst[0]);
      expect(await walk(pageReader.client)).toEqual([
        { ids: left.slice(0, 2), totalCount: 3, hasNextPage: true },
        { ids: left.slice(2), totalCount: 3, hasNextPage: false },
      ]);
      // The claimer's list no longer has what it took, but still has what the reader passed on.
      const claimerPage = await openReferralsPage(claimer.client);
      expect(claimerPage.edges.map((edge) => edge.node.id)).toEqual(newestFirst.filter((id) => id !== newestFirst[2]));
      expect(claimerPage.totalCount).toBe(4);
    });

    it.each([0, 101])('first: %i → BAD_USER_INPUT', async (first) => {
      expectGraphqlError(await near.client.request(OPEN_REFERRALS, { first }), 'BAD_USER_INPUT', 'first');
    });
  });
});
