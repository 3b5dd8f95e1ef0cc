import { NotificationTemplate } from '../notification.enums';

/** Where the referral stands when an email's turn comes. */
export interface ReferralNow {
  status: string;
  loopClosed: boolean;
}

/**
 * Emails that only make sense while the referral is still where the email says it is: a
 * reminder to answer once it has been answered, a question once it was answered, or a reminder
 * to acknowledge an outcome already acknowledged would only confuse. Every other email reports
 * something that happened and stays true.
 */
const DUE_ONLY_WHILE: Partial<Record<string, (referral: ReferralNow) => boolean>> = {
  [NotificationTemplate.RESPONSE_REMINDER]: (referral) => referral.status === 'SENT',
  [NotificationTemplate.INFO_REQUESTED]: (referral) => referral.status === 'ON_HOLD',
  [NotificationTemplate.OUTCOME_REMINDER]: (referral) => referral.status === 'COMPLETED' && !referral.loopClosed,
};

export function stillDue(template: string, referral: ReferralNow): boolean {
  const due = Object.hasOwn(DUE_ONLY_WHILE, template) ? DUE_ONLY_WHILE[template] : undefined;
  return due === undefined || due(referral);
}
