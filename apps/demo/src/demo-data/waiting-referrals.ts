import { Cast } from '../onboarding';
import { createReferral, rom, step } from './demo-moves';

/** What only the system does: the response clock's expiry of a referral nobody answered. */
export type ExpireUnanswered = (referralId: string) => Promise<void>;

/**
 * Referrals before any care: a draft, one waiting for its answer, one on hold with a question,
 * one accepted after a question was answered, one declined and sent to another provider, and
 * one nobody answered in time. Written by the coordinator of the chiropractic clinic unless
 * said, as its desk would.
 */
export async function loadWaitingReferrals(cast: Cast, expireUnanswered: ExpireUnanswered): Promise<void> {
  const priya = cast.coordinators.chiropractic;
  const { therapist: lee, swedish: riley, physio: sam, sportsPhysio: alex } = cast.providers;
  const patient = (key: string) => cast.patients[key].id;

  // DRAFT: still waiting for the hip imaging report before it goes.
  await createReferral(priya, 'lucia-hip', patient('lucia'), alex, {
    modality: 'PHYSICAL_THERAPY',
    conditions: ['HIP_BURSITIS'],
    techniques: ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY'],
    reason: 'Right lateral hip pain for two months, worse on stairs and lying on that side. Gluteal strengthening before she returns to running.',
    assessment: { postureNotes: 'Right hip drops in single-leg stance.', rangeOfMotion: [rom('hip', 'abduction', 'RIGHT', 30, 45, 4)] },
    goals: { longTerm: 'Run 5 km without hip pain', shortTerm: ['Single-leg stance 30 s without a hip drop'] },
    recommendedVisits: 6,
    visitsPerWeek: 1,
  }, false);

  // SENT, urgent: the response clock runs (24 hours).
  await createReferral(priya, 'kevin-migraine', patient('kevin'), lee, {
    modality: 'ACUPUNCTURE',
    conditions: ['HEADACHE_MIGRAINE', 'NECK_PAIN'],
    techniques: ['ACUPUNCTURE_NEEDLING', 'GUA_SHA'],
    priority: 'URGENT',
    reason: 'Migraines three or four times a week since a new desk job; adjustments help for a day at most. Acupuncture for the headaches and the suboccipital tension.',
    assessment: {
      postureNotes: 'Forward head posture; suboccipitals tender on both sides.',
      rangeOfMotion: [rom('cervical spine', 'rotation', 'LEFT', 60, 80, 3), rom('cervical spine', 'extension', null, 40, 70, 5)],
    },
    goals: { longTerm: 'Fewer than one migraine a week', shortTerm: ['Neck rotation to 75° each way', 'Headache days halved in three weeks'] },
    recommendedVisits: 6,
    visitsPerWeek: 1,
  }, true);

  // ON_HOLD: the physical therapist asks before taking her on; the clock waits for the answer.
  const fatima = await createReferral(priya, 'fatima-heel', patient('fatima'), sam, {
    modality: 'PHYSICAL_THERAPY',
    conditions: ['PLANTAR_FASCIITIS', 'FOOT_ANKLE_PAIN'],
    techniques: ['STRETCHING_MOBILITY', 'STRENGTHENING_EXERCISE', 'KINESIO_TAPING'],
    reason: 'Heel pain on the first steps every morning for four months; a nurse on twelve-hour shifts.',
    assessment: { postureNotes: 'Flat arches, more on the left.', rangeOfMotion: [rom('ankle', 'dorsiflexion', 'LEFT', 8, 20, 6)] },
    goals: { longTerm: 'A full shift on her feet without heel pain', shortTerm: ['Dorsiflexion to 15°', 'First steps in the morning at most 2/10'] },
    recommendedVisits: 8,
    visitsPerWeek: 2,
  }, true);
  await step(sam, 'requestReferralInfo', fatima, { question: 'Has she had a steroid injection in the heel in the last three months? It changes how hard we can load the fascia.' });

  // ACCEPTED, after a question and its answer: referred by a provider (the massage therapist) rather than the desk.
  let tom = await createReferral(lee, 'tom-achilles', patient('runner'), sam, {
    modality: 'PHYSICAL_THERAPY',
    conditions: ['TENDINOPATHY', 'CALF_PAIN'],
    techniques: ['STRENGTHENING_EXERCISE'],
    reason: 'Mid-portion Achilles tendinopathy on the left. Soft-tissue work has calmed the calf; he needs a loading programme to get back to half-marathon training.',
    assessment: { postureNotes: 'Overpronates on the left when running.', rangeOfMotion: [rom('ankle', 'dorsiflexion', 'LEFT', 12, 20, 4)] },
    goals: { longTerm: 'Back to 30 km a week without Achilles pain', shortTerm: ['20 single-leg heel raises without pain'] },
    recommendedVisits: 8,
    visitsPerWeek: 1,
  }, true);
  tom = await step(sam, 'requestReferralInfo', tom, { question: 'Any imaging of the left Achilles?' });
  tom = await step(lee, 'provideReferralInfo', tom, { answer: 'Ultrasound last month: thickening, no tear. The report is in his chart.' });
  await step(sam, 'acceptReferral', tom, { note: 'We can start heavy slow resistance next week.' });

  // DECLINED by one physical therapist, and sent on to another (a new referral, SENT).
  const samuel = await createReferral(priya, 'samuel-shoulder', patient('samuel'), alex, {
    modality: 'PHYSICAL_THERAPY',
    conditions: ['SHOULDER_PAIN', 'SPORTS_INJURY_RECOVERY'],
    techniques: ['STRENGTHENING_EXERCISE'],
    reason: 'Rotator cuff strain from climbing; he wants to be back on the wall by spring.',
    assessment: { postureNotes: 'Right scapula wings slightly on loading.', rangeOfMotion: [rom('shoulder', 'abduction', 'RIGHT', 120, 180, 4)] },
    goals: { longTerm: 'Climb again without shoulder pain', shortTerm: ['Abduction to 160°', 'Dead hang for 20 s'] },
    recommendedVisits: 8,
    visitsPerWeek: 1,
  }, true);
  const declined = await step(alex, 'declineReferral', samuel, { reason: 'NO_CAPACITY', note: 'Fully booked for the next five weeks; Eastside can see him sooner.' });
  await step(priya, 'redirectReferral', declined, { toProviderId: sam.providerId });

  // EXPIRED: the Swedish massage therapist never answered another clinic's referral.
  const robert = await createReferral(cast.coordinators.eastsidePt, 'robert-back', patient('robert'), riley, {
    modality: 'MASSAGE',
    conditions: ['BACK_PAIN'],
    techniques: ['SWEDISH_MASSAGE'],
    reason: 'Low back stiffness after long drives; massage alongside the exercises he does with us.',
    assessment: { rangeOfMotion: [rom('lumbar spine', 'extension', null, 15, 25, 3)] },
    goals: { longTerm: 'Drive two hours without stopping for his back' },
    recommendedVisits: 4,
    visitsPerWeek: 1,
  }, true);
  await expireUnanswered(robert.id);
}
