import { Cast } from '../onboarding';
import { NO_SHOW, appointment, createReferral, current, recordVisit, rom, sendProgressReport, setPlan, step } from './demo-moves';

/**
 * Referrals in care, each by the provider who treats it: one booked with its plan set, one in
 * treatment (a missed visit, a progress report), one completed with its outcome for the
 * referrer to read, and one cancelled after it was booked. (The demo's own episode, completed
 * and acknowledged, then referred onward, is loaded beside these.)
 */
export async function loadTreatedReferrals(cast: Cast): Promise<void> {
  const priya = cast.coordinators.chiropractic;
  const { therapist: lee, swedish: riley, sportsPhysio: alex } = cast.providers;
  const patient = (key: string) => cast.patients[key].id;

  // SCHEDULED: accepted, first appointment booked, plan set.
  let ahmed = await createReferral(priya, 'ahmed-neck', patient('desk'), lee, {
    modality: 'MASSAGE',
    conditions: ['NECK_PAIN', 'POSTURAL_IMBALANCE'],
    techniques: ['ORTHOPEDIC_MASSAGE', 'KINESIO_TAPING'],
    reason: 'Desk worker with neck pain and a rounded upper back; his adjustments hold better with soft-tissue work between them.',
    assessment: {
      postureNotes: 'Rounded shoulders, increased thoracic kyphosis.',
      rangeOfMotion: [rom('cervical spine', 'flexion', null, 35, 50, 3), rom('thoracic spine', 'extension', null, 15, 25)],
    },
    goals: { longTerm: 'A full day at the desk without neck pain', shortTerm: ['Cervical flexion to 45°'] },
    recommendedVisits: 6,
    visitsPerWeek: 1,
  }, true);
  ahmed = await step(lee, 'acceptReferral', ahmed, { note: 'Tuesday mornings suit him.' });
  ahmed = await step(lee, 'scheduleReferral', ahmed, { appointmentAt: appointment(lee, 4, 9) });
  await setPlan(lee, ahmed, {
    longTermGoal: 'A full day at the desk without neck pain',
    shortTermGoals: [
      { description: 'Cervical flexion to 45°', targetVisit: 3, measure: 'inclinometer, seated' },
      { description: 'Takes a posture break every hour, unprompted', targetVisit: 5, measure: 'self-report' },
    ],
    plannedVisits: 6,
    visitsPerWeek: 1,
    techniques: ['ORTHOPEDIC_MASSAGE', 'KINESIO_TAPING', 'STRETCHING_MOBILITY'],
  });

  // IN_TREATMENT: two visits a week, one missed, a progress report on demand.
  let daniel = await createReferral(priya, 'daniel-knee', patient('daniel'), alex, {
    modality: 'PHYSICAL_THERAPY',
    conditions: ['KNEE_PAIN_PATELLAR_TRACKING', 'SPORTS_INJURY_RECOVERY'],
    techniques: ['STRENGTHENING_EXERCISE', 'KINESIO_TAPING'],
    reason: 'Anterior knee pain on the right since he stepped up his basketball; the patella tracks laterally. Quadriceps and hip strengthening.',
    assessment: { postureNotes: 'Right knee falls inward on a squat.', rangeOfMotion: [rom('knee', 'flexion', 'RIGHT', 110, 135, 5)] },
    goals: { longTerm: 'Play a full game without knee pain', shortTerm: ['Knee flexion to 125°', 'Single-leg squat without pain'] },
    recommendedVisits: 8,
    visitsPerWeek: 2,
  }, true);
  daniel = await step(alex, 'acceptReferral', daniel);
  daniel = await step(alex, 'scheduleReferral', daniel, { appointmentAt: appointment(alex, 2, 16) });
  await setPlan(alex, daniel, {
    longTermGoal: 'Play a full game without knee pain',
    shortTermGoals: [
      { description: 'Knee flexion to 125°', targetVisit: 4, measure: 'goniometer, prone' },
      { description: 'Single-leg squat to 60° without pain', targetVisit: 8, measure: 'numeric pain rating 0-10' },
    ],
    plannedVisits: 8,
    visitsPerWeek: 2,
    techniques: ['STRENGTHENING_EXERCISE', 'KINESIO_TAPING', 'STRETCHING_MOBILITY'],
  });
  const knee = (degrees: number) => [rom('knee', 'flexion', 'RIGHT', degrees, 135)];
  await recordVisit(alex, daniel, { attended: true, techniquesUsed: ['KINESIO_TAPING', 'STRENGTHENING_EXERCISE'], rangeOfMotion: knee(112), painScore: 5, notes: 'Patellar taping; quadriceps activation drills.' });
  await recordVisit(alex, daniel, NO_SHOW);
  await recordVisit(alex, daniel, { attended: true, techniquesUsed: ['STRENGTHENING_EXERCISE'], rangeOfMotion: knee(118), painScore: 4, notes: 'Step-downs added.' });
  await recordVisit(alex, daniel, { attended: true, techniquesUsed: ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY'], rangeOfMotion: knee(126), painScore: 3, shortTermGoalsMet: [1] });
  await sendProgressReport(alex, daniel, 'Flexion 110° to 126°; pain 5/10 to 3/10. Shooting practice again, no jumping yet.');

  // COMPLETED: the outcome is back, waiting for the referrer to acknowledge it.
  let grace = await createReferral(priya, 'grace-back', patient('grace'), riley, {
    modality: 'MASSAGE',
    conditions: ['BACK_PAIN', 'CHRONIC_PAIN'],
    techniques: ['DEEP_TISSUE_MASSAGE'],
    reason: 'Chronic low back pain that flares with gardening; adjustments and massage together have worked for her before.',
    assessment: { postureNotes: 'Tight hip flexors, lumbar lordosis increased.', rangeOfMotion: [rom('lumbar spine', 'flexion', null, 50, 80, 6)] },
    goals: { longTerm: 'Garden for an afternoon without a flare', shortTerm: ['Lumbar flexion to 65°', 'Pain at most 3/10'] },
    recommendedVisits: 4,
    visitsPerWeek: 1,
  }, true);
  grace = await step(riley, 'acceptReferral', grace);
  grace = await step(riley, 'scheduleReferral', grace, { appointmentAt: appointment(riley, 1, 11) });
  await setPlan(riley, grace, {
    longTermGoal: 'Garden for an afternoon without a flare',
    shortTermGoals: [
      { description: 'Lumbar flexion to 65°', targetVisit: 2, measure: 'inclinometer, standing' },
      { description: 'Pain at most 3/10 after an hour of gardening', targetVisit: 4, measure: 'numeric pain rating 0-10' },
    ],
    plannedVisits: 4,
    visitsPerWeek: 1,
    techniques: ['DEEP_TISSUE_MASSAGE', 'SWEDISH_MASSAGE'],
  });
  const lumbar = (degrees: number) => [rom('lumbar spine', 'flexion', null, degrees, 80)];
  await recordVisit(riley, grace, { attended: true, techniquesUsed: ['DEEP_TISSUE_MASSAGE'], rangeOfMotion: lumbar(55), painScore: 5 });
  await recordVisit(riley, grace, { attended: true, techniquesUsed: ['DEEP_TISSUE_MASSAGE'], rangeOfMotion: lumbar(62), painScore: 4 });
  await recordVisit(riley, grace, { attended: true, techniquesUsed: ['DEEP_TISSUE_MASSAGE', 'SWEDISH_MASSAGE'], rangeOfMotion: lumbar(68), painScore: 3, shortTermGoalsMet: [1] });
  await recordVisit(riley, grace, { attended: true, techniquesUsed: ['SWEDISH_MASSAGE'], rangeOfMotion: lumbar(72), painScore: 2, shortTermGoalsMet: [2], notes: 'Gardening again, with breaks.' });
  await step(riley, 'completeReferral', await current(riley, grace), {
    outcome: {
      summary: 'Lumbar flexion 50° to 72°; pain 6/10 to 2/10. Gardening again, with breaks every half hour.',
      goalsMet: 'MET',
      visitsUsed: 4,
      finalRangeOfMotion: [rom('lumbar spine', 'flexion', null, 72, 80, 2)],
      shortTermGoals: [
        { position: 1, attainment: 'MET' },
        { position: 2, attainment: 'MET' },
      ],
      recommendations: [{ text: 'Keep up the daily walks and the hip flexor stretches; a tune-up visit if it flares', suggestedModality: null }],
    },
  });

  // CANCELLED after it was booked: the patient is moving away (a reason is required once care is arranged).
  let hannah = await createReferral(cast.coordinators.bodywork, 'hannah-knee', patient('hannah'), alex, {
    modality: 'PHYSICAL_THERAPY',
    conditions: ['JOINT_REPLACEMENT_RECOVERY'],
    techniques: ['STRENGTHENING_EXERCISE', 'STRETCHING_MOBILITY'],
    reason: 'Right total knee replacement eight weeks ago; massage has eased the scar tissue, and she needs strengthening to manage stairs.',
    assessment: { rangeOfMotion: [rom('knee', 'flexion', 'RIGHT', 95, 135, 4)] },
    goals: { longTerm: 'Stairs at home without a rail', shortTerm: ['Knee flexion to 110°'] },
    recommendedVisits: 10,
    visitsPerWeek: 2,
  }, true);
  hannah = await step(alex, 'acceptReferral', hannah);
  hannah = await step(alex, 'scheduleReferral', hannah, { appointmentAt: appointment(alex, 6, 10) });
  await step(cast.coordinators.bodywork, 'cancelReferral', hannah, { reason: 'She is moving to Duluth next week and will continue her care there.' });
}
