import { randomUUID } from 'node:crypto';
import { AuditEntry } from './support/audit-entry';
import { backdateReferral } from './support/backdate';
import {
  ACKNOWLEDGE_OUTCOME,
  COMPLETE_REFERRAL,
  EPISODE_CONTENT,
  EpisodeContent,
  ONWARD_LINKS,
  OUTCOME_OF,
  OnwardLinks,
  PROGRESS_OF,
  REPORTS_OF,
  StatsView,
} from './support/episode-authorization-operations';
import { OnwardReferral, RECORD_VISIT, REFER_ONWARD, SEND_PROGRESS_REPORT, SET_PLAN } from './support/episode-operations';
import { expectGraphqlError } from './support/expectations';
import { outcomeInput, rangeOfMotionFinding, Referral } from './support/fixtures';
import { GraphqlClient, GraphqlResponse } from './support/graphql-client';
import { AUDIT_ENTRIES, REFERRAL_BY_REFERENCE, REFERRAL_STATS } from './support/operations';
import { referralIn } from './support/world';
import { useWorld } from './support/file-setup';

const DAY = 24 * 3_600_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
/** How long ago an episode in treatment was sent: before its first visit, two weeks ago. */
const EPISODE_SENT_DAYS_AGO = 15;

/** A referral's own reason and its history, as its parties read them. */
const HISTORY = `query history($id: ID!) {
  referral(id: $id) { id reference reason events { type fromStatus toStatus reason actor { id } } }
}`;

interface History {
  id: string;
  reference: string;
  reason: string;
  events: Array<{ type: string; fromStatus: string | null; toStatus: string; reason: string | null; actor: { id: string } | null }>;
}

/** What a client can tell from an error: everything but where in the query it happened. */
const shape = (response: GraphqlResponse) => response.errors?.map((error) => ({ message: error.message, extensions: error.extensions }));

/** The plan every episode here follows: three short-term goals over six weekly visits. */
const PLAN_GOALS = [
  { description: 'Shoulder flexion to 140°', targetVisit: 2, measure: 'goniometer, standing' },
  { description: 'Pain at most 3/10 reaching overhead', targetVisit: 4, measure: null },
  { description: 'Shoulder flexion to 170°', targetVisit: 6, measure: 'goniometer, standing' },
];

/**
 * Who may read and who may act on a treatment episode. Reading is for both sides (the
 * referrer above all: the reports, the progress and the outcome are what closes the loop);
 * the clinical steps are the treating provider's alone; anyone else cannot tell the episode
 * exists. Every refused request leaves the database as it was.
 */
describe('episode authorization', () => {
  const { world, db } = useWorld();

  // ---- helpers ---------------------------------------------------------------------------

  const setPlan = (referralId: string, client = world.targetProvider.client) =>
    client.request(SET_PLAN, {
      input: { referralId, longTermGoal: 'Full pain-free overhead reach', shortTermGoals: PLAN_GOALS, plannedVisits: 6, visitsPerWeek: 1 },
    });
  const recordVisit = (referralId: string, overrides: Record<string, unknown> = {}, client = world.targetProvider.client) =>
    client.request(RECORD_VISIT, { input: { referralId, at: daysAgo(1), attended: true, techniquesUsed: ['STRENGTHENING_EXERCISE'], ...overrides } });
  const sendReport = (referralId: string, overrides: Record<string, unknown> = {}, client = world.targetProvider.client) =>
    client.request<{ sendProgressReport: { id: string; number: number; trigger: string; comments: string | null; writtenBy: { id: string } } }>(
      SEND_PROGRESS_REPORT,
      { input: { referralId, ...overrides } },
    );
  const referOnward = (referralId: string, overrides: Record<string, unknown> = {}, client = world.targetProvider.client) =>
    client.request<{ referOnward: OnwardReferral }>(REFER_ONWARD, {
      input: {
        referralId,
        modality: 'PHYSICAL_THERAPY',
        toProviderId: world.unrelatedProvider.providerId,
        reason: 'Strengthening programme closer to home',
        consentToShare: true,
        ...overrides,
      },
    });
  const complete = (id: string, outcome: Record<string, unknown> = {}, client = world.targetProvider.client, extra: Record<string, unknown> = {}) =>
    client.request(COMPLETE_REFERRAL, { input: { id, outcome: outcomeInput(outcome), ...extra } });
  const acknowledge = (id: string, client: GraphqlClient) => client.request(ACKNOWLEDGE_OUTCOME, { input: { id } });
  const content = async (client: GraphqlClient, id: string) => (await client.ok<{ referral: EpisodeContent }>(EPISODE_CONTENT, { id })).referral;
  const links = async (client: GraphqlClient, id: string) => (await client.ok<{ referral: OnwardLinks }>(ONWARD_LINKS, { id })).referral;
  /** The figures these tests check (REFERRAL_STATS reads them all). */
  const stats = async (client: GraphqlClient, filter: Record<string, unknown> = {}): Promise<StatsView> => {
    const { total, byStatus, accepted, completed } = (
      await client.ok<{ referralStats: StatsView }>(REFERRAL_STATS, {
        // From before the episodes in treatment were sent.
        input: { from: daysAgo(EPISODE_SENT_DAYS_AGO + 1), to: new Date(Date.now() + DAY).toISOString(), ...filter },
      })
    ).referralStats;
    return { total, byStatus, accepted, completed };
  };

  /** Everything a request on the episode could have written, read straight from the database. */
  const footprint = async (referralId: string) => {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT
         (SELECT status FROM referrals WHERE id = $1) AS status,
         (SELECT version FROM referrals WHERE id = $1) AS version,
         (SELECT count(*)::int FROM visits WHERE referral_id = $1) AS visits,
         (SELECT count(*)::int FROM progress_reports WHERE referral_id = $1) AS reports,
         (SELECT count(*)::int FROM treatment_plans WHERE referral_id = $1) AS plans,
         (SELECT count(*)::int FROM referral_events WHERE referral_id = $1) AS events,
         (SELECT count(*)::int FROM notifications WHERE referral_id = $1) AS notifications,
         (SELECT count(*)::int FROM referrals WHERE onward_from_id = $1) AS onward,
         (SELECT count(*)::int FROM referrals) AS "allReferrals",
         (SELECT count(*)::int FROM progress_reports) AS "allReports",
         (SELECT count(*)::int FROM visits) AS "allVisits"`,
      [referralId],
    );
    return rows[0];
  };

  const auditEntries = async (filter: Record<string, unknown>) => {
    const data = await world.platformAdmin.ok<{ auditEntries: { totalCount: number; edges: Array<{ node: AuditEntry }> } }>(AUDIT_ENTRIES, {
      filter,
      first: 100,
    });
    return { totalCount: data.auditEntries.totalCount, entries: data.auditEntries.edges.map((edge) => edge.node) };
  };

  /** Runs `act` and returns the audit entries it added for `actorId`. */
  const newAuditEntries = async (actorId: string, act: () => Promise<unknown>): Promise<AuditEntry[]> => {
    const before = await auditEntries({ actorId });
    await act();
    const after = await auditEntries({ actorId });
    const added = after.entries.filter((entry) => !before.entries.some((old) => old.id === entry.id));
    expect(after.totalCount - before.totalCount).toBe(added.length);
    return added;
  };

  /** SCHEDULED → plan → attended, missed, attended (goal 1 met) → an on-demand report: IN_TREATMENT with something in every field. */
  async function episodeInTreatment(): Promise<Referral> {
    const referral = await referralIn(world, 'SCHEDULED');
    // A visit may not predate the referral's sending.
    await backdateReferral(db, referral.id, EPISODE_SENT_DAYS_AGO);
    expect((await setPlan(referral.id)).errors).toBeUndefined();
    const visits = [
      { at: daysAgo(14), painScore: 5, rangeOfMotion: [rangeOfMotionFinding({ measuredDegrees: 130, painScore: 5 })] },
      { at: daysAgo(7), attended: false, techniquesUsed: [] },
      { at: daysAgo(1), painScore: 3, shortTermGoalsMet: [1], notes: 'Flexion 150° without compensation', rangeOfMotion: [rangeOfMotionFinding({ measuredDegrees: 150, painScore: 3 })] },
    ];
    for (const visit of visits) expect((await recordVisit(referral.id, visit)).errors).toBeUndefined();
    expect((await sendReport(referral.id, { comments: 'Good progress; home programme started.' })).errors).toBeUndefined();
    return referral;
  }

  const COMPLETION = {
    summary: 'Flexion restored to 170 degrees; independent with home programme.',
    goalsMet: 'PARTIALLY_MET',
    visitsUsed: 2,
    shortTermGoals: [
      { position: 1, attainment: 'MET' },
      { position: 3, attainment: 'PARTIALLY_MET', note: 'Reached 160°' },
    ],
    recommendations: [{ text: 'Acupuncture for the residual trapezius pain', suggestedModality: 'ACUPUNCTURE' }, { text: 'Keep up the home programme' }],
  };

  const referrerSide = () => [
    ['coordinator A', world.coordinatorA.client],
    ['admin A', world.adminA.client],
  ] as const;
  const receivingStaff = () => [
    ['coordinator B', world.coordinatorB.client],
    ['admin B', world.adminB.client],
  ] as const;
  const outsiders = () => [
    ['coordinator C', world.coordinatorC.client],
    ['the unrelated provider (clinic C)', world.unrelatedProvider.client],
    ['the alternate provider (clinic B, not the target)', world.alternateProvider.client],
  ] as const;

  // ---- reading and acting on one episode, in treatment then completed ---------------------

  describe('one episode, in treatment and then completed', () => {
    let episode: Referral;

    beforeAll(async () => {
      episode = await episodeInTreatment();
    });

    it("the referrer side and the receiving staff read the plan, visits, progress and reports exactly as the treating provider does", async () => {
      const asProvider = await content(world.targetProvider.client, episode.id);
      // The provider's own view first, so that "the same" below means something.
      expect(asProvider).toMatchObject({
        status: 'IN_TREATMENT',
        treatmentPlan: { version: 1, shortTermGoals: PLAN_GOALS.map(({ description }) => expect.objectContaining({ description }) as unknown) },
        visits: [
          { number: 1, attended: true },
          { number: 2, attended: false },
          { number: 3, attended: true, shortTermGoalsMet: [1] },
        ],
        progress: { attendedVisits: 2, missedVisits: 1, goals: [{ position: 1, met: true, metAtVisit: 3 }, { position: 2, met: false }, { position: 3, met: false }] },
        reports: [{ number: 1, trigger: 'ON_DEMAND', comments: 'Good progress; home programme started.', writtenBy: { id: world.targetProvider.id } }],
        outcome: null,
      });
      for (const [who, client] of [...referrerSide(), ...receivingStaff()]) {
        expect({ who, view: await content(client, episode.id) }).toEqual({ who, view: asProvider });
      }
    });

    it('the referrer side may not record a visit, send a report, refer onward or set the plan (FORBIDDEN), and nothing is written', async () => {
      const before = await footprint(episode.id);
      for (const [who, client] of referrerSide()) {
        const refused = {
          who,
          recordVisit: (await recordVisit(episode.id, {}, client)).errors?.[0]?.extensions?.code,
          sendProgressReport: (await sendReport(episode.id, {}, client)).errors?.[0]?.extensions?.code,
          referOnward: (await referOnward(episode.id, {}, client)).errors?.[0]?.extensions?.code,
          setTreatmentPlan: (await setPlan(episode.id, client)).errors?.[0]?.extensions?.code,
        };
        expect(refused).toEqual({ who, recordVisit: 'FORBIDDEN', sendProgressReport: 'FORBIDDEN', referOnward: 'FORBIDDEN', setTreatmentPlan: 'FORBIDDEN' });
      }
      // One full check of the error, beyond its code: no partial data, nothing internal.
      expectGraphqlError(await sendReport(episode.id, {}, world.coordinatorA.client), 'FORBIDDEN');
      expectGraphqlError(await referOnward(episode.id, {}, world.coordinatorA.client), 'FORBIDDEN');
      expect(await footprint(episode.id)).toEqual(before);
    });

    it("the receiving clinic's staff may not take the clinical steps either (FORBIDDEN: they are the provider's alone), and nothing is written", async () => {
      const before = await footprint(episode.id);
      for (const [who, client] of receivingStaff()) {
        const refused = {
          who,
          recordVisit: (await recordVisit(episode.id, {}, client)).errors?.[0]?.extensions?.code,
          sendProgressReport: (await sendReport(episode.id, {}, client)).errors?.[0]?.extensions?.code,
          referOnward: (await referOnward(episode.id, {}, client)).errors?.[0]?.extensions?.code,
          setTreatmentPlan: (await setPlan(episode.id, client)).errors?.[0]?.extensions?.code,
        };
        expect(refused).toEqual({ who, recordVisit: 'FORBIDDEN', sendProgressReport: 'FORBIDDEN', referOnward: 'FORBIDDEN', setTreatmentPlan: 'FORBIDDEN' });
      }
      expect(await footprint(episode.id)).toEqual(before);
    });

    it('another clinic, its provider and the target\'s colleague do not find the episode: every read and step is NOT_FOUND, as for an unknown id', async () => {
      const before = await footprint(episode.id);
      const unknown = randomUUID();
      for (const [who, client] of outsiders()) {
        // The onward referral asked for is valid in itself (a MASSAGE provider for MASSAGE), so only the episode can be what is not found.
        const onward = { modality: 'MASSAGE', toProviderId: world.referringProvider.providerId };
        const attempts: Array<[string, (id: string) => Promise<GraphqlResponse>]> = [
          ['referral', (id) => client.request(EPISODE_CONTENT, { id })],
          ['recordVisit', (id) => recordVisit(id, {}, client)],
          ['sendProgressReport', (id) => sendReport(id, {}, client)],
          ['referOnward', (id) => referOnward(id, onward, client)],
          ['setTreatmentPlan', (id) => setPlan(id, client)],
          ['completeReferral', (id) => complete(id, {}, client)],
          ['acknowledgeReferralOutcome', (id) => acknowledge(id, client)],
        ];
        for (const [operation, attempt] of attempts) {
          const hidden = await attempt(episode.id);
          expect({ who, operation, code: hidden.errors?.[0]?.extensions?.code }).toEqual({ who, operation, code: 'NOT_FOUND' });
          expectGraphqlError(hidden, 'NOT_FOUND');
          expect({ who, operation, error: shape(hidden) }).toEqual({ who, operation, error: shape(await attempt(unknown)) });
        }
      }
      expect(await footprint(episode.id)).toEqual(before);
    });

    it('referralStats counts nothing for the outsiders, and counts the episode for both sides', async () => {
      // Nothing has been referred to clinic C or the alternate provider in this database yet.
      const nothing = { total: 0, accepted: 0, completed: 0 };
      for (const [who, client] of outsiders()) {
        const seen = await stats(client);
        expect({ who, ...seen, byStatus: seen.byStatus.filter((entry) => entry.count !== 0) }).toEqual({ who, ...nothing, byStatus: [] });
        const narrowed = await stats(client, { providerId: world.targetProvider.providerId });
        expect({ who, total: narrowed.total }).toEqual({ who, total: 0 });
      }
      for (const client of [world.coordinatorA.client, world.coordinatorB.client, world.targetProvider.client]) {
        const seen = await stats(client, { providerId: world.targetProvider.providerId });
        expect(seen.byStatus.find((entry) => entry.status === 'IN_TREATMENT')?.count).toBeGreaterThanOrEqual(1);
      }
    });

    it('once completed, the outcome (goal by goal, with recommendations) reads the same for the referrer side and the receiving staff', async () => {
      expect((await complete(episode.id, COMPLETION)).errors).toBeUndefined();
      const asProvider = await content(world.targetProvider.client, episode.id);
      expect(asProvider.status).toBe('COMPLETED');
      expect(asProvider.outcome).toEqual({
        summary: COMPLETION.summary,
        goalsMet: 'PARTIALLY_MET',
        visitsUsed: 2,
        finalRangeOfMotion: [{ joint: 'SHOULDER', movement: 'FLEXION', side: 'LEFT', measuredDegrees: 170, expectedDegrees: 180, painScore: 1 }],
        // Descriptions are copied from the plan.
        shortTermGoals: [
          { position: 1, description: PLAN_GOALS[0].description, attainment: 'MET', note: null },
          { position: 3, description: PLAN_GOALS[2].description, attainment: 'PARTIALLY_MET', note: 'Reached 160°' },
        ],
        recommendations: [
          { text: 'Acupuncture for the residual trapezius pain', suggestedModality: 'ACUPUNCTURE' },
          { text: 'Keep up the home programme', suggestedModality: null },
        ],
      });
      for (const [who, client] of [...referrerSide(), ...receivingStaff()]) {
        expect({ who, view: await content(client, episode.id) }).toEqual({ who, view: asProvider });
      }
    });

    it('after completion: the referrer side still may not refer onward, outsiders still find nothing to acknowledge', async () => {
      const before = await footprint(episode.id);
      for (const [, client] of [...referrerSide(), ...receivingStaff()]) expectGraphqlError(await referOnward(episode.id, {}, client), 'FORBIDDEN');
      for (const [, client] of outsiders()) {
        expectGraphqlError(await acknowledge(episode.id, client), 'NOT_FOUND');
        expectGraphqlError(await referOnward(episode.id, { modality: 'MASSAGE', toProviderId: world.referringProvider.providerId }, client), 'NOT_FOUND');
      }
      // The receiving side may not close the referrer's loop.
      expectGraphqlError(await acknowledge(episode.id, world.targetProvider.client), 'FORBIDDEN');
      expect(await footprint(episode.id)).toEqual(before);
    });

    describe('referred onward by the treating provider to clinic C', () => {
      let onward: OnwardReferral;

      beforeAll(async () => {
        const response = await referOnward(episode.id);
        expect(response.errors).toBeUndefined();
        onward = response.data!.referOnward;
      });

      it("is a new SENT referral from the treating provider's clinic, for the same patient, linked to the episode", async () => {
        expect(onward).toMatchObject({
          status: 'SENT',
          modality: 'PHYSICAL_THERAPY',
          reason: 'Strengthening programme closer to home',
          consentToShare: true,
          referringClinic: { id: world.clinicB.id },
          referringUser: { id: world.targetProvider.id },
          referringProvider: { id: world.targetProvider.providerId },
          toProvider: { id: world.unrelatedProvider.providerId },
          patient: { id: world.patient.id },
          onwardFrom: { id: episode.id },
        });
        // The episode's entry links the onward referral but does not repeat its reason: the
        // episode's referrer reads the episode's history and is no party to the onward referral.
        const { rows } = await db.query<{ type: string; reason: string | null; data: { onwardReferralId: string; modality: string } }>(
          "SELECT type, reason, data FROM referral_events WHERE referral_id = $1 AND type = 'REFERRED_ONWARD'",
          [episode.id],
        );
        expect(rows).toEqual([{ type: 'REFERRED_ONWARD', reason: null, data: { onwardReferralId: onward.id, modality: 'PHYSICAL_THERAPY' } }]);
      });

      it('the treating provider (and their clinic) see both links', async () => {
        for (const client of [world.targetProvider.client, world.coordinatorB.client]) {
          expect(await links(client, episode.id)).toEqual({ id: episode.id, onwardFrom: null, onwardReferrals: [{ id: onward.id, status: 'SENT' }] });
          expect(await links(client, onward.id)).toEqual({ id: onward.id, onwardFrom: { id: episode.id, status: 'COMPLETED' }, onwardReferrals: [] });
        }
      });

      it("the episode's referrer does not see the onward referral: an empty onwardReferrals, and NOT_FOUND by id", async () => {
        for (const [, client] of referrerSide()) {
          expect(await links(client, episode.id)).toEqual({ id: episode.id, onwardFrom: null, onwardReferrals: [] });
          expectGraphqlError(await client.request(ONWARD_LINKS, { id: onward.id }), 'NOT_FOUND');
        }
      });

      it("the episode's referrer reads that the patient was referred onward, but not why: the entry has no reason, and the onward referral's own reason and history are out of reach", async () => {
        const onwardReason = 'Strengthening programme closer to home';
        // The reason is the onward referral's, and its parties read it there.
        const atTreating = (await world.targetProvider.client.ok<{ referral: History }>(HISTORY, { id: onward.id })).referral;
        expect(atTreating.reason).toBe(onwardReason);
        expect((await world.coordinatorC.client.ok<{ referral: History }>(HISTORY, { id: onward.id })).referral.reason).toBe(onwardReason);

        for (const [who, client] of referrerSide()) {
          const seen = (await client.ok<{ referral: History }>(HISTORY, { id: episode.id })).referral;
          expect({ who, entries: seen.events.filter((event) => event.type === 'REFERRED_ONWARD') }).toEqual({
            who,
            entries: [{ type: 'REFERRED_ONWARD', fromStatus: 'COMPLETED', toStatus: 'COMPLETED', reason: null, actor: { id: world.targetProvider.id } }],
          });
          expect({ who, leaked: JSON.stringify(seen).includes(onwardReason) }).toEqual({ who, leaked: false });
          // Neither by id nor by reference.
          expectGraphqlError(await client.request(HISTORY, { id: onward.id }), 'NOT_FOUND');
          expectGraphqlError(await client.request(REFERRAL_BY_REFERENCE, { reference: atTreating.reference }), 'NOT_FOUND');
        }
      });

      it('the receiver of the onward referral sees it, but not the episode it came from: onwardFrom is null', async () => {
        for (const client of [world.coordinatorC.client, world.unrelatedProvider.client]) {
          expect(await links(client, onward.id)).toEqual({ id: onward.id, onwardFrom: null, onwardReferrals: [] });
          // What the episode carried forward is theirs to read: the patient and the assessment.
          const carried = await client.ok<{ referral: { patient: { id: string }; assessment: { rangeOfMotion: unknown[] } | null } }>(
            'query carried($id: ID!) { referral(id: $id) { patient { id } assessment { rangeOfMotion { joint } } } }',
            { id: onward.id },
          );
          expect(carried.referral).toEqual({ patient: { id: world.patient.id }, assessment: { rangeOfMotion: [{ joint: 'SHOULDER' }] } });
          expectGraphqlError(await client.request(ONWARD_LINKS, { id: episode.id }), 'NOT_FOUND');
          expectGraphqlError(await client.request(EPISODE_CONTENT, { id: episode.id }), 'NOT_FOUND');
        }
      });

      it("clinic C's referralStats now counts the onward referral and nothing of the episode", async () => {
        const seen = await stats(world.coordinatorC.client);
        expect({ total: seen.total, completed: seen.completed, nonZero: seen.byStatus.filter((entry) => entry.count !== 0) }).toEqual({
          total: 1,
          completed: 0,
          nonZero: [{ status: 'SENT', count: 1 }],
        });
      });
    });
  });

  // ---- lifecycle of the new mutations ---------------------------------------------------

  describe('lifecycle', () => {
    it.each(['ACCEPTED', 'SCHEDULED', 'COMPLETED'] as const)('sendProgressReport on a referral in %s is INVALID_TRANSITION and writes nothing', async (state) => {
      const referral = await referralIn(world, state);
      const before = await footprint(referral.id);
      expectGraphqlError(await sendReport(referral.id), 'INVALID_TRANSITION');
      expect(await footprint(referral.id)).toEqual(before);
      expect(before.reports).toBe(0);
    });

    it('referOnward on an ACCEPTED referral is INVALID_TRANSITION and writes nothing', async () => {
      const referral = await referralIn(world, 'ACCEPTED');
      const before = await footprint(referral.id);
      expectGraphqlError(await referOnward(referral.id), 'INVALID_TRANSITION');
      expect(await footprint(referral.id)).toEqual(before);
    });

    it.each(['IN_TREATMENT', 'COMPLETED'] as const)(
      'referOnward from %s is allowed: a new referral, and the episode gains only its history entry (same status, same version, no email)',
      async (state) => {
        const referral = await referralIn(world, state);
        const before = await footprint(referral.id);
        const response = await referOnward(referral.id, { expectedVersion: referral.version, modality: 'MASSAGE', toProviderId: world.referringProvider.providerId });
        expect(response.errors).toBeUndefined();
        const onward = response.data!.referOnward;
        expect(onward).toMatchObject({ status: 'SENT', consentToShare: true, onwardFrom: { id: referral.id }, toProvider: { id: world.referringProvider.providerId } });
        expect(await footprint(referral.id)).toEqual({
          ...before,
          events: (before.events as number) + 1,
          onward: 1,
          allReferrals: (before.allReferrals as number) + 1,
        });
        expect(before).toMatchObject({ status: state, version: referral.version });
        const { rows } = await db.query<Record<string, unknown>>(
          'SELECT type, from_status, to_status, actor_id, reason, data FROM referral_events WHERE referral_id = $1 ORDER BY seq DESC LIMIT 1',
          [referral.id],
        );
        expect(rows).toEqual([
          {
            type: 'REFERRED_ONWARD',
            from_status: state,
            to_status: state,
            actor_id: world.targetProvider.id,
            reason: null,
            data: { onwardReferralId: onward.id, modality: 'MASSAGE' },
          },
        ]);
      },
    );

    it('after an onward referral from a COMPLETED episode, the referrer acknowledges the outcome with the version they loaded before it', async () => {
      const referral = await referralIn(world, 'COMPLETED');
      const seenByReferrer = (await content(world.coordinatorA.client, referral.id)).version;
      const onward = await referOnward(referral.id, { modality: 'MASSAGE', toProviderId: world.referringProvider.providerId });
      expect(onward.errors).toBeUndefined();
      const acknowledged = await world.coordinatorA.client.request<{ acknowledgeReferralOutcome: { id: string; status: string; version: number; loopClosedAt: string | null } }>(
        ACKNOWLEDGE_OUTCOME,
        { input: { id: referral.id, expectedVersion: seenByReferrer } },
      );
      expect(acknowledged.errors).toBeUndefined();
      expect(acknowledged.data?.acknowledgeReferralOutcome).toEqual({
        id: referral.id,
        status: 'COMPLETED',
        version: seenByReferrer + 1,
        loopClosedAt: expect.any(String),
      });
      const { rows } = await db.query<{ loop_closed_at: Date | null }>('SELECT loop_closed_at FROM referrals WHERE id = $1', [referral.id]);
      expect(rows[0].loop_closed_at).not.toBeNull();
    });

    it('sendProgressReport on IN_TREATMENT: an ON_DEMAND report, the version bumped', async () => {
      const referral = await referralIn(world, 'IN_TREATMENT');
      const response = await sendReport(referral.id, { expectedVersion: referral.version, comments: '  Steady.  ' });
      expect(response.errors).toBeUndefined();
      expect(response.data?.sendProgressReport).toMatchObject({ number: 1, trigger: 'ON_DEMAND', comments: 'Steady.', writtenBy: { id: world.targetProvider.id } });
      expect(await footprint(referral.id)).toMatchObject({ status: 'IN_TREATMENT', version: referral.version + 1, reports: 1 });
    });

    it('a stale expectedVersion is a CONFLICT for sendProgressReport and referOnward, and writes nothing', async () => {
      const referral = await referralIn(world, 'IN_TREATMENT');
      await backdateReferral(db, referral.id, 2);
      expect((await recordVisit(referral.id)).errors).toBeUndefined();
      const before = await footprint(referral.id);
      expect(before.version).toBe(referral.version + 1);
      expectGraphqlError(await sendReport(referral.id, { expectedVersion: referral.version }), 'CONFLICT');
      expectGraphqlError(await referOnward(referral.id, { expectedVersion: referral.version }), 'CONFLICT');
      expect(await footprint(referral.id)).toEqual(before);
    });
  });

  // ---- bad input -------------------------------------------------------------------------

  describe('bad input names the field and writes nothing', () => {
    let episode: Referral;

    beforeAll(async () => {
      episode = await referralIn(world, 'IN_TREATMENT');
      expect((await setPlan(episode.id)).errors).toBeUndefined();
    });

    // Every row has four entries: jest passes a shorter row's missing arguments as its done callback.
    it.each<[string, () => Record<string, unknown>, string, string | undefined]>([
      ['both a provider and a pool', () => ({ toPool: { near: { latitude: 41.9, longitude: -87.65 }, radiusKm: 10 } }), 'BAD_USER_INPUT', 'input.toPool'],
      ['neither a provider nor a pool', () => ({ toProviderId: null }), 'BAD_USER_INPUT', 'input.toProviderId'],
      ['a provider who does not practise the modality', () => ({ toProviderId: world.referringProvider.providerId }), 'BAD_USER_INPUT', 'input.modality'],
      ['the treating provider themselves', () => ({ toProviderId: world.targetProvider.providerId }), 'BAD_USER_INPUT', 'input.toProviderId'],
      ['no real reason (blank)', () => ({ reason: '   ' }), 'BAD_USER_INPUT', 'input.reason'],
      ['an unknown provider', () => ({ toProviderId: randomUUID() }), 'NOT_FOUND', undefined],
      ["the patient's consent not given (false)", () => ({ consentToShare: false }), 'BAD_USER_INPUT', 'input.consentToShare'],
      // Consent comes first: whatever else is wrong with the request, the missing consent is what is named.
      ['no consent, and both a provider and a pool', () => ({ consentToShare: false, toPool: { near: { latitude: 41.9, longitude: -87.65 }, radiusKm: 10 } }), 'BAD_USER_INPUT', 'input.consentToShare'],
      ['no consent, and a provider who does not practise the modality', () => ({ consentToShare: false, toProviderId: world.referringProvider.providerId }), 'BAD_USER_INPUT', 'input.consentToShare'],
      ['no consent, and an unknown provider', () => ({ consentToShare: false, toProviderId: randomUUID() }), 'BAD_USER_INPUT', 'input.consentToShare'],
    ])('referOnward naming %s', async (_label, overrides, code, field) => {
      const before = await footprint(episode.id);
      expectGraphqlError(await referOnward(episode.id, overrides()), code, field);
      expect(await footprint(episode.id)).toEqual(before);
    });

    it('referOnward without consentToShare carries over the consent the episode was sent with', async () => {
      const response = await referOnward(episode.id, { consentToShare: undefined });
      expect(response.errors).toBeUndefined();
      expect(response.data?.referOnward).toMatchObject({ status: 'SENT', consentToShare: true, onwardFrom: { id: episode.id } });
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a goal position beyond the plan', { shortTermGoals: [{ position: 1, attainment: 'MET' }, { position: 4, attainment: 'MET' }] }, 'input.outcome.shortTermGoals.1.position'],
      ['goal position 0', { shortTermGoals: [{ position: 0, attainment: 'MET' }] }, 'input.outcome.shortTermGoals.0.position'],
      ['the same goal twice', { shortTermGoals: [{ position: 2, attainment: 'MET' }, { position: 2, attainment: 'NOT_MET' }] }, 'input.outcome.shortTermGoals.1.position'],
      ['a blank recommendation', { recommendations: [{ text: 'Keep moving' }, { text: '  ' }] }, 'input.outcome.recommendations.1.text'],
    ])('completeReferral with %s', async (_label, outcome, field) => {
      const before = await footprint(episode.id);
      expectGraphqlError(await complete(episode.id, outcome), 'BAD_USER_INPUT', field);
      expect(await footprint(episode.id)).toEqual(before);
    });

    it('completeReferral reporting on a goal when there is no plan at all', async () => {
      const planless = await referralIn(world, 'IN_TREATMENT');
      const before = await footprint(planless.id);
      expectGraphqlError(await complete(planless.id, { shortTermGoals: [{ position: 1, attainment: 'MET' }] }), 'BAD_USER_INPUT', 'input.outcome.shortTermGoals.0.position');
      expect(await footprint(planless.id)).toEqual(before);
    });

    it('sendProgressReport with comments over 4000 characters (4000 exactly is fine)', async () => {
      const before = await footprint(episode.id);
      expectGraphqlError(await sendReport(episode.id, { comments: 'x'.repeat(4001) }), 'BAD_USER_INPUT', 'input.comments');
      expect(await footprint(episode.id)).toEqual(before);
      const atLimit = await sendReport(episode.id, { comments: 'x'.repeat(4000) });
      expect(atLimit.errors).toBeUndefined();
      expect(atLimit.data?.sendProgressReport.comments).toHaveLength(4000);
    });

    it('the episode is still untouched by all of the above and can be completed as given', async () => {
      // Positive control for the completion cases: the same outcome without the fault goes through.
      const response = await complete(episode.id, { shortTermGoals: [{ position: 2, attainment: 'MET' }], recommendations: [{ text: 'Keep moving' }] });
      expect(response.errors).toBeUndefined();
      expect((await content(world.coordinatorA.client, episode.id)).outcome?.shortTermGoals).toEqual([
        { position: 2, description: PLAN_GOALS[1].description, attainment: 'MET', note: null },
      ]);
    });

    it('the completed episode is referred onward once consent is given (positive control for the consent cases)', async () => {
      const before = await footprint(episode.id);
      const response = await referOnward(episode.id);
      expect(response.errors).toBeUndefined();
      expect(response.data?.referOnward).toMatchObject({ status: 'SENT', consentToShare: true, onwardFrom: { id: episode.id } });
      expect(await footprint(episode.id)).toMatchObject({ version: before.version, onward: (before.onward as number) + 1 });
    });
  });

  // ---- audit -----------------------------------------------------------------------------

  describe('audit', () => {
    let episode: Referral;

    beforeAll(async () => {
      episode = await episodeInTreatment();
    });

    const namesEpisode = (entry: AuditEntry) => entry.referralIds.includes(episode.id) && entry.patientIds.includes(world.patient.id);

    it('sendProgressReport writes one entry naming the referral and the patient, for the provider', async () => {
      const added = await newAuditEntries(world.targetProvider.id, async () => expect((await sendReport(episode.id)).errors).toBeUndefined());
      expect(added).toEqual([
        expect.objectContaining({ operation: 'mutation sendProgressReport', actorId: world.targetProvider.id, actorRole: 'PROVIDER' }),
      ]);
      expect(namesEpisode(added[0])).toBe(true);
    });

    it.each([
      ['reports', REPORTS_OF, 'query reportsOf'],
      ['progress', PROGRESS_OF, 'query progressOf'],
      ['outcome', OUTCOME_OF, 'query outcomeOf'],
    ])("reading the referral's %s writes one entry naming the referral and the patient, for the reader", async (_field, query, operation) => {
      for (const reader of [world.coordinatorA, world.adminA, world.coordinatorB]) {
        const added = await newAuditEntries(reader.id, () => reader.client.ok(query, { id: episode.id }));
        expect(added).toEqual([expect.objectContaining({ operation, actorId: reader.id })]);
        expect(namesEpisode(added[0])).toBe(true);
      }
    });

    it('referOnward writes one entry naming both referrals and the patient', async () => {
      let onwardId = '';
      const added = await newAuditEntries(world.targetProvider.id, async () => {
        const response = await referOnward(episode.id);
        expect(response.errors).toBeUndefined();
        onwardId = response.data!.referOnward.id;
      });
      expect(added).toEqual([expect.objectContaining({ operation: 'mutation referOnward', actorId: world.targetProvider.id })]);
      expect(added[0].referralIds).toEqual(expect.arrayContaining([episode.id, onwardId]));
      expect(added[0].patientIds).toEqual([world.patient.id]);
    });

    it('a refused step writes no entry, as a refused read does not: FORBIDDEN for the other parties, NOT_FOUND for outsiders', async () => {
      const refusals: Array<[{ id: string; client: GraphqlClient }, string]> = [
        [world.coordinatorA, 'FORBIDDEN'],
        [world.adminA, 'FORBIDDEN'],
        [world.coordinatorB, 'FORBIDDEN'],
        [world.coordinatorC, 'NOT_FOUND'],
        [world.unrelatedProvider, 'NOT_FOUND'],
      ];
      for (const [actor, code] of refusals) {
        const added = await newAuditEntries(actor.id, async () => {
          expectGraphqlError(await sendReport(episode.id, {}, actor.client), code);
          expectGraphqlError(await recordVisit(episode.id, {}, actor.client), code);
          expectGraphqlError(await referOnward(episode.id, { modality: 'MASSAGE', toProviderId: world.referringProvider.providerId }, actor.client), code);
        });
        expect({ actor: actor.id, added }).toEqual({ actor: actor.id, added: [] });
      }
      // Nothing about the episode from anyone who was refused.
      const onEpisode = await auditEntries({ referralId: episode.id });
      const refusedIds = refusals.map(([actor]) => actor.id);
      const refusedSteps = /^mutation (sendProgressReport|recordVisit|referOnward)$/;
      expect(onEpisode.entries.filter((entry) => refusedIds.includes(entry.actorId ?? '') && refusedSteps.test(entry.operation))).toEqual([]);
    });
  });
});
