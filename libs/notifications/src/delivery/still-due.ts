import { InternalAction, LifecycleAction, Party, ReferralAction, ReferralStatus, stillOpen } from '@referloop/lifecycle';
import { NotificationTemplate } from '../notification.enums';

/** Where the referral stands when an email's turn comes. */
export interface ReferralNow {
  status: string;
  loopClosed: boolean;
}

/**
 * Emails that ask for a move make sense only while the lifecycle still allows it: a reminder to
 * answer once it has been answered, a question once it was answered, or a reminder to
 * acknowledge an outcome already acknowledged would only confuse. Every other email reports
 * something that happened and stays true.
 */
const ASKS_FOR: Partial<Record<string, { action: LifecycleAction; party: Party }>> = {
  [NotificationTemplate.RESPONSE_REMINDER]: { action: InternalAction.REMIND_RECEIVER, party: Party.SYSTEM },
  [NotificationTemplate.INFO_REQUESTED]: { action: ReferralAction.PROVIDE_INFO, party: Party.REFERRER },
  [NotificationTemplate.OUTCOME_REMINDER]: { action: ReferralAction.ACKNOWLEDGE_OUTCOME, party: Party.REFERRER },
};

export function stillDue(template: string, referral: ReferralNow): boolean {
  const asks = Object.hasOwn(ASKS_FOR, template) ? ASKS_FOR[template] : undefined;
  if (asks === undefined) return true;
  // Redirection rules out none of these moves.
  const facts = { status: referral.status as ReferralStatus, loopClosed: referral.loopClosed, redirected: false };
  return stillOpen(facts, asks.action, asks.party);
}
