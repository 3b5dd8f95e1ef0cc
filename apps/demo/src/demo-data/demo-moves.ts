import { move, readEpisode } from '../episode';
import { OnboardedProvider, SignedIn } from '../onboarding';
import { CREATE_REFERRAL, RECORD_VISIT, ReferralView, SEND_PROGRESS_REPORT, SET_TREATMENT_PLAN } from '../operations';
import { tomorrowAt } from '../clinic-time';

/** A range-of-motion finding as the API takes it (degrees, pain 0–10). */
export const rom = (joint: string, movement: string, side: 'LEFT' | 'RIGHT' | 'BILATERAL' | null, measuredDegrees: number, expectedDegrees: number, painScore?: number) => ({
  joint,
  movement,
  ...(side && { side }),
  measuredDegrees,
  expectedDegrees,
  ...(painScore !== undefined && { painScore }),
});

export type ReferralContent = Record<string, unknown> & { modality: string; reason: string };

/** createReferral as `referrer`, a DRAFT unless `send`; each story's key makes a retry return the same referral. */
export async function createReferral(referrer: SignedIn, key: string, patientId: string, toProvider: OnboardedProvider, content: ReferralContent, send: boolean): Promise<ReferralView> {
  const { createReferral: created } = await referrer.client.run<{ createReferral: ReferralView }>(CREATE_REFERRAL, {
    input: { consentToShare: true, priority: 'ROUTINE', ...content, patientId, toProviderId: toProvider.providerId, idempotencyKey: `demo-data-${key}`, send },
  });
  return created;
}

/** A lifecycle move as `actor` on the referral as it now stands (its version sent along, as a client would). */
export const step = (actor: SignedIn, mutation: string, referral: ReferralView, input: Record<string, unknown> = {}) =>
  move(actor, mutation, { id: referral.id, expectedVersion: referral.version, ...input });

/** The first appointment, `days` from now at `hour`:00 in the treating clinic's time zone. */
export function appointment(provider: OnboardedProvider, days: number, hour: number): string {
  const tomorrow = Date.parse(tomorrowAt(hour, provider.clinic.timeZone));
  return new Date(tomorrow + (days - 1) * 24 * 3_600_000).toISOString();
}

export async function setPlan(provider: OnboardedProvider, referral: ReferralView, plan: Record<string, unknown>): Promise<void> {
  await provider.client.run(SET_TREATMENT_PLAN, { input: { ...plan, referralId: referral.id, expectedPlanVersion: 0 } });
}

/**
 * A visit, recorded as of now: the API takes no visit dated before the referral was sent, and
 * the demo data is made in seconds (its history says when it was loaded).
 */
export async function recordVisit(provider: OnboardedProvider, referral: ReferralView, visit: Record<string, unknown>): Promise<void> {
  await provider.client.run(RECORD_VISIT, { input: { shortTermGoalsMet: [], ...visit, referralId: referral.id, at: new Date().toISOString() } });
}

export async function sendProgressReport(provider: OnboardedProvider, referral: ReferralView, comments: string): Promise<void> {
  await provider.client.run(SEND_PROGRESS_REPORT, { input: { referralId: referral.id, comments } });
}

/** A missed visit: a NO_SHOW in the history. */
export const NO_SHOW = { attended: false } as const;

/** The referral as it stands now, read back as `actor` sees it (after steps that answer something else). */
export const current = (actor: SignedIn, referral: ReferralView) => readEpisode(actor.client, referral.id);
