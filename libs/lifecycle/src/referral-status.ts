import { registerEnumType } from '@nestjs/graphql';
import { ReferralPriority } from '@referloop/common';

// Priority is shared vocabulary (matching weighs it too); the lifecycle's users still find it here.
export { ReferralPriority };

export enum ReferralStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  ON_HOLD = 'ON_HOLD',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  SCHEDULED = 'SCHEDULED',
  IN_TREATMENT = 'IN_TREATMENT',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}

/** What a person can ask for; the API contract's `ReferralAction`. */
export enum ReferralAction {
  SEND = 'SEND',
  CANCEL = 'CANCEL',
  REQUEST_INFO = 'REQUEST_INFO',
  PROVIDE_INFO = 'PROVIDE_INFO',
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  SCHEDULE = 'SCHEDULE',
  START_TREATMENT = 'START_TREATMENT',
  COMPLETE = 'COMPLETE',
  ACKNOWLEDGE_OUTCOME = 'ACKNOWLEDGE_OUTCOME',
  REDIRECT = 'REDIRECT',
}

/**
 * Moves that are not offered to people as actions: editing a draft, the steps of an episode,
 * and the system's own moves (the response clock's reminder and expiry, the outcome reminder).
 */
export enum InternalAction {
  EDIT = 'EDIT',
  EXPIRE = 'EXPIRE',
  /** The receiver is reminded at half time of the response window. */
  REMIND_RECEIVER = 'REMIND_RECEIVER',
  /** The referrer is reminded of an outcome still waiting for their acknowledgement. */
  REMIND_OUTCOME = 'REMIND_OUTCOME',
  /** A new version of the treatment plan. */
  SET_TREATMENT_PLAN = 'SET_TREATMENT_PLAN',
  /** A visit (attended or missed) after the first attended one, or a missed one before it. */
  RECORD_VISIT = 'RECORD_VISIT',
  /** An interim progress report to the referrer, on the treating provider's demand. */
  SEND_PROGRESS_REPORT = 'SEND_PROGRESS_REPORT',
  /** A new referral from the treating provider to another provider, linked to this episode. */
  REFER_ONWARD = 'REFER_ONWARD',
}

export type LifecycleAction = ReferralAction | InternalAction;

/**
 * The treating provider's steps of an episode, offered like ReferralAction but with their own
 * mutations (setTreatmentPlan, recordVisit, sendProgressReport, referOnward). The same rows of
 * the lifecycle table decide them.
 */
export enum EpisodeAction {
  SET_TREATMENT_PLAN = InternalAction.SET_TREATMENT_PLAN,
  RECORD_VISIT = InternalAction.RECORD_VISIT,
  SEND_PROGRESS_REPORT = InternalAction.SEND_PROGRESS_REPORT,
  REFER_ONWARD = InternalAction.REFER_ONWARD,
}

/**
 * The parties that can act on a referral. A person may be several at once (a coordinator of a
 * clinic that refers to one of its own providers is on both sides).
 */
export enum Party {
  /** The referring clinic's coordinators and admins, and the referring provider. */
  REFERRER = 'REFERRER',
  /** The target provider's clinic's coordinators and admins. */
  RECEIVER_STAFF = 'RECEIVER_STAFF',
  /** The target provider: receiver side, and alone allowed the clinical steps. */
  TARGET_PROVIDER = 'TARGET_PROVIDER',
  /**
   * An eligible provider of an open referral nobody has claimed yet (practises its modality,
   * accepts new patients, is inside its radius, has not passed on it): may claim or pass.
   */
  POOL_CANDIDATE = 'POOL_CANDIDATE',
  /** The worker's timers and sweeps: the response clock and the outcome reminder. */
  SYSTEM = 'SYSTEM',
}

export enum DeclineReason {
  NO_CAPACITY = 'NO_CAPACITY',
  NOT_ACCEPTING_NEW_PATIENTS = 'NOT_ACCEPTING_NEW_PATIENTS',
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
  CONTRAINDICATION = 'CONTRAINDICATION',
  INSURANCE = 'INSURANCE',
  PATIENT_UNREACHABLE = 'PATIENT_UNREACHABLE',
  OTHER = 'OTHER',
}

export enum GoalAttainment {
  MET = 'MET',
  PARTIALLY_MET = 'PARTIALLY_MET',
  NOT_MET = 'NOT_MET',
}

registerEnumType(ReferralStatus, { name: 'ReferralStatus' });
registerEnumType(ReferralAction, { name: 'ReferralAction' });
registerEnumType(EpisodeAction, { name: 'EpisodeAction', description: "The treating provider's episode steps you may take now." });
registerEnumType(DeclineReason, { name: 'DeclineReason' });
registerEnumType(GoalAttainment, { name: 'GoalAttainment' });
