/**
 * The clinical content of the demo's one episode, as the seed's practice works: the
 * referrer's range-of-motion assessment, a long-term goal broken into short-term goals, weekly
 * visits with the tools chosen per visit (one of them missed), and an outcome that recommends
 * physical therapy for strengthening.
 */
const flexion = { joint: 'shoulder', movement: 'flexion', side: 'LEFT', expectedDegrees: 180 };
const abduction = { joint: 'shoulder', movement: 'abduction', side: 'LEFT', expectedDegrees: 180 };
const rotation = { joint: 'cervical spine', movement: 'rotation', side: 'RIGHT', expectedDegrees: 80 };

export const REFERRAL = {
  modality: 'MASSAGE',
  conditions: ['SHOULDER_PAIN', 'NECK_PAIN', 'MOTOR_VEHICLE_INJURY'],
  techniques: ['ORTHOPEDIC_MASSAGE', 'KINESIO_TAPING', 'CUPPING'],
  priority: 'ROUTINE',
  reason:
    'Rear-ended six weeks ago. After three adjustments the neck moves better, but the left shoulder and upper ' +
    'trapezius stay guarded: orthopedic massage for the soft tissue before strengthening.',
  assessment: {
    postureNotes: 'Forward head posture; left shoulder elevated and protracted; guarded rotation to the right.',
    rangeOfMotion: [
      { ...flexion, measuredDegrees: 110, painScore: 6 },
      { ...abduction, measuredDegrees: 95, painScore: 5 },
      { ...rotation, measuredDegrees: 55, painScore: 4 },
    ],
  },
  goals: {
    longTerm: 'Reach overhead and check the blind spot while driving, without pain',
    shortTerm: ['Left shoulder flexion to 130°', 'Pain at most 3/10 reaching overhead'],
  },
  recommendedVisits: 6,
  visitsPerWeek: 1,
  consentToShare: true,
};

export const PLAN = {
  longTermGoal: 'Pain-free overhead reach with the left arm, and full neck rotation for driving',
  shortTermGoals: [
    { description: 'Left shoulder flexion to 130°', targetVisit: 2, measure: 'goniometer, standing' },
    { description: 'Pain at most 3/10 reaching overhead', targetVisit: 5, measure: 'numeric pain rating 0-10' },
    { description: 'Left shoulder flexion to 165°', targetVisit: 6, measure: 'goniometer, standing' },
  ],
  plannedVisits: 6,
  visitsPerWeek: 1,
  techniques: ['ORTHOPEDIC_MASSAGE', 'KINESIO_TAPING', 'CUPPING', 'ELECTRO_STIMULATION', 'GUA_SHA', 'ACUPUNCTURE_NEEDLING'],
};

export interface VisitData {
  attended: boolean;
  techniquesUsed: string[];
  rangeOfMotion: Array<Record<string, unknown>>;
  painScore: number | null;
  shortTermGoalsMet: number[];
  notes: string | null;
}

const attended = (
  techniquesUsed: string[],
  degrees: { flexion: number; abduction: number; rotation?: number },
  painScore: number,
  shortTermGoalsMet: number[],
  notes: string,
): VisitData => ({
  attended: true,
  techniquesUsed,
  rangeOfMotion: [
    { ...flexion, measuredDegrees: degrees.flexion },
    { ...abduction, measuredDegrees: degrees.abduction },
    ...(degrees.rotation === undefined ? [] : [{ ...rotation, measuredDegrees: degrees.rotation }]),
  ],
  painScore,
  shortTermGoalsMet,
  notes,
});

/** Seven weekly slots: six attended, the third missed. The fourth attended visit (visit 5) makes an interim report due. */
export const VISITS: VisitData[] = [
  attended(['ORTHOPEDIC_MASSAGE', 'KINESIO_TAPING'], { flexion: 118, abduction: 100, rotation: 58 }, 6, [], 'Taped the left upper trapezius for postural support.'),
  attended(['ORTHOPEDIC_MASSAGE', 'CUPPING'], { flexion: 130, abduction: 110 }, 5, [1], 'Static cupping along the left levator scapulae.'),
  { attended: false, techniquesUsed: [], rangeOfMotion: [], painScore: null, shortTermGoalsMet: [], notes: null },
  attended(['ELECTRO_STIMULATION', 'ORTHOPEDIC_MASSAGE'], { flexion: 142, abduction: 121, rotation: 66 }, 4, [], 'E-stim over infraspinatus trigger points.'),
  attended(['GUA_SHA', 'ACUPUNCTURE_NEEDLING'], { flexion: 150, abduction: 132, rotation: 71 }, 3, [2], 'Overhead reach at 3/10.'),
  attended(['KINESIO_TAPING', 'CUPPING'], { flexion: 158, abduction: 141 }, 2, [], 'Re-taped; cupping to the left pectoralis minor.'),
  attended(['ORTHOPEDIC_MASSAGE', 'STRETCHING_MOBILITY'], { flexion: 166, abduction: 150, rotation: 77 }, 1, [3], 'End-range weakness in abduction remains.'),
];

/** After visit 6 the therapist also sends a report of their own. */
export const ON_DEMAND_REPORT_AFTER_VISIT = 6;
export const REPORT_COMMENTS = 'Flexion up 48° since the assessment; pain 2/10. Starting banded rows at home.';

export const OUTCOME = {
  summary:
    'Left shoulder flexion 110° to 166°, abduction 95° to 150°, neck rotation 55° to 77°; pain 6/10 to 1/10. ' +
    'End-range weakness in abduction remains.',
  goalsMet: 'PARTIALLY_MET',
  visitsUsed: 6,
  finalRangeOfMotion: [
    { ...flexion, measuredDegrees: 166, painScore: 1 },
    { ...abduction, measuredDegrees: 150, painScore: 2 },
    { ...rotation, measuredDegrees: 77, painScore: 0 },
  ],
  shortTermGoals: [
    { position: 1, attainment: 'MET' },
    { position: 2, attainment: 'MET' },
    { position: 3, attainment: 'MET', note: '166° at visit 7, a week late after the missed visit' },
  ],
  recommendations: [
    { text: 'Refer to physical therapy for strengthening of the rotator cuff and scapular stabilisers', suggestedModality: 'PHYSICAL_THERAPY' },
    { text: 'Continue the daily home stretching programme', suggestedModality: null },
  ],
};

export const ONWARD = {
  modality: 'PHYSICAL_THERAPY',
  conditions: ['SHOULDER_PAIN'],
  techniques: ['STRENGTHENING_EXERCISE'],
  reason: 'Strengthening of the left rotator cuff and scapular stabilisers after six sessions of orthopedic massage.',
};
