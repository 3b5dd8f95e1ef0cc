import { NotificationTemplate } from '../notification.enums';

/**
 * Emails that only make sense while the referral is still where the email says it is: a
 * reminder to answer once it has been answered, or a question once it was answered, would
 * only confuse. Every other email reports something that happened and stays true.
 */
const DUE_ONLY_WHILE: Partial<Record<string, readonly string[]>> = {
  [NotificationTemplate.RESPONSE_REMINDER]: ['SENT'],
  [NotificationTemplate.INFO_REQUESTED]: ['ON_HOLD'],
};

export function stillDue(template: string, referralStatus: string): boolean {
  const statuses = DUE_ONLY_WHILE[template];
  return statuses === undefined || statuses.includes(referralStatus);
}
