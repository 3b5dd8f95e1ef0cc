import { Cast } from './onboarding';
import { Episode, move, readEpisode } from './episode';
import { bestMatch } from './matching';
import { REFER_ONWARD, ReferralView } from './operations';
import { ONWARD } from './episode-data';
import { Print } from './output';
import { atClinic } from './clinic-time';
import { StepPrinter } from './steps';

export interface ClosedLoop {
  episode: ReferralView;
  onward: ReferralView;
}

/**
 * The loop closes twice over: the referrer reads the outcome and acknowledges it, and the
 * therapist refers the patient on to physical therapy for strengthening, carrying the
 * assessment forward as last measured.
 */
export async function closeTheLoop(cast: Cast, episode: Episode, steps: StepPrinter, print: Print): Promise<ClosedLoop> {
  const completed = await readEpisode(episode.referrer.client, episode.id);
  const acknowledged = await move(episode.referrer, 'acknowledgeReferralOutcome', { id: episode.id, expectedVersion: completed.version });
  steps.step('acknowledgeReferralOutcome', episode.referrer.displayName, acknowledged,
    `loop closed ${atClinic(acknowledged.loopClosedAt as string, cast.patients.referred.clinic.timeZone)}`);

  const { therapist } = episode;
  print(`  ${therapist.displayName} looks for a physical therapist for strengthening (matchProviders):`);
  const match = await bestMatch(
    therapist.client,
    { modality: ONWARD.modality, conditions: ONWARD.conditions, techniques: ONWARD.techniques, near: therapist.clinic.location },
    print,
  );
  // consentToShare is left out: the consent the episode was referred with carries over.
  const { referOnward: onward } = await therapist.client.run<{ referOnward: ReferralView & { onwardFrom: { reference: string } | null } }>(REFER_ONWARD, {
    input: { referralId: episode.id, modality: ONWARD.modality, toProviderId: match.provider.id, techniques: ONWARD.techniques, reason: ONWARD.reason },
  });
  steps.step('referOnward', therapist.displayName, onward,
    `a new referral from ${onward.referringClinic.name} to ${onward.toProvider?.displayName} at ${onward.toClinic?.name}, onward from ${onward.onwardFrom?.reference}`,
    'it carries the assessment as last measured at the visits; the episode itself keeps its version');
  const episodeNow = await readEpisode(therapist.client, episode.id);
  return { episode: episodeNow, onward };
}
