import { randomUUID } from 'node:crypto';
import { backdateReferral } from './support/backdate';
import { expectGraphqlError } from './support/expectations';
import { appointmentIn, createProviderActor, ProviderActor, referralInput, runReferralMutation } from './support/fixtures';
import { GraphqlClient } from './support/graphql-client';
import { notificationIdOf, NotificationRowView, settledNotifications } from './support/notification-rows';
import { usePipeline } from './support/file-setup';
import { ReceivedEmail } from './support/smtp-sink';
import { Progress as EpisodeProgress, PROGRESS_FIELDS, RECORD_VISIT, REFER_ONWARD, ROM_FIELDS, SET_PLAN } from './support/episode-operations';

/*
 * One whole treatment episode, as the orthopedic bodywork practice of the seed runs it: the
 * referrer's range-of-motion assessment before treatment, a long-term goal broken into
 * short-term goals, weekly sessions with the tools chosen per visit, one no-show, an interim
 * report after the fourth attended visit, the outcome with per-goal attainment and a
 * recommendation, and the referral onward to physical therapy for strengthening. Every number
 * asserted below is worked out by hand in the tables next to the data.
 */

const DAY = 24 * 3_600_000;
const WEEK = 7 * DAY;
/** Whole seconds, so that the times sent and the times read back compare exactly. */
const NOW = Math.floor(Date.now() / 1000) * 1000;
const weeksAgo = (weeks: number) => new Date(NOW - weeks * WEEK).toISOString();

const CONDITIONS = ['SHOULDER_PAIN', 'NECK_PAIN'];
const REASON = 'Left shoulder stiffness and neck pain after a fall; orthopedic massage before strengthening.';
const POSTURE_NOTES = 'Rounded shoulders, left scapula protracted, guarded cervical rotation to the right.';
const RED_FLAGS = 'Cortisone injection to the left subacromial space three weeks ago: no deep pressure there.';

/** The referrer's evaluation before treatment: the first measure of each joint movement. */
const ASSESSED = {
  flexion: { joint: 'SHOULDER', movement: 'FLEXION', side: 'LEFT', measuredDegrees: 110, expectedDegrees: 180, painScore: 6 },
  abduction: { joint: 'SHOULDER', movement: 'ABDUCTION', side: 'LEFT', measuredDegrees: 90, expectedDegrees: 180, painScore: 5 },
  rotation: { joint: 'CERVICAL_SPINE', movement: 'ROTATION', side: 'RIGHT', measuredDegrees: 50, expectedDegrees: 80, painScore: 4 },
};
const ASSESSMENT = { postureNotes: POSTURE_NOTES, rangeOfMotion: [ASSESSED.flexion, ASSESSED.abduction, ASSESSED.rotation] };

const LONG_TERM_GOAL = 'Pain-free overhead reach with the left arm, and full neck rotation for driving';
const SHORT_TERM_GOALS = [
  { description: 'Left shoulder flexion to 125°', targetVisit: 2, measure: 'goniometer, standing' },
  { description: 'Pain at most 3/10 reaching overhead', targetVisit: 4, measure: 'numeric pain rating 0-10' },
  { description: 'Left shoulder abduction to 150°', targetVisit: 6, measure: 'goniometer, standing' },
];
const PLAN_TECHNIQUES = ['ORTHOPEDIC_MASSAGE', 'KINESIO_TAPING', 'CUPPING', 'ELECTRO_STIMULATION', 'GUA_SHA', 'STRETCHING_MOBILITY'];

const flexion = (measuredDegrees: number) => ({ ...ASSESSED.flexion, measuredDegrees, painScore: null });
const abduction = (measuredDegrees: number) => ({ ...ASSESSED.abduction, measuredDegrees, painScore: null });
const rotation = (measuredDegrees: number) => ({ ...ASSESSED.rotation, measuredDegrees, painScore: null });

interface PlannedVisit {
  weeksAgo: number;
  attended: boolean;
  techniquesUsed: string[];
  rangeOfMotion: Array<Record<string, unknown>>;
  painScore: number | null;
  notes: string | null;
  shortTermGoalsMet: number[];
}

/*
 * Seven weekly slots, weeks 7 to 1 ago: six attended sessions (the plan's budget) and one
 * no-show, the third. Visit numbers count the no-show, so the 4th attended visit is visit 5.
 *
 *  visit  weeks ago  attended  tools                                   flex L  abd L  cerv rot R  pain  goals met
 *    1        7        yes     orthopedic massage, kinesio taping       115      95      52        6
 *    2        6        yes     orthopedic massage, cupping              125     104      –         5     1 (flexion 125°)
 *    3        5        NO      –                                         –       –       –         –
 *    4        4        yes     electro-stimulation, orthopedic massage  135     117      62        4
 *    5        3        yes     gua sha, orthopedic massage              145     126      68        3     2 (pain 3/10)
 *    6        2        yes     kinesio taping, cupping                  158     140      –         2
 *    7        1        yes     orthopedic massage, stretching           166     153      77        1     3 (abduction 153°)
 */
const VISITS: PlannedVisit[] = [
  {
    weeksAgo: 7,
    attended: true,
    techniquesUsed: ['ORTHOPEDIC_MASSAGE', 'KINESIO_TAPING'],
    rangeOfMotion: [flexion(115), abduction(95), rotation(52)],
    painScore: 6,
    notes: 'Kinesio tape over the left deltoid and upper trapezius; tolerated well.',
    shortTermGoalsMet: [],
  },
  {
    weeksAgo: 6,
    attended: true,
    techniquesUsed: ['ORTHOPEDIC_MASSAGE', 'CUPPING'],
    rangeOfMotion: [flexion(125), abduction(104)],
    painScore: 5,
    notes: 'Static cupping along the left levator scapulae, five minutes.',
    shortTermGoalsMet: [1],
  },
  { weeksAgo: 5, attended: false, techniquesUsed: [], rangeOfMotion: [], painScore: null, notes: null, shortTermGoalsMet: [] },
  {
    weeksAgo: 4,
    attended: true,
    techniquesUsed: ['ELECTRO_STIMULATION', 'ORTHOPEDIC_MASSAGE'],
    rangeOfMotion: [flexion(135), abduction(117), rotation(62)],
    painScore: 4,
    notes: 'Electro-stimulation over the left infraspinatus trigger points.',
    shortTermGoalsMet: [],
  },
  {
    weeksAgo: 3,
    attended: true,
    techniquesUsed: ['GUA_SHA', 'ORTHOPEDIC_MASSAGE'],
    rangeOfMotion: [flexion(145), abduction(126), rotation(68)],
    painScore: 3,
    notes: 'Gua sha over the upper trapezius; reaching overhead at 3/10.',
    shortTermGoalsMet: [2],
  },
  {
    weeksAgo: 2,
    attended: true,
    techniquesUsed: ['KINESIO_TAPING', 'CUPPING'],
    rangeOfMotion: [flexion(158), abduction(140)],
    painScore: 2,
    notes: 'Re-taped for postural support; cupping to the left pectoralis minor.',
    shortTermGoalsMet: [],
  },
  {
    weeksAgo: 1,
    attended: true,
    techniquesUsed: ['ORTHOPEDIC_MASSAGE', 'STRETCHING_MOBILITY'],
    rangeOfMotion: [flexion(166), abduction(153), rotation(77)],
    painScore: 1,
    notes: 'Full session of orthopedic massage; end-range weakness in abduction remains.',
    shortTermGoalsMet: [3],
  },
];

/** Everything clinical in this file: none of it may appear in an email. */
const CLINICAL_TEXT = [
  ...CONDITIONS,
  'shoulder pain',
  'neck pain',
  'shoulder',
  'cervical',
  'flexion',
  'abduction',
  'rotation',
  'degrees',
  '°',
  REASON,
  POSTURE_NOTES,
  RED_FLAGS,
  LONG_TERM_GOAL,
  ...SHORT_TERM_GOALS.map((goal) => goal.description),
  ...VISITS.flatMap((visit) => (visit.notes === null ? [] : [visit.notes])),
  'kinesio',
  'cupping',
  'gua sha',
];
/** Every range-of-motion figure of the episode, as standalone numbers. */
const ROM_NUMBERS = [...ASSESSMENT.rangeOfMotion, ...VISITS.flatMap((visit) => visit.rangeOfMotion)].flatMap((finding) => [
  finding.measuredDegrees as number,
  finding.expectedDegrees as number,
]);

const EPISODE = `query episode($id: ID!) {
  referral(id: $id) {
    id reference status version createdAt treatmentStartedAt completedAt loopClosedAt
    toProvider { id displayName email }
    toClinic { id name }
    events { type fromStatus toStatus reason actor { id } }
    visits { number at attended techniquesUsed painScore notes shortTermGoalsMet planVersion overBudget rangeOfMotion { ${ROM_FIELDS} } }
    progress { ${PROGRESS_FIELDS} }
    reports { number trigger comments writtenAt writtenBy { id } progress { ${PROGRESS_FIELDS} } }
    outcome {
      summary goalsMet visitsUsed
      finalRangeOfMotion { ${ROM_FIELDS} }
      shortTermGoals { position description attainment note }
      recommendations { text suggestedModality }
    }
    onwardReferrals { id reference status }
  }
}`;

const ONWARD = `query onward($id: ID!) {
  referral(id: $id) {
    id reference status modality priority conditions techniques reason redFlags consentToShare recommendedVisits visitsPerWeek
    goals { longTerm shortTerm }
    assessment { postureNotes rangeOfMotion { ${ROM_FIELDS} } }
    patient { id }
    referringClinic { id name }
    referringUser { id }
    referringProvider { id }
    toProvider { id displayName email }
    toClinic { id name }
    onwardFrom { id }
    onwardReferrals { id }
    events { type fromStatus toStatus }
  }
}`;

interface Measure {
  joint: string;
  movement: string;
  side: string | null;
  firstDegrees: number;
  firstAt: string;
  latestDegrees: number;
  latestAt: string;
  expectedDegrees: number | null;
  changeDegrees: number;
  towardExpected: number | null;
}

type Progress = EpisodeProgress<Measure>;

interface Episode {
  id: string;
  reference: string;
  status: string;
  version: number;
  createdAt: string;
  treatmentStartedAt: string | null;
  completedAt: string | null;
  loopClosedAt: string | null;
  toProvider: { id: string; displayName: string; email: string };
  toClinic: { id: string; name: string };
  events: Array<{ type: string; fromStatus: string | null; toStatus: string; reason: string | null; actor: { id: string } | null }>;
  visits: Array<{
    number: number;
    at: string;
    attended: boolean;
    techniquesUsed: string[];
    painScore: number | null;
    notes: string | null;
    shortTermGoalsMet: number[];
    planVersion: number | null;
    overBudget: boolean;
    rangeOfMotion: Array<Record<string, unknown>>;
  }>;
  progress: Progress;
  reports: Array<{ number: number; trigger: string; comments: string | null; writtenAt: string; writtenBy: { id: string }; progress: Progress }>;
  outcome: {
    summary: string;
    goalsMet: string;
    visitsUsed: number;
    finalRangeOfMotion: Array<Record<string, unknown>>;
    shortTermGoals: Array<{ position: number; description: string; attainment: string; note: string | null }>;
    recommendations: Array<{ text: string; suggestedModality: string | null }>;
  } | null;
  onwardReferrals: Array<{ id: string; reference: string; status: string }>;
}

interface Onward {
  id: string;
  reference: string;
  status: string;
  modality: string;
  priority: string;
  conditions: string[];
  techniques: string[];
  reason: string;
  redFlags: string | null;
  consentToShare: boolean;
  recommendedVisits: number | null;
  visitsPerWeek: number | null;
  goals: { longTerm: string; shortTerm: string[] } | null;
  assessment: { postureNotes: string | null; rangeOfMotion: Array<Record<string, unknown>> } | null;
  patient: { id: string };
  referringClinic: { id: string; name: string };
  referringUser: { id: string };
  referringProvider: { id: string } | null;
  toProvider: { id: string; displayName: string; email: string } | null;
  toClinic: { id: string; name: string } | null;
  onwardFrom: { id: string } | null;
  onwardReferrals: Array<{ id: string }>;
  events: Array<{ type: string; fromStatus: string | null; toStatus: string }>;
}

/** One email a step must send: to whom, of which template, with a fragment of its subject. */
interface ExpectedEmail {
  kind: 'PATIENT' | 'PROVIDER' | 'REFERRER';
  template: string;
  to: string;
  subject: string;
}

/** Measures in a fixed order of the test's own choosing, so the comparison does not depend on the product's. */
const byMovement = (measures: readonly Measure[]) =>
  [...measures].sort((a, b) => `${a.joint}|${a.movement}|${a.side}`.localeCompare(`${b.joint}|${b.movement}|${b.side}`));

describe('a whole treatment episode: assessment, plan, weekly visits, no-show, interim report, outcome, referral onward', () => {
  // One no-show is enough to tell the referrer; interim reports stay at their default of every 4 attended visits.
  const { smtp: sink, world, db } = usePipeline({ env: { NO_SHOWS_BEFORE_TELLING_REFERRER: '1' } });
  /** The treating orthopedic massage therapist, at clinic B. */
  let therapist: ProviderActor;
  let episodeId: string;
  let reference: string;
  let onwardId: string;
  let treatmentStartedAt: string;
  /** The therapist's name as the emails give it. */
  let therapistName: string;
  /** Emails accounted for by earlier steps (an index into the sink's list) and the rows seen so far. */
  let emailsChecked = 0;
  const rowsChecked = new Set<string>();
  /** The times the assessment and each attended visit were measured, for the measures' first/latest instants. */
  let assessedAt: string;

  beforeAll(async () => {
    therapist = await createProviderActor(world.platformAdmin, world.clinicB.id, 'MASSAGE');
  });

  const smtp = () => sink;
  const referrer = () => world.coordinatorA.client;
  const read = async (client: GraphqlClient, id = episodeId) => (await client.ok<{ referral: Episode }>(EPISODE, { id })).referral;
  const readOnward = async (client: GraphqlClient, id = onwardId) => (await client.ok<{ referral: Onward }>(ONWARD, { id })).referral;
  const visitAt = (number: number) => weeksAgo(VISITS[number - 1].weeksAgo);
  /** A visit of the plan as the API reads it back once recorded as the `number`th: within the plan's budget. */
  const recorded = (visit: PlannedVisit, number: number) => ({
    number,
    at: weeksAgo(visit.weeksAgo),
    attended: visit.attended,
    techniquesUsed: visit.techniquesUsed,
    painScore: visit.painScore,
    notes: visit.notes,
    shortTermGoalsMet: visit.shortTermGoalsMet,
    planVersion: 1,
    overBudget: false,
    rangeOfMotion: visit.rangeOfMotion,
  });

  async function recordVisit(number: number): Promise<void> {
    const visit = VISITS[number - 1];
    const data = await therapist.client.ok<{ recordVisit: Record<string, unknown> }>(
      RECORD_VISIT,
      {
        input: {
          referralId: episodeId,
          at: weeksAgo(visit.weeksAgo),
          attended: visit.attended,
          techniquesUsed: visit.techniquesUsed,
          rangeOfMotion: visit.rangeOfMotion,
          painScore: visit.painScore,
          notes: visit.notes,
          shortTermGoalsMet: visit.shortTermGoalsMet,
        },
      },
    );
    // Six attended visits are the plan's budget: none of them is over it.
    expect(data.recordVisit).toEqual({ id: expect.any(String), ...recorded(visit, number) });
  }

  /**
   * After a step: waits for the expected number of emails in total, then until no notification
   * row of the watched referrals is PENDING (so a duplicate would have had its chance to
   * arrive), and asserts the step's emails and new rows are exactly the expected ones.
   */
  async function expectEmails(referralIds: string[], expected: ExpectedEmail[]): Promise<ReceivedEmail[]> {
    const sink = smtp();
    try {
      await sink.waitForCount(emailsChecked + expected.length);
      const rows = await settledNotifications(world.platformAdmin, referralIds);
      const newRows = rows.filter((row) => !rowsChecked.has(row.id));
      for (const row of newRows) rowsChecked.add(row.id);
      const arrived = sink.received.slice(emailsChecked);
      const label = (x: ExpectedEmail) => `${x.kind} ${x.template} → ${x.to}`;
      const matchOf = (mail: ReceivedEmail) => expected.filter((x) => mail.to.length === 1 && mail.to[0] === x.to && mail.subject.includes(x.subject));
      const seen = arrived.map((mail) => {
        const matches = matchOf(mail);
        return matches.length === 1 ? label(matches[0]) : `unexpected: to ${mail.to.join(',')} "${mail.subject}"`;
      });
      expect(seen.sort()).toEqual(expected.map(label).sort());
      expect(newRows.map((row) => `${row.recipientKind} ${row.template} ${row.status}`).sort()).toEqual(
        expected.map((x) => `${x.kind} ${x.template} SENT`).sort(),
      );
      // Each email names (in its Message-ID) the row it was sent for.
      const rowById = new Map<string, NotificationRowView>(newRows.map((row) => [row.id, row]));
      for (const mail of arrived) {
        const row = rowById.get(notificationIdOf(mail) ?? '');
        const [match] = matchOf(mail);
        expect(row ? `${row.recipientKind} ${row.template}` : `no new row for ${mail.messageId}`).toBe(`${match.kind} ${match.template}`);
      }
      return arrived;
    } finally {
      emailsChecked = sink.received.length;
    }
  }

  /** The emails about attendance and progress say only that something is ready in ReferLoop. */
  function expectNoClinicalContent(mail: ReceivedEmail): void {
    const content = `${mail.subject}\n${mail.text}\n${mail.html}`.toLowerCase();
    expect(CLINICAL_TEXT.filter((text) => content.includes(text.toLowerCase()))).toEqual([]);
    expect(content).not.toContain(world.patient.firstName.toLowerCase());
    expect(content).not.toContain(world.patient.lastName.toLowerCase());
    // Numbers only in the subject and the plain text: the HTML's styles are full of them.
    const words = `${mail.subject}\n${mail.text}`;
    expect(ROM_NUMBERS.filter((degrees) => new RegExp(`(^|[^\\w.])${degrees}(?![\\w.])`).test(words))).toEqual([]);
    expect(words).not.toMatch(/\d\s*\/\s*10\b/);
  }

  const referrerEmail = (template: string, subject: string): ExpectedEmail => ({ kind: 'REFERRER', template, to: world.coordinatorA.email, subject });
  const patientEmail = (template: string, subject: string): ExpectedEmail => ({ kind: 'PATIENT', template, to: world.patient.email, subject });

  it('coordinator A refers the patient to the orthopedic massage therapist at B, with the assessment and goals', async () => {
    const draft = await runReferralMutation(referrer(), 'createReferral', {
      ...referralInput(world.patient.id, therapist.providerId, {
        modality: 'MASSAGE',
        conditions: CONDITIONS,
        techniques: ['ORTHOPEDIC_MASSAGE'],
        reason: REASON,
        assessment: ASSESSMENT,
        goals: { longTerm: LONG_TERM_GOAL, shortTerm: SHORT_TERM_GOALS.map((goal) => goal.description) },
        recommendedVisits: 6,
        visitsPerWeek: 1,
        redFlags: RED_FLAGS,
      }),
      idempotencyKey: randomUUID(),
    });
    expect(draft.status).toBe('DRAFT');
    episodeId = draft.id;
    reference = draft.reference;
    await expectEmails([episodeId], []);

    const sent = await runReferralMutation(referrer(), 'sendReferral', { id: episodeId });
    expect(sent.status).toBe('SENT');
    // The episode's visits go back seven weeks, and none may come before the referral was sent:
    // it was written and sent eight weeks ago. The assessment dates from its writing.
    await backdateReferral(db, episodeId, 56);
    const episode = await read(referrer());
    assessedAt = episode.createdAt;
    therapistName = episode.toProvider.displayName;
    expect(episode.toProvider.id).toBe(therapist.providerId);
    expect(episode.toProvider.email).toBe(therapist.email);
    expect(episode.toClinic.id).toBe(world.clinicB.id);
    await expectEmails(
      [episodeId],
      [
        { kind: 'PROVIDER', template: 'REFERRAL_SENT', to: therapist.email, subject: `New referral ${reference} for massage therapy` },
        patientEmail('REFERRAL_SENT', `Your referral to ${therapistName} at Clinic B (receives)`),
      ],
    );

    // Before any visit, progress is the assessment alone: each movement's first and latest measure are the referrer's.
    expect(byMovement(episode.progress.measures)).toEqual(
      byMovement(
        [ASSESSED.flexion, ASSESSED.abduction, ASSESSED.rotation].map((finding) => ({
          joint: finding.joint,
          movement: finding.movement,
          side: finding.side,
          firstDegrees: finding.measuredDegrees,
          firstAt: assessedAt,
          latestDegrees: finding.measuredDegrees,
          latestAt: assessedAt,
          expectedDegrees: finding.expectedDegrees,
          changeDegrees: 0,
          towardExpected: 0,
        })),
      ),
    );
    expect(episode.progress).toMatchObject({ firstPainScore: null, latestPainScore: null, goals: [], attendedVisits: 0, missedVisits: 0, plannedVisits: 6 });
  });

  it('the therapist accepts, schedules and sets the plan: a long-term goal in three short-term goals over six weekly visits', async () => {
    const accepted = await runReferralMutation(therapist.client, 'acceptReferral', { id: episodeId, note: 'Orthopedic assessment on the first visit' });
    expect(accepted.status).toBe('ACCEPTED');
    await expectEmails(
      [episodeId],
      [
        referrerEmail('REFERRAL_ACCEPTED', `Referral ${reference} accepted`),
        patientEmail('REFERRAL_ACCEPTED', `${therapistName} has accepted your referral`),
      ],
    );

    const scheduled = await runReferralMutation(therapist.client, 'scheduleReferral', { id: episodeId, appointmentAt: appointmentIn(2) });
    expect(scheduled.status).toBe('SCHEDULED');
    await expectEmails([episodeId], [patientEmail('APPOINTMENT_SCHEDULED', 'Your massage therapy appointment is booked')]);

    const plan = await therapist.client.ok<{ setTreatmentPlan: Record<string, unknown> }>(SET_PLAN, {
      input: {
        referralId: episodeId,
        longTermGoal: LONG_TERM_GOAL,
        shortTermGoals: SHORT_TERM_GOALS,
        plannedVisits: 6,
        visitsPerWeek: 1,
        techniques: PLAN_TECHNIQUES,
      },
    });
    expect(plan.setTreatmentPlan).toEqual({
      version: 1,
      longTermGoal: LONG_TERM_GOAL,
      plannedVisits: 6,
      visitsPerWeek: 1,
      techniques: PLAN_TECHNIQUES,
      shortTermGoals: SHORT_TERM_GOALS,
      setAt: expect.any(String),
      setBy: { id: therapist.id },
    });
    const episode = await read(referrer());
    expect(episode).toMatchObject({ status: 'SCHEDULED', treatmentStartedAt: null });
    // The plan's goals, none met yet.
    expect(episode.progress.goals).toEqual([
      { position: 1, description: 'Left shoulder flexion to 125°', targetVisit: 2, met: false, metAtVisit: null },
      { position: 2, description: 'Pain at most 3/10 reaching overhead', targetVisit: 4, met: false, metAtVisit: null },
      { position: 3, description: 'Left shoulder abduction to 150°', targetVisit: 6, met: false, metAtVisit: null },
    ]);
    await expectEmails([episodeId], []);
  });

  it('the first attended visit starts treatment; the second is an ordinary visit', async () => {
    await recordVisit(1);
    const started = await read(referrer());
    expect(started.status).toBe('IN_TREATMENT');
    expect(started.treatmentStartedAt).not.toBeNull();
    treatmentStartedAt = started.treatmentStartedAt as string;
    expect(started.events.at(-1)).toMatchObject({ type: 'TREATMENT_STARTED', fromStatus: 'SCHEDULED', toStatus: 'IN_TREATMENT', actor: { id: therapist.id } });
    await expectEmails([episodeId], []);

    await recordVisit(2);
    const second = await read(referrer());
    expect(second.status).toBe('IN_TREATMENT');
    expect(second.treatmentStartedAt).toBe(treatmentStartedAt);
    expect(second.events.at(-1)).toMatchObject({ type: 'VISIT_RECORDED', fromStatus: 'IN_TREATMENT', toStatus: 'IN_TREATMENT' });
    await expectEmails([episodeId], []);
  });

  it('the no-show is a NO_SHOW entry, and the referrer is emailed about it without any clinical content', async () => {
    await recordVisit(3);
    const episode = await read(referrer());
    expect(episode.status).toBe('IN_TREATMENT');
    expect(episode.events.at(-1)).toMatchObject({ type: 'NO_SHOW', fromStatus: 'IN_TREATMENT', toStatus: 'IN_TREATMENT', actor: { id: therapist.id } });
    expect(episode.visits.map((visit) => [visit.number, visit.attended])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    expect(episode.progress).toMatchObject({ attendedVisits: 2, missedVisits: 1 });

    const [missed] = await expectEmails([episodeId], [referrerEmail('VISITS_MISSED', `Missed visit on referral ${reference}`)]);
    expect(missed.to).toEqual([world.coordinatorA.email]);
    expect(missed.subject).toBe(`Missed visit on referral ${reference}`);
    expectNoClinicalContent(missed);
    // It names the referral and where to look, nothing more.
    expect(missed.text).toContain(reference);
    expect(missed.text).toContain(therapistName);
  });

  it('the fourth attended visit (visit 5) writes interim report 1 and emails the referrer; the third wrote none', async () => {
    await recordVisit(4);
    expect((await read(referrer())).reports).toEqual([]);
    await expectEmails([episodeId], []);

    await recordVisit(5);
    const episode = await read(referrer());
    expect(episode.status).toBe('IN_TREATMENT');
    expect(episode.reports).toHaveLength(1);
    const [report] = episode.reports;
    expect(report).toMatchObject({ number: 1, trigger: 'EVERY_N_VISITS', comments: null, writtenBy: { id: therapist.id } });
    // By hand, from the assessment to visit 5 (3 weeks ago):
    //   flexion L   110 → 145: +35 of the 70 missing to 180 = 0.5
    //   abduction L  90 → 126: +36 of the 90 missing to 180 = 0.4
    //   rotation R   50 →  68: +18 of the 30 missing to  80 = 0.6
    // pain 6 at visit 1, 3 at visit 5; goal 1 met at visit 2, goal 2 at visit 5; 4 attended, 1 missed, 6 planned.
    expect(report.progress).toEqual(reportOneProgress());
    // The same as the live progress, at this point.
    expect(episode.progress).toEqual(reportOneProgress());
    // The visit that made it due carries its number in the history.
    expect(episode.events.at(-1)).toMatchObject({ type: 'VISIT_RECORDED', fromStatus: 'IN_TREATMENT', toStatus: 'IN_TREATMENT' });
    const [lastEvent] = (await db.query<{ type: string; data: Record<string, unknown> }>(
      'SELECT type, data FROM referral_events WHERE referral_id = $1 ORDER BY seq DESC LIMIT 1',
      [episodeId],
    )).rows;
    expect(lastEvent).toEqual({ type: 'VISIT_RECORDED', data: { visitNumber: 5, overBudget: false, reportNumber: 1 } });

    const [reported] = await expectEmails([episodeId], [referrerEmail('PROGRESS_REPORT', `Progress report for referral ${reference}`)]);
    expect(reported.to).toEqual([world.coordinatorA.email]);
    expectNoClinicalContent(reported);
  });

  function reportOneProgress(): Progress {
    return {
      measures: byMovement([
        { joint: 'SHOULDER', movement: 'FLEXION', side: 'LEFT', firstDegrees: 110, firstAt: assessedAt, latestDegrees: 145, latestAt: visitAt(5), expectedDegrees: 180, changeDegrees: 35, towardExpected: 0.5 },
        { joint: 'SHOULDER', movement: 'ABDUCTION', side: 'LEFT', firstDegrees: 90, firstAt: assessedAt, latestDegrees: 126, latestAt: visitAt(5), expectedDegrees: 180, changeDegrees: 36, towardExpected: 0.4 },
        { joint: 'CERVICAL_SPINE', movement: 'ROTATION', side: 'RIGHT', firstDegrees: 50, firstAt: assessedAt, latestDegrees: 68, latestAt: visitAt(5), expectedDegrees: 80, changeDegrees: 18, towardExpected: 0.6 },
      ]),
      firstPainScore: 6,
      latestPainScore: 3,
      goals: [
        { position: 1, description: 'Left shoulder flexion to 125°', targetVisit: 2, met: true, metAtVisit: 2 },
        { position: 2, description: 'Pain at most 3/10 reaching overhead', targetVisit: 4, met: true, metAtVisit: 5 },
        { position: 3, description: 'Left shoulder abduction to 150°', targetVisit: 6, met: false, metAtVisit: null },
      ],
      attendedVisits: 4,
      missedVisits: 1,
      plannedVisits: 6,
    };
  }

  it('two more visits move the progress on, while the stored report keeps what it said', async () => {
    await recordVisit(6);
    await recordVisit(7);
    await expectEmails([episodeId], []);
    const episode = await read(referrer());
    expect(episode.status).toBe('IN_TREATMENT');
    expect(episode.treatmentStartedAt).toBe(treatmentStartedAt);

    // By hand, from the assessment to the latest visit that measured each movement (visit 7, a week ago):
    //   flexion L   110 → 166: +56 of 70 = 0.8
    //   abduction L  90 → 153: +63 of 90 = 0.7
    //   rotation R   50 →  77: +27 of 30 = 0.9
    // pain 6 → 1; goal 3 met at visit 7; 6 attended, 1 missed.
    const { measures, ...rest } = episode.progress;
    expect(rest).toEqual({
      firstPainScore: 6,
      latestPainScore: 1,
      goals: [
        { position: 1, description: 'Left shoulder flexion to 125°', targetVisit: 2, met: true, metAtVisit: 2 },
        { position: 2, description: 'Pain at most 3/10 reaching overhead', targetVisit: 4, met: true, metAtVisit: 5 },
        { position: 3, description: 'Left shoulder abduction to 150°', targetVisit: 6, met: true, metAtVisit: 7 },
      ],
      attendedVisits: 6,
      missedVisits: 1,
      plannedVisits: 6,
    });
    const [rotationNow, abductionNow, flexionNow] = byMovement(measures);
    expect(byMovement(measures).map((m) => m.movement)).toEqual(['ROTATION', 'ABDUCTION', 'FLEXION']);
    expect(flexionNow).toMatchObject({ firstDegrees: 110, firstAt: assessedAt, latestDegrees: 166, latestAt: visitAt(7), expectedDegrees: 180, changeDegrees: 56 });
    expect(abductionNow).toMatchObject({ firstDegrees: 90, firstAt: assessedAt, latestDegrees: 153, latestAt: visitAt(7), expectedDegrees: 180, changeDegrees: 63 });
    expect(rotationNow).toMatchObject({ firstDegrees: 50, firstAt: assessedAt, latestDegrees: 77, latestAt: visitAt(7), expectedDegrees: 80, changeDegrees: 27 });
    expect(flexionNow.towardExpected).toBeCloseTo(0.8, 10);
    expect(abductionNow.towardExpected).toBeCloseTo(0.7, 10);
    expect(rotationNow.towardExpected).toBeCloseTo(0.9, 10);

    // The report is a snapshot: still visit 5's numbers.
    expect(episode.reports).toHaveLength(1);
    expect(episode.reports[0]).toMatchObject({ number: 1, trigger: 'EVERY_N_VISITS' });
    expect(episode.reports[0].progress).toEqual(reportOneProgress());

    // Every visit as recorded, the tools chosen per visit included.
    expect(
      episode.visits.map((visit) => ({
        number: visit.number,
        at: visit.at,
        attended: visit.attended,
        techniquesUsed: visit.techniquesUsed,
        painScore: visit.painScore,
        notes: visit.notes,
        shortTermGoalsMet: visit.shortTermGoalsMet,
        planVersion: visit.planVersion,
        overBudget: visit.overBudget,
        rangeOfMotion: visit.rangeOfMotion,
      })),
    ).toEqual(VISITS.map((visit, index) => recorded(visit, index + 1)));
  });

  it('the therapist completes with per-goal attainment and a referral to physical therapy recommended; coordinator A closes the loop', async () => {
    const completed = await runReferralMutation(therapist.client, 'completeReferral', {
      id: episodeId,
      outcome: {
        summary: 'Left shoulder flexion 110 to 166, abduction 90 to 153, neck rotation 50 to 77; pain 6/10 to 1/10. End-range weakness remains.',
        goalsMet: 'PARTIALLY_MET',
        visitsUsed: 6,
        finalRangeOfMotion: VISITS[6].rangeOfMotion,
        shortTermGoals: [
          { position: 1, attainment: 'MET' },
          { position: 2, attainment: 'MET', note: 'Overhead reach at 3/10 by visit 5' },
          { position: 3, attainment: 'MET', note: 'Abduction 153 at the last visit, still weak at end range' },
        ],
        recommendations: [
          { text: 'Refer to physical therapy for strengthening', suggestedModality: 'PHYSICAL_THERAPY' },
          { text: 'Continue the daily home stretching programme' },
        ],
      },
    });
    expect(completed.status).toBe('COMPLETED');
    expect(completed.completedAt).not.toBeNull();
    expect(completed.loopClosedAt).toBeNull();
    const episode = await read(referrer());
    await expectEmails(
      [episodeId],
      [
        referrerEmail('REFERRAL_COMPLETED', `Outcome ready for referral ${reference}`),
        patientEmail('REFERRAL_COMPLETED', 'Your massage therapy treatment is complete'),
      ],
    );

    // What the referrer reads back: the goals' wording is the plan's.
    expect(episode.outcome).toEqual({
      summary: 'Left shoulder flexion 110 to 166, abduction 90 to 153, neck rotation 50 to 77; pain 6/10 to 1/10. End-range weakness remains.',
      goalsMet: 'PARTIALLY_MET',
      visitsUsed: 6,
      finalRangeOfMotion: [
        { joint: 'SHOULDER', movement: 'FLEXION', side: 'LEFT', measuredDegrees: 166, expectedDegrees: 180, painScore: null },
        { joint: 'SHOULDER', movement: 'ABDUCTION', side: 'LEFT', measuredDegrees: 153, expectedDegrees: 180, painScore: null },
        { joint: 'CERVICAL_SPINE', movement: 'ROTATION', side: 'RIGHT', measuredDegrees: 77, expectedDegrees: 80, painScore: null },
      ],
      shortTermGoals: [
        { position: 1, description: 'Left shoulder flexion to 125°', attainment: 'MET', note: null },
        { position: 2, description: 'Pain at most 3/10 reaching overhead', attainment: 'MET', note: 'Overhead reach at 3/10 by visit 5' },
        { position: 3, description: 'Left shoulder abduction to 150°', attainment: 'MET', note: 'Abduction 153 at the last visit, still weak at end range' },
      ],
      recommendations: [
        { text: 'Refer to physical therapy for strengthening', suggestedModality: 'PHYSICAL_THERAPY' },
        { text: 'Continue the daily home stretching programme', suggestedModality: null },
      ],
    });
    // The report is still the one written at visit 5, and no other was added by completing.
    expect(episode.reports.map((report) => report.number)).toEqual([1]);
    expect(episode.reports[0].progress).toEqual(reportOneProgress());

    const acknowledged = await runReferralMutation(referrer(), 'acknowledgeReferralOutcome', { id: episodeId });
    expect(acknowledged.status).toBe('COMPLETED');
    expect(acknowledged.loopClosedAt).not.toBeNull();
    expect((await read(therapist.client)).loopClosedAt).toBe(acknowledged.loopClosedAt);
    await expectEmails([episodeId], []);
  });

  it('the therapist refers the patient onward to physical therapy at C for strengthening', async () => {
    const before = await read(therapist.client);
    const created = await therapist.client.ok<{ referOnward: { id: string; reference: string; status: string; modality: string } }>(REFER_ONWARD, {
      input: {
        referralId: episodeId,
        modality: 'PHYSICAL_THERAPY',
        toProviderId: world.unrelatedProvider.providerId,
        reason: 'Strengthening of the left rotator cuff and scapular stabilisers after six sessions of orthopedic massage.',
        techniques: ['STRENGTHENING_EXERCISE'],
        consentToShare: true,
      },
    });
    expect(created.referOnward).toMatchObject({ status: 'SENT', modality: 'PHYSICAL_THERAPY' });
    onwardId = created.referOnward.id;
    expect(onwardId).not.toBe(episodeId);

    // The onward referral as its referrer, the therapist, reads it.
    const onward = await readOnward(therapist.client);
    expect(onward).toEqual({
      id: onwardId,
      reference: created.referOnward.reference,
      status: 'SENT',
      modality: 'PHYSICAL_THERAPY',
      priority: 'ROUTINE',
      conditions: CONDITIONS,
      techniques: ['STRENGTHENING_EXERCISE'],
      reason: 'Strengthening of the left rotator cuff and scapular stabilisers after six sessions of orthopedic massage.',
      redFlags: RED_FLAGS,
      consentToShare: true,
      // Goals and budget are the physical therapist's to set.
      recommendedVisits: null,
      visitsPerWeek: null,
      goals: null,
      // The evaluation carried forward: its posture notes, each movement as last measured (visit 7,
      // one week ago), in the order the referrer assessed them.
      assessment: {
        postureNotes: POSTURE_NOTES,
        rangeOfMotion: [
          { joint: 'SHOULDER', movement: 'FLEXION', side: 'LEFT', measuredDegrees: 166, expectedDegrees: 180, painScore: null },
          { joint: 'SHOULDER', movement: 'ABDUCTION', side: 'LEFT', measuredDegrees: 153, expectedDegrees: 180, painScore: null },
          { joint: 'CERVICAL_SPINE', movement: 'ROTATION', side: 'RIGHT', measuredDegrees: 77, expectedDegrees: 80, painScore: null },
        ],
      },
      patient: { id: world.patient.id },
      referringClinic: { id: world.clinicB.id, name: 'Clinic B (receives)' },
      referringUser: { id: therapist.id },
      referringProvider: { id: therapist.providerId },
      toProvider: { id: world.unrelatedProvider.providerId, displayName: expect.any(String), email: world.unrelatedProvider.email },
      toClinic: { id: world.clinicC.id, name: 'Clinic C (bystander)' },
      onwardFrom: { id: episodeId },
      onwardReferrals: [],
      events: [
        { type: 'CREATED', fromStatus: null, toStatus: 'DRAFT' },
        { type: 'SENT', fromStatus: 'DRAFT', toStatus: 'SENT' },
      ],
    });

    // The episode stays COMPLETED with its loop closed, at the same version: it only gains the
    // history entry. The therapist sees the onward referral on it.
    const episode = await read(therapist.client);
    expect(episode).toMatchObject({ status: 'COMPLETED', loopClosedAt: before.loopClosedAt });
    expect(episode.version).toBe(before.version);
    expect(episode.events).toHaveLength(before.events.length + 1);
    expect(episode.onwardReferrals).toEqual([{ id: onwardId, reference: created.referOnward.reference, status: 'SENT' }]);
    // The episode's entry names no reason: clinic A reads the episode's history, but the reason
    // belongs to the onward referral, which clinic A is no party to.
    expect(episode.events.at(-1)).toEqual({
      type: 'REFERRED_ONWARD',
      fromStatus: 'COMPLETED',
      toStatus: 'COMPLETED',
      reason: null,
      actor: { id: therapist.id },
    });
    const [onwardEvent] = (await db.query<{ reason: string | null; data: Record<string, unknown> }>(
      "SELECT reason, data FROM referral_events WHERE referral_id = $1 AND type = 'REFERRED_ONWARD'",
      [episodeId],
    )).rows;
    expect(onwardEvent).toEqual({ reason: null, data: { onwardReferralId: onwardId, modality: 'PHYSICAL_THERAPY' } });

    // The physical therapist is emailed like for any referral sent to them; the patient is told too.
    // Nobody is emailed on the episode: the therapist made the move, and the referrer of the onward referral is the therapist.
    const arrived = await expectEmails(
      [episodeId, onwardId],
      [
        { kind: 'PROVIDER', template: 'REFERRAL_SENT', to: world.unrelatedProvider.email, subject: `New referral ${created.referOnward.reference} for physical therapy` },
        patientEmail('REFERRAL_SENT', `Your referral to ${onward.toProvider?.displayName} at Clinic C (bystander)`),
      ],
    );
    const toPhysio = arrived.find((mail) => mail.to.includes(world.unrelatedProvider.email)) as ReceivedEmail;
    expect(toPhysio.text).toContain('Referring clinic: Clinic B (receives)');
    expect(toPhysio.text).toContain('Receiving clinic: Clinic C (bystander)');

    // The physical therapist reads it, but not the episode it came from: they are no party to it.
    const atPhysio = await readOnward(world.unrelatedProvider.client);
    expect(atPhysio).toMatchObject({ id: onwardId, status: 'SENT', onwardFrom: null, referringClinic: { id: world.clinicB.id } });
    expectGraphqlError(await world.unrelatedProvider.client.request(EPISODE, { id: episodeId }), 'NOT_FOUND');
  });

  it('clinic A is no party to the onward referral: its view of the episode lists none, and it cannot open it', async () => {
    const atReferrer = await read(referrer());
    expect(atReferrer.onwardReferrals).toEqual([]);
    expectGraphqlError(await referrer().request(ONWARD, { id: onwardId }), 'NOT_FOUND');
    // The episode's history tells clinic A the patient was referred on, but not why.
    expect(atReferrer.events.filter((event) => event.type === 'REFERRED_ONWARD')).toEqual([
      { type: 'REFERRED_ONWARD', fromStatus: 'COMPLETED', toStatus: 'COMPLETED', reason: null, actor: { id: therapist.id } },
    ]);
    expect(JSON.stringify(atReferrer)).not.toContain('rotator cuff');
  });

  it('the history of the episode, in order', async () => {
    const expected = [
      ['CREATED', null, 'DRAFT', world.coordinatorA.id],
      ['SENT', 'DRAFT', 'SENT', world.coordinatorA.id],
      ['ACCEPTED', 'SENT', 'ACCEPTED', therapist.id],
      ['SCHEDULED', 'ACCEPTED', 'SCHEDULED', therapist.id],
      ['TREATMENT_PLAN_SET', 'SCHEDULED', 'SCHEDULED', therapist.id],
      ['TREATMENT_STARTED', 'SCHEDULED', 'IN_TREATMENT', therapist.id], // visit 1
      ['VISIT_RECORDED', 'IN_TREATMENT', 'IN_TREATMENT', therapist.id], // visit 2
      ['NO_SHOW', 'IN_TREATMENT', 'IN_TREATMENT', therapist.id], // visit 3
      ['VISIT_RECORDED', 'IN_TREATMENT', 'IN_TREATMENT', therapist.id], // visit 4
      ['VISIT_RECORDED', 'IN_TREATMENT', 'IN_TREATMENT', therapist.id], // visit 5, report 1
      ['VISIT_RECORDED', 'IN_TREATMENT', 'IN_TREATMENT', therapist.id], // visit 6
      ['VISIT_RECORDED', 'IN_TREATMENT', 'IN_TREATMENT', therapist.id], // visit 7
      ['COMPLETED', 'IN_TREATMENT', 'COMPLETED', therapist.id],
      ['OUTCOME_ACKNOWLEDGED', 'COMPLETED', 'COMPLETED', world.coordinatorA.id],
      ['REFERRED_ONWARD', 'COMPLETED', 'COMPLETED', therapist.id],
    ];
    for (const viewer of [therapist.client, referrer(), world.coordinatorB.client]) {
      const { events } = await read(viewer);
      expect(events.map((event) => [event.type, event.fromStatus, event.toStatus, event.actor?.id ?? null])).toEqual(expected);
    }
    // The visits' entries carry their visit numbers; only visit 5's names a report.
    const rows = (await db.query<{ type: string; data: Record<string, unknown> | null }>(
      "SELECT type, data FROM referral_events WHERE referral_id = $1 AND type IN ('TREATMENT_STARTED', 'VISIT_RECORDED', 'NO_SHOW') ORDER BY seq",
      [episodeId],
    )).rows;
    expect(rows).toEqual([
      { type: 'TREATMENT_STARTED', data: { visitNumber: 1, overBudget: false } },
      { type: 'VISIT_RECORDED', data: { visitNumber: 2, overBudget: false } },
      { type: 'NO_SHOW', data: { visitNumber: 3, overBudget: false } },
      { type: 'VISIT_RECORDED', data: { visitNumber: 4, overBudget: false } },
      { type: 'VISIT_RECORDED', data: { visitNumber: 5, overBudget: false, reportNumber: 1 } },
      { type: 'VISIT_RECORDED', data: { visitNumber: 6, overBudget: false } },
      { type: 'VISIT_RECORDED', data: { visitNumber: 7, overBudget: false } },
    ]);
  });

  it('over the whole episode, no email arrived late or twice', async () => {
    // 2 sent + 2 accepted + 1 scheduled + 1 missed visit + 1 progress report + 2 completed + 2 onward sent.
    expect(smtp().received).toHaveLength(11);
    expect(emailsChecked).toBe(11);
    expect(new Set(smtp().received.map((mail) => mail.messageId)).size).toBe(11);
    expect(smtp().to(world.coordinatorA.email).map((mail) => mail.subject)).toEqual([
      `Referral ${reference} accepted`,
      `Missed visit on referral ${reference}`,
      `Progress report for referral ${reference}`,
      `Outcome ready for referral ${reference}`,
    ]);
  });
});
