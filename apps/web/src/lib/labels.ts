import { CONDITION_WORDS, TECHNIQUE_WORDS } from '@vocabulary/vocabulary-words';
import type { AgeBand, Condition, DeclineReason, Modality, ReferralAction, ReferralEventType, ReferralPriority, ReferralStatus, Technique, UserRole } from '../gql/graphql';

/** "SHOULDER_PAIN" → "Shoulder pain": the fallback for codes without a word of their own. */
export function sentenceCase(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

export const conditionLabel = (code: Condition): string => capitalised(CONDITION_WORDS[code] ?? sentenceCase(code));
export const techniqueLabel = (code: Technique): string => capitalised(TECHNIQUE_WORDS[code] ?? sentenceCase(code));

export const MODALITY_LABELS: Record<Modality, string> = {
  MASSAGE: 'Massage therapy',
  ACUPUNCTURE: 'Acupuncture',
  CHIROPRACTIC: 'Chiropractic',
  PHYSICAL_THERAPY: 'Physical therapy',
};

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  DRAFT: 'Draft',
  SENT: 'Sent',
  ON_HOLD: 'Information requested',
  ACCEPTED: 'Accepted',
  SCHEDULED: 'Scheduled',
  IN_TREATMENT: 'In treatment',
  COMPLETED: 'Completed',
  DECLINED: 'Declined',
  EXPIRED: 'Expired',
  CANCELLED: 'Cancelled',
};

/** Mantine colour per status: blue waiting on the receiver, orange on the referrer, green progressing, grey finished. */
export const STATUS_COLORS: Record<ReferralStatus, string> = {
  DRAFT: 'gray',
  SENT: 'blue',
  ON_HOLD: 'orange',
  ACCEPTED: 'teal',
  SCHEDULED: 'teal',
  IN_TREATMENT: 'green',
  COMPLETED: 'violet',
  DECLINED: 'red',
  EXPIRED: 'red',
  CANCELLED: 'gray',
};

export const PRIORITY_LABELS: Record<ReferralPriority, string> = { ROUTINE: 'Routine', URGENT: 'Urgent' };

export const ROLE_LABELS: Record<UserRole, string> = {
  PLATFORM_ADMIN: 'Platform admin',
  CLINIC_ADMIN: 'Clinic admin',
  COORDINATOR: 'Coordinator',
  PROVIDER: 'Provider',
};
export const roleLabel = (role: UserRole): string => ROLE_LABELS[role];

export const ACTION_LABELS: Record<ReferralAction, string> = {
  SEND: 'Send',
  ACCEPT: 'Accept',
  DECLINE: 'Decline',
  REQUEST_INFO: 'Request information',
  PROVIDE_INFO: 'Provide information',
  SCHEDULE: 'Schedule',
  START_TREATMENT: 'Start treatment',
  COMPLETE: 'Complete with outcome',
  REDIRECT: 'Redirect',
  CANCEL: 'Cancel referral',
  ACKNOWLEDGE_OUTCOME: 'Acknowledge outcome',
};

export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  NO_CAPACITY: 'No capacity',
  NOT_ACCEPTING_NEW_PATIENTS: 'Not accepting new patients',
  OUT_OF_SCOPE: 'Out of scope',
  CONTRAINDICATION: 'Contraindication',
  INSURANCE: 'Insurance',
  PATIENT_UNREACHABLE: 'Patient unreachable',
  OTHER: 'Other',
};

export const EVENT_LABELS: Record<ReferralEventType, string> = {
  CREATED: 'Created',
  UPDATED: 'Edited',
  SENT: 'Sent',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  PASSED: 'Passed',
  INFO_REQUESTED: 'Asked for information',
  INFO_PROVIDED: 'Provided information',
  SCHEDULED: 'Scheduled',
  RESCHEDULED: 'Rescheduled',
  TREATMENT_STARTED: 'Treatment started',
  TREATMENT_PLAN_SET: 'Treatment plan set',
  VISIT_RECORDED: 'Visit recorded',
  NO_SHOW: 'Missed visit',
  PROGRESS_REPORTED: 'Progress report sent',
  COMPLETED: 'Completed',
  OUTCOME_REMINDED: 'Outcome reminder sent',
  OUTCOME_ACKNOWLEDGED: 'Outcome acknowledged',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired (no answer in time)',
  REDIRECTED: 'Redirected',
  REFERRED_ONWARD: 'Referred onward',
};

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  UNDER_18: 'under 18',
  AGE_18_39: '18–39',
  AGE_40_64: '40–64',
  AGE_65_PLUS: '65 or over',
};
