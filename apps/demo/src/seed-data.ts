/**
 * The demo's small world, in the Twin Cities. The first clinic is the practice ReferLoop grew
 * from: orthopedic massage and acupuncture under one roof, a therapist who assesses range of
 * motion, sets goals, sees patients weekly with the tools each visit calls for, and refers on
 * for strengthening. Around it: the chiropractic clinic that refers the demo's patient, and two
 * physical therapy clinics to refer onward to. People and addresses are made up; every email
 * address is under the reserved `.example` domain, and the emails land in a local folder.
 */
export interface ClinicSeed {
  /** How the demo refers to the clinic in code. */
  key: 'bodywork' | 'chiropractic' | 'eastsidePt' | 'lakesPt';
  name: string;
  kind: string;
  email: string;
  phone: string;
  timeZone: string;
  address: { line1: string; city: string; region: string; postalCode: string; country: string };
  location: { latitude: number; longitude: number };
  coordinator: { email: string; displayName: string };
  providers: ProviderSeed[];
  patients: PatientSeed[];
}

export interface ProviderSeed {
  key: string;
  displayName: string;
  email: string;
  modalities: string[];
  techniques: string[];
  conditions: string[];
  weeklyCapacity: number;
  languages: string[];
}

export interface PatientSeed {
  key: string;
  firstName: string;
  lastName: string;
  email: string;
  dateOfBirth: string;
  phone: string;
  emailConsent: boolean;
}

/** The conditions the seed's practice lists as those it commonly treats. */
const SEED_PRACTICE_CONDITIONS = [
  'NECK_PAIN', 'HEADACHE_MIGRAINE', 'CONCUSSION_TBI', 'SHOULDER_PAIN', 'BACK_PAIN', 'FOOT_ANKLE_PAIN',
  'KNEE_PAIN_PATELLAR_TRACKING', 'HIP_FLEXOR_IMBALANCE', 'HIP_BURSITIS', 'CALF_PAIN', 'PLANTAR_FASCIITIS',
  'CARPAL_TUNNEL_SYNDROME', 'TENDINOPATHY', 'SPORTS_INJURY_RECOVERY', 'JOINT_REPLACEMENT_RECOVERY',
  'CHRONIC_PAIN', 'MOTOR_VEHICLE_INJURY', 'POSTURAL_IMBALANCE',
];

export const CLINICS: ClinicSeed[] = [
  {
    key: 'bodywork',
    name: 'Northside Orthopedic Bodywork & Acupuncture',
    kind: 'orthopedic massage and acupuncture',
    email: 'front@northside-bodywork.example',
    phone: '+1 651 555 0105',
    timeZone: 'America/Chicago',
    address: { line1: '12 Grand Ave', city: 'Saint Paul', region: 'MN', postalCode: '55105', country: 'US' },
    location: { latitude: 44.94, longitude: -93.16 },
    coordinator: { email: 'dana@northside-bodywork.example', displayName: 'Dana Whitfield (front desk)' },
    providers: [
      {
        key: 'therapist',
        displayName: 'Lee Morgan, LMT, LAc',
        email: 'lee@northside-bodywork.example',
        modalities: ['MASSAGE', 'ACUPUNCTURE'],
        // The seed practice's tools: more than the hands, chosen per visit.
        techniques: [
          'ORTHOPEDIC_MASSAGE', 'KINESIO_TAPING', 'ACUPUNCTURE_NEEDLING', 'CUPPING', 'ELECTRO_STIMULATION',
          'CHINESE_HERBAL_MEDICINE', 'GUA_SHA', 'STRETCHING_MOBILITY',
        ],
        conditions: SEED_PRACTICE_CONDITIONS,
        weeklyCapacity: 18,
        languages: ['en'],
      },
      {
        key: 'swedish',
        displayName: 'Riley Chen, LMT',
        email: 'riley@northside-bodywork.example',
        modalities: ['MASSAGE'],
        techniques: ['SWEDISH_MASSAGE', 'DEEP_TISSUE_MASSAGE', 'SPORTS_MASSAGE'],
        conditions: ['BACK_PAIN', 'NECK_PAIN', 'SPORTS_INJURY_RECOVERY', 'CHRONIC_PAIN'],
        weeklyCapacity: 25,
        languages: ['en', 'zh'],
      },
    ],
    patients: [
      {
        key: 'runner',
        firstName: 'Tom',
        lastName: 'Becker',
        email: 'tom.becker@mail.example',
        dateOfBirth: '1979-09-14',
        phone: '+1 651 555 0170',
        emailConsent: true,
      },
    ],
  },
  {
    key: 'chiropractic',
    name: 'Highland Chiropractic',
    kind: 'chiropractic',
    email: 'hello@highland-chiro.example',
    phone: '+1 651 555 0120',
    timeZone: 'America/Chicago',
    address: { line1: '2150 Ford Pkwy', city: 'Saint Paul', region: 'MN', postalCode: '55116', country: 'US' },
    location: { latitude: 44.918, longitude: -93.186 },
    coordinator: { email: 'priya@highland-chiro.example', displayName: 'Priya Raman (coordinator)' },
    providers: [
      {
        key: 'chiropractor',
        displayName: 'Dr. Jordan Blake, DC',
        email: 'jordan@highland-chiro.example',
        modalities: ['CHIROPRACTIC'],
        techniques: ['SPINAL_MANIPULATION', 'KINESIO_TAPING', 'ELECTRO_STIMULATION'],
        conditions: ['NECK_PAIN', 'BACK_PAIN', 'HEADACHE_MIGRAINE', 'MOTOR_VEHICLE_INJURY', 'POSTURAL_IMBALANCE'],
        weeklyCapacity: 30,
        languages: ['en'],
      },
    ],
    patients: [
      {
        key: 'referred',
        firstName: 'Maria',
        lastName: 'Gonzalez',
        email: 'maria.gonzalez@mail.example',
        dateOfBirth: '1979-04-22',
        phone: '+1 651 555 0142',
        emailConsent: true,
      },
      {
        key: 'desk',
        firstName: 'Ahmed',
        lastName: 'Hassan',
        email: 'ahmed.hassan@mail.example',
        dateOfBirth: '1991-11-03',
        phone: '+1 651 555 0188',
        emailConsent: false,
      },
    ],
  },
  {
    key: 'eastsidePt',
    name: 'Eastside Physical Therapy',
    kind: 'physical therapy',
    email: 'front@eastside-pt.example',
    phone: '+1 651 555 0160',
    timeZone: 'America/Chicago',
    address: { line1: '880 E 7th St', city: 'Saint Paul', region: 'MN', postalCode: '55106', country: 'US' },
    location: { latitude: 44.95, longitude: -93.09 },
    coordinator: { email: 'marcus@eastside-pt.example', displayName: 'Marcus Lee (coordinator)' },
    providers: [
      {
        key: 'physio',
        displayName: 'Sam Ortiz, PT',
        email: 'sam@eastside-pt.example',
        modalities: ['PHYSICAL_THERAPY'],
        techniques: ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY', 'KINESIO_TAPING'],
        conditions: ['SHOULDER_PAIN', 'TENDINOPATHY', 'POSTURAL_IMBALANCE', 'PLANTAR_FASCIITIS', 'KNEE_PAIN_PATELLAR_TRACKING'],
        weeklyCapacity: 12,
        languages: ['en', 'es'],
      },
    ],
    patients: [],
  },
  {
    key: 'lakesPt',
    name: 'Lakes Physical Therapy & Sports Rehab',
    kind: 'physical therapy',
    email: 'front@lakes-pt.example',
    phone: '+1 612 555 0130',
    timeZone: 'America/Chicago',
    address: { line1: '3030 Hennepin Ave', city: 'Minneapolis', region: 'MN', postalCode: '55408', country: 'US' },
    location: { latitude: 44.948, longitude: -93.298 },
    coordinator: { email: 'ellen@lakes-pt.example', displayName: 'Ellen Park (coordinator)' },
    providers: [
      {
        key: 'sportsPhysio',
        displayName: 'Alex Kim, DPT',
        email: 'alex@lakes-pt.example',
        modalities: ['PHYSICAL_THERAPY'],
        techniques: ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY'],
        conditions: ['SPORTS_INJURY_RECOVERY', 'KNEE_PAIN_PATELLAR_TRACKING', 'SHOULDER_PAIN', 'JOINT_REPLACEMENT_RECOVERY'],
        weeklyCapacity: 15,
        languages: ['en', 'ko'],
      },
    ],
    patients: [],
  },
];
