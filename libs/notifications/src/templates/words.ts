import { Modality } from '@referloop/common';
import { ReferralPriority, ReferralStatus } from '@referloop/lifecycle';

const MODALITY_WORDS: Record<Modality, string> = {
  [Modality.MASSAGE]: 'massage therapy',
  [Modality.ACUPUNCTURE]: 'acupuncture',
  [Modality.CHIROPRACTIC]: 'chiropractic care',
  [Modality.PHYSICAL_THERAPY]: 'physical therapy',
};

const PRIORITY_WORDS: Record<ReferralPriority, string> = {
  ROUTINE: 'Routine',
  URGENT: 'Urgent',
};

/** Written for the patient, who reads the status of their own referral. */
const STATUS_WORDS: Record<ReferralStatus, string> = {
  DRAFT: 'being prepared by your clinic',
  SENT: "sent, waiting for the provider's answer",
  ON_HOLD: 'on hold while the provider waits for information from your clinic',
  ACCEPTED: 'accepted, the provider will contact you to book',
  DECLINED: 'not taken by this provider, another provider is being found',
  SCHEDULED: 'appointment booked',
  IN_TREATMENT: 'in treatment',
  COMPLETED: 'treatment complete',
  CANCELLED: 'cancelled',
  EXPIRED: 'not answered in time, another provider is being found',
};

// The view carries codes as plain strings read from the database; an unknown code means the
// vocabulary grew without the emails, which should fail loudly rather than show a raw code.
function lookUp(table: Record<string, string>, code: string, what: string): string {
  if (!Object.hasOwn(table, code)) {
    throw new Error(`No email wording for ${what} "${code}"`);
  }
  return table[code];
}

export function modalityInWords(code: string): string {
  return lookUp(MODALITY_WORDS, code, 'modality');
}

export function priorityInWords(code: string): string {
  return lookUp(PRIORITY_WORDS, code, 'priority');
}

export function statusInWords(code: string): string {
  return lookUp(STATUS_WORDS, code, 'status');
}
