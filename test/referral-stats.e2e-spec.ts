import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { expectGraphqlError } from './support/expectations';
import { appointmentIn, createPatient, outcomeInput, referralInput, Referral, runReferralMutation } from './support/fixtures';
import {
  about,
  byStatus,
  emptyStats,
  expire,
  ReferralStats,
  referralStats,
  setAcceptedAt,
  setSentAt,
  setTreatmentStartedAt,
} from './support/referral-stats-fixture';
import { RECORD_VISIT, REFER_ONWARD, SET_PLAN } from './support/episode-operations';
import { REFERRAL_STATS } from './support/operations';
import { createDraft, World } from './support/world';
import { useWorld } from './support/file-setup';

const HOUR = 3_600_000;
const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2026-02-01T00:00:00.000Z';
const JANUARY = { from: FROM, to: TO };

/** `hour` o'clock UTC on `day` January 2026. */
const jan = (day: number, hour = 0) => new Date(Date.UTC(2026, 0, day, hour));
const later = (start: Date, hours: number) => new Date(start.getTime() + hours * HOUR);

/*
 * The fixture. Unless said otherwise a referral goes from coordinator A (clinic A) to the target
 * provider (clinic B), PHYSICAL_THERAPY; "accept +2h" means its ACCEPTED entry is 2 h after
 * sent_at; "first visit +50h" is the earliest ATTENDED visit (else the start of treatment).
 *
 *  R1  sent Jan 5 08:00   accept +2h   plan 8 visits / 3 goals; treatment started +48h, no-show +26h,
 *                          attended +50h and +98h; COMPLETED: visitsUsed 8, MET, goals [MET, MET,
 *                          PARTIALLY_MET]; loop closed                           first visit +50h
 *  R2  sent Jan 6 09:00   accept +4h   recommended 12; plan v1 6 visits, first attended visit +100h
 *                          starts treatment, plan v2 10 visits, attended +200h; COMPLETED: visitsUsed
 *                          9, PARTIALLY_MET, goals [MET, NOT_MET]; loop open     first visit +100h
 *  R3  sent Jan 7 12:00   accept +10h  recommended 6, no plan, no visits, treatment started +72h;
 *                          COMPLETED: visitsUsed 4, MET, no goal attainments     first visit +72h
 *  R4  sent Jan 8 10:00   accept +30h  then CANCELLED (accepted, not completed)
 *  R5  sent Jan 9 10:00   DECLINED, never redirected                             leaked
 *  R6  sent Jan 10 10:00  DECLINED, then redirected to the alternate provider    not leaked
 *  R7  sent Jan 11 10:00  R6's redirect, to the alternate provider (clinic B); SENT
 *  R8  sent Jan 12 10:00  EXPIRED (by the clock, written directly)              leaked
 *  R9  sent Jan 13 10:00  ON_HOLD
 *  R10 sent Jan 14 08:00  accept +1h   first attended visit +20h; IN_TREATMENT  first visit +20h
 *  R11 sent Jan 15 10:00  R10's onward referral: from the target provider (clinic B) to the
 *                          referring provider (clinic A), MASSAGE; SENT
 *  R12 sent Jan 16 10:00  coordinator B to the alternate provider (both clinic B); DECLINED  leaked
 *  R13 sent Jan 17 08:00  on hold, answered, accept +50h, scheduled, a no-show +60h; SCHEDULED
 *                          (a no-show is no first visit, and treatment never started: not measured)
 *  R14 sent Jan 18 10:00  accept +3h   no recommended visits, no plan, treatment started +150h;
 *                          COMPLETED: visitsUsed 3, NOT_MET                       first visit +150h
 *  R15 sent Jan 20 10:00  coordinator A to the referring provider (clinic A), MASSAGE; SENT
 *
 * Outside January, never counted there: O1 sent 2025-12-31T23:59:59.999Z, DECLINED; O2 sent
 * 2026-02-01T00:00:00.000Z (the window's exclusive end), accept +5h; a DRAFT (never sent).
 *
 * Who sees what: clinic A staff all but R12; clinic B staff all but R15; the target provider
 * what is addressed to them (R1–R6, R8–R10, R13, R14) and what they referred (R11); clinic C
 * nothing; the platform admin all fifteen.
 */

/** Coordinator A over January: R1–R11, R13, R14, R15 (14 referrals). */
const CLINIC_A_JANUARY: ReferralStats = {
  ...JANUARY,
  total: 14,
  // SENT R7 R11 R15; ON_HOLD R9; DECLINED R5 R6; SCHEDULED R13; IN_TREATMENT R10;
  // COMPLETED R1 R2 R3 R14; CANCELLED R4; EXPIRED R8.
  byStatus: byStatus({ SENT: 3, ON_HOLD: 1, DECLINED: 2, SCHEDULED: 1, IN_TREATMENT: 1, COMPLETED: 4, CANCELLED: 1, EXPIRED: 1 }),
  accepted: 7, // R1 R2 R3 R4 R10 R13 R14
  declined: 2, // R5 R6
  expired: 1, // R8
  acceptanceRate: about(0.7), // 7 / (7 + 2 + 1)
  // Sorted hours 1 2 3 4 10 30 50: median is the 4th (4); p90 sits at position 0.9 × 6 = 5.4
  // (0-based) between 30 and 50: 30 + 0.4 × 20 = 38.
  timeToAcceptHours: { median: about(4), p90: about(38), measured: 7 },
  // Sorted hours 20 50 72 100 150 (R10 R1 R3 R2 R14): median the 3rd (72); p90 at 0.9 × 4 = 3.6
  // between 100 and 150: 100 + 0.6 × 50 = 130. R1 counts its first attended visit (+50h), not
  // its no-show (+26h) nor its start of treatment (+48h).
  timeToFirstVisitHours: { median: about(72), p90: about(130), measured: 5 },
  completed: 4, // R1 R2 R3 R14
  completionRate: about(4 / 7), // completed / accepted
  meanVisitsUsed: about(6), // (8 + 9 + 4 + 3) / 4
  meanVisitsPlanned: about(8), // R1 plan 8, R2 current plan 10 (not v1's 6 nor its 12 recommended), R3 recommended 6; R14 has no budget: 24 / 3
  goalsMetShare: about(0.5), // R1 and R3 MET, of 4 completed
  shortTermGoalsMetShare: about(0.6), // R1 MET MET PARTIALLY_MET, R2 MET NOT_MET: 3 of 5
  leaked: 2, // R5 R8 (R6 was redirected)
  leakageRate: about(1 / 7), // 2 / 14
  loopsClosed: 1, // R1
  loopClosedRate: about(0.25), // 1 / 4 completed
};

/**
 * Everything to or from the target provider: R1–R6, R8–R10, R13, R14 (addressed to them) and R11
 * (they referred it) — 12 referrals. Only R7 and R15 (SENT, no other figure) leave A's set.
 */
const TARGET_PROVIDER_JANUARY: ReferralStats = {
  ...CLINIC_A_JANUARY,
  total: 12,
  // SENT R11 only.
  byStatus: byStatus({ SENT: 1, ON_HOLD: 1, DECLINED: 2, SCHEDULED: 1, IN_TREATMENT: 1, COMPLETED: 4, CANCELLED: 1, EXPIRED: 1 }),
  leakageRate: about(1 / 6), // 2 / 12
};

describe('referralStats', () => {
  const { world, db } = useWorld({ timeout: 120_000 });

  beforeAll(async () => {
    await buildFixture(world, db);
  }, 120_000);

  it('needs a login', async () => {
    expectGraphqlError(await world.anonymous.request(REFERRAL_STATS, { input: JANUARY }), 'UNAUTHENTICATED');
  });

  it("coordinator A: every figure over clinic A's January", async () => {
    expect(await referralStats(world.coordinatorA.client, JANUARY)).toEqual(CLINIC_A_JANUARY);
  });

  it('counts a referral in the period it was sent in: from is inclusive, to exclusive', async () => {
    // O1 alone, a millisecond before January: declined, never redirected.
    const justBefore = { from: '2025-12-31T23:59:59.999Z', to: FROM };
    expect(await referralStats(world.coordinatorA.client, justBefore)).toEqual({
      ...emptyStats(justBefore.from, justBefore.to),
      total: 1,
      byStatus: byStatus({ DECLINED: 1 }),
      declined: 1,
      acceptanceRate: 0, // 0 / (0 + 1 + 0)
      leaked: 1,
      leakageRate: 1, // 1 / 1
    });
    // O2 alone, sent at the very instant January ends: accepted after 5 h.
    const february = { from: TO, to: '2026-03-01T00:00:00.000Z' };
    expect(await referralStats(world.coordinatorA.client, february)).toEqual({
      ...emptyStats(february.from, february.to),
      total: 1,
      byStatus: byStatus({ ACCEPTED: 1 }),
      accepted: 1,
      acceptanceRate: 1, // 1 / (1 + 0 + 0)
      timeToAcceptHours: { median: about(5), p90: about(5), measured: 1 }, // one value is every percentile
      completionRate: 0, // 0 completed / 1 accepted
      leakageRate: 0, // 0 / 1
    });
  });

  describe('filters', () => {
    it('modality', async () => {
      // MASSAGE: R11 and R15, both SENT and nothing else happened to them.
      expect(await referralStats(world.coordinatorA.client, { ...JANUARY, modality: 'MASSAGE' })).toEqual({
        ...emptyStats(FROM, TO),
        total: 2,
        byStatus: byStatus({ SENT: 2 }),
        leakageRate: 0, // 0 / 2
      });
      // PHYSICAL_THERAPY: A's fourteen without R11 and R15 (SENT, no other figure) — 12.
      expect(await referralStats(world.coordinatorA.client, { ...JANUARY, modality: 'PHYSICAL_THERAPY' })).toEqual({
        ...CLINIC_A_JANUARY,
        total: 12,
        byStatus: byStatus({ SENT: 1, ON_HOLD: 1, DECLINED: 2, SCHEDULED: 1, IN_TREATMENT: 1, COMPLETED: 4, CANCELLED: 1, EXPIRED: 1 }), // SENT R7
        leakageRate: about(1 / 6), // 2 / 12
      });
    });

    it('providerId: referrals to the provider or referred by them', async () => {
      const target = await referralStats(world.coordinatorA.client, { ...JANUARY, providerId: world.targetProvider.providerId });
      expect(target).toEqual(TARGET_PROVIDER_JANUARY);

      // To the alternate provider, as far as clinic A may see: R7 only (R12 is clinic B's own).
      expect(await referralStats(world.coordinatorA.client, { ...JANUARY, providerId: world.alternateProvider.providerId })).toEqual({
        ...emptyStats(FROM, TO),
        total: 1,
        byStatus: byStatus({ SENT: 1 }),
        leakageRate: 0,
      });
      // The platform admin sees R12 too: declined, never redirected.
      expect(await referralStats(world.platformAdmin, { ...JANUARY, providerId: world.alternateProvider.providerId })).toEqual({
        ...emptyStats(FROM, TO),
        total: 2,
        byStatus: byStatus({ SENT: 1, DECLINED: 1 }),
        declined: 1,
        acceptanceRate: 0, // 0 / (0 + 1 + 0)
        leaked: 1,
        leakageRate: about(0.5), // 1 / 2
      });
      // The referring provider: R11 and R15 are addressed to them (coordinator A's referrals
      // carry no referring provider).
      expect(await referralStats(world.coordinatorA.client, { ...JANUARY, providerId: world.referringProvider.providerId })).toEqual({
        ...emptyStats(FROM, TO),
        total: 2,
        byStatus: byStatus({ SENT: 2 }),
        leakageRate: 0,
      });
    });

    it('clinicId: referrals the clinic sent or received', async () => {
      // Nothing of clinic A's involves clinic C.
      expect(await referralStats(world.coordinatorA.client, { ...JANUARY, clinicId: world.clinicC.id })).toEqual(emptyStats(FROM, TO));
      // A well-formed id of no clinic matches nothing.
      expect(await referralStats(world.platformAdmin, { ...JANUARY, clinicId: randomUUID() })).toEqual(emptyStats(FROM, TO));
      // Everything involving clinic A is exactly what clinic A's coordinator sees.
      expect(await referralStats(world.platformAdmin, { ...JANUARY, clinicId: world.clinicA.id })).toEqual(CLINIC_A_JANUARY);
      // Coordinator B, narrowed to clinic A: B's fourteen without R12 (B's own) — R1–R11, R13, R14.
      expect(await referralStats(world.coordinatorB.client, { ...JANUARY, clinicId: world.clinicA.id })).toEqual({
        ...CLINIC_A_JANUARY,
        total: 13,
        byStatus: byStatus({ SENT: 2, ON_HOLD: 1, DECLINED: 2, SCHEDULED: 1, IN_TREATMENT: 1, COMPLETED: 4, CANCELLED: 1, EXPIRED: 1 }), // SENT R7 R11
        leakageRate: about(2 / 13),
      });
    });
  });

  describe('tenancy', () => {
    it('clinic C sees nothing, and naming clinic A does not widen that', async () => {
      expect(await referralStats(world.coordinatorC.client, JANUARY)).toEqual(emptyStats(FROM, TO));
      expect(await referralStats(world.coordinatorC.client, { ...JANUARY, clinicId: world.clinicA.id })).toEqual(emptyStats(FROM, TO));
      expect(await referralStats(world.unrelatedProvider.client, { ...JANUARY, providerId: world.targetProvider.providerId })).toEqual(
        emptyStats(FROM, TO),
      );
    });

    it('the target provider sees the referrals addressed to them and the one they referred', async () => {
      expect(await referralStats(world.targetProvider.client, JANUARY)).toEqual(TARGET_PROVIDER_JANUARY);
    });

    it("coordinator B sees what clinic B received and sent, not clinic A's own", async () => {
      // R1–R14: A's set without R15, with R12.
      expect(await referralStats(world.coordinatorB.client, JANUARY)).toEqual({
        ...CLINIC_A_JANUARY,
        total: 14,
        // SENT R7 R11; DECLINED R5 R6 R12.
        byStatus: byStatus({ SENT: 2, ON_HOLD: 1, DECLINED: 3, SCHEDULED: 1, IN_TREATMENT: 1, COMPLETED: 4, CANCELLED: 1, EXPIRED: 1 }),
        declined: 3,
        acceptanceRate: about(7 / 11), // 7 / (7 + 3 + 1)
        leaked: 3, // R5 R8 R12
        leakageRate: about(3 / 14),
      });
    });

    it('the platform admin sees every referral sent in the period', async () => {
      // All fifteen: A's fourteen and R12.
      expect(await referralStats(world.platformAdmin, JANUARY)).toEqual({
        ...CLINIC_A_JANUARY,
        total: 15,
        // SENT R7 R11 R15; DECLINED R5 R6 R12.
        byStatus: byStatus({ SENT: 3, ON_HOLD: 1, DECLINED: 3, SCHEDULED: 1, IN_TREATMENT: 1, COMPLETED: 4, CANCELLED: 1, EXPIRED: 1 }),
        declined: 3,
        acceptanceRate: about(7 / 11), // 7 / (7 + 3 + 1)
        leaked: 3, // R5 R8 R12
        leakageRate: about(0.2), // 3 / 15
      });
    });
  });

  describe('bad input', () => {
    const ask = (input: Record<string, unknown>) => world.coordinatorA.client.request(REFERRAL_STATS, { input });

    it('refuses a period that ends before it starts, or where it starts', async () => {
      expectGraphqlError(await ask({ from: FROM, to: FROM }), 'BAD_USER_INPUT', 'input.to');
      expectGraphqlError(await ask({ from: TO, to: FROM }), 'BAD_USER_INPUT', 'input.to');
      // At most ten years per question.
      expectGraphqlError(await ask({ from: '2000-01-01T00:00:00.000Z', to: TO }), 'BAD_USER_INPUT', 'input.to');
    });

    it('refuses ids this API never returns', async () => {
      expectGraphqlError(await ask({ ...JANUARY, clinicId: 'clinic-a' }), 'BAD_USER_INPUT', 'input.clinicId');
      expectGraphqlError(await ask({ ...JANUARY, providerId: 'not-an-id' }), 'BAD_USER_INPUT', 'input.providerId');
    });
  });
});

/**
 * Builds R1–R15, O1, O2 and the draft described above, through the API, dating each referral's
 * sending as soon as it is sent — before anything that must come after it, such as its visits —
 * and its acceptance once accepted.
 */
async function buildFixture(world: World, db: Client): Promise<void> {
  const referrer = world.coordinatorA.client;
  const provider = world.targetProvider.client;
  /** Sends a new referral and dates its sending `sentAt`. */
  const send = async (sentAt: Date, overrides: Record<string, unknown> = {}, toProviderId = world.targetProvider.providerId): Promise<Referral> => {
    const referral = await runReferralMutation(referrer, 'createReferral', { ...referralInput(world.patient.id, toProviderId, overrides), send: true });
    await setSentAt(db, referral.id, sentAt);
    return referral;
  };
  /** Accepts, dated `acceptHours` after `sentAt`. */
  const accept = async (id: string, sentAt: Date, acceptHours: number) => {
    await runReferralMutation(provider, 'acceptReferral', { id });
    await setAcceptedAt(db, id, later(sentAt, acceptHours));
  };
  const decline = (id: string, client = provider) => runReferralMutation(client, 'declineReferral', { id, reason: 'NO_CAPACITY' });
  const schedule = (id: string) => runReferralMutation(provider, 'scheduleReferral', { id, appointmentAt: appointmentIn(3) });
  const startTreatment = (id: string) => runReferralMutation(provider, 'startReferralTreatment', { id });
  const complete = (id: string, outcome: Record<string, unknown>) => runReferralMutation(provider, 'completeReferral', { id, outcome: outcomeInput(outcome) });
  const plan = (referralId: string, plannedVisits: number, goals: string[]) =>
    provider.ok(SET_PLAN, {
      input: {
        referralId,
        longTermGoal: 'Full pain-free overhead reach',
        shortTermGoals: goals.map((description, index) => ({ description, targetVisit: index + 2 })),
        plannedVisits,
        visitsPerWeek: 2,
      },
    });
  const visit = (referralId: string, at: Date, attended: boolean) =>
    provider.ok(RECORD_VISIT, { input: { referralId, at: at.toISOString(), attended, techniquesUsed: attended ? ['STRENGTHENING_EXERCISE'] : [] } });

  // R1: the loop closed.
  const r1Sent = jan(5, 8);
  const r1 = await send(r1Sent);
  await accept(r1.id, r1Sent, 2);
  await plan(r1.id, 8, ['Flexion to 140°', 'Pain at most 3/10', 'Flexion to 170°']);
  await schedule(r1.id);
  await startTreatment(r1.id);
  await visit(r1.id, later(r1Sent, 26), false);
  await visit(r1.id, later(r1Sent, 50), true);
  await visit(r1.id, later(r1Sent, 98), true);
  await complete(r1.id, {
    visitsUsed: 8,
    goalsMet: 'MET',
    shortTermGoals: [
      { position: 1, attainment: 'MET' },
      { position: 2, attainment: 'MET' },
      { position: 3, attainment: 'PARTIALLY_MET', note: 'Flexion 160°' },
    ],
  });
  await runReferralMutation(referrer, 'acknowledgeReferralOutcome', { id: r1.id });
  await setTreatmentStartedAt(db, r1.id, later(r1Sent, 48));

  // R2: completed on a revised plan, the referrer has not acknowledged it.
  const r2Sent = jan(6, 9);
  const r2 = await send(r2Sent, { recommendedVisits: 12 });
  await accept(r2.id, r2Sent, 4);
  await plan(r2.id, 6, ['Flexion to 140°', 'Pain at most 3/10']);
  await schedule(r2.id);
  await visit(r2.id, later(r2Sent, 100), true);
  await plan(r2.id, 10, ['Flexion to 140°', 'Pain at most 3/10']);
  await visit(r2.id, later(r2Sent, 200), true);
  await complete(r2.id, {
    visitsUsed: 9,
    goalsMet: 'PARTIALLY_MET',
    shortTermGoals: [
      { position: 1, attainment: 'MET' },
      { position: 2, attainment: 'NOT_MET' },
    ],
  });
  await setTreatmentStartedAt(db, r2.id, later(r2Sent, 100));

  // R3: completed with no plan and no visits recorded.
  const r3Sent = jan(7, 12);
  const r3 = await send(r3Sent, { recommendedVisits: 6 });
  await accept(r3.id, r3Sent, 10);
  await schedule(r3.id);
  await startTreatment(r3.id);
  await complete(r3.id, { visitsUsed: 4, goalsMet: 'MET' });
  await setTreatmentStartedAt(db, r3.id, later(r3Sent, 72));

  // R4: cancelled after acceptance.
  const r4Sent = jan(8, 10);
  const r4 = await send(r4Sent);
  await accept(r4.id, r4Sent, 30);
  await runReferralMutation(referrer, 'cancelReferral', { id: r4.id, reason: 'Patient moved away' });

  // R5: declined and left there. R6: declined and redirected (R7).
  const r5 = await send(jan(9, 10));
  await decline(r5.id);
  const r6 = await send(jan(10, 10));
  await decline(r6.id);
  const r7 = await runReferralMutation(referrer, 'redirectReferral', { id: r6.id, toProviderId: world.alternateProvider.providerId });
  await setSentAt(db, r7.id, jan(11, 10));

  // R8: nobody answered in time.
  const r8 = await send(jan(12, 10));
  await expire(db, r8.id, jan(14, 10));

  // R9: the receiver asked a question and is waiting for the answer.
  const r9 = await send(jan(13, 10));
  await runReferralMutation(provider, 'requestReferralInfo', { id: r9.id, question: 'Any imaging?' });

  // R10: in treatment; its provider referred the patient on for massage (R11).
  const r10Sent = jan(14, 8);
  const r10 = await send(r10Sent);
  await accept(r10.id, r10Sent, 1);
  await schedule(r10.id);
  await visit(r10.id, later(r10Sent, 20), true);
  const onward = await provider.ok<{ referOnward: { id: string; status: string; modality: string } }>(REFER_ONWARD, {
    input: {
      referralId: r10.id,
      modality: 'MASSAGE',
      toProviderId: world.referringProvider.providerId,
      reason: 'Soft-tissue work alongside strengthening',
      techniques: ['ORTHOPEDIC_MASSAGE'],
      consentToShare: true,
    },
  });
  expect(onward.referOnward).toMatchObject({ status: 'SENT', modality: 'MASSAGE' });
  await setTreatmentStartedAt(db, r10.id, later(r10Sent, 20));
  await setSentAt(db, onward.referOnward.id, jan(15, 10));

  // R12: clinic B's own referral, declined by its alternate provider.
  const patientB = await createPatient(world.coordinatorB.client, world.clinicB.id);
  const r12 = await runReferralMutation(world.coordinatorB.client, 'createReferral', {
    ...referralInput(patientB.id, world.alternateProvider.providerId),
    send: true,
  });
  await setSentAt(db, r12.id, jan(16, 10));
  await decline(r12.id, world.alternateProvider.client);

  // R13: put on hold, answered, accepted 50 h after sending, scheduled; the patient missed the first visit.
  const r13Sent = jan(17, 8);
  const r13 = await send(r13Sent);
  await runReferralMutation(provider, 'requestReferralInfo', { id: r13.id, question: 'Any imaging?' });
  await runReferralMutation(referrer, 'provideReferralInfo', { id: r13.id, answer: 'X-ray clear, attached' });
  await accept(r13.id, r13Sent, 50);
  await schedule(r13.id);
  await visit(r13.id, later(r13Sent, 60), false);

  // R14: completed with no visit budget anywhere.
  const r14Sent = jan(18, 10);
  const r14 = await send(r14Sent, { recommendedVisits: null });
  await accept(r14.id, r14Sent, 3);
  await schedule(r14.id);
  await startTreatment(r14.id);
  await complete(r14.id, { visitsUsed: 3, goalsMet: 'NOT_MET' });
  await setTreatmentStartedAt(db, r14.id, later(r14Sent, 150));

  // R15: clinic A to its own massage therapist.
  await send(jan(20, 10), { modality: 'MASSAGE', techniques: ['ORTHOPEDIC_MASSAGE'] }, world.referringProvider.providerId);

  // Outside January: O1 a millisecond before it, O2 at its exclusive end; and a draft.
  const o1 = await send(new Date('2025-12-31T23:59:59.999Z'));
  await decline(o1.id);
  const o2Sent = new Date(TO);
  const o2 = await send(o2Sent);
  await accept(o2.id, o2Sent, 5);
  await createDraft(world);
}
