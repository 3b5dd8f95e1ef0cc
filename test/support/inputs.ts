import { randomUUID } from 'node:crypto';

/**
 * Inputs of the API's mutations as the tests write them: valid and complete unless overridden,
 * every email unique per call. Plain data, for the GraphQL tests (through fixtures.ts) and the
 * service tests alike.
 */
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${randomUUID()}@referloop.test`;
}

export function clinicInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Clinic ${randomUUID().slice(0, 8)}`,
    email: uniqueEmail('clinic'),
    phone: '+1 (312) 555-0100',
    timeZone: 'America/Chicago',
    address: { line1: '1 Main St', city: 'Chicago', region: 'IL', postalCode: '60601', country: 'US' },
    location: { latitude: 41.88, longitude: -87.63 },
    ...overrides,
  };
}

export function patientInput(clinicId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clinicId,
    firstName: 'Jordan',
    lastName: `Rivera${randomUUID().slice(0, 6)}`,
    email: uniqueEmail('patient'),
    dateOfBirth: '1980-01-01',
    phone: '+1 312-555-0199',
    emailConsent: true,
    ...overrides,
  };
}

export function rangeOfMotionFinding(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { joint: 'SHOULDER', movement: 'FLEXION', side: 'LEFT', measuredDegrees: 120, expectedDegrees: 180, painScore: 4, ...overrides };
}

/** A complete, valid createReferral input (a DRAFT unless `send: true`). */
export function referralInput(patientId: string, toProviderId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    patientId,
    toProviderId,
    modality: 'PHYSICAL_THERAPY',
    conditions: ['SHOULDER_PAIN'],
    techniques: ['STRENGTHENING_EXERCISE'],
    priority: 'ROUTINE',
    reason: 'Limited shoulder flexion after six weeks of orthopedic massage; needs strengthening.',
    assessment: { postureNotes: 'Forward head posture, elevated left shoulder.', rangeOfMotion: [rangeOfMotionFinding()] },
    goals: { longTerm: 'Full pain-free overhead reach', shortTerm: ['Flexion to 150 degrees', 'Pain at most 2/10'] },
    recommendedVisits: 6,
    visitsPerWeek: 1,
    redFlags: null,
    consentToShare: true,
    ...overrides,
  };
}

/** An appointment time `days` from now, as a UTC instant. */
export function appointmentIn(days: number): string {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
}

export function outcomeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    summary: 'Flexion restored to 170 degrees; independent with home programme.',
    goalsMet: 'MET',
    visitsUsed: 6,
    finalRangeOfMotion: [rangeOfMotionFinding({ measuredDegrees: 170, painScore: 1 })],
    ...overrides,
  };
}
