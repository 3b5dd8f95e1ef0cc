import { Cast, OnboardedProvider, SignedIn } from './onboarding';
import { CREATE_REFERRAL, EPISODE, lifecycle, RECORD_VISIT, ReferralView, SEND_PROGRESS_REPORT, SET_TREATMENT_PLAN } from './operations';
import { bestMatch } from './matching';
import { conditionWords, inWords, Print, techniqueWords, words } from './output';
import { ON_DEMAND_REPORT_AFTER_VISIT, OUTCOME, PLAN, REFERRAL, REPORT_COMMENTS, VISITS, VisitData } from './episode-data';
import { atClinic, tomorrowAt } from './clinic-time';
import { StepPrinter } from './steps';

export interface Progress {
  measures: Array<{ joint: string; movement: string; side: string | null; firstDegrees: number; latestDegrees: number; expectedDegrees: number | null }>;
  firstPainScore: number | null;
  latestPainScore: number | null;
  attendedVisits: number;
  missedVisits: number;
  plannedVisits: number | null;
  goals: Array<{ position: number; description: string; met: boolean; metAtVisit: number | null }>;
}

export interface EpisodeView extends ReferralView {
  reports: Array<{ number: number; trigger: string }>;
  progress: Progress;
}

/** The parties of the episode: who refers, who treats. */
export interface Episode {
  id: string;
  reference: string;
  referrer: SignedIn;
  therapist: OnboardedProvider;
}

export async function readEpisode(client: SignedIn['client'], id: string): Promise<EpisodeView> {
  return (await client.run<{ referral: EpisodeView }>(EPISODE, { id })).referral;
}

/**
 * From the referral to the outcome: the chiropractic clinic's coordinator finds an orthopedic
 * massage therapist for a patient with shoulder and neck pain and sends the assessment; the
 * therapist accepts, books the first appointment, sets the plan, records the weekly visits,
 * reports progress and completes with the outcome.
 */
export async function treatEpisode(cast: Cast, steps: StepPrinter, print: Print): Promise<Episode> {
  const referrer = cast.coordinators.chiropractic;
  const patient = cast.patients.referred;
  const referringClinic = patient.clinic;

  print(`  ${referrer.displayName} looks for an orthopedic massage therapist near ${referringClinic.name} (matchProviders):`);
  const match = await bestMatch(
    referrer.client,
    { modality: REFERRAL.modality, conditions: REFERRAL.conditions, techniques: ['ORTHOPEDIC_MASSAGE'], near: referringClinic.location },
    print,
  );
  const therapist = Object.values(cast.providers).find((provider) => provider.providerId === match.provider.id);
  if (!therapist) throw new Error(`matchProviders ranked ${match.provider.displayName} first, who is not one of the demo's providers`);

  const { createReferral: sent } = await referrer.client.run<{ createReferral: ReferralView }>(CREATE_REFERRAL, {
    input: { ...REFERRAL, patientId: patient.id, toProviderId: therapist.providerId, idempotencyKey: 'demo-intake-0001', send: true },
  });
  const rom = REFERRAL.assessment.rangeOfMotion.map((finding) => `${finding.joint} ${finding.movement} ${finding.measuredDegrees}° of ${finding.expectedDegrees}°`);
  steps.step('createReferral (send: true)', referrer.displayName, sent,
    `${patient.seed.firstName} ${patient.seed.lastName} → ${therapist.displayName} at ${therapist.clinic.name}: ${conditionWords(REFERRAL.conditions)}`,
    `assessment: ${inWords(rom)}; answer due ${atClinic(sent.dueAt as string, referringClinic.timeZone)}`);
  const episode: Episode = { id: sent.id, reference: sent.reference, referrer, therapist };

  const accepted = await move(therapist, 'acceptReferral', { id: episode.id, expectedVersion: sent.version, note: 'Can see her next week.' });
  steps.step('acceptReferral', therapist.displayName, accepted, `next: ${accepted.availableActions.join(', ')}`);

  const appointmentAt = tomorrowAt(10, therapist.clinic.timeZone);
  const scheduled = await move(therapist, 'scheduleReferral', { id: episode.id, expectedVersion: accepted.version, appointmentAt });
  steps.step('scheduleReferral', therapist.displayName, scheduled, `first appointment ${atClinic(appointmentAt, therapist.clinic.timeZone)}`);

  await therapist.client.run(SET_TREATMENT_PLAN, { input: { ...PLAN, referralId: episode.id, expectedPlanVersion: 0 } });
  steps.step('setTreatmentPlan', therapist.displayName, await readEpisode(therapist.client, episode.id),
    `long-term goal: ${PLAN.longTermGoal}`,
    ...PLAN.shortTermGoals.map((goal, index) => `short-term goal ${index + 1}: ${goal.description}, by visit ${goal.targetVisit}`),
    `${PLAN.plannedVisits} visits, ${PLAN.visitsPerWeek} a week`);

  print('');
  print('  The weekly visits follow. The demo runs in seconds, not weeks: each visit is recorded as of now, one after');
  print('  the other (the API refuses visits dated in the future or before the referral was sent).');
  let reports = 0;
  for (const [index, visit] of VISITS.entries()) {
    await therapist.client.run(RECORD_VISIT, { input: { ...visit, referralId: episode.id, at: new Date().toISOString() } });
    const after = await readEpisode(therapist.client, episode.id);
    steps.step(`recordVisit #${index + 1}`, therapist.displayName, after, ...describeVisit(visit));
    // Every PROGRESS_REPORT_EVERY_VISITS attended visits, the visit itself writes a report for the referrer.
    if (after.reports.length > reports) {
      steps.note(`${after.progress.attendedVisits} attended visits: interim progress report #${after.reports.length} written and sent to the referrer`);
    }
    reports = after.reports.length;
    if (index + 1 === ON_DEMAND_REPORT_AFTER_VISIT) {
      const { sendProgressReport: report } = await therapist.client.run<{ sendProgressReport: { number: number } }>(SEND_PROGRESS_REPORT, {
        input: { referralId: episode.id, comments: REPORT_COMMENTS },
      });
      steps.step('sendProgressReport', therapist.displayName, await readEpisode(therapist.client, episode.id),
        `report #${report.number}, on demand: "${REPORT_COMMENTS}"`);
      reports = report.number;
    }
  }

  const beforeCompletion = await readEpisode(therapist.client, episode.id);
  const completed = await move(therapist, 'completeReferral', { id: episode.id, expectedVersion: beforeCompletion.version, outcome: OUTCOME });
  steps.step('completeReferral', therapist.displayName, completed, ...describeProgress(beforeCompletion.progress),
    `goals: ${words(OUTCOME.goalsMet)}; recommends: ${OUTCOME.recommendations[0].text}`);
  return episode;
}

/** Runs a lifecycle mutation as `actor` and returns the referral it answers. */
export async function move(actor: SignedIn, mutation: string, input: Record<string, unknown>): Promise<ReferralView> {
  const data = await actor.client.run<Record<string, ReferralView>>(lifecycle(mutation), { input });
  return data[mutation];
}

function describeVisit(visit: VisitData): string[] {
  if (!visit.attended) return ['missed: the patient did not come (a NO_SHOW in the history; the referrer hears from the 2nd on)'];
  const measures = visit.rangeOfMotion.map((finding) => `${String(finding.joint)} ${String(finding.movement)} ${String(finding.measuredDegrees)}°`);
  const lines = [`${techniqueWords(visit.techniquesUsed)}; ${inWords(measures)}; pain ${visit.painScore}/10`];
  if (visit.shortTermGoalsMet.length > 0) {
    const goals = visit.shortTermGoalsMet.map((position) => `${position} (${PLAN.shortTermGoals[position - 1].description})`);
    lines.push(`short-term goal ${goals.join(', ')} met`);
  }
  return lines;
}

function describeProgress(progress: Progress): string[] {
  const measures = progress.measures.map(
    (measure) => `${measure.joint} ${measure.movement} ${measure.firstDegrees}° → ${measure.latestDegrees}°${measure.expectedDegrees ? ` of ${measure.expectedDegrees}°` : ''}`,
  );
  const goals = progress.goals.map((goal) => `${goal.position} ${goal.met ? `met at visit ${goal.metAtVisit}` : 'not met'}`);
  return [
    `progress: ${inWords(measures)}; pain ${progress.firstPainScore}/10 → ${progress.latestPainScore}/10`,
    `${progress.attendedVisits} of ${progress.plannedVisits} planned visits attended, ${progress.missedVisits} missed; short-term goals ${goals.join(', ')}`,
  ];
}
