import { Condition, DeclineReason, Modality, Technique } from './codes';

/**
 * The realistic texture of the bulk dataset: one metro area (the Twin Cities), how common
 * each modality is, which techniques belong to which modality, how each condition is
 * measured, and the names and phrases people write. Passed to SQL as one JSON value.
 */
export const LOCALITIES = [
  { name: 'Downtown', city: 'Minneapolis', postalCode: '55402', latitude: 44.9778, longitude: -93.265 },
  { name: 'Uptown', city: 'Minneapolis', postalCode: '55408', latitude: 44.948, longitude: -93.298 },
  { name: 'Northeast', city: 'Minneapolis', postalCode: '55418', latitude: 45.0, longitude: -93.247 },
  { name: 'Longfellow', city: 'Minneapolis', postalCode: '55406', latitude: 44.939, longitude: -93.22 },
  { name: 'Lowertown', city: 'Saint Paul', postalCode: '55101', latitude: 44.9537, longitude: -93.09 },
  { name: 'Highland Park', city: 'Saint Paul', postalCode: '55116', latitude: 44.918, longitude: -93.186 },
  { name: 'Como', city: 'Saint Paul', postalCode: '55108', latitude: 44.98, longitude: -93.15 },
  { name: 'Grand Avenue', city: 'Saint Paul', postalCode: '55105', latitude: 44.94, longitude: -93.16 },
  { name: 'Edina', city: 'Edina', postalCode: '55424', latitude: 44.8897, longitude: -93.3499 },
  { name: 'Bloomington', city: 'Bloomington', postalCode: '55420', latitude: 44.8408, longitude: -93.2983 },
  { name: 'Roseville', city: 'Roseville', postalCode: '55113', latitude: 45.0061, longitude: -93.1566 },
  { name: 'St. Louis Park', city: 'St. Louis Park', postalCode: '55416', latitude: 44.9483, longitude: -93.348 },
  { name: 'Maplewood', city: 'Maplewood', postalCode: '55109', latitude: 44.953, longitude: -92.9952 },
  { name: 'Woodbury', city: 'Woodbury', postalCode: '55125', latitude: 44.9239, longitude: -92.9594 },
  { name: 'Eagan', city: 'Eagan', postalCode: '55122', latitude: 44.8041, longitude: -93.1669 },
  { name: 'Plymouth', city: 'Plymouth', postalCode: '55441', latitude: 45.0105, longitude: -93.4555 },
  { name: 'Brooklyn Park', city: 'Brooklyn Park', postalCode: '55443', latitude: 45.0941, longitude: -93.3563 },
  { name: 'Burnsville', city: 'Burnsville', postalCode: '55337', latitude: 44.7677, longitude: -93.2777 },
];

/** First modality of a provider (and a clinic's main one), by how common it is. */
export const MODALITIES: Array<{ modality: Modality; weight: number; clinicKind: string; credential: string; techniques: Technique[] }> = [
  {
    modality: Modality.MASSAGE,
    weight: 0.4,
    clinicKind: 'Massage & Bodywork',
    credential: 'LMT',
    techniques: [Technique.ORTHOPEDIC_MASSAGE, Technique.SWEDISH_MASSAGE, Technique.DEEP_TISSUE_MASSAGE, Technique.SPORTS_MASSAGE,
      Technique.KINESIO_TAPING, Technique.CUPPING, Technique.GUA_SHA, Technique.STRETCHING_MOBILITY],
  },
  {
    modality: Modality.PHYSICAL_THERAPY,
    weight: 0.3,
    clinicKind: 'Physical Therapy',
    credential: 'PT',
    techniques: [Technique.STRENGTHENING_EXERCISE, Technique.STRETCHING_MOBILITY, Technique.KINESIO_TAPING, Technique.ELECTRO_STIMULATION],
  },
  {
    modality: Modality.CHIROPRACTIC,
    weight: 0.18,
    clinicKind: 'Chiropractic',
    credential: 'DC',
    techniques: [Technique.SPINAL_MANIPULATION, Technique.KINESIO_TAPING, Technique.ELECTRO_STIMULATION, Technique.STRETCHING_MOBILITY],
  },
  {
    modality: Modality.ACUPUNCTURE,
    weight: 0.12,
    clinicKind: 'Acupuncture & Herbal Medicine',
    credential: 'LAc',
    techniques: [Technique.ACUPUNCTURE_NEEDLING, Technique.CUPPING, Technique.ELECTRO_STIMULATION, Technique.GUA_SHA, Technique.CHINESE_HERBAL_MEDICINE],
  },
];

/** How each condition is measured at assessment and visits, and the normal range. */
export const MEASURES: Record<Condition, { joint: string; movement: string; expected: number; sided: boolean }> = {
  [Condition.NECK_PAIN]: { joint: 'cervical spine', movement: 'rotation', expected: 80, sided: true },
  [Condition.HEADACHE_MIGRAINE]: { joint: 'cervical spine', movement: 'rotation', expected: 80, sided: true },
  [Condition.CONCUSSION_TBI]: { joint: 'cervical spine', movement: 'flexion', expected: 50, sided: false },
  [Condition.SHOULDER_PAIN]: { joint: 'shoulder', movement: 'flexion', expected: 180, sided: true },
  [Condition.BACK_PAIN]: { joint: 'lumbar spine', movement: 'flexion', expected: 60, sided: false },
  [Condition.FOOT_ANKLE_PAIN]: { joint: 'ankle', movement: 'dorsiflexion', expected: 20, sided: true },
  [Condition.KNEE_PAIN_PATELLAR_TRACKING]: { joint: 'knee', movement: 'flexion', expected: 135, sided: true },
  [Condition.HIP_FLEXOR_IMBALANCE]: { joint: 'hip', movement: 'extension', expected: 30, sided: true },
  [Condition.HIP_BURSITIS]: { joint: 'hip', movement: 'abduction', expected: 45, sided: true },
  [Condition.CALF_PAIN]: { joint: 'ankle', movement: 'dorsiflexion', expected: 20, sided: true },
  [Condition.PLANTAR_FASCIITIS]: { joint: 'ankle', movement: 'dorsiflexion', expected: 20, sided: true },
  [Condition.CARPAL_TUNNEL_SYNDROME]: { joint: 'wrist', movement: 'extension', expected: 70, sided: true },
  [Condition.TENDINOPATHY]: { joint: 'shoulder', movement: 'abduction', expected: 180, sided: true },
  [Condition.SPORTS_INJURY_RECOVERY]: { joint: 'knee', movement: 'flexion', expected: 135, sided: true },
  [Condition.JOINT_REPLACEMENT_RECOVERY]: { joint: 'knee', movement: 'flexion', expected: 135, sided: true },
  [Condition.CHRONIC_PAIN]: { joint: 'lumbar spine', movement: 'flexion', expected: 60, sided: false },
  [Condition.MOTOR_VEHICLE_INJURY]: { joint: 'cervical spine', movement: 'rotation', expected: 80, sided: true },
  [Condition.POSTURAL_IMBALANCE]: { joint: 'cervical spine', movement: 'extension', expected: 70, sided: false },
};

export const FIRST_NAMES = [
  'Ana', 'Ben', 'Carla', 'David', 'Elena', 'Farah', 'Grace', 'Hiro', 'Isabel', 'Jamal', 'Kate', 'Liam', 'Mai', 'Nora', 'Omar',
  'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Will', 'Xin', 'Yusuf', 'Zoe', 'Lars', 'Ingrid', 'Kwame', 'Leticia',
];

export const LAST_NAMES = [
  'Anderson', 'Berg', 'Castillo', 'Dahl', 'Erickson', 'Fofana', 'Garcia', 'Hansen', 'Ibrahim', 'Johnson', 'Kowalski', 'Larson',
  'Mohamed', 'Nguyen', 'Olson', 'Peterson', 'Quist', 'Rahman', 'Schmidt', 'Thao', 'Udeh', 'Vang', 'Wilson', 'Xiong', 'Yang',
  'Zimmerman', 'Lindqvist', 'Okafor', 'Moua', 'Haugen',
];

export const STREETS = ['Main St', 'Lake St', 'University Ave', 'Grand Ave', 'Snelling Ave', 'Hennepin Ave', 'Nicollet Ave', 'France Ave', 'Cedar Ave', 'Como Ave'];

/** Why a patient is referred, by the modality they are referred to. */
export const REASONS: Record<Modality, string[]> = {
  [Modality.MASSAGE]: [
    'Guarded, tender soft tissue limiting range of motion; orthopedic massage before strengthening.',
    'Chronic tension and trigger points; soft-tissue work to restore mobility.',
  ],
  [Modality.PHYSICAL_THERAPY]: [
    'Weakness and overcompensation after soft-tissue work; progressive strengthening requested.',
    'Range of motion restored but unstable under load; strengthening and a home programme.',
  ],
  [Modality.CHIROPRACTIC]: [
    'Restricted segmental motion and postural strain; assessment for manipulation.',
    'Recurring stiffness after a motor vehicle injury; spinal assessment requested.',
  ],
  [Modality.ACUPUNCTURE]: [
    'Persistent pain despite manual therapy; acupuncture for pain management.',
    'Headaches and muscle tension; acupuncture and cupping requested.',
  ],
};

export const POSTURE_NOTES = [
  'Forward head posture, rounded shoulders.',
  'Elevated left shoulder, protracted scapula.',
  'Anterior pelvic tilt, tight hip flexors.',
  'Overpronation on the left, knee valgus on squat.',
  'Guarded movement, antalgic gait.',
];

export const RED_FLAGS = ['On anticoagulants: no deep pressure.', 'Recent cortisone injection at the site: avoid for two weeks.', 'Osteopenia: no high-velocity manipulation.'];

export const DECLINES: Array<{ reason: DeclineReason; note: string | null }> = [
  { reason: DeclineReason.NO_CAPACITY, note: null },
  { reason: DeclineReason.NO_CAPACITY, note: 'Fully booked for the next three weeks.' },
  { reason: DeclineReason.OUT_OF_SCOPE, note: null },
  { reason: DeclineReason.INSURANCE, note: 'Out of network for this plan.' },
  { reason: DeclineReason.NOT_ACCEPTING_NEW_PATIENTS, note: null },
  { reason: DeclineReason.CONTRAINDICATION, note: 'Needs medical clearance first.' },
  { reason: DeclineReason.PATIENT_UNREACHABLE, note: null },
  { reason: DeclineReason.OTHER, note: 'Patient prefers a provider closer to work.' },
];

export const QUESTIONS = ['Is there imaging of the shoulder?', 'Any surgery in the last year?', 'Which days can the patient come in?'];
export const ANSWERS = ['No imaging; X-ray ordered.', 'No surgery.', 'Weekday mornings.'];
export const CANCEL_REASONS = ['Patient withdrew', 'Patient moved away', 'Insurance stopped covering visits', 'Symptoms resolved'];
export const VISIT_NOTES = ['Tolerated well.', 'Home exercises reviewed.', 'Less guarding today.', 'Sore after the last session; lighter pressure.'];
